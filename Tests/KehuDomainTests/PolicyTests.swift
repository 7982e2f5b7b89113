import KehuStore
import XCTest

@testable import KehuDomain

final class PolicyTests: XCTestCase {
  func testTwoPolicies() throws {
    let a = CreditPolicy(
      name: "A", terms: try .net(30), expectedSales: yuan("2400000"), variableCostRate: dec("0.6"),
      badDebtRate: dec("0.02"), collectionCost: yuan("20000"), costOfCapital: dec("0.10"))
    let b = CreditPolicy(
      name: "B", terms: try CashDiscountTerms(parsing: "2/10 n/60"), discountShares: [dec("0.5")],
      expectedSales: yuan("2700000"), variableCostRate: dec("0.6"), badDebtRate: dec("0.03"),
      collectionCost: yuan("30000"), costOfCapital: dec("0.10"))
    let c = try comparePolicies([a, b])
    let (oa, ob) = (c.outcomes[0], c.outcomes[1])
    // A: margin 2,400,000 × 40% = 960,000; 30 days; 2,400,000 ÷ 360 × 30 = 200,000; × 60% = 120,000;
    //    × 10% = 12,000; bad 48,000; discount 0; collection 20,000; net 960,000 − 80,000 = 880,000
    XCTAssertEqual(oa.contributionMargin, yuan("960000"))
    XCTAssertEqual(oa.averageReceivables, yuan("200000"))
    XCTAssertEqual(oa.opportunityCost, yuan("12000"))
    XCTAssertEqual(oa.badDebtCost, yuan("48000"))
    XCTAssertEqual(oa.netBenefit, yuan("880000"))
    // B: margin 1,080,000; days 50% × 10 + 50% × 60 = 35; 2,700,000 ÷ 360 × 35 = 262,500; × 60% = 157,500;
    //    × 10% = 15,750; bad 81,000; discount 2,700,000 × 50% × 2% = 27,000; collection 30,000;
    //    net 1,080,000 − 15,750 − 81,000 − 27,000 − 30,000 = 926,250
    XCTAssertEqual(ob.averageCollectionDays, dec("35"))
    XCTAssertEqual(ob.averageReceivables, yuan("262500"))
    XCTAssertEqual(ob.capitalTiedUp, yuan("157500"))
    XCTAssertEqual(ob.opportunityCost, yuan("15750"))
    XCTAssertEqual(ob.discountCost, yuan("27000"))
    XCTAssertEqual(ob.netBenefit, yuan("926250"))
    XCTAssertEqual(c.best, [1])
    let t = c.table
    XCTAssertEqual(t.columns.map(\.name), ["item", "formula", "A", "B", "difference"])
    let net = t.rows.first { $0[0] == .text("net benefit") }!
    XCTAssertEqual(net[4], .money(yuan("46250")))
    XCTAssertEqual(t.rows.last?[3], .text("✓"))
    XCTAssertTrue(t.notes.map(\.description).contains("better policy: B"))
  }

  func testOnePolicyIsNotAComparison() {
    XCTAssertNotNil(domainError { () throws(DomainError) in try comparePolicies([]) })
  }
}
