import KehuStore
import XCTest

@testable import KehuShell

/// Every change is recorded (§1 dynamic management): one audit row per cell that really
/// changes, with the session's actor and time, and one per row added or purged.
final class AuditTests: XCTestCase {
  func testAnUpdateRecordsOnlyTheCellsItChanges() throws {
    let w = Workspace()
    let when = Timestamp(day: Day(parsing: "2026-11-30")!, hour: 14, minute: 5)
    let company: [String: Value] = ["kind": .text("company"), "name": .text("甲"), "status": .text("trading")]
    try w.change([.insert(table: "customers", values: company)], actor: "王芳", time: when)
    XCTAssertEqual(w.db["audit"].count, 1, "one row for the customer added")
    try w.change(
      [
        .update(
          table: "customers", key: .int(1),
          values: [
            "name": .text("甲公司"), "status": .text("trading"), "credit_limit": .money(Money(fen: 1_000_000)),
          ])
      ], actor: "王芳", time: when)
    let a = w.db["audit"]
    XCTAssertEqual(a.count, 3, "status did not change, so two more audit rows")
    XCTAssertEqual(a.rowValues(1)["field"], .text("credit_limit"))
    XCTAssertEqual(a.rowValues(1)["old"], .null)
    XCTAssertEqual(a.rowValues(1)["new"], .text("10000.00"))
    XCTAssertEqual(a.rowValues(2)["field"], .text("name"))
    XCTAssertEqual(a.rowValues(2)["old"], .text("甲"))
    XCTAssertEqual(a.rowValues(2)["new"], .text("甲公司"))
    XCTAssertEqual(a.rowValues(2)["time"], .timestamp(when))
    XCTAssertEqual(a.rowValues(2)["actor"], .text("王芳"))
    XCTAssertEqual(a.rowValues(2)["row"], .text("1"))
  }
}
