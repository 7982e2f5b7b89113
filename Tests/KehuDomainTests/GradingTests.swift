import KehuStore
import XCTest

@testable import KehuDomain

final class GradingTests: XCTestCase {
  /// The chapter's firm (Figure 4-1): 20 customers, 2,500,000 of sales; the first 4 make
  /// 2,000,000 (80%), customers 5–10 make 375,000 (15%), the last 10 make 125,000 (5%).
  static let chapterFirm: [Int64] = [
    800_000, 500_000, 400_000, 300_000,  // 2,000,000
    100_000, 80_000, 60_000, 50_000, 45_000, 40_000,  // 375,000
    20_000, 18_000, 16_000, 14_000, 12_000, 11_000, 10_000, 9_000, 8_000, 7_000,  // 125,000
  ].map { $0 * 100 }

  static let pct80 = Dec(mantissa: 80, scale: 2)
  static let pct95 = Dec(mantissa: 95, scale: 2)
  static func through(a: Dec = pct80, b: Dec = pct95) -> GradeLines { .share(a: a, b: b, rule: .through) }

  func testChapterFirmGradesFourASixBTenCUnderBothRules() {
    let amounts = Self.chapterFirm
    XCTAssertEqual(amounts.reduce(0, +), 250_000_000)
    let ids = (1...20).map { Int64($0) }
    let order = Grading.rank(amounts.reversed(), tieKeys: ids)
    // Reversed input: the largest is at index 19.
    XCTAssertEqual(order.first, 19)
    // before: the 5th customer starts at 2,000,000 / 2,500,000 = 80%, not below the A line,
    // so B; the 11th starts at 2,375,000 = 95%, not below the B line, so C.
    let graded = Grading.grade(amounts.reversed(), order: order, lines: .pareto)
    XCTAssertEqual(graded.map(\.grade.rawValue).joined(), "AAAABBBBBBCCCCCCCCCC")
    // through: the 4th customer's cumulative share is exactly 80%: on the line, so still A.
    let old = Grading.grade(amounts.reversed(), order: order, lines: Self.through())
    XCTAssertEqual(old.map(\.grade.rawValue).joined(), "AAAABBBBBBCCCCCCCCCC")
    XCTAssertEqual(graded[3].cumulative, 200_000_000)
    XCTAssertEqual(graded[9].cumulative, 237_500_000)
  }

  func testTheBiggestCustomerIsAlwaysA() {
    // 850,000 + 150,000 = 1,000,000. before: the first starts at 0% → A; the second starts
    // at 85%: not below 80%, below 95% → B. through: the first reaches 85% > 80% → B, the
    // second 100% > 95% → C, and the firm has no A customer at all.
    let amounts: [Int64] = [85_000_000, 15_000_000]
    let order = Grading.rank(amounts, tieKeys: [1, 2])
    XCTAssertEqual(Grading.grade(amounts, order: order, lines: .pareto).map(\.grade), [.a, .b])
    XCTAssertEqual(Grading.grade(amounts, order: order, lines: Self.through()).map(\.grade), [.b, .c])
    // One customer with 97% of sales: A under `before`, C under `through` (97% > 95%).
    let big: [Int64] = [9_700, 200, 100]
    let g = Grading.grade(big, order: [0, 1, 2], lines: .pareto)
    XCTAssertEqual(g.map(\.grade), [.a, .c, .c])  // 2nd and 3rd start at 97% and 99%
    XCTAssertEqual(Grading.grade(big, order: [0, 1, 2], lines: Self.through()).map(\.grade), [.c, .c, .c])
  }

  func testShareIsComparedExactlyNotRounded() {
    // Moving 100 yuan from the last customer to the 4th puts it at 2,000,100 / 2,500,000
    // = 80.004%: rounded to two decimals it would read 80.00%, but it is over the A line
    // (through). The 10th customer then reaches 2,375,100 = 95.004%, over the B line too.
    var amounts = Self.chapterFirm
    amounts[3] += 10_000
    amounts[19] -= 10_000
    let order = Grading.rank(amounts, tieKeys: amounts.indices.map(Int64.init))
    let graded = Grading.grade(amounts, order: order, lines: Self.through())
    XCTAssertEqual(graded.map(\.grade.rawValue).joined(), "AAABBBBBBCCCCCCCCCCC")
    // before: the 4th starts at 1,700,000 = 68% → A; the 5th at 80.004% → B; the 10th starts
    // at 2,335,100 = 93.404% → B; the 11th at 95.004% → C.
    let now = Grading.grade(amounts, order: order, lines: .pareto)
    XCTAssertEqual(now.map(\.grade.rawValue).joined(), "AAAABBBBBBCCCCCCCCCC")
    // Taking 100 yuan off the 4th instead puts the 5th's start at 1,999,900 = 79.996%:
    // below 80%, so the 5th is A too; and the 11th's start at 2,374,900 = 94.996%: below
    // 95%, so the 11th is B.
    var less = Self.chapterFirm
    less[3] -= 10_000
    less[19] += 10_000
    let g = Grading.grade(
      less, order: Grading.rank(less, tieKeys: less.indices.map(Int64.init)), lines: .pareto)
    XCTAssertEqual(g.map(\.grade.rawValue).joined(), "AAAAABBBBBBCCCCCCCCC")
  }

  func testTiesTakeTheHigherBand() {
    // 40 + 40 + 20 = 100.
    let amounts: [Int64] = [20, 40, 40]
    let order = Grading.rank(amounts, tieKeys: [1003, 1002, 1001])
    XCTAssertEqual(order, [2, 1, 0])
    // before: the first 40 starts at 0% → A, its twin joins it; the 20 starts at 80% → B.
    XCTAssertEqual(Grading.grade(amounts, order: order, lines: .pareto).map(\.grade), [.a, .a, .b])
    // through with A at 50%: the first 40 reaches 40% → A; the second would reach 80% (B) but
    // an equal amount takes the higher band; the 20 reaches 100% → C.
    let half = Dec(mantissa: 5, scale: 1)
    XCTAssertEqual(
      Grading.grade(amounts, order: order, lines: Self.through(a: half)).map(\.grade), [.a, .a, .c])
    // before with A at 30%: the first 40 starts at 0% → A, the second (starting at 40%) joins it.
    let thirty = Dec(mantissa: 3, scale: 1)
    XCTAssertEqual(
      Grading.grade(amounts, order: order, lines: .share(a: thirty, b: Self.pct95, rule: .before)).map(
        \.grade),
      [.a, .a, .b])
    // A tie on the B line: 60 + 20 + 20 = 100 under before with A 70%, B 75%: the first 20
    // starts at 60% → A; a tie stays A. Through: 60% A, 80% > 75% → C for both.
    let edge: [Int64] = [60, 20, 20]
    let (a70, b75) = (Dec(mantissa: 7, scale: 1), Dec(mantissa: 75, scale: 2))
    XCTAssertEqual(
      Grading.grade(edge, order: [0, 1, 2], lines: .share(a: a70, b: b75, rule: .before)).map(\.grade),
      [.a, .a, .a])
    XCTAssertEqual(
      Grading.grade(edge, order: [0, 1, 2], lines: Self.through(a: a70, b: b75)).map(\.grade), [.a, .c, .c])
  }

  func testNoSalesIsCAndCountsAsZero() {
    let amounts: [Int64] = [0, 100, -50]
    let g = Grading.grade(amounts, order: Grading.rank(amounts, tieKeys: [1, 2, 3]), lines: .pareto)
    // 100 is the only one that bought: it starts at 0% → A; nothing else bought → C.
    XCTAssertEqual(g.map(\.index), [1, 0, 2])
    XCTAssertEqual(g.map(\.grade), [.a, .c, .c])
    // Under through, 100 reaches 100% > 95% → C.
    XCTAssertEqual(
      Grading.grade(amounts, order: [1, 0, 2], lines: Self.through()).map(\.grade), [.c, .c, .c])
    XCTAssertEqual(Grading.grade([0, 0], order: [0, 1], lines: .pareto).map(\.grade), [.c, .c])
  }

  func testStandardAmountsCompareSumsAgainstStandardTimesMonths() {
    // Three months; A from 4,000 a month (12,000 in all), B from 1,000 (3,000).
    let lines = GradeLines.standard(a: yuan("4000"), b: yuan("1000"))
    let sums: [Int64] = [1_200_000, 1_199_999, 300_000, 299_999]
    let g = Grading.grade(sums, order: [0, 1, 2, 3], lines: lines, months: 3)
    XCTAssertEqual(g.map(\.grade), [.a, .b, .b, .c])
  }

  func testChapterMonthlyAverage() throws {
    // Table 4-12: 5,000 + 2,500 + 4,500 = 12,000; ÷ 3 = 4,000.
    let w = try MonthlyAverage.working(
      customer: "1001", labels: ["06", "07", "08"], monthly: [yuan("5000"), yuan("2500"), yuan("4500")])
    XCTAssertEqual(w.steps.map(\.value), [.money(yuan("5000")), .money(yuan("7500")), .money(yuan("12000"))])
    XCTAssertEqual(w.result.value, .money(yuan("4000")))
  }

  func testFirstSaleInsideTheWindowStillDividesByAllMonths() throws {
    // Bought first in the second month: (0 + 2,500 + 4,500) ÷ 3 = 2,333.333… → 2,333.33.
    XCTAssertEqual(try MonthlyAverage.average([.zero, yuan("2500"), yuan("4500")]), yuan("2333.33"))
    // 0.02 ÷ 3 = 0.00666… → 0.01 (half away from zero).
    XCTAssertEqual(try MonthlyAverage.average([.zero, .zero, yuan("0.02")]), yuan("0.01"))
    XCTAssertEqual(try MonthlyAverage.average([.zero, .zero, .zero]), .zero)
  }

  func testMonthWindowIsTheFullMonthsBeforeAsof() {
    let w = MonthWindow(asof: day("2026-11-29"), months: 3)
    XCTAssertEqual(w.labels, ["2026-08", "2026-09", "2026-10"])
    XCTAssertEqual(w.end, day("2026-11-01"))
    XCTAssertEqual(w.month(of: day("2026-08-01").number), 0)
    XCTAssertEqual(w.month(of: day("2026-09-30").number), 1)
    XCTAssertEqual(w.month(of: day("2026-10-31").number), 2)
    XCTAssertNil(w.month(of: day("2026-11-01").number))
    XCTAssertNil(w.month(of: day("2026-07-31").number))
    // Across a year end, and on the first of a month (that month has not happened yet).
    XCTAssertEqual(
      MonthWindow(asof: day("2026-02-01"), months: 4).labels, ["2025-10", "2025-11", "2025-12", "2026-01"])
  }
}

final class RouteAndPolicyTests: XCTestCase {
  func testTourOnALineVisitsInOrder() {
    // Five points along one parallel, given shuffled; start at the western end.
    let lons = [0.0, 0.3, 0.1, 0.4, 0.2]
    let pts = lons.map { Tour.Point(latitude: 30, longitude: 120 + $0) }
    XCTAssertEqual(Tour.plan(pts), [0, 2, 4, 1, 3])
  }

  func testTwoOptRemovesACrossing() {
    // A unit square visited 0→2→1→3 crosses itself; 0→1→2→3 (around) is shorter.
    let pts = [(0.0, 0.0), (0.0, 0.01), (0.01, 0.01), (0.01, 0.0)].map {
      Tour.Point(latitude: $0.0, longitude: $0.1)
    }
    let fixed = Tour.twoOpt(pts, [0, 2, 1, 3])
    XCTAssertEqual(fixed, [0, 1, 2, 3])
    XCTAssertLessThan(Tour.length(pts, fixed), Tour.length(pts, [0, 2, 1, 3]))
  }

  func testVisitDueCountsTheLowerBound() {
    let a = VisitPolicy.defaults["A"]!
    XCTAssertEqual(a[0].due(done: 1), 2)  // handler: 3 a month, 1 done
    XCTAssertEqual(a[1].due(done: 3), 0)  // leader: 2–3 a month, 3 done
    XCTAssertEqual(VisitPolicy.defaults["B"]![5].due(done: 0), 0)  // GM: when needed
    let w = VisitPolicy.window(endingWith: day("2026-12-01"), months: 2)
    XCTAssertEqual(w.start, day("2026-11-01"))
    XCTAssertEqual(w.end, day("2027-01-01"))
  }

  func testProspectNextVisit() {
    let b = ProspectRule.defaults[1]
    XCTAssertEqual(b.nextVisit(after: day("2026-11-20")), day("2026-12-04"))
    XCTAssertNil(ProspectRule.defaults[3].nextVisit(after: day("2026-11-20")))
  }

  func testProductMixFormulas() throws {
    // Sales 1,000, cost 750 of a 4,000 total; average stock 250 at cost.
    let l = try ProductMix.line(
      sales: yuan("1000"), cost: yuan("750"), total: yuan("4000"), averageStock: yuan("250"))
    XCTAssertEqual(l.marginRate, dec("0.25"))  // 250 ÷ 1,000
    XCTAssertEqual(l.share, dec("0.25"))  // 1,000 ÷ 4,000
    XCTAssertEqual(l.contribution, dec("0.0625"))  // 25% × 25%
    XCTAssertEqual(l.turnover, dec("3"))  // 750 ÷ 250
    XCTAssertEqual(l.crossRatio, dec("0.75"))  // 25% × 3
    XCTAssertNil(
      try ProductMix.line(sales: yuan("1"), cost: yuan("1"), total: yuan("1"), averageStock: nil).turnover)
  }
}

final class GradingArithmeticTests: XCTestCase {
  func testShareRoundsHalfAwayFromZeroToAHundredthOfAPercent() {
    XCTAssertEqual(Grading.share(1, of: 3), dec("0.3333"))  // 0.33333…
    XCTAssertEqual(Grading.share(2, of: 3), dec("0.6667"))  // 0.66666…
    XCTAssertEqual(Grading.share(1, of: 20_000), dec("0.0001"))  // 0.00005 → up
    XCTAssertEqual(Grading.share(-1, of: 20_000), dec("-0.0001"))
    XCTAssertEqual(Grading.share(5, of: 0), .zero)
  }

  func testAverageOfNegativeTotalsRoundsAwayFromZero() {
    // −0.05 ÷ 2 = −0.025 → −0.03; 0.05 ÷ 2 = 0.025 → 0.03; 0.04 ÷ 3 = 0.0133… → 0.01.
    XCTAssertEqual(MonthlyAverage.average(total: yuan("-0.05"), months: 2), yuan("-0.03"))
    XCTAssertEqual(MonthlyAverage.average(total: yuan("0.05"), months: 2), yuan("0.03"))
    XCTAssertEqual(MonthlyAverage.average(total: yuan("0.04"), months: 3), yuan("0.01"))
  }
}

final class SalesTotalsTests: XCTestCase {
  /// Two customers with far-apart ids (so the id map is a dictionary) and one with none.
  func database(ids: [Int64]) throws -> Database {
    var db = Database()
    var batch: [Mutation] = ids.map {
      .insert(
        table: "customers",
        values: [
          "id": .int($0), "kind": .text("company"), "name": .text("客户\($0)"), "status": .text("trading"),
        ])
    }
    // (customer, date, amount in yuan, cost)
    let lines: [(Int64, String, String, String?)] = [
      (ids[0], "2026-07-31", "999", nil),  // before the window
      (ids[0], "2026-08-01", "5000", "4000"),  // first day of the window
      (ids[0], "2026-09-15", "2500", "2000"),
      (ids[0], "2026-10-31", "4500", nil),  // last day of the window
      (ids[0], "2026-11-01", "777", nil),  // the current month: not counted
      (ids[1], "2026-10-02", "100", "30"),
    ]
    for (k, l) in lines.enumerated() {
      var v: [String: Value] = [
        "id": .int(Int64(k + 1)), "customer": .int(l.0), "date": .date(day(l.1)), "amount": .money(yuan(l.2)),
      ]
      if let c = l.3 { v["cost"] = .money(yuan(c)) }
      batch.append(.insert(table: "sales", values: v))
    }
    try db.apply(batch)
    return db
  }

  func testWindowSumsAndMonthlyFigures() throws {
    for ids: [Int64] in [[1001, 1002, 1003], [5, 9_000_000_000, 7]] {
      let db = try database(ids: ids)
      let w = MonthWindow(asof: day("2026-11-29"), months: 3)
      // 5,000 + 2,500 + 4,500 = 12,000 (Table 4-12); the second customer 100; the third nothing.
      XCTAssertEqual(SalesTotals.windowSums(db, w), [1_200_000, 10_000, 0])
      XCTAssertEqual(
        SalesTotals.monthly(db, customer: ids[0], w), [yuan("5000"), yuan("2500"), yuan("4500")])
      // All time: 999 + 12,000 + 777 = 13,776.
      XCTAssertEqual(SalesTotals.totals(db, from: nil, to: nil), [1_377_600, 10_000, 0])
      // Margin: a line without a cost counts whole: 999 + 1,000 + 500 + 4,500 + 777 = 7,776; 100 − 30 = 70.
      XCTAssertEqual(SalesTotals.totals(db, from: nil, to: nil, measure: .margin), [777_600, 7_000, 0])
    }
  }
}
