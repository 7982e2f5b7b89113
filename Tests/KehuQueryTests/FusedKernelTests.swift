import KehuStore
import XCTest

@testable import KehuQuery

/// A `where` fused into the totals after it: the same results as the row path, and an
/// argument's overflow on a row the filter drops sends the batch the unfused way (no
/// error), while one on a kept row, or a sum past 64 bits, is still an error.
final class FusedKernelTests: XCTestCase {
  func source(_ n: Int, big: [Int: Int64]) -> TableSource {
    var r = FastPathTests.Rand(state: 99)
    let rows: [[Value]] = (0..<n).map { i in
      let x: Value = big[i].map(Value.int) ?? (r.next(7) == 0 ? .null : .int(Int64(r.next(1000)) - 300))
      let m: Value = r.next(9) == 0 ? .null : .money(Money(fen: Int64(r.next(100_000))))
      return [.int(Int64(i)), x, m]
    }
    return TableSource(
      columns: [ResultColumn("id", .int), ResultColumn("x", .int), ResultColumn("m", .money)], rows: rows)
  }

  func testFusedTotalsAgreeWithRows() throws {
    let src = source(3 * Batches.size + 101, big: [:])
    let qs = [
      "t | where x > 100 | summarize n = count(), s = sum(x), c = count(x), lo = min(x), hi = max(x), av = avg(m)",
      "t | derive y = x * 2 - 1, big = if(x > 500, 1, 0) | where y > 0 | summarize n = count(), b = sum(big), s = sum(y)",
      "t | where x is null or m > 50000 | summarize n = count(), s = sum(m), hi = max(m)",
      "t | where id < 0 | summarize n = count(), s = sum(x), lo = min(x)",
    ]
    try assertArraysMatchRows(qs, src)
  }

  func testOverflowOnADroppedRowFallsBack() throws {
    let n = 2 * Batches.size + 50
    // Rows 9000 and 20000: x + 10 overflows there, but the filter drops them.
    let src = source(n, big: [9000: Int64.max - 3, 20000: Int64.max - 1])
    let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
    let plain = TestCatalog(tables: ["t": src], typed: false)
    let q = "t | where x < 1000 | summarize n = count(), s = sum(x + 10), hi = max(x + 10)"
    for w in [1, 2] {
      XCTAssertEqual(try lastTable(q, arrays, workers: w).rows, try lastTable(q, plain).rows)
    }
    // Two kept values near the top: whatever the row path says, the fused path says.
    let top = "t | where x > 1000 | summarize n = count(), s = sum(x), hi = max(x)"
    XCTAssertEqual(try? lastTable(top, arrays).rows, try? lastTable(top, plain).rows)
    // Kept, the same row is an error on every path.
    for c in [arrays, plain] {
      XCTAssertThrowsError(try lastTable("t | where x > 0 | summarize s = sum(x + 10)", c)) { e in
        XCTAssertEqual((e as? QueryError)?.message, "number too large (overflow)")
      }
    }
  }

  func testMaskedAddMatchesAddOfKeptValues() {
    let x: [Int64] = [5, Vec.null, -7, Int64.max, 3, Vec.null, Int64.max, -2]
    let mask: [Int64] = [1, 1, 0, 1, 1, 0, 1, 0]
    let kept = zip(x, mask).filter { $0.1 == 1 }.map(\.0)
    for need in [Totals.Need.count, .sum, .range] {
      var masked = Totals()
      x.withUnsafeBufferPointer { x in
        mask.withUnsafeBufferPointer { m in masked.add(x.baseAddress!, mask: m.baseAddress!, x.count, need) }
      }
      var plain = Totals()
      plain.add(kept, need)
      XCTAssertEqual(masked.rows, plain.rows)
      XCTAssertEqual(masked.count, plain.count)
      XCTAssertEqual(masked.sum, plain.sum)
      XCTAssertEqual(masked.least, plain.least)
      XCTAssertEqual(masked.most, plain.most)
      XCTAssertEqual(masked.rows, 5)
      XCTAssertEqual(masked.count, 4)
      if need == .sum {
        XCTAssertEqual(masked.sum, 2 * Int128(Int64.max) + 8, "two values near the top pass 64 bits, exactly")
        XCTAssertThrowsError(try masked.result(AggregateSpec(kind: .sum, argument: nil, type: .int)))
      }
      if need == .range {
        XCTAssertEqual(masked.least, 3)
        XCTAssertEqual(masked.most, Int64.max)
      }
    }
  }

  /// A sum's partial totals merge to the same exact total in any split, and one that
  /// passes 64 bits and comes back within them is no overflow (as the row path's carries).
  func testTotalsMergeExactly() throws {
    let x: [Int64] = [Int64.max, Int64.max, -Int64.max, -Int64.max, 7, Vec.null]
    var whole = Totals()
    whole.add(x, .sum)
    for cut in 0...x.count {
      var a = Totals()
      a.add(Array(x[..<cut]), .sum)
      var b = Totals()
      b.add(Array(x[cut...]), .sum)
      a.merge(b)
      XCTAssertEqual(a.sum, whole.sum)
      XCTAssertEqual(a.count, whole.count)
    }
    XCTAssertEqual(whole.sum, 7)
  }
}
