import KehuStore
import XCTest

@testable import KehuQuery

/// Grouping by one integer key numbered straight from its vector, and a sum that keeps no
/// counts when its values have no nulls: the same groups, in the same order, and the same
/// results as the general path and the row path, on one worker or two.
final class GroupKernelTests: XCTestCase {
  func source(_ n: Int, keyNulls: Bool, valueNulls: Bool, big: [Int: Int64] = [:]) -> TableSource {
    var r = FastPathTests.Rand(state: 7)
    let rows: [[Value]] = (0..<n).map { i in
      var k: Value = keyNulls && r.next(11) == 0 ? .null : .int(Int64(r.next(500)) - 100)
      if big[i] != nil { k = .int(0) }  // the big values share one group
      let x: Value =
        big[i].map(Value.int) ?? (valueNulls && r.next(5) == 0 ? .null : .int(Int64(r.next(10_000)) - 2_000))
      let m: Value = .money(Money(fen: Int64(r.next(1_000_000))))
      return [k, x, m]
    }
    return TableSource(
      columns: [ResultColumn("k", .int), ResultColumn("x", .int), ResultColumn("m", .money)], rows: rows)
  }

  func testDirectGroupsMatchPackedGroups() {
    var r = FastPathTests.Rand(state: 3)
    for withNulls in [false, true] {
      let x: [Int64] = (0..<20_000).map { _ in
        withNulls && r.next(9) == 0 ? Vec.null : Int64(r.next(3000)) - 1500
      }
      guard let direct = Groups(direct: x) else { return XCTFail("a small range numbers directly") }
      // The packed path, forced: the key with a second key of one slot.
      let packed = Groups([.ints(x), .ints([Int64](repeating: 4, count: x.count))], rows: x.count)!
      XCTAssertEqual(direct.of, packed.of)
      XCTAssertEqual(direct.first, packed.first)
    }
    XCTAssertNil(Groups(direct: [0, Int64.max - 1, 5]), "a range too wide for a table")
    let none = Groups(direct: [Vec.null, Vec.null])!
    XCTAssertEqual(none.of, [0, 0])
    XCTAssertEqual(none.first, [0])
  }

  func testGroupSumsAgreeWithRows() throws {
    let n = 3 * Morsels.minimum + 17
    for (keyNulls, valueNulls) in [(false, false), (true, false), (false, true), (true, true)] {
      let src = source(n, keyNulls: keyNulls, valueNulls: valueNulls)
      let qs = [
        "t | summarize s = sum(x) by k | sort k",
        "t | summarize s = sum(m), a = avg(x) by k | sort k",
        "t | where x > 0 | summarize s = sum(x), n = count() by k | sort s desc, k | take 7",
        "t | summarize s = sum(x), t = sum(m), lo = min(x) by k",
      ]
      try assertArraysMatchRows(qs, src, "key nulls \(keyNulls), value nulls \(valueNulls)")
    }
  }

  func testGroupSumOverflowWithoutCounts() throws {
    let n = 2 * Morsels.minimum
    // Two values near the top in one group pass 64 bits; a third brings it back.
    let src = source(n, keyNulls: false, valueNulls: false, big: [10: Int64.max - 5, 20: Int64.max - 5])
    let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
    let plain = TestCatalog(tables: ["t": src], typed: false)
    for c in [arrays, plain] {
      XCTAssertThrowsError(try lastTable("t | summarize s = sum(x) by k", c)) { e in
        XCTAssertEqual((e as? QueryError)?.message, "number too large (overflow)")
      }
    }
    let back = source(
      n, keyNulls: false, valueNulls: false,
      big: [10: Int64.max - 5, 20: Int64.max - 5, 30: -Int64.max, 40: -1_000_000_000])
    let q = "t | summarize s = sum(x) by k | sort k"
    // The vector path's sums are exact whatever the order of adding (the row path, adding
    // one by one, stops at the first partial past 64 bits): one worker or two agree.
    let vectors = TestCatalog(tables: ["t": back], typed: true, arrays: true)
    XCTAssertEqual(try lastTable(q, vectors, workers: 2).rows, try lastTable(q, vectors, workers: 1).rows)
  }
}
