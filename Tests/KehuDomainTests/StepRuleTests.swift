import KehuStore
import XCTest

@testable import KehuDomain

final class StepRuleTests: XCTestCase {
  let rule = StepRule(onTimeRun: 3, raise: dec("0.10"), cut: dec("0.20"))

  func testRaiseAfterARunAndCutAfterLatePayments() throws {
    // Given out of order on purpose: the walk follows the payment dates.
    let history = [
      PaymentRecord(due: day("2026-06-30"), paid: day("2026-06-30")),
      PaymentRecord(due: day("2026-01-31"), paid: day("2026-01-30")),  // on time, run 1
      PaymentRecord(due: day("2026-02-28"), paid: day("2026-02-28")),  // on the due date is on time, run 2
      PaymentRecord(due: day("2026-03-31"), paid: day("2026-03-31")),  // run 3: 100,000 × 1.1 = 110,000
      PaymentRecord(due: day("2026-04-30"), paid: day("2026-05-01")),  // 1 day late: 110,000 × 0.8 = 88,000
      PaymentRecord(due: day("2026-05-31"), paid: day("2026-05-29")),  // run 1 (06-30 is run 2)
      PaymentRecord(due: day("2026-07-31"), paid: nil),  // unpaid, late from 08-01: 88,000 × 0.8 = 70,400
    ]
    let a = try adjustLimit(limit: yuan("100000"), history: history, asof: day("2026-08-15"), rule: rule)
    XCTAssertEqual(a.changes.map(\.to), [yuan("110000"), yuan("88000"), yuan("70400")])
    XCTAssertEqual(a.changes.map(\.date), [day("2026-03-31"), day("2026-05-01"), day("2026-08-01")])
    XCTAssertEqual(a.changes[1].reason.description, "paid 1 days late: cut 20%")
    XCTAssertEqual(a.changes[2].reason.description, "unpaid past due: cut 20%")
    XCTAssertEqual(a.limit, yuan("70400"))
    XCTAssertEqual(a.onTimeSinceChange, 0)
    XCTAssertEqual(a.table(rule: rule) { $0.description }.rows.count, 3)
  }

  func testUnpaidNotYetLateAndPaymentsAfterAsofAreIgnored() throws {
    let history = [
      PaymentRecord(due: day("2026-07-31"), paid: nil),  // asof 07-31: not late yet
      PaymentRecord(due: day("2026-06-30"), paid: day("2026-08-05")),  // paid after asof
      PaymentRecord(due: day("2026-05-31"), paid: day("2026-05-30")),
    ]
    let a = try adjustLimit(limit: yuan("100000"), history: history, asof: day("2026-07-31"), rule: rule)
    XCTAssertEqual(a.limit, yuan("100000"))
    XCTAssertEqual(a.onTimeSinceChange, 1)
  }

  func testRaiseRoundsToTheFenAndStopsAtTheCeiling() throws {
    let three = (1...3).map { PaymentRecord(due: day("2026-0\($0)-10"), paid: day("2026-0\($0)-10")) }
    // 12,345.67 × 1.1 = 13,580.237 → 13,580.24
    let a = try adjustLimit(limit: yuan("12345.67"), history: three, asof: day("2026-12-31"), rule: rule)
    XCTAssertEqual(a.limit, yuan("13580.24"))
    var capped = rule
    capped.ceiling = yuan("105000")
    // 100,000 × 1.1 = 110,000, held at 105,000
    let b = try adjustLimit(limit: yuan("100000"), history: three, asof: day("2026-12-31"), rule: capped)
    XCTAssertEqual(b.limit, yuan("105000"))
  }

  func testGraceDays() throws {
    var graced = rule
    graced.graceDays = 3
    // due 03-10: paid 03-13 (3 days) is on time, paid 03-14 (4 days) is late: 100,000 × 0.8
    let onTime = [PaymentRecord(due: day("2026-03-10"), paid: day("2026-03-13"))]
    let late = [PaymentRecord(due: day("2026-03-10"), paid: day("2026-03-14"))]
    XCTAssertEqual(
      try adjustLimit(limit: yuan("100000"), history: onTime, asof: day("2026-12-31"), rule: graced).limit,
      yuan("100000"))
    XCTAssertEqual(
      try adjustLimit(limit: yuan("100000"), history: late, asof: day("2026-12-31"), rule: graced).limit,
      yuan("80000"))
  }
}
