import KehuStore
import XCTest

@testable import KehuQuery

/// The window kernels (`WindowKernels`) against the general path (`Evaluator.window`, and
/// the plain catalog, which has no vectors): the same values, nulls, rounding and errors;
/// a `where` on a share compares mantissas as the values compare; the parallel radix sort
/// gives the single-threaded order.
final class WindowKernelTests: XCTestCase {
  /// Money and ints with nulls, ties, zeros and negative values.
  func generated(_ seed: UInt64, rows: Int, negative: Bool = true) -> TableSource {
    var r = FastPathTests.Rand(state: seed)
    var out: [[Value]] = []
    for n in 0..<rows {
      let a: Value =
        r.next(7) == 0
        ? .null
        : .money(Money(fen: Int64(r.next(5) == 0 ? 0 : r.next(400_000)) - (negative ? 120_000 : 0)))
      let q: Value = r.next(9) == 0 ? .null : .int(Int64(r.next(6)) - (negative ? 2 : 0))
      let g: Value = .int(Int64(r.next(4)))
      out.append([.int(Int64(n)), a, q, g])
    }
    return TableSource(
      columns: [
        ResultColumn("id", .int), ResultColumn("a", .money), ResultColumn("q", .int), ResultColumn("g", .int),
      ],
      rows: out)
  }

  func evaluator(_ cat: any QueryCatalog, workers: Int) -> Evaluator {
    Evaluator(catalog: cat, context: EvaluationContext(today: today, workers: workers))
  }

  func testKernelsGiveTheGeneralPathsValues() throws {
    for (seed, rows, negative) in [(UInt64(1), 700, true), (2, 90_000, true), (3, 5000, false), (4, 1, true)]
    {
      let src = generated(seed, rows: rows, negative: negative)
      let cat = TestCatalog(tables: ["t": src], typed: true, arrays: true)
      let typed = try XCTUnwrap(cat.rows(of: "t"))
      for workers in [1, 2, 3] {
        let e = evaluator(cat, workers: workers)
        for selection in [nil, Array((0..<rows).reversed().filter { $0 % 3 != 1 })] {
          let f = Evaluator.Frame(source: typed, selection: selection)
          for (c, type) in [(1, ValueType.money), (2, .int)] {
            let arg = TExpr(kind: .column(c), type: type, range: zeroRange)
            for kind in [WindowKind.rank, .running_sum, .share, .cumshare] {
              let spec = WindowSpec(
                kind: kind, argument: kind == .rank ? nil : arg,
                type: kind == .rank ? .int : kind == .running_sum ? type : .percent)
              let expected = try e.window(spec, f)
              let col = try XCTUnwrap(try e.windowColumn(spec, f), "\(kind) has a kernel")
              let got = VecSource(columns: [ResultColumn("", spec.type)], cols: [col], rowCount: f.count)
                .valuesOf(0)
              XCTAssertEqual(got.count, expected.count)
              // Values equal, and the decimals the same digits (scale included).
              XCTAssertEqual(got.map(\.plainText), expected.map(\.plainText), "\(kind) of \(c), seed \(seed)")
              XCTAssertEqual(got, expected, "\(kind) of \(c), seed \(seed)")
              for (g, x) in zip(got, expected) {
                if case .percent(let a) = g, case .percent(let b) = x {
                  XCTAssertEqual(a.scale, b.scale)
                  XCTAssertEqual(a.mantissa, b.mantissa)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Rounding half away from zero at the tenth digit, with negative shares.
  func testQuotientRoundsAsDecDivision() throws {
    let cases: [(Int128, Int128)] = [
      (1, 3), (2, 3), (-1, 3), (1, -3), (-2, -3), (1, 6), (-1, 6), (5, 100_000_000_000),
      (-5, 100_000_000_000),
      (7, 7), (0, 5), (123_456_789_012, 987), (Int128(Int64.max) * 3, Int128(Int64.max) * 5 + 1),
      (Int128(Int64.max) * 1000, 7),
    ]
    for (a, b) in cases {
      let expected = try Dec(mantissa: a, scale: 2).divided(by: Dec(mantissa: b, scale: 2))
      XCTAssertEqual(expected.scale, 10)
      if let q = WindowKernels.quotient(a, b) {
        XCTAssertEqual(Int128(q), expected.mantissa, "\(a) / \(b)")
      } else {
        XCTAssertNil(Int64(exactly: expected.mantissa), "\(a) / \(b) fits, yet no kernel")
      }
    }
  }

  let queries = [
    "t | sort a desc, id | derive c = cumshare(a), s = share(a), r = running_sum(a), k = rank() | where c <= 80% | select id, c, s, r, k",
    "t | sort q desc, id | derive c = cumshare(q), s = share(q), r = running_sum(q) | where s > 0.05% and c >= 10% | select id, c, s, r",
    "t | summarize total = sum(a) by g | sort total desc, g | derive c = cumshare(total) | where c <= 80% | count",
    "t | derive c = cumshare(a) | where c == 50% or c != 12.5% | count",
    "t | derive c = cumshare(a) | where 0.3 >= c | select id, c",
    "t | derive c = cumshare(a) | where c < 12.345678901234% | select id",
    "t | derive c = cumshare(a) | where c >= 12.345678901234% | select id",
    "t | derive c = cumshare(a) | where c > -100000000000000000000.0 and c < 100000000000000000000.0 | count",
    "t | derive c = share(a) | where c == null | count", "t | derive c = share(a) | where c != null | count",
    "t | derive c = share(a) | select id, c | where c > 0 | sort c desc, id | take 20",
    "t | derive c = cumshare(a) * 100, d = share(q) + 1, r = running_sum(q) - 1 | select id, c, d, r",
    "t | where id < 0 | derive c = cumshare(a), r = running_sum(a), k = rank() | count",
    "t | derive z = a - a | derive c = cumshare(z), s = share(z) | where c == null | count",
  ]

  func testQueriesAgreeWithTheGeneralPath() throws {
    for (seed, rows) in [(UInt64(7), 600), (8, 70_000)] {
      let src = generated(seed, rows: rows)
      let plain = TestCatalog(tables: ["t": src], typed: false)
      let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
      let typed = TestCatalog(tables: ["t": src], typed: true)
      for q in queries {
        let expected = try lastTable(q, plain).rows
        for c in [arrays, typed] {
          for workers in [1, 2] {
            XCTAssertEqual(try lastTable(q, c, workers: workers).rows, expected, "\(q) seed \(seed)")
          }
        }
      }
    }
  }

  /// Totals past `Int64`: a share beyond the kernels' mantissas, and a running sum that
  /// overflows, go the general way, with its error.
  func testBeyondTheKernelsTheGeneralPathAnswers() throws {
    let big = Int64.max - 5
    let src = TableSource(
      columns: [ResultColumn("id", .int), ResultColumn("x", .int)],
      rows: [[i(1), i(big)], [i(2), i(-big + 1)], [i(3), .null], [i(4), i(3)]])
    try assertArraysMatchRows(
      [
        "t | derive c = cumshare(x), s = share(x) | select id, c, s",
        "t | derive r = running_sum(x) | select r",
        "t | sort id desc | derive c = cumshare(x), r = running_sum(x) | select id, c, r",
      ], src)
    let over = TableSource(
      columns: [ResultColumn("x", .int)], rows: [[i(big)], [.null], [i(9)], [i(-3)]])
    for typed in [false, true] {
      let cat = TestCatalog(tables: ["t": over], typed: typed, arrays: true)
      XCTAssertThrowsError(try lastTable("t | derive r = running_sum(x)", cat)) { error in
        XCTAssertTrue("\(error)".contains("overflow"), "\(error)")
      }
    }
  }

  /// The parallel radix sort gives the single-threaded order, ties in position order.
  func testParallelRadixOrderIsTheSingleThreadedOrder() {
    var r = FastPathTests.Rand(state: 99)
    for (n, spread, shift, bits) in [
      (300_000, 50, 30, 36), (200_001, 1_000_000, 20, 40), (140_000, 3, 0, 2), (70_000, 1 << 20, 40, 64),
    ] {
      let keys = (0..<n).map { _ in
        UInt64(r.next(spread)) << UInt64(shift) | UInt64(r.next(spread)) | (bits == 64 ? 1 << 63 : 0)
      }
      let one = Evaluator.radixOrder(keys, bits: bits, workers: 1)
      let expected = Array(0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
      XCTAssertEqual(one.map(Int.init), expected, "n \(n)")
      for workers in [2, 3, 4] {
        XCTAssertEqual(
          Evaluator.radixOrder(keys, bits: bits, workers: workers), one, "n \(n), \(workers) workers")
      }
    }
    XCTAssertEqual(Evaluator.radixOrder([], bits: 0, workers: 2), [])
  }
}
