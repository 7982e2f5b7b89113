import KehuStore
import XCTest

@testable import KehuDomain

/// §3.3 (5): one step per review period, weighing payment status and trade volume.
final class LimitReviewTests: XCTestCase {
  let rule = StepRule(raise: dec("0.10"), cut: dec("0.20"))
  // A class-B period (3 months) ending 2026-11-29: 2026-08-30 … 11-29; the one before
  // 2026-05-30 … 08-29.
  let periods = reviewPeriods(asof: day("2026-11-29"), months: 3)

  func testPeriodsAreTheClassMonthsEndingAtAsof() {
    XCTAssertEqual(periods.current, day("2026-08-30")...day("2026-11-29"))
    XCTAssertEqual(periods.previous, day("2026-05-30")...day("2026-08-29"))
  }

  func testSevenLatePaymentsAreOneCut() throws {
    // Seven invoices paid a day late in the period: the old walk cut seven times,
    // 500,000 × 0.8⁷ = 104,857.60; a review period takes one step: 500,000 × 0.8 = 400,000.
    let late = (0..<7).map { k in
      PaymentRecord(due: day("2026-09-01").adding(days: 7 * k), paid: day("2026-09-02").adding(days: 7 * k))
    }
    let r = try reviewLimit(
      limit: yuan("500000"), history: late, period: periods.current, sales: yuan("90000"),
      previousSales: yuan("10000"), lastChange: day("2026-01-01"), rule: rule)
    XCTAssertEqual(r.payment, .late(7))
    XCTAssertEqual(r.decision, .cut)
    XCTAssertEqual(r.proposed, yuan("400000"))
  }

  func testOnTimeAndTradingMoreRaisesOnTimeAloneHolds() throws {
    // Two payments in the period on or before their due dates; one before the period is
    // not counted.
    let history = [
      PaymentRecord(due: day("2026-09-30"), paid: day("2026-09-30")),
      PaymentRecord(due: day("2026-10-31"), paid: day("2026-10-20")),
      PaymentRecord(due: day("2026-07-31"), paid: day("2026-08-05")),  // late, but before the period
    ]
    // Sales 120,000 against 100,000: up → 500,000 × 1.1 = 550,000.
    let up = try reviewLimit(
      limit: yuan("500000"), history: history, period: periods.current, sales: yuan("120000"),
      previousSales: yuan("100000"), lastChange: nil, rule: rule)
    XCTAssertEqual(up.payment, .onTime(2))
    XCTAssertEqual(up.decision, .raise)
    XCTAssertEqual(up.proposed, yuan("550000"))
    // Sales 100,000 against 100,000: not up → hold.
    let flat = try reviewLimit(
      limit: yuan("500000"), history: history, period: periods.current, sales: yuan("100000"),
      previousSales: yuan("100000"), lastChange: nil, rule: rule)
    XCTAssertEqual(flat.decision, .hold)
    XCTAssertEqual(flat.proposed, yuan("500000"))
    // A ceiling of 520,000 holds the raise there.
    var capped = rule
    capped.ceiling = yuan("520000")
    let held = try reviewLimit(
      limit: yuan("500000"), history: history, period: periods.current, sales: yuan("120000"),
      previousSales: yuan("100000"), lastChange: nil, rule: capped)
    XCTAssertEqual(held.proposed, yuan("520000"))
  }

  func testUnpaidPastGraceIsLateAndGraceCountsAsOnTime() throws {
    // Due 2026-11-20, unpaid on 11-29: late with no grace; with 10 days' grace it is not
    // late yet, and no payment fell in the period: hold.
    let open = [PaymentRecord(due: day("2026-11-20"), paid: nil)]
    let r = try reviewLimit(
      limit: yuan("100000"), history: open, period: periods.current, sales: .zero, previousSales: .zero,
      lastChange: nil, rule: rule)
    XCTAssertEqual(r.payment, .late(1))
    XCTAssertEqual(r.proposed, yuan("80000"))
    var graced = rule
    graced.graceDays = 10
    let g = try reviewLimit(
      limit: yuan("100000"), history: open, period: periods.current, sales: .zero, previousSales: .zero,
      lastChange: nil, rule: graced)
    XCTAssertEqual(g.payment, .none)
    XCTAssertEqual(g.decision, .hold)
  }

  func testOneStepPerPeriod() throws {
    // The limit was set on 2026-10-15, inside this period: no second step, whatever happened.
    let late = [PaymentRecord(due: day("2026-10-01"), paid: day("2026-10-20"))]
    let r = try reviewLimit(
      limit: yuan("400000"), history: late, period: periods.current, sales: .zero, previousSales: .zero,
      lastChange: day("2026-10-15"), rule: rule)
    XCTAssertEqual(r.alreadyAdjusted, day("2026-10-15"))
    XCTAssertEqual(r.decision, .hold)
    XCTAssertEqual(r.proposed, yuan("400000"))
  }
}
