import KehuStore
import XCTest

@testable import KehuQuery

/// The vector kernels (typed readers) against the row-at-a-time path (no readers) on
/// generated rows with nulls in every column: both must give the same rows, in the same
/// order, and the same errors.
final class VectorEngineTests: XCTestCase {
  func table(_ q: String, _ cat: any QueryCatalog) throws -> ResultTable { try lastTable(q, cat) }

  func generated(_ seed: UInt64, rows: Int) -> TableSource {
    var r = FastPathTests.Rand(state: seed)
    let grades = ["B", "A", "C", "华东", "华北", "Zeta", "华", "", "Ae", "王芳"]
    let base = Day(year: 2025, month: 12, day: 20)!
    var out: [[Value]] = []
    for n in 0..<rows {
      let k: Value = r.next(10) == 0 ? .null : .int(Int64(r.next(40) * 1000 + 7))
      let g: Value = r.next(12) == 0 ? .null : .text(grades[r.next(grades.count)])
      let a: Value = r.next(9) == 0 ? .null : .money(Money(fen: Int64(r.next(2_000_000)) - 500_000))
      let d: Value = r.next(11) == 0 ? .null : .date(base.adding(days: r.next(90) - 30))
      let q: Value = r.next(8) == 0 ? .null : .int(Int64(r.next(9)))
      out.append([.int(Int64(n)), k, g, a, d, q])
    }
    return TableSource(
      columns: [
        ResultColumn("id", .int), ResultColumn("k", .int), ResultColumn("g", .text),
        ResultColumn("a", .money), ResultColumn("d", .date), ResultColumn("q", .int),
      ],
      rows: out)
  }

  let queries = [
    // Grouping by one and several keys, codes, months, dates, nulls among the keys.
    "t | summarize n = count(), s = sum(a), lo = min(a), hi = max(a), av = avg(a) by g, k",
    "t | summarize n = count(d), first = min(d), last = max(d) by m = month(d)",
    "t | summarize s = sum(q), md = median(a), mq = median(q), av = avg(q) by y = year(d), g",
    "t | summarize c = count_distinct(g), ck = count_distinct(k), cd = count_distinct(month(d)) by q",
    "t | summarize c = count_distinct(k), n = count(q), s = sum(a)",
    "t | where id < 0 | summarize n = count(), s = sum(a), md = median(a)",
    "t | where id < 0 | summarize n = count() by g",
    "t | summarize n = count() by d, g, q | sort n desc, d, g, q | take 20",
    "t | summarize s = sum(a) by k | where s > 1000 | sort s desc",
    "t | summarize s = sum(a), n = count() by g | derive per = s / n | sort g",
    // distinct over codes, ints and dates.
    "t | distinct g, q", "t | distinct d | sort d desc", "t | select k, g | distinct k, g | count",
    // Kernels: arithmetic, comparisons with nulls, and/or/not, in, if, coalesce, dates.
    "t | derive x = q * 3 - k, y = a + a, z = -a | where x > 100 or y < 0 | select id, x, y, z",
    "t | where not (g == \"A\" or q in [1, 2, null]) and d >= 2026-01-01 | select id",
    "t | where g == null or k != null | select id, g",
    "t | where g > \"B\" and g <= \"华东\" | select id, g",
    "t | where contains(g, \"华\") or starts_with(g, \"Z\") | select id",
    "t | where g in [\"A\", \"Zeta\", null] | select id, g",
    "t | where g == \"王芳\" or g == \"\" or contains(g, \"e\") or starts_with(g, \"\") | select id, g",
    "t | where g in [\"华\", \"王芳\"] or contains(g, \"华北\") or g != \"A\" | select id",
    "t | where g != \"A\" | select id", "t | where q is null or d is not null | count",
    "t | derive w = if(q > 4, a, null), v = coalesce(k, q, 0) | select id, w, v",
    "t | derive b = q > 3, c = days_between(d, 2026-01-31) | where b and c < 10 | select id, b, c",
    "t | derive dd = d - 2026-01-01 | where dd >= 0d | select id, dd",
    "t | where month(d) == \"2026-01\" or year(d) == 2025 | select id, d",
    // Sorts: codes by rank, nulls first (last when descending), several keys, top-N.
    "t | sort g, a desc, id", "t | sort g desc, d | take 13", "t | sort month(d), q desc | take 1000",
    "t | sort a | take 1", "t | sort id | take 0", "t | where id < 0 | sort a | take 3",
    "t | sort q * 2 - k desc | take 9",
    // Ties: top-N and the radix sort keep equal rows in their order.
    "t | sort q, g | take 50", "t | sort q desc | take 4096", "t | sort q desc, g", "t | sort d desc, q",
    // Joins on dense keys: duplicates on the joined side, null keys, left joins.
    "t | join t on q == id", "t | join left t on k == k | summarize n = count() by g",
    "t | where id < 60 | join left t on q == q | count",
    "t | sort q desc, id | derive r = rank() | where r in [1, 5, 77] or r > 490 | select r, id",
  ]

  func testVectorAndRowPathsAgree() throws {
    for seed in UInt64(11)...14 {
      let src = generated(seed, rows: 500)
      let typed = TestCatalog(tables: ["t": src], typed: true)
      let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
      let plain = TestCatalog(tables: ["t": src], typed: false)
      let free = TestCatalog(tables: ["t": src], typed: true, arrays: true, freeText: true)
      for q in queries {
        let expected = try table(q, plain).rows
        XCTAssertEqual(try table(q, typed).rows, expected, "\(q) seed \(seed)")
        XCTAssertEqual(try table(q, arrays).rows, expected, "arrays: \(q) seed \(seed)")
        XCTAssertEqual(try table(q, free).rows, expected, "free text: \(q) seed \(seed)")
      }
    }
  }

  /// Past one batch (`Batches.size`): a where moved before the derive it reads, the totals
  /// of a where and a summarize taken batch by batch, and text equality in one loop give
  /// what the row-at-a-time path gives, for one and two workers.
  func testBatchesAndMovedFiltersAgreeWithRows() throws {
    let src = generated(31, rows: 3 * Batches.size + 77)
    let plain = TestCatalog(tables: ["t": src], typed: false)
    let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
    let free = TestCatalog(tables: ["t": src], typed: true, arrays: true, freeText: true)
    let qs = [
      "t | derive m = a - a + a, big = if(q > 5, 1, 0) | where m > 100 | summarize n = count(), b = sum(big), lo = min(m), hi = max(m), av = avg(a), c = count(d)",
      "t | derive y = q * 2 | derive z = y + k | where z > 5000 and y < 12 | summarize n = count(), s = sum(z)",
      "t | select id, x = q * 2, g | where x > 6 | select id, g",
      "t | where g == \"王芳\" | count", "t | where g != \"王芳\" and q > 2 | select id",
      "t | where id < 0 | summarize n = count(), s = sum(a), hi = max(a)",
      "t | summarize s = sum(a), n = count(q), e = sum(q) / count()",
    ]
    for q in qs {
      let expected = try table(q, plain).rows
      XCTAssertFalse(expected.isEmpty, q)
      for c in [arrays, free] {
        XCTAssertEqual(try lastTable(q, c, workers: 1).rows, expected, q)
        XCTAssertEqual(try lastTable(q, c, workers: 2).rows, expected, q)
      }
    }
    // The rewritten plan: the where runs first, the summarize reads the derive's expressions.
    let steps = Rewrite.steps([
      .project([], windows: []), .filter(TExpr(kind: .constant(.bool(true)), type: .bool, range: zeroRange)),
    ])
    guard case .filter = steps.first else { return XCTFail("where not moved first") }
  }

  /// Enough rows that the loops split among workers: two and three workers give what one
  /// gives, row for row.
  func testWorkersGiveTheSameResultsAsOne() throws {
    let src = generated(21, rows: 150_000)
    let cat = TestCatalog(tables: ["t": src], typed: true, arrays: true, freeText: true)
    let coded = TestCatalog(tables: ["t": src], typed: true, arrays: true)
    let qs = [
      "t | where a > 0 and q != 3 | summarize n = count(), s = sum(a) by g",
      "t | derive x = q * 3 - k, y = if(q > 4, a, a + a), z = days_between(d, 2026-01-31) | where x > 100 or z < 5 | summarize n = count(), s = sum(y), m = max(z)",
      "t | where g == \"王芳\" or contains(g, \"华\") or g in [\"A\", \"Zeta\"] | select id, g",
      "t | sort a desc, g | take 25", "t | sort q, g | take 1000",
      "t | where d >= 2026-01-05 | sort k desc | take 3",
      "t | derive big = a > 0 | where big | count",
      // A join whose joined side (every row, a repeated key) is laid out by key in parts.
      "t | where id < 20 | join left t on k == k | sort id, q | take 5000",
    ]
    for q in qs {
      for c in [cat, coded] {
        let one = try lastTable(q, c, workers: 1).rows
        XCTAssertEqual(try lastTable(q, c, workers: 2).rows, one, q)
        XCTAssertEqual(try lastTable(q, c, workers: 3).rows, one, q)
      }
    }
  }

  func testTakeZeroAfterSortIsEmpty() throws {
    let cat = TestCatalog(tables: ["t": generated(3, rows: 50)], typed: true, arrays: true)
    XCTAssertEqual(try table("t | sort id | take 0", cat).rows, [])
    XCTAssertEqual(try table("t | sort g desc, a | take 0 | count", cat).rows, [[.int(0)]])
  }

  func testOverflowIsAnErrorOnEveryPath() throws {
    let big = TableSource(
      columns: [ResultColumn("x", .int), ResultColumn("m", .money)],
      rows: [[.int(Int64.max - 1), .money(Money(fen: Int64.max - 1))], [.int(5), .money(Money(fen: 5))]])
    for typed in [false, true] {
      let cat = TestCatalog(tables: ["t": big], typed: typed, arrays: typed)
      for q in ["t | derive y = x + 5 | count", "t | summarize s = sum(m)", "t | derive y = x * 2 | count"] {
        XCTAssertThrowsError(try table(q, cat), "\(q) typed \(typed)") { e in
          XCTAssertEqual((e as? QueryError)?.message, "number too large (overflow)", q)
        }
      }
    }
  }

  func testMonthCodesFollowCalendarOrder() throws {
    let days = [
      Day(year: 2026, month: 3, day: 1)!, Day(year: 2025, month: 12, day: 31)!,
      Day(year: 2026, month: 1, day: 9)!,
    ]
    guard case .codes(let codes, let dict) = Kernels.months(days.map { Int64($0.number) } + [Vec.null]) else {
      return XCTFail()
    }
    XCTAssertEqual(dict, ["2025-12", "2026-01", "2026-03"])
    XCTAssertEqual(codes, [2, 0, 1, -1])
  }

  func testPlainTextIsDecidedByBytes() throws {
    func plain(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer(TextBuffer.isPlain) }
    XCTAssertTrue(plain("王芳 Ltd"))
    XCTAssertTrue(plain(""))
    XCTAssertFalse(plain("e\u{301}"))
    XCTAssertFalse(plain("\u{E9}"))
    XCTAssertFalse(plain("\u{F900}"), "a compatibility ideograph decomposes")
    XCTAssertFalse(plain("\u{212A}"), "the Kelvin sign is K")
  }

  func testRadixOrderIsAStableSort() {
    var r = FastPathTests.Rand(state: 5)
    // Bits 11-19 are zero in every key, so one pass is skipped.
    let keys = (0..<5000).map { _ in UInt64(r.next(300)) << 20 | UInt64(r.next(3)) }
    let expected = Array(0..<5000).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    XCTAssertEqual(Evaluator.radixOrder(keys, bits: 29).map(Int.init), expected)
    XCTAssertEqual(Evaluator.radixOrder([7, 7, 7], bits: 3), [0, 1, 2])
    XCTAssertEqual(Evaluator.radixOrder([], bits: 0), [])
  }

  /// Keys with nulls (first, or last when descending) still pack into one word and sort by
  /// radix, stably: the order is the comparison sort's, position last.
  func testKeysWithNullsPackAndSortStably() throws {
    var r = FastPathTests.Rand(state: 17)
    let n = 4000
    let codes = (0..<n).map { _ in Int32(r.next(6)) - 1 }
    let amounts = (0..<n).map { _ in r.next(7) == 0 ? Vec.null : Int64(r.next(50)) - 20 }
    let extremes = (0..<n).map { _ in [Vec.null, Int64.max, 0, -3][r.next(4)] }
    for (da, db) in [(false, false), (true, false), (false, true), (true, true)] {
      let keys = [
        RankedKey(.codes(codes, ["b", "a", "c", "a", "d"]), descending: da),
        RankedKey(.ints(amounts), descending: db),
        RankedKey(.ints(extremes), descending: false),
      ]
      let ranks = keys.map { $0.materialized(n) }
      let (packed, width) = try XCTUnwrap(Evaluator.pack(ranks, rows: n), "keys with nulls pack")
      XCTAssertLessThanOrEqual(width, 16)
      func key(_ i: Int) -> [Int64] { ranks.map { $0[i] } }
      let expected = Array(0..<n).sorted {
        key($0) != key($1) ? key($0).lexicographicallyPrecedes(key($1)) : $0 < $1
      }
      XCTAssertEqual(Evaluator.radixOrder(packed, bits: width).map(Int.init), expected, "desc \(da) \(db)")
    }
    // Only nulls, and no rows at all.
    XCTAssertEqual(Evaluator.pack([[Vec.null, Vec.null]], rows: 2)?.0, [0, 0])
    XCTAssertEqual(Evaluator.pack([[]], rows: 0)?.0, [])
    // Full sorts with nulls in the keys give the row path's order (and `in` lists short and long).
    let src = generated(41, rows: 3000)
    try assertArraysMatchRows(
      [
        "t | sort g, a desc", "t | sort d desc, k", "t | sort q, k desc, g desc",
        "t | where q in [1, 3, 5, 7, null] | select id",
        "t | where q not in [0, 1, 2, 3, 4, 5, 6, 7, 8] | select id",
        "t | where d in [2026-01-01, 2025-12-31] | select id", "t | where k in [7, 1007, 2.5] | select id",
      ], src)
  }

  func testTopNKeepsTheFirstOfEqualRows() {
    var r = FastPathTests.Rand(state: 8)
    let codes = (0..<3000).map { _ in Int32(r.next(5)) - 1 }
    let amounts = (0..<3000).map { _ in r.next(9) == 0 ? Vec.null : Int64(r.next(40)) }
    let keys = [
      RankedKey(.codes(codes, ["b", "a", "c", "a"]), descending: false),
      RankedKey(.ints(amounts), descending: true),
    ]
    func key(_ i: Int) -> [Int64] { keys.map { $0.at(i) } }
    let all = Array(0..<3000).sorted {
      key($0) != key($1) ? key($0).lexicographicallyPrecedes(key($1)) : $0 < $1
    }
    for k in [1, 7, 100, 2999] {
      XCTAssertEqual(Evaluator.topN(k, keys, rows: 3000), Array(all.prefix(k)), "k \(k)")
    }
  }

  func testPackedGroupsUseOpenTableForWideKeys() throws {
    let keys: [Vec] = [
      .ints([9_000_000_000, -5, 9_000_000_000, Vec.null, -5]), .codes([0, 0, 0, 1, 0], ["x", "y"]),
    ]
    let g = try XCTUnwrap(Groups(keys, rows: 5))
    XCTAssertEqual(g.of, [0, 1, 0, 2, 1])
    XCTAssertEqual(g.first, [0, 1, 3])
  }

  /// One summarize path: keys whose ranges together pass 64 bits are numbered by their
  /// combinations, and a key or an aggregate with no kernel (a decimal) is worked out row
  /// by row into the same groups, in order of first appearance.
  func testWideAndRowWiseKeysGroupInOnePath() throws {
    let top = Int64.max - 1
    let low = Int64.min + 1
    let t = TableSource(
      columns: [ResultColumn("x", .int), ResultColumn("y", .int), ResultColumn("z", .int)],
      rows: [[top, low, 0], [0, 0, 0], [top, low, 0], [5, 5, top], [5, 5, low], [5, 5, top]].map {
        $0.map(Value.int)
      })
    for typed in [false, true] {
      let cat = TestCatalog(tables: ["t": t], typed: typed, arrays: typed)
      XCTAssertEqual(
        try table("t | summarize n = count() by x, y, z", cat).rows.map { $0.last! },
        [.int(2), .int(1), .int(2), .int(1)], "typed \(typed)")
      XCTAssertEqual(
        try table("t | select h = y / 2, z | distinct h, z | select z", cat).rows,
        [[.int(0)], [.int(0)], [.int(top)], [.int(low)]], "typed \(typed)")
      XCTAssertEqual(
        try table("t | where x < 10 | summarize n = count(), s = sum(x / 2) by h = y / 2", cat).rows,
        [
          [.decimal(Dec.zero), .int(1), .decimal(Dec.zero)],
          [
            .decimal(try Dec(5).divided(by: Dec(2)).normalized), .int(3),
            .decimal(try Dec(15).divided(by: Dec(2)).normalized),
          ],
        ],
        "typed \(typed)")
    }
  }

  /// Group sums split among workers: the totals, and whether they fit in 64 bits, are the
  /// same for any number of workers, whatever the partial sums pass through.
  func testParallelSumsAreExactAndOrderFree() {
    let n = 150_000
    var x = [Int64](repeating: 0, count: n)
    x[0] = -Int64.max
    x[n / 2] = Int64.max
    x[n / 2 + 1] = Int64.max
    x[n / 2 + 3] = Int64.max  // group 1 passes the top, then comes back
    x[n - 3] = -Int64.max
    x[n - 1] = -Int64.max
    x[7] = 3
    x[9] = Vec.null
    let of = (0..<n).map { Int32($0 % 2) }
    for workers in [1, 2, 3] {
      let r = VectorAggregate.sums(x, of, groups: 2, workers: workers)
      XCTAssertTrue(r.fits, "workers \(workers)")
      XCTAssertEqual(r.sums, [0, 3], "workers \(workers)")
      XCTAssertEqual(r.counts, [Int64(n / 2), Int64(n / 2 - 1)], "workers \(workers)")
    }
    // Group 0 ends at 1 + Int64.max: past the top, with any number of workers.
    x[8] = 1
    x[n / 2 + 2] = Int64.max
    for workers in [1, 2, 3] {
      let r = VectorAggregate.sums(x, of, groups: 2, workers: workers)
      XCTAssertFalse(r.fits, "workers \(workers)")
    }
  }

  /// `count()` beside a sum takes its counts from the sum's pass: rows, nulls included.
  func testSumPassCountsRowsForCount() throws {
    let x: [Int64] = [5, Vec.null, 7, Vec.null, Vec.null, 1]
    let of: [Int32] = [0, 0, 1, 2, 1, 0]
    for workers in [1, 2] {
      let r = VectorAggregate.sums(x, of, groups: 3, workers: workers, rows: true)
      XCTAssertEqual(r.rows, [3, 2, 1])
      XCTAssertEqual(r.counts, [2, 1, 0])
      XCTAssertEqual(r.sums, [6, 7, 0])
      XCTAssertNil(VectorAggregate.sums(x, of, groups: 3, workers: workers).rows)
    }
    let src = generated(51, rows: 2000)
    try assertArraysMatchRows(
      [
        "t | summarize n = count(), s = sum(a), m = count() by g",
        "t | summarize av = avg(q), n = count() by k",
        "t | summarize n = count(), c = count(a), s = sum(a), e = sum(q) by month(d), g",
      ], src)
  }

  /// A join on a key that never repeats (ids) reads one array from key to row; keys out of
  /// its range, and null keys, find nothing.
  func testUniqueJoinKeysUseOneArray() throws {
    let right = TableSource(
      columns: [ResultColumn("id", .int)], rows: [[.int(12)], [.int(10)], [.null], [.int(15)]])
    let dense = try XCTUnwrap(
      DenseKeys(
        TypedSource(table: right, arrays: true), TExpr(kind: .column(0), type: .int, range: zeroRange)))
    XCTAssertTrue(dense.unique)
    XCTAssertEqual(dense.direct, [1, -1, 0, -1, -1, 3])
    let keys: [Int64] = [15, 9, Vec.null, 10, 16, 12, 11]
    XCTAssertEqual(dense.pairs(keys, selection: nil, left: true).right, [3, -1, -1, 1, -1, 0, -1])
    let inner = dense.pairs(keys, selection: nil, left: false)
    XCTAssertEqual(inner.left, [0, 3, 5])
    XCTAssertEqual(inner.right, [3, 1, 0])
    let src = generated(52, rows: 1500)
    try assertArraysMatchRows(
      [
        "t | join left t on k == id | select id, k, g",
        "t | join t on q == id | summarize n = count(), s = sum(a) by g",
        "t | where id > 700 | join t on k == id | count",
      ], src)
  }

  func testMedianBySelectionMatchesSorting() {
    var r = FastPathTests.Rand(state: 5)
    for size in [1, 2, 3, 17, 18, 100, 1001, 5000] {
      for spread in [3, 1000, 1 << 40] {
        var run = (0..<size).map { _ in Int64(r.next(spread)) - Int64(spread / 2) }
        let sorted = run.sorted()
        for k in [0, size / 2, size - 1] {
          var copy = run
          let v = copy.withUnsafeMutableBufferPointer { NthValue.nth($0, k) }
          XCTAssertEqual(v, sorted[k], "size \(size) spread \(spread) k \(k)")
          XCTAssertEqual(copy[..<k].max() ?? v, k > 0 ? sorted[k - 1] : v)
        }
        run.reverse()
      }
    }
  }

  /// A query's result keeps its columns; its rows, cells and CSV read the same as rows
  /// built one by one, and the rows can still be changed in place.
  func testColumnarResultReadsAsRows() throws {
    let cat = TestCatalog(tables: ["t": generated(4, rows: 300)], typed: true, arrays: true, freeText: true)
    let plain = TestCatalog(tables: ["t": generated(4, rows: 300)], typed: false)
    for q in [
      "t | select id, g, a, d", "t | where q > 3 | select d, a, g, k",
      "t | join left t on q == id | select id, t.g, g",
      "t | derive x = if(q > 4, a, null) | select x, id",
    ] {
      var got = try table(q, cat)
      let want = try table(q, plain)
      XCTAssertNotNil(got.cells, q)
      XCTAssertEqual(got.rows, want.rows, q)
      XCTAssertEqual(got.rowCount, want.rows.count, q)
      for r in [0, got.rowCount / 2, got.rowCount - 1] {
        for c in got.columns.indices {
          XCTAssertEqual(got.value(row: r, column: c), want.rows[r][c], q)
        }
      }
      got.rows[0][0] = .text("changed")
      XCTAssertNil(got.cells)
      XCTAssertEqual(got.value(row: 0, column: 0), .text("changed"))
      XCTAssertEqual(Array(got.rows.dropFirst()), Array(want.rows.dropFirst()))
    }
  }
}
