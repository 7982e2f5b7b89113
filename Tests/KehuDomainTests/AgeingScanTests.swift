import KehuStore
import XCTest

@testable import KehuDomain

/// The column-fed ageing the shell runs over every invoice must agree with `age` item by item.
final class AgeingScanTests: XCTestCase {
  let asof = day("2026-11-29")

  func testEdgesAndTotal() throws {
    var scan = AgeingScan(asof: asof)
    // Days past due at 2026-11-29, counted on the calendar (Oct 31, Sep 30, Aug 31 days):
    let items: [(String, String)] = [
      ("2026-11-29", "100"),  // 0: current
      ("2026-12-01", "12800"),  // -2: current
      ("2026-10-30", "200"),  // 30: 1-30
      ("2026-10-29", "400"),  // 31: 31-60
      ("2026-09-30", "800"),  // 60: 31-60
      ("2026-09-29", "1600"),  // 61: 61-90
      ("2026-08-31", "3200"),  // 90: 61-90
      ("2026-08-30", "6400"),  // 91: over 90
    ]
    for (due, amount) in items { scan.add(dueNumber: day(due).number, fen: yuan(amount).fen) }
    let a = try scan.result()
    XCTAssertEqual(a.amounts, [yuan("12900"), yuan("200"), yuan("1200"), yuan("4800"), yuan("6400")])
    XCTAssertEqual(a.counts, [2, 1, 2, 2, 1])
    // 12,900 + 200 + 1,200 + 4,800 + 6,400 = 25,500
    XCTAssertEqual(a.total, yuan("25500"))
    let same = try age(
      items.map { OpenItem(ref: $0.0, due: day($0.0), balance: yuan($0.1)) }, asof: asof)
    XCTAssertEqual(a, same)
  }

  func testEditedEdges() throws {
    var scan = AgeingScan(asof: asof, edges: try AgeingEdges([15, 45]))
    scan.add(dueNumber: day("2026-11-14").number, fen: 1_000)  // 15: 1-15
    scan.add(dueNumber: day("2026-11-13").number, fen: 2_000)  // 16: 16-45
    scan.add(dueNumber: day("2026-10-15").number, fen: 4_000)  // 45: 16-45
    scan.add(dueNumber: day("2026-10-14").number, fen: 8_000)  // 46: over 45
    let a = try scan.result()
    XCTAssertEqual(a.buckets.map(\.label), ["current", "1-15", "16-45", "over 45"])
    XCTAssertEqual(a.amounts.map(\.fen), [0, 1_000, 6_000, 8_000])
    XCTAssertEqual(a.total.fen, 15_000)
  }

  func testOverflowIsAnError() {
    var scan = AgeingScan(asof: asof)
    scan.add(dueNumber: asof.number, fen: Int64.max)
    scan.add(dueNumber: asof.number, fen: 1)
    XCTAssertEqual(domainError { () throws(DomainError) in try scan.result() }, .overflow("ageing total"))
  }
}
