import KehuStore
import XCTest

@testable import KehuDomain

final class PaymentTests: XCTestCase {
  var open: [OpenInvoice] {
    [
      // given newest first on purpose
      OpenInvoice(no: "I3", date: day("2026-02-05"), due: day("2026-03-07"), balance: yuan("500")),
      OpenInvoice(
        no: "I2", date: day("2026-02-01"), due: day("2026-03-03"), balance: yuan("2000"),
        terms: try! CashDiscountTerms(parsing: "2/10 n/30")),
      OpenInvoice(no: "I1", date: day("2026-01-01"), due: day("2026-01-31"), balance: yuan("1000")),
    ]
  }

  func testPartialPaymentGoesToTheOldest() throws {
    let p = try applyPayment(amount: yuan("600"), date: day("2026-02-20"), openItems: open)
    XCTAssertEqual(p.allocations.map(\.invoice), ["I1"])
    XCTAssertEqual(p.allocations[0].balanceAfter, yuan("400"))
  }

  func testOldestFirstAcrossInvoices() throws {
    // 1,500 on 02-20: I1 1,000 → 0; I2 500 (19 days after its date: no discount) → 1,500
    let p = try applyPayment(amount: yuan("1500"), date: day("2026-02-20"), openItems: open)
    XCTAssertEqual(p.allocations.map(\.applied), [yuan("1000"), yuan("500")])
    XCTAssertEqual(p.allocations.map(\.balanceAfter), [.zero, yuan("1500")])
    XCTAssertEqual(p.allocations[1].discount, .zero)
  }

  func testDiscountOnTheLastDayOfTheWindowButNotTheDayAfter() throws {
    // 2,000 × 2% = 40; 1,960 on 02-11 (day 10) settles I2
    let inside = try applyPayment(
      amount: yuan("1960"), date: day("2026-02-11"), invoice: "I2", openItems: open)
    XCTAssertEqual(
      inside.allocations,
      [
        PaymentAllocation(
          invoice: "I2", balanceBefore: yuan("2000"), applied: yuan("1960"), discount: yuan("40"),
          balanceAfter: .zero)
      ])
    // on 02-12 (day 11): no discount, 40 stays open
    let outside = try applyPayment(
      amount: yuan("1960"), date: day("2026-02-12"), invoice: "I2", openItems: open)
    XCTAssertEqual(outside.allocations[0].discount, .zero)
    XCTAssertEqual(outside.allocations[0].balanceAfter, yuan("40"))
  }

  func testPartPaymentInsideTheWindowEarnsNoDiscount() throws {
    let p = try applyPayment(amount: yuan("1000"), date: day("2026-02-05"), invoice: "I2", openItems: open)
    XCTAssertEqual(p.allocations[0].discount, .zero)
    XCTAssertEqual(p.allocations[0].balanceAfter, yuan("1000"))
  }

  func testDiscountInsideOldestFirst() throws {
    // 2,960 on 02-11: I1 1,000 → 0, then 1,960 settles I2 with its 40 discount; I3 untouched
    let p = try applyPayment(amount: yuan("2960"), date: day("2026-02-11"), openItems: open)
    XCTAssertEqual(p.allocations.map(\.invoice), ["I1", "I2"])
    XCTAssertEqual(p.allocations[1].discount, yuan("40"))
    XCTAssertEqual(p.onAccount, .zero)
  }

  func testOverpaymentRefusedUnlessOnAccount() throws {
    // open 1,000 + 2,000 + 500 = 3,500
    let e = domainError { () throws(DomainError) in
      try applyPayment(amount: yuan("4000"), date: day("2026-02-20"), openItems: open)
    }
    XCTAssertEqual(e, .overpayment(payment: yuan("4000"), open: yuan("3500")))
    let p = try applyPayment(amount: yuan("4000"), date: day("2026-02-20"), onAccount: true, openItems: open)
    XCTAssertEqual(p.onAccount, yuan("500"))
    XCTAssertEqual(p.allocations.map(\.balanceAfter), [.zero, .zero, .zero])
    // a named invoice takes no more than its balance
    let named = domainError { () throws(DomainError) in
      try applyPayment(amount: yuan("2500"), date: day("2026-02-20"), invoice: "I2", openItems: open)
    }
    XCTAssertEqual(named, .overpayment(payment: yuan("2500"), open: yuan("2000")))
  }

  func testBadPayments() {
    XCTAssertEqual(
      domainError { () throws(DomainError) in
        try applyPayment(amount: yuan("1"), date: day("2026-02-20"), invoice: "I9", openItems: open)
      }, .unknownInvoice("I9"))
    XCTAssertNotNil(
      domainError { () throws(DomainError) in
        try applyPayment(amount: .zero, date: day("2026-02-20"), openItems: open)
      })
  }
}
