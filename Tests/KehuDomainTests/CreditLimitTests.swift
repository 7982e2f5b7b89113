import KehuStore
import XCTest

@testable import KehuDomain

final class CreditLimitTests: XCTestCase {
  func testSalesMethodMonthly() throws {
    // 400,000 a month × 30% = 120,000 a month from us; × 2 months = 240,000.00
    let l = try salesMethodLimit(
      purchases: yuan("400000"), share: dec("0.30"), period: dec("2"), unit: .month)
    XCTAssertEqual(l.limit, yuan("240000.00"))
    XCTAssertEqual(l.working.value("monthly purchases from us"), .money(yuan("120000")))
    XCTAssertEqual(l.method, .sales)
  }

  func testSalesMethodAnnualDays365() throws {
    // 7,300,000 a year × 25% = 1,825,000; ÷ 365 = 5,000 a day; × 60 days = 300,000.00
    let l = try salesMethodLimit(
      purchases: yuan("7300000"), share: dec("0.25"), period: dec("60"), unit: .day, year: .days365)
    XCTAssertEqual(l.limit, yuan("300000.00"))
    XCTAssertEqual(l.working.value("annual purchases from us"), .money(yuan("1825000")))
    XCTAssertTrue(l.working.convention.map(\.description).contains("convention: 365 days in a year"))
  }

  func testSalesMethodAnnualDays360() throws {
    // 1,825,000 × 60 ÷ 360 = 304,166.666… → 304,166.67
    let l = try salesMethodLimit(
      purchases: yuan("7300000"), share: dec("0.25"), period: dec("60"), unit: .day, year: .days360)
    XCTAssertEqual(l.limit, yuan("304166.67"))
  }

  func testSalesMethodRoundsHalfAwayFromZero() throws {
    // 1,000.01 × 50% × 1 month = 500.005 → 500.01 (a banker's rounding would give 500.00)
    let l = try salesMethodLimit(purchases: yuan("1000.01"), share: dec("0.5"), period: dec("1"))
    XCTAssertEqual(l.limit, yuan("500.01"))
  }

  func testSalesMethodRejectsShareOver100() {
    let e = domainError { () throws(DomainError) in
      try salesMethodLimit(purchases: yuan("100"), share: dec("1.5"), period: dec("1"))
    }
    guard case .invalidFigure(let name, _, _) = e else { return XCTFail("\(String(describing: e))") }
    XCTAssertEqual(name, "share")
  }

  func testWorkingCapitalDivision() throws {
    // 1,000,000 ÷ 3 = 333,333.333… → 333,333.33
    XCTAssertEqual(
      try workingCapitalLimit(workingCapital: yuan("1000000"), suppliers: 3).limit, yuan("333333.33"))
    // 0.05 ÷ 2 = 0.025 → 0.03, half away from zero
    XCTAssertEqual(try workingCapitalLimit(workingCapital: yuan("0.05"), suppliers: 2).limit, yuan("0.03"))
  }

  func testZeroSuppliersIsAnError() {
    let e = domainError { () throws(DomainError) in
      try workingCapitalLimit(workingCapital: yuan("1000"), suppliers: 0)
    }
    XCTAssertEqual(
      e,
      .invalidFigure(
        name: "suppliers", value: "0",
        expected: "must be at least 1 (the limit is divided among the customer's suppliers)"))
    let e2 = domainError { () throws(DomainError) in
      try netAssetLimit(assets: yuan("1000"), liabilities: yuan("10"), suppliers: 0)
    }
    XCTAssertTrue(e2?.description.hasPrefix("suppliers=0") ?? false)
  }

  func testNetAssetDivision() throws {
    // (5,000,000 − 3,200,000) ÷ 4 = 1,800,000 ÷ 4 = 450,000.00
    let l = try netAssetLimit(assets: yuan("5000000"), liabilities: yuan("3200000"), suppliers: 4)
    XCTAssertEqual(l.limit, yuan("450000"))
    XCTAssertEqual(l.working.value("net assets"), .money(yuan("1800000")))
  }

  func testNegativeOrZeroNetAssetsGiveAMessageNotANegativeLimit() {
    let neg = domainError { () throws(DomainError) in
      try netAssetLimit(assets: yuan("1000000"), liabilities: yuan("1200000"), suppliers: 2)
    }
    XCTAssertEqual(neg, .noNetAssets(assets: yuan("1000000"), liabilities: yuan("1200000")))
    XCTAssertTrue(neg!.description.contains("= -200,000.00"))
    let zero = domainError { () throws(DomainError) in
      try netAssetLimit(assets: yuan("500"), liabilities: yuan("500"), suppliers: 2)
    }
    XCTAssertEqual(zero, .noNetAssets(assets: yuan("500"), liabilities: yuan("500")))
  }

  func testCurrentRatio() throws {
    // 1,000,000 ÷ 300,000 = 3.3333… = 333.33%
    let w = try currentRatioWorking(currentAssets: yuan("1000000"), currentLiabilities: yuan("300000"))
    XCTAssertEqual(w.result.value, .percent(dec("3.3333")))
    XCTAssertEqual(Value.percentText(dec("3.3333")), "333.33%")
  }

  func testCurrentRatioLimitScalesAndIsCapped() throws {
    let rule = CurrentRatioRule(standard: yuan("200000"))  // usual 2.0, cap 2
    // ratio 3 → 200,000 × 3 ÷ 2 = 300,000, under the ceiling 400,000
    XCTAssertEqual(
      try currentRatioLimit(currentAssets: yuan("3000000"), currentLiabilities: yuan("1000000"), rule: rule)
        .limit,
      yuan("300000"))
    // ratio 1.5 → 150,000: below the usual ratio, below the standard
    XCTAssertEqual(
      try currentRatioLimit(currentAssets: yuan("1500000"), currentLiabilities: yuan("1000000"), rule: rule)
        .limit,
      yuan("150000"))
    // ratio 5 → 500,000 scaled, capped at 2 × 200,000 = 400,000
    let capped = try currentRatioLimit(
      currentAssets: yuan("5000000"), currentLiabilities: yuan("1000000"), rule: rule)
    XCTAssertEqual(capped.limit, yuan("400000"))
    XCTAssertEqual(capped.working.value("scaled limit"), .money(yuan("500000")))
    XCTAssertTrue(capped.working.rule.description.contains("capped at 2 × standard"))
    // ratio 10/3 → 200,000 × 1,000,000 ÷ (300,000 × 2) = 333,333.333… → 333,333.33
    XCTAssertEqual(
      try currentRatioLimit(currentAssets: yuan("1000000"), currentLiabilities: yuan("300000"), rule: rule)
        .limit,
      yuan("333333.33"))
  }

  func testCurrentRatioNeedsLiabilities() {
    let e = domainError { () throws(DomainError) in
      try currentRatio(currentAssets: yuan("100"), currentLiabilities: .zero)
    }
    guard case .invalidFigure(let name, _, _) = e else { return XCTFail() }
    XCTAssertEqual(name, "current_liabilities")
  }

  func testJudgementScorecard() throws {
    let scores: [JudgementFactor: Int] = [
      .profitability: 4, .safety: 4, .liquidity: 3, .salesAbility: 5, .purchasingRecord: 3, .staffQuality: 2,
    ]
    // 0.2·4 + 0.2·4 + 0.2·3 + 0.15·5 + 0.15·3 + 0.1·2 = 0.8+0.8+0.6+0.75+0.45+0.2 = 3.6
    // multiple = 0 + (3.6 − 1) × 2 ÷ 4 = 1.3; 100,000 × 1.3 = 130,000
    let l = try judgementLimit(scores: scores, base: yuan("100000"))
    XCTAssertEqual(l.working.value("weighted score"), .decimal(dec("3.6")))
    XCTAssertEqual(l.limit, yuan("130000"))
    // equal weights: (4+4+3+5+3+2) ÷ 6 = 3.5 → multiple 1.25 → 125,000
    var card = JudgementScorecard()
    for f in JudgementFactor.allCases { card.weights[f] = .one }
    XCTAssertEqual(
      try judgementLimit(scores: scores, base: yuan("100000"), scorecard: card).limit, yuan("125000"))
    // the ends of the line: all 1 → 0, all 5 → 2 × base
    let ones = Dictionary(uniqueKeysWithValues: JudgementFactor.allCases.map { ($0, 1) })
    let fives = Dictionary(uniqueKeysWithValues: JudgementFactor.allCases.map { ($0, 5) })
    XCTAssertEqual(try judgementLimit(scores: ones, base: yuan("100000")).limit, .zero)
    XCTAssertEqual(try judgementLimit(scores: fives, base: yuan("100000")).limit, yuan("200000"))
  }

  func testJudgementRejectsBadScores() {
    var scores = Dictionary(uniqueKeysWithValues: JudgementFactor.allCases.map { ($0, 3) })
    scores[.liquidity] = 6
    let e = domainError { () throws(DomainError) in try judgementLimit(scores: scores, base: yuan("1")) }
    XCTAssertEqual(e, .invalidFigure(name: "liquidity", value: "6", expected: "a score must be 1 to 5"))
    scores[.liquidity] = nil
    let m = domainError { () throws(DomainError) in try judgementLimit(scores: scores, base: yuan("1")) }
    XCTAssertEqual(m, .missingFigure(name: "score for liquidity", method: "comprehensive judgement"))
  }

  func altman(sales: String, mve: String = "600000") -> AltmanFigures {
    AltmanFigures(
      workingCapital: yuan("200000"), retainedEarnings: yuan("300000"), ebit: yuan("100000"),
      marketValueOfEquity: yuan(mve), sales: yuan(sales), totalAssets: yuan("1000000"),
      totalLiabilities: yuan("400000"))
  }

  func testAltmanZAndZones() throws {
    // X1 .2, X2 .3, X3 .1, X4 600/400 = 1.5, X5 1.5:
    // 0.24 + 0.42 + 0.33 + 0.9 + 1.5 = 3.39 → safe
    let z = try altmanZ(altman(sales: "1500000"))
    XCTAssertEqual(z.z, dec("3.39"))
    XCTAssertEqual(z.zone, .safe)
    // X5 1.1 → 2.99 exactly: grey (safe is over 2.99)
    XCTAssertEqual(try altmanZ(altman(sales: "1100000")).zone, .grey)
    // X4 1.0 → 0.6; 0.24+0.42+0.33+0.6 = 1.59; X5 .22 → 1.81 grey; X5 .219 → 1.809 distress
    XCTAssertEqual(try altmanZ(altman(sales: "220000", mve: "400000")).zone, .grey)
    let d = try altmanZ(altman(sales: "219000", mve: "400000"))
    XCTAssertEqual(d.z, dec("1.809"))
    XCTAssertEqual(d.zone, .distress)
  }

  func testJudgementShowsTheZScoreWithoutChangingTheLimit() throws {
    let threes = Dictionary(uniqueKeysWithValues: JudgementFactor.allCases.map { ($0, 3) })
    let l = try judgementLimit(
      scores: threes, base: yuan("50000"), altman: altman(sales: "219000", mve: "400000"))
    XCTAssertEqual(l.limit, yuan("50000"))
    XCTAssertEqual(l.working.value("Z zone"), .text("distress"))
  }

  func testAllMethodsSideBySideWithSpread() {
    var f = LimitFigures()
    f.purchases = yuan("400000")
    f.share = dec("0.30")
    f.period = dec("2")  // 240,000
    f.workingCapital = yuan("1000000")
    f.suppliers = 4  // 250,000
    f.assets = yuan("5000000")
    f.liabilities = yuan("3200000")  // 1,800,000 ÷ 4 = 450,000
    f.currentAssets = yuan("3000000")
    f.currentLiabilities = yuan("1000000")  // no standard: no limit
    let c = allLimitMethods(f)
    XCTAssertEqual(c.results.map(\.method), CreditLimitMethod.allCases)
    XCTAssertEqual(c.lowest, yuan("240000"))
    XCTAssertEqual(c.highest, yuan("450000"))
    XCTAssertEqual(c.spread, yuan("210000"))
    XCTAssertEqual(try? c.results[2].outcome.get(), nil)
    let t = c.resultTable { $0.description }
    XCTAssertEqual(t.rows.count, 5)
    XCTAssertEqual(t.rows[2][3], .text("current-ratio method needs standard, which is not given"))
    // 210,000 ÷ 240,000 = 87.5%
    XCTAssertTrue(t.notes.map(\.description).contains("the spread is 87.5% of the lowest limit"))
  }
}
