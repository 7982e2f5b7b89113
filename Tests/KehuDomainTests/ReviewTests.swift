import KehuStore
import XCTest

@testable import KehuDomain

final class ReviewTests: XCTestCase {
  func testMonthEndSchedulesDoNotDrift() {
    XCTAssertEqual(CreditClass.c.nextReview(after: day("2026-01-31")), day("2026-02-28"))
    XCTAssertEqual(CreditClass.c.nextReview(after: day("2026-02-28")), day("2026-03-31"))
    XCTAssertEqual(CreditClass.c.nextReview(after: day("2028-01-31")), day("2028-02-29"))
    // 2026-08-31 + 6 months = 2027-02-28; 2026-11-30 + 3 months = 2027-02-28
    XCTAssertEqual(CreditClass.a.nextReview(after: day("2026-08-31")), day("2027-02-28"))
    XCTAssertEqual(CreditClass.b.nextReview(after: day("2026-11-30")), day("2027-02-28"))
    // mid-month keeps its day
    XCTAssertEqual(CreditClass.b.nextReview(after: day("2026-11-15")), day("2027-02-15"))
  }

  func testReviewsDueOldestFirst() {
    let accounts = [
      // due 07-15
      ReviewAccount(customer: "甲", creditClass: .a, lastReview: day("2026-01-15"), since: day("2020-01-01")),
      // due 07-31
      ReviewAccount(customer: "乙", creditClass: .c, lastReview: day("2026-06-30"), since: day("2020-01-01")),
      ReviewAccount(customer: "丙", creditClass: .b, lastReview: nil, since: day("2026-04-10")),  // due 07-10
      // 09-01
      ReviewAccount(customer: "丁", creditClass: .b, lastReview: day("2026-06-01"), since: day("2020-01-01")),
    ]
    let t = reviewsDue(accounts, asof: day("2026-07-31"))
    XCTAssertEqual(t.rows.map { $0[0] }, [.text("丙"), .text("甲"), .text("乙")])
    XCTAssertEqual(t.rows.map { $0[4] }, [.int(21), .int(16), .int(0)])
  }

  func testWarningSigns() {
    XCTAssertEqual(WarningSign.all.count, 12 + 13 + 13 + 10)
    XCTAssertEqual(WarningSign.named("f12")?.chinese, "其票据被银行拒付")
    XCTAssertEqual(WarningSign.dishonouredNote.english, "bills dishonoured")
    XCTAssertEqual(WarningSign.missedPayment.id, "P1")
    XCTAssertEqual(Set(WarningSign.all.map(\.id)).count, WarningSign.all.count)
  }
}
