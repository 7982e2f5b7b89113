import KehuStore
import XCTest

@testable import KehuDomain

/// Customers ranked and graded over the store (Figure 4-1), with the grades worked by hand.
final class CustomerRankingTests: XCTestCase {
  func testParetoRanksByAmountThenIdAndLeavesOutThoseWhoDidNotBuy() throws {
    var db = Database()
    _ = try db.apply(
      (1...6).map { id in
        .insert(
          table: "customers",
          values: [
            "id": .int(Int64(id)), "kind": .text("company"), "name": .text("客户\(id)"),
            "status": .text("trading"),
          ])
      })
    // One amount per customer row, in fen: customer 4 bought nothing.
    let amounts: [Int64] = [500, 300, 300, 0, 100, 50]
    let all = [Bool](repeating: true, count: 6)
    let p = Grading.customers(db, amounts: amounts, keep: all, lines: .pareto, boughtOnly: true)
    XCTAssertEqual(p.ranked.map { p.id($0) }, [1, 2, 3, 5, 6])
    XCTAssertEqual(p.total, 1250)
    // Before each: 0, 40%, 64% (a tie takes the grade of its first), 88% (< 95%: B), 96% (C).
    XCTAssertEqual(p.ranked.map(\.grade), [.a, .a, .a, .b, .c])
    XCTAssertEqual(p.counts, [3, 1, 1])
    var keep = all
    keep[1] = false
    let abc = Grading.customers(db, amounts: amounts, keep: keep, lines: .pareto, boughtOnly: false)
    XCTAssertEqual(abc.ranked.map { abc.id($0) }, [1, 3, 5, 6, 4], "one with nothing is kept, last, as C")
    XCTAssertEqual(abc.total, 950)
    XCTAssertEqual(abc.row(abc.ranked[4]), 3)
    XCTAssertEqual(abc.ranked.last?.grade, .c)
  }
}
