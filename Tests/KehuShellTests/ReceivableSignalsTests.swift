import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// The signals other areas read from the receivables records, on the demo firm.
final class ReceivableSignalsTests: XCTestCase {
  let today = Day(parsing: "2026-11-29")!

  func testStepsAndSuspension() throws {
    let db = try DemoFirm.database(today: today)
    // 1009 has left invoices open for most of a year: past the 90-day formal demand.
    XCTAssertEqual(ReceivableSignals.stepDue(db, customer: 1009, asof: today)?.key, "demand")
    XCTAssertTrue(ReceivableSignals.supplySuspended(db, customer: 1009, asof: today))
    // 1006's oldest overdue invoice is 5 days late: a reminder letter, supply continues.
    XCTAssertEqual(ReceivableSignals.stepDue(db, customer: 1006, asof: today)?.key, "letter")
    XCTAssertFalse(ReceivableSignals.supplySuspended(db, customer: 1006, asof: today))
    // Forty days on, the same invoice is 45 days late: supply is suspended.
    XCTAssertTrue(ReceivableSignals.supplySuspended(db, customer: 1006, asof: today.adding(days: 40)))
  }

  func testBrokenPromises() throws {
    let db = try DemoFirm.database(today: today)
    // The demo's promises: 1009 due 2026-10-30 (part paid), 1036 kept, 1007 due 12-03, 1038 due 12-07.
    XCTAssertEqual(ReceivableSignals.brokenPromises(db, asof: today), [1009])
    XCTAssertEqual(ReceivableSignals.brokenPromises(db, asof: today.adding(days: 9)), [1009, 1007, 1038])
  }
}
