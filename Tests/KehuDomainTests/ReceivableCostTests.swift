import KehuStore
import XCTest

@testable import KehuDomain

final class ReceivableCostTests: XCTestCase {
  func testDSO() throws {
    // 500,000 ÷ 1,500,000 × 90 = 30.00
    XCTAssertEqual(
      try dso(receivables: yuan("500000"), creditSales: yuan("1500000"), periodDays: 90).result.value,
      .decimal(dec("30.00")))
    // 400,000 ÷ 1,200,000 × 91 = 30.333… → 30.33
    XCTAssertEqual(
      try dso(receivables: yuan("400000"), creditSales: yuan("1200000"), periodDays: 91).result.value,
      .decimal(dec("30.33")))
    XCTAssertNotNil(
      domainError { () throws(DomainError) in
        try dso(receivables: yuan("1"), creditSales: .zero, periodDays: 30)
      })
  }

  func testTextbookHoldingCostOn360() throws {
    // The textbook example: annual credit sales 3,000,000, 60 days, variable cost rate 60%, cost of capital 10%:
    // average receivables 3,000,000 ÷ 360 × 60 = 500,000; capital tied up 500,000 × 60% = 300,000;
    // opportunity cost 300,000 × 10% = 30,000. With bad debts 2% (60,000) and management 10,000: total 100,000.
    let w = try holdingCost(
      HoldingCostFigures(
        annualCreditSales: yuan("3000000"), collectionDays: dec("60"), variableCostRate: dec("0.6"),
        costOfCapital: dec("0.10"), badDebtRate: dec("0.02"), managementCost: yuan("10000")))
    XCTAssertEqual(w.value("average receivables"), .money(yuan("500000")))
    XCTAssertEqual(w.value("capital tied up"), .money(yuan("300000")))
    XCTAssertEqual(w.value("opportunity cost"), .money(yuan("30000")))
    XCTAssertEqual(w.value("bad-debt cost"), .money(yuan("60000")))
    XCTAssertEqual(w.result.value, .money(yuan("100000")))
    XCTAssertTrue(w.convention.map(\.description).contains("convention: 360 days in a year"))
  }

  func testHoldingCostOn365() throws {
    // 3,000,000 × 60 ÷ 365 = 493,150.684… → 493,150.68; × 60% = 295,890.408 → 295,890.41;
    // × 10% = 29,589.041 → 29,589.04
    let w = try holdingCost(
      HoldingCostFigures(
        annualCreditSales: yuan("3000000"), collectionDays: dec("60"), variableCostRate: dec("0.6"),
        costOfCapital: dec("0.10"), year: .days365))
    XCTAssertEqual(w.value("average receivables"), .money(yuan("493150.68")))
    XCTAssertEqual(w.value("capital tied up"), .money(yuan("295890.41")))
    XCTAssertEqual(w.result.value, .money(yuan("29589.04")))
  }

  func testDiscountCostOn365And360() throws {
    let t = try CashDiscountTerms(parsing: "2/10 n/30")
    // 2% ÷ 98% × 365 ÷ 20 = 7.3 ÷ 19.6 = 0.37244… → 37.24%
    XCTAssertEqual(try discountCost(t, year: .days365).result.value, .percent(dec("0.3724")))
    // 2% ÷ 98% × 360 ÷ 20 = 7.2 ÷ 19.6 = 0.36734… → 36.73%
    XCTAssertEqual(try discountCost(t, year: .days360).result.value, .percent(dec("0.3673")))
  }

  func testTermsParsing() throws {
    for text in ["2/10 n/30", "2/10,n/30", "2/10, net 30", "2/10 N/30", "2%/10 n 30"] {
      let t = try CashDiscountTerms(parsing: text)
      XCTAssertEqual(t.tiers, [DiscountTier(rate: dec("0.02"), days: 10)], text)
      XCTAssertEqual(t.netDays, 30, text)
    }
    XCTAssertEqual(try CashDiscountTerms(parsing: "1.5/10 n/45").tiers[0].rate, dec("0.015"))
    XCTAssertEqual(try CashDiscountTerms(parsing: "n/30").tiers, [])
    XCTAssertEqual(try CashDiscountTerms(parsing: "2/10 1/20 n/60").description, "2/10 1/20 n/60")
    for bad in ["2/10", "2/30 n/30", "0/10 n/30", "n/30 2/10", "2/x n/30", "100/10 n/30", "1/20 2/10 n/60"] {
      let e = domainError { () throws(DomainError) in try CashDiscountTerms(parsing: bad) }
      guard case .badTerms(let text, _) = e else { return XCTFail(bad) }
      XCTAssertEqual(text, bad)
    }
  }

  func testDiscountWindows() throws {
    let t = try CashDiscountTerms(parsing: "2/10 1/20 n/60")
    XCTAssertEqual(t.discount(daysAfterInvoice: 10)?.rate, dec("0.02"))
    XCTAssertEqual(t.discount(daysAfterInvoice: 11)?.rate, dec("0.01"))
    XCTAssertEqual(t.discount(daysAfterInvoice: 20)?.rate, dec("0.01"))
    XCTAssertNil(t.discount(daysAfterInvoice: 21))
  }

  func testLateInterest() throws {
    let items = [
      OpenItem(ref: "INV-1", due: day("2026-03-01"), balance: yuan("100000")),  // 30 days overdue at 03-31
      OpenItem(ref: "INV-2", due: day("2026-03-31"), balance: yuan("5000")),  // due today: none
    ]
    // 100,000 × 6% × 30 ÷ 360 = 500.00
    let w = try lateInterest(items, annualRate: dec("0.06"), asof: day("2026-03-31"))
    XCTAssertEqual(w.result.value, .money(yuan("500")))
    XCTAssertEqual(w.steps.count, 1)
    // 6,000 × 30 ÷ 365 = 493.150… → 493.15
    let w365 = try lateInterest(items, annualRate: dec("0.06"), asof: day("2026-03-31"), year: .days365)
    XCTAssertEqual(w365.result.value, .money(yuan("493.15")))
  }
}
