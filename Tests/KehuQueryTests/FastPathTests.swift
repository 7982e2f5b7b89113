import KehuStore
import XCTest

@testable import KehuQuery

/// The fast paths (typed readers, dense grouping, top-N sort) against hand results and
/// against the general path on generated rows.
final class FastPathTests: XCTestCase {
  func table(_ q: String, _ cat: any QueryCatalog) throws -> ResultTable { try lastTable(q, cat) }

  func testSummarizeByCodedTextWithNullKey() throws {
    let q =
      "customers | summarize n = count(), s = sum(credit_limit), lo = min(credit_limit), a = avg(credit_limit) by area"
    let expected: [[Value]] = [
      [t("华东"), i(2), m("850000"), m("50000"), m("425000")],
      [t("华北"), i(1), m("300000"), m("300000"), m("300000")],
      [t("华南"), i(1), m("600000"), m("600000"), m("600000")],
      [.null, i(1), .null, .null, .null],
    ]
    XCTAssertEqual(try table(q, catalog(typed: true)).rows, expected)
    XCTAssertEqual(try table(q, catalog(typed: false)).rows, expected)
  }

  /// A small deterministic generator (SplitMix64), so a failure repeats.
  struct Rand {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
  }

  func generated(_ seed: UInt64, rows: Int) -> TableSource {
    var r = Rand(state: seed)
    let grades = ["A", "B", "C", "华东", "华北"]
    var out: [[Value]] = []
    for n in 0..<rows {
      let k: Value = r.next(10) == 0 ? .null : .int(Int64(r.next(40) * 1000 + 7))
      let g: Value = r.next(12) == 0 ? .null : .text(grades[r.next(grades.count)])
      let a: Value = r.next(9) == 0 ? .null : .money(Money(fen: Int64(r.next(2_000_000)) - 500_000))
      out.append([.int(Int64(n)), k, g, a])
    }
    return TableSource(
      columns: [
        ResultColumn("id", .int), ResultColumn("k", .int), ResultColumn("g", .text),
        ResultColumn("a", .money),
      ],
      rows: out)
  }

  func testFastAndGeneralPathsAgreeOnGeneratedRows() throws {
    let queries = [
      "t | sort a desc, id | take 7", "t | sort g, a | take 11", "t | sort k desc, g desc, id | take 1000",
      "t | where a > 0 | sort a | take 3",
      "t | summarize n = count(), s = sum(a), hi = max(a), av = avg(a) by k",
      "t | summarize n = count(a), lo = min(a) by g", "t | summarize s = sum(a), n = count()",
      "t | where g in [\"A\", \"华东\"] and k >= 20_000 | summarize s = sum(a) by g",
      "t | where g != \"B\" | count", "t | where a != 1000 and k < 20_007 and g == \"A\" | select id",
      "t | where 100 >= a and a > -200.5 | select id", "t | where k == 7 | select id",
      "t | where k == null or a < -100 | sort id desc | take 5",
    ]
    for seed in UInt64(1)...5 {
      let src = generated(seed, rows: 400)
      let typed = TestCatalog(tables: ["t": src], typed: true)
      let plain = TestCatalog(tables: ["t": src], typed: false)
      let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
      for q in queries {
        let expected = try table(q, plain).rows
        XCTAssertEqual(try table(q, typed).rows, expected, "\(q) seed \(seed)")
        XCTAssertEqual(try table(q, arrays).rows, expected, "arrays: \(q) seed \(seed)")
      }
      // The top-N path keeps exactly the first rows of the full sort.
      for (q, n) in [("t | sort a desc, g", 9), ("t | sort g desc, k", 25)] {
        let full = try table(q, typed).rows
        XCTAssertEqual(try table(q + " | take \(n)", typed).rows, Array(full.prefix(n)), q)
      }
    }
  }

  func testJoinsAgreeAcrossReaders() throws {
    let queries = [
      "t | join u on k == k | select id, u.id, g, u.g", "t | join left u on k == k | select id, u.id, u.a",
      "t | join u on k == k | summarize s = sum(u.a), n = count() by g",
      "t | join left u on id == id | where u.g == \"A\" | count",
      "t | join u on k == id * 1000 + 7 | select id, u.id", "t | join u on a == a | count",
      "t | join u on id * 1000 + 7 == k | select id, u.id", "t | join u on k * 1.00 == k | count",
      "t | join u on a == k | select id, u.id", "t | join u on k == a | select id, u.id",
    ]
    for seed in UInt64(7)...9 {
      let t = generated(seed, rows: 150)
      let u = generated(seed + 100, rows: 60)
      let variants = [false, true].flatMap { typed in [false, true].map { (typed, $0) } }
      var results: [[[Value]]] = []
      for (typed, arrays) in variants where typed || !arrays {
        let cat = TestCatalog(tables: ["t": t, "u": u], typed: typed, arrays: arrays)
        results.append(contentsOf: try queries.map { try table($0, cat).rows })
      }
      let n = queries.count
      for v in 1..<(results.count / n) {
        for q in 0..<n {
          XCTAssertEqual(results[v * n + q], results[q], "\(queries[q]) seed \(seed) variant \(v)")
        }
      }
    }
  }

  func testRawJoinKeysOfDifferentTypesCompareByValue() throws {
    // Money 1,234.56 is 123456 fen; an int key 123456 must not match it, on any path,
    // with dense (narrow) and sparse (wide) right keys.
    let t = TableSource(
      columns: [ResultColumn("id", .int), ResultColumn("a", .money)],
      rows: [[i(1), m("1234.56")], [i(2), m("7.00")]])
    for wide in [false, true] {
      let v = TableSource(
        columns: [ResultColumn("k", .int)], rows: [[i(123456)], [i(7)]] + (wide ? [[i(9_000_000_000)]] : []))
      for (typed, arrays) in [(false, false), (true, false), (true, true)] {
        let cat = TestCatalog(tables: ["t": t, "v": v], typed: typed, arrays: arrays)
        XCTAssertEqual(
          try table("t | join v on a == k | select id, k", cat).rows, [[i(2), i(7)]], "\(wide) \(typed)")
      }
    }
  }

  func testFilterNarrowsTermByTermOnEveryReader() throws {
    let cat = catalog(typed: true, arrays: true)
    let engine = QueryEngine(catalog: cat, today: today)
    guard
      case .query(let p) = try engine.parse(
        "customers | where credit_limit >= 300_000 and area != \"华北\" and opened < 2023-01-01")[0].kind,
      case .filter(let cond) = try engine.plan(p).steps[0]
    else { return XCTFail() }
    // 800,000 华东 2020 (row 0); 300,000 is 华北 (row 1); 600,000 华南 2022 (row 3).
    for c in [cat, catalog(typed: true), catalog(typed: false)] {
      let ev = Evaluator(catalog: c, context: EvaluationContext(today: today))
      let frame = Evaluator.Frame(source: c.rows(of: "customers")!, selection: nil)
      XCTAssertEqual(try Kernels(evaluator: ev, frame: frame).select(cond), [0, 3])
    }
    // Over the storage arrays the comparison is a scan of the column itself.
    let ev = Evaluator(catalog: cat, context: EvaluationContext(today: today))
    let frame = Evaluator.Frame(source: cat.rows(of: "customers")!, selection: nil)
    guard case .and(let first, _) = cond.kind, case .and(let limit, _) = first.kind else { return XCTFail() }
    XCTAssertEqual(Kernels(evaluator: ev, frame: frame).scan(limit), [0, 1, 3])
  }

  func testGroupsKeepOrderOfFirstAppearanceOnSparseKeys() throws {
    let src = TableSource(
      columns: [ResultColumn("k", .int), ResultColumn("v", .int)],
      rows: [[i(9_000_000_000), i(1)], [i(-5), i(2)], [i(9_000_000_000), i(3)], [i(7), i(4)]])
    let cat = TestCatalog(tables: ["t": src], typed: true)
    XCTAssertEqual(
      try table("t | summarize s = sum(v) by k", cat).rows,
      [[i(9_000_000_000), i(4)], [i(-5), i(2)], [i(7), i(4)]])
  }
}
