import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// The check `invoice add` calls before a new invoice (CreditCommands.checkNewInvoice),
/// on a small store whose figures are worked by hand.
final class CreditCheckTests: XCTestCase {
  let today = Day(parsing: "2026-11-29")!

  /// Customer 1: limit 10,000.00; one open invoice of 6,000.00, a held note of 3,000.00 and
  /// a settled note of 5,000.00 (not counted): exposure 9,000.00, 1,000.00 available.
  func session() throws -> Session {
    var db = Database()
    try db.apply([
      .insert(
        table: "customers",
        values: [
          "id": .int(1), "kind": .text("company"), "name": .text("甲公司"), "status": .text("trading"),
          "credit_limit": .money(Money(fen: 1_000_000)),
        ]),
      .insert(
        table: "customers",
        values: ["id": .int(2), "kind": .text("company"), "name": .text("乙公司"), "status": .text("trading")]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("A1"), "customer": .int(1), "date": .date(today.adding(days: -10)),
          "due": .date(today.adding(days: 20)), "amount": .money(Money(fen: 600_000)),
        ]),
      .insert(
        table: "notes",
        values: [
          "no": .text("N1"), "customer": .int(1), "amount": .money(Money(fen: 300_000)),
          "status": .text("held"),
        ]),
      .insert(
        table: "notes",
        values: [
          "no": .text("N2"), "customer": .int(1), "amount": .money(Money(fen: 500_000)),
          "status": .text("settled"),
        ]),
    ])
    var settings = Settings()
    settings.today = today
    settings.user = "tester"
    return Session(
      options: SessionOptions(settings: settings), io: SessionIO(out: { _ in }, err: { _ in }),
      workspace: Workspace(db))
  }

  func testExposureCountsOpenInvoicesAndUnsettledNotes() throws {
    let s = try session()
    let f = s.creditFile.exposureFigures(1)
    XCTAssertEqual(f.receivables, Money(fen: 600_000))
    XCTAssertEqual(f.unsettledNotes, Money(fen: 300_000))
    XCTAssertEqual(f.limit, Money(fen: 1_000_000))
  }

  func testUpToTheLimitPasses() throws {
    let s = try session()
    XCTAssertEqual(
      try CreditCommands.checkNewInvoice(s, customer: 1, amount: Money(fen: 100_000), override: nil), [])
  }

  func testOneFenOverIsRefusedWithTheFigures() throws {
    let s = try session()
    XCTAssertThrowsError(
      try CreditCommands.checkNewInvoice(s, customer: 1, amount: Money(fen: 100_001), override: nil)
    ) {
      let e = $0 as! ShellError
      XCTAssertTrue(e.message.contains("10,000.01"), e.message)
      XCTAssertTrue(e.hint!.contains("exposure 9,000.00"), e.hint!)
    }
  }

  func testOverrideReturnsTheRecordForTheSameBatch() throws {
    let s = try session()
    let batch = try CreditCommands.checkNewInvoice(
      s, customer: 1, amount: Money(fen: 200_000), override: CreditOverride(by: "王经理", reason: "大单"),
      reference: "A2")
    XCTAssertEqual(batch.count, 1)
    guard case .insert("credit_overrides", let v) = batch[0] else { return XCTFail("not an override insert") }
    XCTAssertEqual(v["by"], .text("王经理"))
    XCTAssertEqual(v["amount"], .money(Money(fen: 200_000)))
    XCTAssertEqual(v["reference"], .text("A2"))
    try s.change(batch)
    XCTAssertEqual(s.db["credit_overrides"].count, 1)
  }

  func testNoLimitIsNotCheckedButWatchIs() throws {
    let s = try session()
    XCTAssertEqual(
      try CreditCommands.checkNewInvoice(s, customer: 2, amount: Money(fen: 99_999_999), override: nil), [])
    try s.change([
      .insert(
        table: "credit_alerts", values: ["customer": .int(2), "date": .date(today), "reason": .text("x")])
    ])
    XCTAssertThrowsError(
      try CreditCommands.checkNewInvoice(s, customer: 2, amount: Money(fen: 1), override: nil))
  }

  func testShipmentCapFromTheLatestRestrictMeasure() throws {
    let s = try session()
    try s.change([
      .insert(
        table: "credit_measures",
        values: [
          "customer": .int(1), "date": .date(today), "kind": .text("restrict"),
          "amount": .money(Money(fen: 50_000)),
        ])
    ])
    XCTAssertEqual(s.creditFile.shipmentCap(1), Money(fen: 50_000))
    XCTAssertThrowsError(
      try CreditCommands.checkNewInvoice(s, customer: 1, amount: Money(fen: 50_001), override: nil))
    XCTAssertEqual(
      try CreditCommands.checkNewInvoice(s, customer: 1, amount: Money(fen: 50_000), override: nil), [])
  }

  /// A payment 31 days after due records P1; 30 days does not (more than 30 is the rule);
  /// a dishonoured note records P9 on its maturity date.
  func testSignsReadFromTheRecords() throws {
    let s = try session()
    let due = today.adding(days: -60)
    try s.change([
      .insert(
        table: "invoices",
        values: [
          "no": .text("B1"), "customer": .int(2), "date": .date(due.adding(days: -30)), "due": .date(due),
          "amount": .money(Money(fen: 10_000)),
        ]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("B2"), "customer": .int(2), "date": .date(due.adding(days: -30)), "due": .date(due),
          "amount": .money(Money(fen: 10_000)),
        ]),
      .insert(
        table: "payments",
        values: [
          "invoice": .text("B1"), "customer": .int(2), "date": .date(due.adding(days: 30)),
          "amount": .money(Money(fen: 10_000)),
        ]),
      .insert(
        table: "payments",
        values: [
          "invoice": .text("B2"), "customer": .int(2), "date": .date(due.adding(days: 31)),
          "amount": .money(Money(fen: 10_000)),
        ]),
      .insert(
        table: "notes",
        values: [
          "no": .text("N9"), "customer": .int(2), "amount": .money(Money(fen: 1)),
          "status": .text("dishonoured"),
          "matures": .date(today.adding(days: -5)),
        ]),
    ])
    let seen = s.creditFile.signsSeen(s.db, customer: 2)
    XCTAssertEqual(seen.map(\.sign.id), ["P1", "P9"])
    XCTAssertEqual(seen[0].date, due.adding(days: 31))
    XCTAssertEqual(seen[1].date, today.adding(days: -5))
    // Both invoices are settled; their payment record has the settling day.
    let record = Ledger(s.db).paymentRecord(customer: 2, asof: s.today).map(\.record)
    XCTAssertEqual(record.map(\.paid), [due.adding(days: 30), due.adding(days: 31)])
  }

  /// A class-B customer reported on 2026-08-31 is next due 2026-11-30 (a month end), not 11-31.
  func testReviewAfterAMonthEndFallsOnAMonthEnd() throws {
    let s = try session()
    try s.change([
      .update(table: "customers", key: .int(1), values: ["credit_class": .text("B")]),
      .insert(
        table: "credit_reviews",
        values: ["customer": .int(1), "date": .date(Day(parsing: "2026-08-31")!), "class": .text("B")]),
    ])
    XCTAssertEqual(s.creditFile.reviewAccount(1)?.nextReview, Day(parsing: "2026-11-30"))
  }

  /// §3.2: a new trading customer is class C until reviewed, and its first report falls due
  /// one month after its first trade, not after the day its record was made (2020).
  func testANewTradingCustomerIsCUntilReviewedFromItsFirstTrade() throws {
    let s = try session()
    try s.change([
      .update(
        table: "customers", key: .int(2),
        values: ["created": .timestamp(Timestamp(day: Day(parsing: "2020-01-01")!, hour: 9))]),
      .insert(
        table: "sales",
        values: [
          "customer": .int(2), "date": .date(Day(parsing: "2026-10-20")!), "amount": .money(Money(fen: 100)),
        ]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("B1"), "customer": .int(2), "date": .date(Day(parsing: "2026-10-12")!),
          "amount": .money(Money(fen: 100)),
        ]),
    ])
    let r = try XCTUnwrap(s.creditFile.reviewAccount(2))
    XCTAssertEqual(r.creditClass, .c)
    XCTAssertTrue(r.provisional)
    // First trade: the invoice of 2026-10-12 (before the sale of 10-20); C: one month later.
    XCTAssertEqual(r.nextReview, Day(parsing: "2026-11-12"))
    XCTAssertEqual(s.run(source: "credit review 2 date=2026-11-20", file: nil), .ok)
    let after = try XCTUnwrap(s.creditFile.reviewAccount(2))
    XCTAssertFalse(after.provisional)
    XCTAssertEqual(after.nextReview, Day(parsing: "2026-12-20"))
    let customers = Customers(s.db.customers)
    XCTAssertEqual(customers.creditClass[try XCTUnwrap(customers.row(id: 2))], "C")
    // A prospect has no class until someone gives it one.
    try s.change([
      .update(table: "customers", key: .int(2), values: ["status": .text("prospect"), "credit_class": .null])
    ])
    XCTAssertNil(s.creditFile.reviewAccount(2))
  }

  /// The collection procedure's "supply suspended" step blocks new credit until a later step.
  func testSupplySuspendedByTheCollectionStep() throws {
    let s = try session()
    try s.change([
      .insert(
        table: "collections", values: ["customer": .int(2), "date": .date(today), "step": .text("suspend")])
    ])
    XCTAssertTrue(s.creditFile.supplySuspended(2))
    XCTAssertThrowsError(
      try CreditCommands.checkNewInvoice(s, customer: 2, amount: Money(fen: 1), override: nil))
    try s.change([
      .insert(
        table: "collections", values: ["customer": .int(2), "date": .date(today), "step": .text("demand")])
    ])
    XCTAssertFalse(s.creditFile.supplySuspended(2))
  }
}
