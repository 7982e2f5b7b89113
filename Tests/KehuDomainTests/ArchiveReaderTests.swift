import KehuStore
import XCTest

@testable import KehuDomain

/// The archive's readers (§2.1, §2.4) over rows written here, with the figures worked out by
/// hand: the competitor survey by competitor, a source's conversion rate, the card's
/// purchases and the holiday calendar.
final class ArchiveReaderTests: XCTestCase {

  func competitor(_ name: String, area: String?, customer: Int64?, strengths: String?) -> Mutation {
    var v: [String: Value] = ["name": .text(name)]
    if let area { v["area"] = .text(area) }
    if let customer { v["customer"] = .int(customer) }
    if let strengths { v["strengths"] = .text(strengths) }
    return .insert(table: "competitors", values: v)
  }

  func testCompetitorsAreSummedOncePerNameMostCustomersFirst() throws {
    var db = Database()
    _ = try db.apply([
      tradingCustomer(1), tradingCustomer(2),
      competitor("甲", area: "华东", customer: 1, strengths: "价格低"),
      competitor("乙", area: "华南", customer: 1, strengths: "服务好"),
      competitor("乙", area: "华东", customer: 2, strengths: "服务好"),
      competitor("乙", area: "华南", customer: 2, strengths: nil),
      competitor("丙", area: nil, customer: nil, strengths: ""),
    ])
    let all = CompetitorSurvey.summaries(db, rows: CompetitorSurvey.rows(db, area: nil))
    XCTAssertEqual(all.map(\.name), ["乙", "甲", "丙"])
    XCTAssertEqual(all[0].areas, ["华南", "华东"])
    XCTAssertEqual(all[0].customers, [1, 2])
    XCTAssertEqual(all[0].strengths, ["服务好"])
    XCTAssertEqual(all[2].strengths, [], "an empty strength is not listed")
    XCTAssertEqual(all[2].customers, [])
    let east = CompetitorSurvey.summaries(db, rows: CompetitorSurvey.rows(db, area: "华东"))
    XCTAssertEqual(east.map(\.name), ["甲", "乙"], "a tie keeps the order first recorded")
    XCTAssertEqual(east[1].customers, [2])
  }

  func testSourceRateIsATenthOfAPercentRoundedHalfUp() {
    // 1 of 8 is 12.5%; 1 of 3 is 33.33…% → 33.3%; 2 of 3 is 66.66…% → 66.7%.
    XCTAssertEqual(SourceTally(source: "a", brought: 8, trading: 1).rate, Dec(mantissa: 125, scale: 3))
    XCTAssertEqual(SourceTally(source: "a", brought: 3, ended: 1).rate, Dec(mantissa: 333, scale: 3))
    XCTAssertEqual(
      SourceTally(source: "a", brought: 3, trading: 1, ended: 1).rate, Dec(mantissa: 667, scale: 3))
    XCTAssertNil(SourceTally(source: "a").rate)
    let total = SourceTally.total(
      [
        SourceTally(source: "a", brought: 3, prospects: 1, trading: 2),
        SourceTally(source: "b", brought: 2, pending: 1, ended: 1),
      ], source: "total")
    XCTAssertEqual(
      total, SourceTally(source: "total", brought: 5, prospects: 1, pending: 1, trading: 2, ended: 1))
  }

  func testPurchasesNameTheGoodsAndTheLastSaleAndPayment() throws {
    var db = Database()
    _ = try db.apply([
      tradingCustomer(1), tradingCustomer(2),
      .insert(table: "products", values: ["code": .text("P1"), "name": .text("打印纸")]),
      .insert(
        table: "sales",
        values: [
          "customer": .int(1), "date": .date(day("2026-09-03")), "product": .text("P1"),
          "amount": .money(yuan("100")),
        ]),
      .insert(
        table: "sales",
        values: [
          "customer": .int(1), "date": .date(day("2026-10-01")), "product": .text("X9"),
          "amount": .money(yuan("50")),
        ]),
      .insert(
        table: "sales",
        values: [
          "customer": .int(1), "date": .date(day("2026-09-20")), "product": .text("P1"),
          "amount": .money(yuan("70")),
        ]),
      .insert(
        table: "payments",
        values: [
          "customer": .int(1), "date": .date(day("2026-10-05")), "amount": .money(yuan("100")),
          "method": .text("cheque"),
        ]),
      .insert(
        table: "payments",
        values: [
          "customer": .int(1), "date": .date(day("2026-10-05")), "amount": .money(yuan("50")),
          "method": .text("transfer"),
        ]),
    ])
    let p = CustomerActivity.purchases(db, customer: 1)
    // A product not in the catalogue is named by its code.
    XCTAssertEqual(p.goods, ["打印纸", "X9"])
    XCTAssertEqual(p.lastSale, day("2026-10-01"))
    XCTAssertEqual(p.lastPayment, day("2026-10-05"))
    XCTAssertEqual(p.paymentMethod, "transfer", "of two payments on one day, the one recorded last")
    XCTAssertEqual(CustomerActivity.purchases(db, customer: 2), CustomerActivity.Purchases())
  }

  func testHolidaysAreReadEarliestFirstAndMakeTheCalendar() throws {
    var db = Database()
    _ = try db.apply([
      .insert(
        table: "holidays",
        values: [
          "id": .int(1), "from": .date(day("2026-10-01")), "to": .date(day("2026-10-07")),
          "name": .text("国庆节"),
        ]),
      .insert(
        table: "holidays",
        values: ["id": .int(2), "from": .date(day("2026-09-25")), "to": .date(day("2026-09-25"))]),
    ])
    let h = WorkingCalendar.holidays(db)
    XCTAssertEqual(h.map(\.id), [2, 1])
    XCTAssertEqual(h[1].name, "国庆节")
    XCTAssertEqual(h[0].name, "")
    // 2026-10-01 is a Thursday: Thu, Fri, then Mon to Wed are weekdays; 7 days in all.
    XCTAssertEqual([h[1].days, h[1].weekdays], [7, 5])
    XCTAssertEqual(WorkingCalendar.clash(db, from: day("2026-10-07"), to: day("2026-10-09"))?.id, 1)
    XCTAssertEqual(WorkingCalendar.clash(db, from: day("2026-09-20"), to: day("2026-09-25"))?.id, 2)
    XCTAssertNil(WorkingCalendar.clash(db, from: day("2026-09-26"), to: day("2026-09-30")))
    let cal = WorkingCalendar(db)
    XCTAssertFalse(cal.isWorkingDay(day("2026-09-25")))
    XCTAssertFalse(cal.isWorkingDay(day("2026-10-06")))
    XCTAssertTrue(cal.isWorkingDay(day("2026-10-08")))
  }

  func testTheAverageOrderIsRoundedDownToAFenAndAUnit() throws {
    var db = Database()
    var batch = [tradingCustomer(1), tradingCustomer(2)]
    // 150.01 yuan and 11 units in three orders: 50.0033… yuan and 3.67 units an order.
    for (amount, quantity, date) in [
      ("100", 3, "2026-03-01"), ("50", 4, "2026-06-01"), ("0.01", 4, "2026-09-01"),
    ] {
      batch.append(
        .insert(
          table: "sales",
          values: [
            "customer": .int(1), "date": .date(day(date)), "amount": .money(yuan(amount)),
            "quantity": .int(Int64(quantity)),
          ]))
    }
    // A sale older than 12 months is not counted.
    batch.append(
      .insert(
        table: "sales",
        values: ["customer": .int(1), "date": .date(day("2025-09-30")), "amount": .money(yuan("999"))]))
    _ = try db.apply(batch)
    let e = CustomerEvaluation(db, customer: 1, asof: day("2026-09-30"), today: day("2026-09-30"))
    XCTAssertEqual(e.orders, 3)
    XCTAssertEqual(e.perOrder?.amount, yuan("50"))
    XCTAssertEqual(e.perOrder?.units, 3)
    XCTAssertNil(
      CustomerEvaluation(db, customer: 2, asof: day("2026-09-30"), today: day("2026-09-30")).perOrder)
  }

  func testOpenInvoicesAreThoseWithABalance() throws {
    var db = Database()
    _ = try db.apply([
      tradingCustomer(1),
      invoiceRow("A", customer: 1, date: "2026-09-01", amount: "100"),
      invoiceRow("B", customer: 1, date: "2026-09-02", amount: "50"),
      paymentRow(invoice: "A", customer: 1, date: "2026-09-10", amount: "100"),
    ])
    XCTAssertEqual(CustomerActivity.openInvoices(db, customer: 1), 1)
    XCTAssertEqual(CustomerActivity.openInvoices(db, customer: 2), 0)
  }
}
