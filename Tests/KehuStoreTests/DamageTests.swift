import XCTest

@testable import KehuStore

final class DamageTests: XCTestCase {
  /// A store with a snapshot holding customers 1–3 and a journal of three records after it:
  /// customer 4; customer 5; sale 1 of customer 5. Returns the directory.
  func makeStore() throws -> String {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("一"), customer("二"), customer("三")])
    try store.save()
    try store.apply([customer("四")])
    try store.apply([customer("五")])
    try store.apply([sale(5, 1_999)])
    try store.commit()
    try store.close()
    return dir
  }

  func recordOffsets(_ path: String) throws -> [Int] {
    try JournalFile.scan(fileBytes(path), path: path).records.map(\.offset)
  }

  func testTornTailAtEveryByteOfTheLastRecord() throws {
    let dir = try makeStore()
    let jpath = journalPath(dir)
    let whole = fileBytes(jpath)
    let offsets = try recordOffsets(jpath)
    XCTAssertEqual(offsets.count, 3)
    let last = offsets[2]
    for cut in last..<whole.count {
      writeBytes(jpath, Array(whole[0..<cut]))
      let (store, warnings) = try Store.open(.directory(dir))
      XCTAssertEqual(store.state["customers"].count, 5, "cut at \(cut)")
      XCTAssertEqual(store.state["sales"].count, 0, "cut at \(cut)")
      XCTAssertEqual(store.state.sequence, 3)  // save at 1, then records 2 and 3
      if cut == last {
        XCTAssertEqual(warnings, [])
      } else {
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].description.contains("dropped \(cut - last) bytes"), "\(warnings[0])")
        XCTAssertTrue(warnings[0].description.contains("last good record is sequence 3"), "\(warnings[0])")
      }
      try store.close()
      XCTAssertEqual(fileBytes(jpath).count, last, "the torn tail is cut off")
    }
  }

  /// A final record damaged after it was synced is dropped by the documented rule, but its
  /// bytes are moved aside, not destroyed.
  func testTheDroppedTailIsKeptBesideTheJournal() throws {
    let dir = try makeStore()
    let jpath = journalPath(dir)
    var whole = fileBytes(jpath)
    let last = try recordOffsets(jpath)[2]
    whole[whole.count - 1] ^= 0x01
    writeBytes(jpath, whole)
    let (store, warnings) = try Store.open(.directory(dir))
    try store.close()
    let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".damaged") }
    XCTAssertEqual(aside.count, 1)
    XCTAssertTrue(aside[0].hasSuffix("-at-\(last).damaged"), aside[0])
    XCTAssertEqual(fileBytes(dir + "/" + aside[0]), Array(whole[last...]))
    XCTAssertTrue(
      warnings[0].description.contains("the dropped bytes are kept in \(dir)/\(aside[0])"), "\(warnings[0])")
    XCTAssertEqual(fileBytes(jpath).count, last)
  }

  func testDamagedRecordFollowedByGoodOnesIsRefusedAndNothingChanges() throws {
    let dir = try makeStore()
    let good = try checkStore(dir: dir)
    XCTAssertTrue(good.intact, "\(good.lines)")
    XCTAssertTrue(good.lines.contains { $0.contains("3 records (sequence 2–4) intact") }, "\(good.lines)")
    let jpath = journalPath(dir)
    var bytes = fileBytes(jpath)
    let offsets = try recordOffsets(jpath)
    bytes[offsets[1] + 20] ^= 0x40  // inside the second record's payload
    writeBytes(jpath, bytes)
    let before = directoryContents(dir)
    XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
      guard case StoreError.corrupt(let file, let offset, _) = e else { return XCTFail("\(e)") }
      XCTAssertEqual(file, jpath)
      XCTAssertEqual(offset, offsets[1])
      XCTAssertEqual((e as! StoreError).exitStatus, 65)
    }
    XCTAssertEqual(directoryContents(dir), before)

    let report = try checkStore(dir: dir)
    XCTAssertFalse(report.intact)
    XCTAssertTrue(report.lines.contains { $0.contains("valid records follow") }, "\(report.lines)")

    // Recover keeps the snapshot and record 2 only: customers 1–4, no sale.
    let out = temporaryDirectory(self)
    let r = try recoverStore(from: dir, to: out)
    XCTAssertEqual(r.sequence, 2)
    XCTAssertEqual(r.lost.count, 1, "\(r.lost)")
    XCTAssertTrue(r.lost[0].contains("from byte \(offsets[1])"), r.lost[0])
    XCTAssertEqual(directoryContents(dir), before, "recover never changes the damaged store")
    let (recovered, w) = try Store.open(.directory(out))
    XCTAssertEqual(w, [])
    XCTAssertEqual(recovered.state["customers"].count, 4)
    XCTAssertEqual(recovered.state["customers"].row(forId: 4), 3)
    XCTAssertNil(recovered.state["customers"].row(forId: 5))
    XCTAssertEqual(recovered.state["sales"].count, 0)
    try recovered.close()
  }

  func testEveryFlippedSnapshotByteIsRefused() throws {
    let dir = try makeStore()
    let spath = snapshotPath(dir)
    let good = fileBytes(spath)
    let before = directoryContents(dir)
    // Every byte of the header and first chunks, then every fifth byte (a chunk header alone
    // is 24 bytes, so every chunk is hit several times): each flip is found.
    for i in Array(0..<512) + Array(stride(from: 512, to: good.count, by: 5)) {
      var bad = good
      bad[i] ^= 0x01
      writeBytes(spath, bad)
      XCTAssertThrowsError(try StoreFiles.readSnapshot(spath), "flip at \(i) not detected") { e in
        guard case StoreError.corrupt(let file, _, _) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(file, spath)
      }
      if i % 997 == 0 {  // and now and then through the store, which must refuse with 65
        XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
          XCTAssertEqual((e as? StoreError)?.exitStatus, 65)
        }
      }
    }
    writeBytes(spath, good)
    XCTAssertEqual(directoryContents(dir), before)
  }

  func testRecoverFallsBackToThePreviousSnapshot() throws {
    let dir = try makeStore()
    let (store, _) = try Store.open(.directory(dir))
    try store.save()  // snapshot at 4; the one at 1 and its journal stay
    try store.apply([customer("六")])
    try store.commit()
    try store.close()
    var bad = fileBytes(snapshotPath(dir))
    bad[100] ^= 0xFF
    writeBytes(snapshotPath(dir), bad)
    XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
      XCTAssertTrue("\(e)".contains("damaged at byte 40: checksum mismatch"), "\(e)")
    }
    let out = temporaryDirectory(self)
    let r = try recoverStore(from: dir, to: out)
    XCTAssertEqual(r.sequence, 5)
    let (recovered, _) = try Store.open(.directory(out))
    XCTAssertEqual(recovered.state["customers"].count, 6)
    XCTAssertEqual(recovered.state["sales"].count, 1)
    try recovered.close()
  }

  func testNewerFormatIsRefusedClearly() throws {
    let dir = try makeStore()
    let spath = snapshotPath(dir)
    var b = fileBytes(spath)
    b[8] = 9  // version 9; fix the header checksum so only the version is wrong
    let sum = Array(b[0..<32]).withUnsafeBytes { XXH64.hash($0) }
    withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { b[32 + i] = $0[i] } }
    writeBytes(spath, b)
    XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
      XCTAssertTrue("\(e)".contains("format 9 is newer"), "\(e)")
    }
  }
}
