import KehuStore
import XCTest

@testable import KehuDomain

final class CollectionRecordTests: XCTestCase {
  func testAgeingByGroupAddsUp() throws {
    var a = AgeingByGroup(asof: day("2026-06-30"))
    try a.add(group: "乙", due: day("2026-06-30"), balance: yuan("100"))  // current
    try a.add(group: "甲", due: day("2026-05-31"), balance: yuan("200"))  // 30: 1-30
    try a.add(group: "乙", due: day("2026-03-31"), balance: yuan("50.25"))  // 91: over 90
    try a.add(group: "甲", due: day("2026-05-30"), balance: yuan("300"))  // 31: 31-60
    let t = try a.table(groupColumn: "customer")
    XCTAssertEqual(
      t.columns.map(\.name), ["customer", "current", "1-30", "31-60", "61-90", "over 90", "total"])
    // 乙 (U+4E59) sorts before 甲 (U+7532)
    XCTAssertEqual(
      t.rows[0],
      [
        .text("乙"), .money(yuan("100")), .money(.zero), .money(.zero), .money(.zero), .money(yuan("50.25")),
        .money(yuan("150.25")),
      ])
    XCTAssertEqual(t.rows[1][6], .money(yuan("500")))
    // 150.25 + 500 = 650.25
    XCTAssertEqual(
      t.rows[2],
      [
        .text("total"), .money(yuan("100")), .money(yuan("200")), .money(yuan("300")), .money(.zero),
        .money(yuan("50.25")), .money(yuan("650.25")),
      ])
  }

  func testEffectivenessCreditsTheLatestActionBeforeAReceipt() throws {
    let actions = [
      CollectionAction(
        customer: "甲", date: day("2026-06-01"), step: "letter", method: .reasoning, staff: "王"),
      CollectionAction(
        customer: "甲", date: day("2026-06-20"), step: "phone", method: .persistence, staff: "王"),
      CollectionAction(customer: "乙", date: day("2026-06-10"), step: "visit", method: .sympathy, staff: "李"),
    ]
    let receipts = [
      Receipt(customer: "甲", date: day("2026-05-30"), amount: yuan("100")),  // before any action: not counted
      Receipt(customer: "甲", date: day("2026-06-05"), amount: yuan("300")),  // after the letter
      Receipt(customer: "甲", date: day("2026-06-20"), amount: yuan("200")),  // the day of the call
      Receipt(customer: "乙", date: day("2026-06-15"), amount: yuan("500")),  // after the visit
      Receipt(customer: "丙", date: day("2026-06-15"), amount: yuan("999")),  // no action at all
    ]
    let t = try collectionEffectiveness(actions: actions, receipts: receipts)
    XCTAssertEqual(t.rows.map { $0[5] }, [.money(yuan("500")), .money(yuan("300")), .money(yuan("200"))])
    XCTAssertEqual(t.rows[0][3], .text("恻隐术法"))
  }

  func testPromises() throws {
    let p = PaymentPromise(
      customer: "甲", made: day("2026-06-01"), due: day("2026-06-10"), amount: yuan("1000"))
    let part = [Receipt(customer: "甲", date: day("2026-06-05"), amount: yuan("600"))]
    let full = part + [Receipt(customer: "甲", date: day("2026-06-10"), amount: yuan("400"))]
    let late = part + [Receipt(customer: "甲", date: day("2026-06-11"), amount: yuan("400"))]
    XCTAssertEqual(try promiseStatus(p, receipts: full, asof: day("2026-06-30")).status, .kept)
    XCTAssertEqual(try promiseStatus(p, receipts: part, asof: day("2026-06-10")).status, .open)
    let broken = try promiseStatus(p, receipts: late, asof: day("2026-06-11"))
    XCTAssertEqual(broken.status, .broken)
    XCTAssertEqual(broken.paid, yuan("600"))
  }
}
