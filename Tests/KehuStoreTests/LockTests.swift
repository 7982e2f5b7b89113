import Foundation
import XCTest

@testable import KehuStore

final class LockTests: XCTestCase {
  func testSecondWriterInTheSameProcessIsLockedOut() throws {
    let dir = temporaryDirectory(self)
    let (first, _) = try Store.open(.directory(dir))
    XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
      XCTAssertEqual(e as? StoreError, .locked(dir: dir, pid: getpid()))
      XCTAssertEqual((e as? StoreError)?.exitStatus, 75)
      XCTAssertEqual("\(e)", "store \(dir) is in use by process \(getpid())")
    }
    try first.close()
    let (second, _) = try Store.open(.directory(dir))
    try second.close()
  }

  /// Another process (flock(1)) sees the lock while a writer holds it, and not after.
  func testAnotherProcessSeesTheLock() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else {
      throw XCTSkip("flock(1) not installed")
    }
    let dir = temporaryDirectory(self)
    func tryLock() throws -> Int32 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
      p.arguments = ["-n", "-E", "75", dir + "/lock", "true"]
      try p.run()
      p.waitUntilExit()
      return p.terminationStatus
    }
    let (store, _) = try Store.open(.directory(dir))
    XCTAssertEqual(try tryLock(), 75)
    try store.close()
    XCTAssertEqual(try tryLock(), 0)
  }

  func testReadOnlyBesideAWriterAcrossSaves() throws {
    let dir = temporaryDirectory(self)
    let (writer, _) = try Store.open(.directory(dir))
    try writer.apply([customer("甲")])
    try writer.commit()
    let (reader, w) = try Store.open(.directory(dir), readOnly: true)
    XCTAssertEqual(w, [])
    XCTAssertEqual(reader.state["customers"].count, 1)
    XCTAssertThrowsError(try reader.apply([customer("乙")])) { e in
      XCTAssertEqual((e as? StoreError)?.exitStatus, 74)
    }
    // The writer saves twice: the files the reader opened are gone.
    try writer.apply([customer("乙")])
    try writer.save()
    try writer.apply([customer("丙")])
    try writer.save()
    try writer.apply([customer("丁")])
    try writer.commit()
    try reader.reload()
    XCTAssertEqual(reader.state["customers"].count, 4)
    // A half-written record at the tail is left alone by a reader.
    let jpath = journalPath(dir)
    let good = fileBytes(jpath)
    let h = FileHandle(forWritingAtPath: jpath)!
    h.seekToEndOfFile()
    h.write(Data(JournalFile.record(sequence: 99, [customer("戊")]).prefix(10)))
    h.closeFile()
    try reader.reload()
    XCTAssertEqual(reader.state["customers"].count, 4)
    XCTAssertEqual(fileBytes(jpath).count, good.count + 10)
    try writer.close()
  }

  func testAReaderFollowsTheJournalAndTheWritersSaves() throws {
    let dir = temporaryDirectory(self)
    let (writer, _) = try Store.open(.directory(dir))
    try writer.apply([customer("甲")])
    try writer.commit()
    let (reader, _) = try Store.open(.directory(dir), readOnly: true)
    XCTAssertFalse(try reader.follow(), "nothing appended, nothing moves")
    // Appended records are read at the next look, one commit or several.
    try writer.apply([customer("乙")])
    try writer.commit()
    XCTAssertTrue(try reader.follow())
    XCTAssertEqual(reader.state["customers"].count, 2)
    try writer.apply([customer("丙")])
    try writer.apply([customer("丁")])
    XCTAssertFalse(try reader.follow(), "an uncommitted change is not seen")
    try writer.commit()
    XCTAssertTrue(try reader.follow())
    XCTAssertEqual(reader.state["customers"].count, 4)
    XCTAssertEqual(reader.state.sequence, writer.state.sequence)
    // A half-written record at the tail waits; once complete it is read.
    let jpath = journalPath(dir)
    let record = JournalFile.record(sequence: writer.state.sequence + 1, [customer("戊")])
    let h = FileHandle(forWritingAtPath: jpath)!
    h.seekToEndOfFile()
    h.write(Data(record.prefix(10)))
    XCTAssertFalse(try reader.follow())
    XCTAssertEqual(reader.state["customers"].count, 4)
    h.write(Data(record.dropFirst(10)))
    h.closeFile()
    XCTAssertTrue(try reader.follow())
    XCTAssertEqual(reader.state["customers"].count, 5)
    try writer.close()
    // A new writer saves (a new snapshot and journal, the old pair removed later): the
    // reader moves to the newest snapshot and its journal.
    let (second, _) = try Store.open(.directory(dir))
    try second.save()
    try second.apply([customer("己")])
    try second.save()
    try second.apply([customer("庚")])
    try second.commit()
    XCTAssertTrue(try reader.follow())
    XCTAssertEqual(reader.state["customers"].count, 7)
    XCTAssertEqual(reader.state.sequence, second.state.sequence)
    try second.close()
  }

  func testReadOnlyNeedsAnExistingStore() {
    XCTAssertThrowsError(try Store.open(.directory(temporaryDirectory(self)), readOnly: true)) { e in
      XCTAssertEqual((e as? StoreError)?.exitStatus, 74)
    }
  }
}

final class LocationTests: XCTestCase {
  func testWhereTheStoreLives() {
    let env = ["HOME": "/home/li", "XDG_DATA_HOME": "/data", "KEHU_STORE": "/srv/kehu"]
    XCTAssertEqual(StoreLocation.resolve(memory: true, store: "/x", environment: env), .memory)
    XCTAssertEqual(StoreLocation.resolve(memory: false, store: "/x", environment: env), .directory("/x"))
    XCTAssertEqual(
      StoreLocation.resolve(memory: false, store: nil, environment: env), .directory("/srv/kehu"))
    XCTAssertEqual(
      StoreLocation.resolve(
        memory: false, store: nil, environment: ["HOME": "/home/li", "XDG_DATA_HOME": "/data"]),
      .directory("/data/kehu/default"))
    XCTAssertEqual(
      StoreLocation.resolve(memory: false, store: nil, environment: ["HOME": "/home/li"]),
      .directory("/home/li/.local/share/kehu/default"))
  }
}
