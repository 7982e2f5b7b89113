import XCTest

@testable import KehuStore

/// `kehu recover` says exactly what was lost, and `check` refuses what open refuses.
final class RecoverTests: XCTestCase {
  /// Snapshot at sequence 1 (customer 1), then a journal of five records: customers 2–6.
  func makeStore() throws -> String {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("一")])
    try store.save()
    for name in ["二", "三", "四", "五", "六"] { try store.apply([customer(name)]) }
    try store.commit()
    try store.close()
    return dir
  }

  func records(_ path: String) throws -> [JournalFile.Record] {
    try JournalFile.scan(fileBytes(path), path: path).records
  }

  func testDamageInTheMiddleNamesTheRecordsLostAfterIt() throws {
    let dir = try makeStore()
    let jpath = journalPath(dir)
    let recs = try records(jpath)
    XCTAssertEqual(recs.map(\.sequence), [2, 3, 4, 5, 6])
    var bytes = fileBytes(jpath)
    bytes[recs[1].offset + 20] ^= 0x10  // inside record 3
    writeBytes(jpath, bytes)
    let out = temporaryDirectory(self)
    let r = try recoverStore(from: dir, to: out)
    XCTAssertEqual(r.sequence, 2)
    XCTAssertEqual(r.lost.count, 1, "\(r.lost)")
    let lost = r.lost[0]
    XCTAssertTrue(lost.hasPrefix(jpath), lost)
    XCTAssertTrue(lost.contains("\(bytes.count - recs[1].offset) bytes from byte \(recs[1].offset)"), lost)
    XCTAssertTrue(
      lost.contains(
        "the damaged record and 3 intact records after it (sequence 4–6, from byte \(recs[2].offset))"),
      lost)
    XCTAssertTrue(lost.contains("last record kept is sequence 2"), lost)
    let (recovered, _) = try Store.open(.directory(out))
    XCTAssertEqual(recovered.state["customers"].count, 2)
    try recovered.close()
  }

  func testATornFinalRecordIsNamedAsIncompleteAndNothingAfterIt() throws {
    let dir = try makeStore()
    let jpath = journalPath(dir)
    let recs = try records(jpath)
    let whole = fileBytes(jpath)
    writeBytes(jpath, Array(whole[0..<(whole.count - 5)]))
    let r = try recoverStore(from: dir, to: temporaryDirectory(self))
    XCTAssertEqual(r.sequence, 5)
    XCTAssertEqual(
      r.lost,
      [
        "\(jpath): not replayed: \(whole.count - 5 - recs[4].offset) bytes from byte \(recs[4].offset) "
          + "(record length \(recs[4].end - recs[4].offset - 24) runs past the end): an incomplete final record; "
          + "last record kept is sequence 5"
      ])
  }

  func testNothingLostSaysSo() throws {
    let dir = try makeStore()
    let r = try recoverStore(from: dir, to: temporaryDirectory(self))
    XCTAssertEqual(r.sequence, 6)
    XCTAssertEqual(r.lost, [])
  }

  /// The open that cuts a damaged final record names it as complete, moves it aside, and
  /// a later recover names the file kept aside.
  func testAFinalRecordDamagedAfterItWasWrittenIsKeptAsideAndNamed() throws {
    let dir = try makeStore()
    let jpath = journalPath(dir)
    let recs = try records(jpath)
    var bytes = fileBytes(jpath)
    bytes[recs[4].offset + 18] ^= 0x01
    writeBytes(jpath, bytes)
    let (store, warnings) = try Store.open(.directory(dir))
    XCTAssertEqual(store.state["customers"].count, 5)
    try store.close()
    let aside = "\(dir)/journal-00000000000000000001-at-\(recs[4].offset).damaged"
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(
      warnings[0].description.contains("a complete final record damaged after it was written"),
      "\(warnings[0])")
    XCTAssertTrue(warnings[0].description.contains("kept in \(aside)"), "\(warnings[0])")
    XCTAssertEqual(fileBytes(aside), Array(bytes[recs[4].offset...]))
    let r = try recoverStore(from: dir, to: temporaryDirectory(self))
    XCTAssertEqual(r.sequence, 5)
    XCTAssertEqual(
      r.lost,
      [
        "\(aside): \(bytes.count - recs[4].offset) bytes an earlier open cut from a journal's tail, kept aside and not replayed"
      ]
    )
  }

  /// After a damaged journal, a later generation's journal cannot be reached: it is named
  /// with the records it held.
  func testAJournalTheReplayCannotReachIsNamedWithItsRecords() throws {
    let dir = try makeStore()
    let (store, _) = try Store.open(.directory(dir))
    try store.save()  // snapshot 6
    try store.apply([customer("七")])
    try store.apply([customer("八")])
    try store.commit()
    try store.close()
    var snap = fileBytes(snapshotPath(dir))
    snap[snap.count / 2] ^= 0x01
    writeBytes(snapshotPath(dir), snap)
    let old = "\(dir)/journal-00000000000000000001.kehu"
    var bytes = fileBytes(old)
    let recs = try records(old)
    bytes[recs[3].offset + 20] ^= 0x10  // record 5 of the old generation
    writeBytes(old, bytes)
    let r = try recoverStore(from: dir, to: temporaryDirectory(self))
    XCTAssertEqual(r.sequence, 4)
    XCTAssertEqual(r.lost.count, 3, "\(r.lost)")
    XCTAssertTrue(r.lost[0].contains("snapshot-00000000000000000006.kehu"), r.lost[0])
    XCTAssertTrue(
      r.lost[1].contains(
        "the damaged record and 1 intact record after it (sequence 6, from byte \(recs[4].offset))"),
      r.lost[1])
    XCTAssertEqual(
      r.lost[2],
      "\(journalPath(dir)): not used: 2 records (sequence 7–8) follow sequence 6, which the replay reached only up to 4"
    )
  }

  /// A journal copied in from another store (or another point of this one) is refused by
  /// open, and `check` agrees instead of calling it intact.
  func testCheckRefusesAJournalThatFollowsAnotherSequence() throws {
    let dir = try makeStore()
    let other = temporaryDirectory(self)
    let (o, _) = try Store.open(.directory(other))
    try o.apply([customer("甲")])
    try o.apply([customer("乙")])
    try o.save()  // sequence 2
    try o.apply([customer("丙")])
    try o.close()
    writeBytes(journalPath(dir), fileBytes(journalPath(other)))
    XCTAssertThrowsError(try Store.open(.directory(dir))) { e in
      XCTAssertTrue("\(e)".contains("follows sequence 2, not 1"), "\(e)")
    }
    let report = try checkStore(dir: dir)
    XCTAssertFalse(report.intact, "\(report.lines)")
    XCTAssertTrue(report.lines.contains { $0.contains("follows sequence 2, not 1") }, "\(report.lines)")
  }
}
