import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// A remedy settled against receivables and a recovery from a supplier, on a hand-built
/// firm whose balances are worked out below.
final class ComplaintSettlementTests: XCTestCase {
  func money(_ s: String) -> Money { Money(parsing: s)! }
  func day(_ s: String) -> Day { Day(parsing: s)! }

  /// One customer owing on three invoices: INV-A 1,000 less 400 paid = 600 (oldest),
  /// INV-B 800, INV-C 500; 1,900 open in all.
  func firm() throws -> Database {
    var db = Database()
    try db.apply([
      .insert(
        table: "customers",
        values: [
          "id": .int(1), "kind": .text("company"), "name": .text("测试商贸有限公司"), "status": .text("trading"),
          "owner": .text("王强"),
        ]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("INV-A"), "customer": .int(1), "date": .date(day("2026-09-01")),
          "due": .date(day("2026-10-01")), "amount": .money(money("1000")),
        ]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("INV-B"), "customer": .int(1), "date": .date(day("2026-10-01")),
          "due": .date(day("2026-10-31")), "amount": .money(money("800")),
        ]),
      .insert(
        table: "invoices",
        values: [
          "no": .text("INV-C"), "customer": .int(1), "date": .date(day("2026-11-01")),
          "due": .date(day("2026-12-01")), "amount": .money(money("500")),
        ]),
      .insert(
        table: "payments",
        values: [
          "id": .int(1), "invoice": .text("INV-A"), "customer": .int(1), "date": .date(day("2026-10-01")),
          "amount": .money(money("400")), "method": .text("transfer"),
        ]),
    ])
    return db
  }

  func session(_ db: Database) -> (Session, OutputBuffer) {
    let buffer = OutputBuffer()
    var settings = Settings()
    settings.today = day("2026-11-29")
    settings.user = "tester"
    let s = Session(
      options: SessionOptions(settings: settings),
      io: SessionIO(out: buffer.append, err: buffer.append), workspace: Workspace(db))
    return (s, buffer)
  }

  func balance(_ db: Database, _ no: String) -> Money {
    let invoices = Invoices(db["invoices"])
    return invoices.balance[invoices.row(no: no)!]
  }

  func testCompensationAsCreditNoteThenRecoveryFromTheSupplier() throws {
    let (s, out) = session(try firm())
    let script = """
      complaint open 1 type=quality text="屏幕坏点" received=2026-11-27
      complaint ack 1
      complaint investigate 1
      complaint responsibility 1 supplier
      complaint propose 1 note="补偿"
      complaint remedy 1 compensate amount=1000 settle=credit-note
      """
    XCTAssertEqual(s.run(source: script, file: nil), .ok, out.text)
    // 1,000 credited oldest first: INV-A's 600 in full, then 400 of INV-B's 800.
    XCTAssertEqual(balance(s.db, "INV-A"), .zero)
    XCTAssertEqual(balance(s.db, "INV-B"), money("400"))
    XCTAssertEqual(balance(s.db, "INV-C"), money("500"))
    // Two credit notes of their own (issue 14), naming the complaint; no payment.
    let notes = CreditNotes(s.db)
    XCTAssertEqual(notes.rows.map { notes.invoice[$0] }, ["INV-A", "INV-B"])
    XCTAssertEqual(notes.rows.map { notes.amount[$0] }, [money("600"), money("400")])
    XCTAssertEqual(notes.rows.map { notes.reason[$0] }, ["complaint", "complaint"])
    XCTAssertEqual(notes.rows.map { notes.complaint[$0] }, [1, 1])
    let pay = Payments(s.db)
    XCTAssertEqual(pay.rows.filter { pay.method[$0] == "credit-note" }, [])
    // Received Friday 11-27: acknowledge by Monday 11-30, resolve by Friday 12-04.
    let c = ComplaintArguments.record(s.db, row: 0)
    XCTAssertEqual(c.ackDue, day("2026-11-30"))
    XCTAssertEqual(c.resolveDue, day("2026-12-04"))
    XCTAssertEqual(c.compensation, money("1000"))
    XCTAssertEqual(ComplaintBook.claims(s.db).map(\.claimed), [money("1000")])

    XCTAssertEqual(s.run(source: "complaint recover 1 amount=600", file: nil), .ok)
    XCTAssertEqual(s.run(source: "complaint recover 1 amount=500", file: nil), .failed)
    XCTAssertTrue(out.text.contains("must not be more than the 400.00 still outstanding"), out.text)
    XCTAssertEqual(s.run(source: "complaint recover 1 amount=400 date=2026-11-29", file: nil), .ok)
    let claim = ComplaintBook.claims(s.db)[0]
    XCTAssertEqual(claim.recovered, money("1000"))
    XCTAssertEqual(claim.recoveredOn, day("2026-11-29"))
  }

  func testPayOutLeavesReceivablesAlone() throws {
    let (s, out) = session(try firm())
    let script = """
      complaint open 1 type=service text="态度差"
      complaint ack 1
      complaint responsibility 1 ours
      complaint propose 1 note="退款"
      complaint remedy 1 refund amount=300 settle=pay-out
      """
    XCTAssertEqual(s.run(source: script, file: nil), .ok, out.text)
    XCTAssertEqual(balance(s.db, "INV-A"), money("600"))
    XCTAssertEqual(balance(s.db, "INV-B"), money("800"))
    XCTAssertEqual(ComplaintArguments.record(s.db, row: 0).compensation, money("300"))
    // Responsibility never set to a supplier: nothing to recover.
    XCTAssertTrue(ComplaintBook.claims(s.db).isEmpty)
    // Acknowledged, resolving is due 2026-12-06: open but not overdue.
    let summary = ComplaintViews.customerSummary(s.db, customer: 1, today: day("2026-11-29"))
    XCTAssertEqual(summary, CustomerComplaints(count: 1, open: 1, overdue: 0, paid: money("300")))
    let later = ComplaintViews.customerSummary(s.db, customer: 1, today: day("2026-12-07"))
    XCTAssertEqual(later.overdue, 1)
  }

  /// §4 claims rule 2: no compensation while investigating; and none before responsibility
  /// and a proposed solution. A refused remedy changes nothing.
  func testCompensationWaitsForResponsibilityAndAProposal() throws {
    let (s, out) = session(try firm())
    let setup = """
      complaint open 1 type=quality text="屏幕坏点" received=2026-11-27
      complaint ack 1
      complaint investigate 1
      """
    XCTAssertEqual(s.run(source: setup, file: nil), .ok, out.text)
    let before = s.db
    XCTAssertEqual(s.run(source: "complaint remedy 1 compensate amount=100", file: nil), .failed)
    XCTAssertTrue(out.text.contains("is being investigated: no compensate while investigating"), out.text)
    XCTAssertEqual(s.run(source: "complaint propose 1", file: nil), .ok)
    XCTAssertEqual(s.run(source: "complaint remedy 1 refund amount=100", file: nil), .failed)
    XCTAssertTrue(out.text.contains("has no responsibility recorded"), out.text)
    XCTAssertEqual(s.run(source: "complaint responsibility 1 undetermined", file: nil), .ok)
    XCTAssertEqual(s.run(source: "complaint remedy 1 refund amount=100", file: nil), .failed)
    XCTAssertEqual(balance(s.db, "INV-A"), balance(before, "INV-A"))
    XCTAssertEqual(ComplaintArguments.record(s.db, row: 0).compensation, .zero)
    XCTAssertEqual(s.run(source: "complaint responsibility 1 ours", file: nil), .ok)
    XCTAssertEqual(s.run(source: "complaint remedy 1 refund amount=100", file: nil), .ok, out.text)
    XCTAssertEqual(ComplaintArguments.record(s.db, row: 0).compensation, money("100"))
  }

  /// A step dated before the previous step is refused.
  func testAStepCannotBeDatedBeforeThePreviousOne() throws {
    let (s, out) = session(try firm())
    let setup = """
      complaint open 1 type=quality text="屏幕坏点" received=2026-11-20
      complaint ack 1 date=2026-11-23
      """
    XCTAssertEqual(s.run(source: setup, file: nil), .ok, out.text)
    XCTAssertEqual(s.run(source: "complaint investigate 1 date=2026-11-22", file: nil), .failed)
    XCTAssertTrue(out.text.contains("before the complaint's last recorded step (2026-11-23)"), out.text)
    XCTAssertEqual(s.run(source: "complaint investigate 1 date=2026-11-24", file: nil), .ok)
  }

  /// Working-day deadlines skip the holidays: received Wednesday 2026-09-30 with 国庆节
  /// 10-01..10-07, acknowledging (1 working day) falls due Thursday 10-08, not 10-01;
  /// resolving (7 calendar days) stays 10-07.
  func testWorkingDayDeadlinesSkipHolidays() throws {
    let (s, out) = session(try firm())
    let script = """
      holiday add 2026-10-01..2026-10-07 name=国庆节
      complaint open 1 type=quality text="屏幕坏点" received=2026-09-30
      """
    XCTAssertEqual(s.run(source: script, file: nil), .ok, out.text)
    let c = ComplaintArguments.record(s.db, row: 0)
    XCTAssertEqual(c.ackDue, day("2026-10-08"))
    XCTAssertEqual(c.resolveDue, day("2026-10-07"))
    // An overlapping range is refused; removing the holiday brings back the weekday rule.
    XCTAssertEqual(s.run(source: "holiday add 2026-10-07..2026-10-08 name=x", file: nil), .failed)
    XCTAssertEqual(s.run(source: "holiday remove 1", file: nil), .ok)
    XCTAssertEqual(
      ComplaintPolicy.standard("quality").deadlines(
        received: day("2026-09-30"), calendar: HolidayCommands.calendar(s.db)
      ).ack, day("2026-10-01"))
  }
}
