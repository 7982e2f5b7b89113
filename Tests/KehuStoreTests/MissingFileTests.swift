import XCTest

@testable import KehuStore

/// A file the store needs that is gone: opening without it would silently lose
/// acknowledged changes, so open refuses (65) and `check` agrees.
final class MissingFileTests: XCTestCase {
  /// Two generations: snapshot 0 with its journal (three customers), then after a save
  /// snapshot 3 with a journal of two more customers.
  func makeStore() throws -> String {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("一")])
    try store.apply([customer("二")])
    try store.apply([customer("三")])
    try store.save()
    try store.apply([customer("四")])
    try store.apply([customer("五")])
    try store.close()
    return dir
  }

  func refusal(_ dir: String, file: StaticString = #filePath, line: UInt = #line) -> StoreError? {
    do {
      let (store, _) = try Store.open(.directory(dir))
      XCTFail("opened with \(store.state["customers"].count) customers", file: file, line: line)
      try? store.close()
      return nil
    } catch let e as StoreError {
      XCTAssertEqual(e.exitStatus, 65, file: file, line: line)
      return e
    } catch {
      XCTFail("\(error)", file: file, line: line)
      return nil
    }
  }

  func testADeletedLiveJournalIsRefusedAndCheckAgrees() throws {
    let dir = try makeStore()
    let journal = journalPath(dir)
    XCTAssertTrue(journal.hasSuffix("journal-00000000000000000003.kehu"))
    try FileManager.default.removeItem(atPath: journal)
    let before = directoryContents(dir).filter { $0.key != "lock" }
    let e = refusal(dir)
    XCTAssertTrue(
      e?.description.contains("journal-00000000000000000003.kehu") ?? false, "\(String(describing: e))")
    XCTAssertTrue(e?.description.contains("is missing") ?? false, "\(String(describing: e))")
    XCTAssertEqual(directoryContents(dir).filter { $0.key != "lock" }, before, "the refusal changed files")
    let report = try checkStore(dir: dir)
    XCTAssertFalse(report.intact)
    XCTAssertTrue(
      report.lines.contains { $0.contains("journal-00000000000000000003.kehu") && $0.contains("missing") })
  }

  func testADeletedNewestSnapshotIsRefusedAndCheckAgrees() throws {
    let dir = try makeStore()
    try FileManager.default.removeItem(atPath: snapshotPath(dir))
    let e = refusal(dir)
    XCTAssertTrue(
      e?.description.contains("snapshot-00000000000000000003.kehu is missing") ?? false,
      "\(String(describing: e))")
    let report = try checkStore(dir: dir)
    XCTAssertFalse(report.intact)
    XCTAssertTrue(report.lines.contains { $0.contains("snapshot-00000000000000000003.kehu is missing") })
  }

  /// A save writes the journal first: one cut short before its snapshot leaves an empty
  /// journal, and the store opens as it was.
  func testASaveCutShortBeforeItsSnapshotOpens() throws {
    let dir = try makeStore()
    let snapshot = snapshotPath(dir)
    let journal = journalPath(dir)
    try FileManager.default.removeItem(atPath: snapshot)
    try FileManager.default.removeItem(atPath: journal)
    // As a save at sequence 3 cut short after its journal: the old generation and an
    // empty journal-3.
    writeBytes(journal, JournalFile.header(base: 3))
    let (reopened, _) = try Store.open(.directory(dir))
    XCTAssertEqual(reopened.state["customers"].count, 3)
    try reopened.close()
    XCTAssertTrue(try checkStore(dir: dir).intact)
  }
}
