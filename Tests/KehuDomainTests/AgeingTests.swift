import KehuStore
import XCTest

@testable import KehuDomain

final class AgeingTests: XCTestCase {
  let asof = day("2026-06-30")
  // Days past due at 2026-06-30, counted by hand on the calendar:
  var items: [OpenItem] {
    [
      OpenItem(ref: "A", due: day("2026-06-30"), balance: yuan("100.00")),  // 0: current
      OpenItem(ref: "F", due: day("2026-07-15"), balance: yuan("50.50")),  // -15: current
      OpenItem(ref: "B", due: day("2026-05-31"), balance: yuan("200.50")),  // 30 (June has 30 days): 1-30
      OpenItem(ref: "C", due: day("2026-05-30"), balance: yuan("300.00")),  // 31: 31-60
      OpenItem(ref: "D", due: day("2026-04-01"), balance: yuan("400.00")),  // 29 + 31 + 30 = 90: 61-90
      OpenItem(ref: "E", due: day("2026-03-31"), balance: yuan("500.00")),  // 91: over 90
    ]
  }

  func testBucketEdges() throws {
    let a = try age(items, asof: asof)
    XCTAssertEqual(a.buckets.map(\.label), ["current", "1-30", "31-60", "61-90", "over 90"])
    XCTAssertEqual(a.amounts, [yuan("150.50"), yuan("200.50"), yuan("300"), yuan("400"), yuan("500")])
    XCTAssertEqual(a.counts, [2, 1, 1, 1, 1])
    // 150.50 + 200.50 + 300 + 400 + 500 = 1,551.00
    XCTAssertEqual(a.total, yuan("1551.00"))
    XCTAssertEqual(a.amounts.reduce(0) { $0 + $1.fen }, a.total.fen)
    XCTAssertEqual(a.table.rows.last?[2], .money(yuan("1551")))
  }

  func testDayOneIsPastDue() {
    let e = AgeingEdges.standard
    XCTAssertEqual(
      [0, 1, 30, 31, 60, 61, 90, 91, 1000].map { e.bucketIndex(daysPastDue: $0) },
      [0, 1, 1, 2, 2, 3, 3, 4, 4])
    XCTAssertEqual(daysPastDue(due: day("2026-02-28"), asof: day("2026-03-01")), 1)
  }

  func testEditableEdgesStillAddUp() throws {
    let e = try AgeingEdges(parsing: "15, 45")
    let a = try age(items, asof: asof, edges: e)
    XCTAssertEqual(a.buckets.map(\.label), ["current", "1-15", "16-45", "over 45"])
    // 1-15: none; 16-45: B 200.50 + C 300 = 500.50; over 45: D + E = 900
    XCTAssertEqual(a.amounts, [yuan("150.50"), .zero, yuan("500.50"), yuan("900")])
    XCTAssertEqual(a.total, yuan("1551.00"))
  }

  func testBadEdges() {
    XCTAssertNotNil(domainError { () throws(DomainError) in try AgeingEdges([30, 30]) })
    XCTAssertNotNil(domainError { () throws(DomainError) in try AgeingEdges([0, 30]) })
    XCTAssertNotNil(domainError { () throws(DomainError) in try AgeingEdges(parsing: "30,x") })
  }

  func testProvisionByAgeing() throws {
    let a = try age(items, asof: asof)
    let rates = ["0", "0.01", "0.05", "0.20", "0.50"].map(dec)
    // 0 + 200.50 × 1% = 2.005 → 2.01 + 300 × 5% = 15 + 400 × 20% = 80 + 500 × 50% = 250 → 347.01
    let w = try provision(a, rates: rates)
    XCTAssertEqual(w.value("1-30"), .money(yuan("2.01")))
    XCTAssertEqual(w.result.value, .money(yuan("347.01")))
    XCTAssertNotNil(domainError { () throws(DomainError) in try provision(a, rates: [dec("0.1")]) })
  }
}
