import KehuStore
import XCTest

@testable import KehuDomain

/// The forms of §2.6 step 7 over rows written here, with the figures worked by hand.
final class ManagementFormTests: XCTestCase {
  func customer(_ id: Int64, area: String?, grade: String?, status: String = "trading") -> Mutation {
    var v: [String: Value] = [
      "id": .int(id), "kind": .text("company"), "name": .text("客户\(id)"), "status": .text(status),
    ]
    if let area { v["area"] = .text(area) }
    if let grade { v["abc_grade"] = .text(grade) }
    return .insert(table: "customers", values: v)
  }

  func sale(_ id: Int64, _ amount: String, _ date: String) -> Mutation {
    .insert(
      table: "sales",
      values: ["customer": .int(id), "date": .date(day(date)), "amount": .money(yuan(amount))])
  }

  func testTheDistributionCountsGradesPerAreaWithProspectsUngraded() throws {
    var db = Database()
    _ = try db.apply([
      .insert(table: "areas", values: ["code": .text("HD"), "name": .text("华东")]),
      customer(1, area: "HD", grade: "A"), customer(2, area: "HD", grade: "C"),
      customer(3, area: "HD", grade: "A", status: "prospect"), customer(4, area: nil, grade: nil),
      customer(5, area: "HD", grade: "B", status: "ended"),
      sale(1, "300", "2026-05-01"), sale(2, "20", "2026-11-01"), sale(2, "999", "2025-11-01"),
      sale(5, "50", "2026-11-01"),
    ])
    let d = ManagementForms.distribution(db, today: day("2026-11-29"))
    XCTAssertEqual(d.map(\.area), ["HD", "—"])
    XCTAssertEqual(d[0].name, "华东")
    XCTAssertEqual(
      d[0].grades, [1, 0, 1, 1], "the prospect is ungraded whatever its grade; the ended one is left out")
    XCTAssertEqual([d[0].prospects, d[0].total], [1, 3])
    // 300 + 20; the sale of 2025-11-01 is older than the 12 months to 2026-11-29.
    XCTAssertEqual(d[0].sales, yuan("320"))
    XCTAssertEqual(d[1].grades, [0, 0, 0, 1])
    XCTAssertNil(d[1].name)
  }

  func testTargetsAreMetBySalesOfTheMonthToToday() throws {
    var db = Database()
    _ = try db.apply([
      customer(2, area: nil, grade: nil), customer(1, area: nil, grade: nil),
      .insert(
        table: "targets",
        values: ["customer": .int(2), "month": .text("2026-11"), "amount": .money(yuan("1000"))]),
      .insert(
        table: "targets",
        values: ["customer": .int(1), "month": .text("2026-11"), "amount": .money(yuan("0"))]),
      .insert(
        table: "targets",
        values: ["customer": .int(1), "month": .text("2026-10"), "amount": .money(yuan("5"))]),
      sale(2, "400", "2026-11-03"), sale(2, "100", "2026-11-20"), sale(2, "700", "2026-10-31"),
      sale(1, "30", "2026-11-10"),
    ])
    let f = ManagementForms.targets(db, month: day("2026-11-01"), today: day("2026-11-15"))
    XCTAssertEqual(f.countedTo, day("2026-11-15"))
    XCTAssertEqual(f.lines.map(\.customer), [1, 2])
    // Customer 2: 400 of 1,000 by the 15th (the sale of the 20th is after today).
    XCTAssertEqual(f.lines[1].achieved, yuan("400"))
    XCTAssertEqual(f.lines[1].progress, Dec(mantissa: 4000, scale: 4))
    XCTAssertEqual(f.lines[1].gap, yuan("600"))
    // A target of zero has no progress and no gap, however much was sold.
    XCTAssertNil(f.lines[0].progress)
    XCTAssertEqual(f.lines[0].gap, .zero)
    XCTAssertEqual([f.target, f.achieved], [yuan("1000"), yuan("430")])
    let later = ManagementForms.targets(db, month: day("2026-11-01"), today: day("2026-12-05"))
    XCTAssertEqual(later.countedTo, day("2026-11-30"))
    XCTAssertEqual(later.achieved, yuan("530"))
  }

  func testCollectionClosesAndRatesEachCustomer() throws {
    var db = Database()
    _ = try db.apply([
      customer(1, area: nil, grade: nil), customer(2, area: nil, grade: nil),
      invoiceRow("A", customer: 1, date: "2026-10-20", amount: "800"),
      invoiceRow("B", customer: 1, date: "2026-11-05", amount: "200"),
      paymentRow(invoice: "A", customer: 1, date: "2026-11-10", amount: "250"),
    ])
    let f = ManagementForms.collections(db, month: day("2026-11-01"))
    XCTAssertEqual(f.lines.map(\.customer), [1], "a customer with no figure in the month is left out")
    let l = f.lines[0]
    XCTAssertEqual(
      [l.opening, l.invoiced, l.collected, l.closing], [yuan("800"), yuan("200"), yuan("250"), yuan("750")])
    XCTAssertEqual(l.rate, Dec(mantissa: 2500, scale: 4))
    XCTAssertEqual([f.opening, f.invoiced, f.collected], [yuan("800"), yuan("200"), yuan("250")])
  }
}
