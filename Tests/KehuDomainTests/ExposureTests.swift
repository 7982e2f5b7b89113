import KehuStore
import XCTest

@testable import KehuDomain

final class ExposureTests: XCTestCase {
  let figures = ExposureFigures(
    limit: yuan("500000"), receivables: yuan("320000"), unsettledNotes: yuan("80000"),
    openOrders: yuan("50000"))

  func testExposureAvailableAndUse() throws {
    // 320,000 + 80,000 + 50,000 = 450,000; available 50,000; use 450 ÷ 500 = 90%
    let e = try exposure(figures)
    XCTAssertEqual(e.total, yuan("450000"))
    XCTAssertEqual(e.available, yuan("50000"))
    XCTAssertEqual(e.use, dec("0.9"))
  }

  func testBlocking() throws {
    // 450,000 + 50,000 = 500,000 is at the limit, not over it
    XCTAssertEqual(try creditBlocks(figures, newAmount: yuan("50000")), [])
    XCTAssertEqual(
      try creditBlocks(figures, newAmount: yuan("50000.01")),
      [.overLimit(limit: yuan("500000"), exposureAfter: yuan("500000.01"))])
    var noLimit = figures
    noLimit.limit = nil
    XCTAssertEqual(try creditBlocks(noLimit, newAmount: yuan("9999999")), [])
    XCTAssertNil(try exposure(noLimit).available)
    var watched = figures
    watched.onWatch = true
    watched.shipmentCap = yuan("20000")
    XCTAssertEqual(
      try creditBlocks(watched, newAmount: yuan("30000")),
      [.onWatch, .overShipmentCap(cap: yuan("20000"), amount: yuan("30000"))])
  }
}

final class DomainFunctionTests: XCTestCase {
  func call(_ name: String, _ args: [Value], year: DayCountConvention = .days360) throws -> Value {
    try DomainFunctions.named(name)!.call(args, year: year)
  }

  func testLimitSales() throws {
    // annual 7,300,000 × 25% × 60 ÷ 360 = 304,166.67; ÷ 365 = 300,000
    XCTAssertEqual(
      try call("limit_sales", [.int(7_300_000), .percent(dec("0.25")), .duration(60)]),
      .money(yuan("304166.67")))
    XCTAssertEqual(
      try call("limit_sales", [.int(7_300_000), .percent(dec("0.25")), .duration(60)], year: .days365),
      .money(yuan("300000")))
    XCTAssertEqual(
      try call(
        "limit_sales", [.int(7_300_000), .percent(dec("0.25")), .duration(60), .text("day"), .int(365)]),
      .money(yuan("300000")))
    // a plain number is days, as `credit limit sales … period=` reads it (issue 14 case 12):
    // 7,300,000 × 25% × 60 ÷ 360 = 304,166.67; months only with unit month:
    // 400,000 × 30% × 2 = 240,000
    XCTAssertEqual(
      try call("limit_sales", [.int(7_300_000), .percent(dec("0.25")), .int(60)]), .money(yuan("304166.67")))
    XCTAssertEqual(
      try call("limit_sales", [.money(yuan("400000")), .decimal(dec("0.3")), .int(2), .text("month")]),
      .money(yuan("240000")))
    XCTAssertEqual(try call("limit_sales", [.null, .decimal(dec("0.3")), .int(2)]), .null)
    XCTAssertThrowsError(
      try call("limit_sales", [.int(1), .percent(dec("0.25")), .duration(60), .text("month")])
    ) { e in XCTAssertTrue("\(e)".contains("a period in days (60d) needs unit day"), "\(e)") }
    XCTAssertThrowsError(try call("limit_sales", [.int(1)])) { e in
      XCTAssertTrue(
        "\(e)".contains("takes 3 to 5: limit_sales(purchases, share, period[, unit, year])"), "\(e)")
    }
  }

  func testOtherFunctions() throws {
    XCTAssertEqual(try call("current_ratio", [.int(1_000_000), .int(300_000)]), .percent(dec("3.3333")))
    XCTAssertEqual(
      try call("limit_current_ratio", [.int(5_000_000), .int(1_000_000), .int(200_000)]),
      .money(yuan("400000")))
    // cap 3: 500,000 is under 600,000
    XCTAssertEqual(
      try call(
        "limit_current_ratio",
        [.int(5_000_000), .int(1_000_000), .int(200_000), .decimal(dec("2.0")), .int(3)]),
      .money(yuan("500000")))
    XCTAssertEqual(try call("limit_working_capital", [.int(1_000_000), .int(4)]), .money(yuan("250000")))
    XCTAssertEqual(
      try call("limit_net_assets", [.int(5_000_000), .int(3_200_000), .int(4)]), .money(yuan("450000")))
    XCTAssertThrowsError(try call("limit_net_assets", [.int(5_000_000), .int(3_200_000), .int(0)])) {
      XCTAssertTrue(($0 as? DomainError)?.description.hasPrefix("suppliers=0") ?? false)
    }
    XCTAssertEqual(try call("discount_cost", [.text("2/10 n/30"), .int(365)]), .percent(dec("0.3724")))
    XCTAssertEqual(try call("discount_cost", [.text("2/10 n/30")]), .percent(dec("0.3673")))
    // 100,000 × 6% × 30 ÷ 360 = 500
    XCTAssertEqual(
      try call("late_interest", [.int(100_000), .percent(dec("0.06")), .duration(30)]), .money(yuan("500")))
    XCTAssertEqual(try call("dso", [.int(500_000), .int(1_500_000), .int(90)]), .decimal(dec("30")))
  }
}
