import KehuStore
import XCTest

@testable import KehuDomain

/// The domain's readers over the typed table accessors: what each returns for rows written
/// by hand, with the figures worked out here, not read back from the code.
final class StoredReadersTests: XCTestCase {

  func testComplaintPolicyRowOverridesTheDefaultsAndOldRowsGetDeadlines() throws {
    var db = Database()
    _ = try db.apply([
      tradingCustomer(1),
      .insert(
        table: "complaint_policy",
        values: ["type": .text("transport"), "ack_days": .int(3), "resolve_days": .int(10)]),
      .insert(
        table: "complaints",
        values: ["customer": .int(1), "date": .date(day("2026-10-05")), "type": .text("transport")]),
    ])
    let p = ComplaintBook.policy(db, "transport")
    XCTAssertEqual([p.ackDays, p.resolveDays], [3, 10])
    // Unset working-day flags keep the defaults.
    XCTAssertEqual(p.ackWorking, ComplaintPolicy.standard("transport").ackWorking)
    XCTAssertEqual(ComplaintBook.policy(db, "quality"), .standard("quality"))
    XCTAssertTrue(ComplaintBook.policyEdited(db, "transport"))
    XCTAssertFalse(ComplaintBook.policyEdited(db, "quality"))
    // No stored deadlines: judged by the policy in force, from the day received.
    let c = ComplaintBook.record(db, row: 0) { .weekends }
    let due = p.deadlines(received: day("2026-10-05"), calendar: .weekends)
    XCTAssertEqual([c.ackDue, c.resolveDue], [due.ack, due.resolve])
    XCTAssertEqual(c.stageText, "received")
    XCTAssertEqual(c.compensation, .zero)
  }

  func testCollectionsOfAMonthCountOnlyInvoicedTrade() throws {
    var db = Database()
    _ = try db.apply([
      tradingCustomer(1),
      invoiceRow("A", customer: 1, date: "2026-09-20", amount: "1000"),
      invoiceRow("B", customer: 1, date: "2026-10-10", amount: "500"),
      paymentRow(invoice: "A", customer: 1, date: "2026-09-25", amount: "300"),
      paymentRow(invoice: "A", customer: 1, date: "2026-10-15", amount: "200"),
      // Cash on account, against no invoice: not a collection.
      .insert(
        table: "payments",
        values: ["customer": .int(1), "date": .date(day("2026-10-16")), "amount": .money(yuan("50"))]),
    ])
    let f = CustomerActivity.collections(db, month: day("2026-10-01"))
    // Opening 1000 − 300 = 700; invoiced 500 in October; collected 200.
    XCTAssertEqual(f[0], [70_000, 50_000, 20_000])
    // What is still owed: 700 + 500 − 200.
    XCTAssertEqual(CustomerActivity.receivableBalance(db, customer: 1), yuan("1000"))
  }

  func testCreditPolicyKeepsTheBuiltInValueForTextThatNoLongerParses() throws {
    var db = Database()
    _ = try db.apply([
      .insert(table: "credit_policy", values: ["name": .text("base"), "value": .text("80000")]),
      .insert(table: "credit_policy", values: ["name": .text("usual"), "value": .text("not a number")]),
    ])
    let p = CreditPolicySettings.load(db)
    XCTAssertEqual(p.base, yuan("80000"))
    XCTAssertEqual(p.usual, Dec(2))
  }
}
