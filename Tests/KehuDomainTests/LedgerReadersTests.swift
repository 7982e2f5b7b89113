import KehuStore
import XCTest

@testable import KehuDomain

/// The readers that left KehuShell (issue 14): each computes from the typed accessors what a
/// credit or receivables command prints.
final class LedgerReadersTests: XCTestCase {
  let today = day("2026-11-29")

  /// The demo's promises: 1009 due 2026-10-30 (part paid), 1036 kept, 1007 due 12-03, 1038
  /// due 12-07. Only money received keeps one.
  func testBrokenPromisesOnTheDemoFirm() throws {
    let db = try DemoFirm.database(today: today)
    func broken(_ asof: Day) -> Set<Int64> {
      var out = Set<Int64>()
      for (id, signs) in Ledger(db).warningSigns(asof: asof) {
        for s in signs { if case .brokenPromise = s.cause { out.insert(id) } }
      }
      return out
    }
    XCTAssertEqual(broken(today), [1009])
    XCTAssertEqual(broken(today.adding(days: 9)), [1009, 1007, 1038])
  }

  func testDocumentNumbersSkipTakenOnesAndDrawOncePerBatch() throws {
    var book = try LedgerBook()
    try book.invoice("INV-00002", 1, 100, date: "2026-10-01", due: "2026-10-31")
    // One row: the count plus one is INV-00002, taken, so INV-00003.
    XCTAssertEqual(DocumentNumbers.invoices(book.db).first, "INV-00003")
    var cn = DocumentNumbers.creditNotes(book.db)
    XCTAssertEqual([cn.next(), cn.next()], ["CN-00001", "CN-00002"])
    XCTAssertEqual(DocumentNumbers.notes(book.db).first, "BN-001")
    XCTAssertEqual(DocumentNumbers.orders(book.db).first, "SO-00001")
  }

  func testPaymentRecordSummary() {
    let record = [
      PaymentRecord(due: day("2026-01-10"), paid: day("2026-01-05")),  // before the window
      PaymentRecord(due: day("2026-06-10"), paid: day("2026-06-10")),  // on time
      PaymentRecord(due: day("2026-07-10"), paid: day("2026-07-20")),  // 10 days late
      PaymentRecord(due: day("2026-08-10"), paid: day("2026-08-15")),  // 5 days late
      PaymentRecord(due: day("2026-09-10"), paid: nil),  // open, past due
      PaymentRecord(due: day("2026-12-10"), paid: nil),  // open, not yet due
    ]
    let p = PaymentRecordSummary(record, since: day("2026-02-01"), asof: today)
    XCTAssertEqual(p.onTime, 1)
    XCTAssertEqual(p.late, 2)
    // (10 + 5) ÷ 2 = 7.5, rounded down.
    XCTAssertEqual(p.averageDaysLate, 7)
    XCTAssertEqual(p.open, 2)
    XCTAssertEqual(p.openPastDue, 1)
    XCTAssertEqual(p.oldestOpenDue, day("2026-09-10"))
    XCTAssertNil(PaymentRecordSummary([], since: today, asof: today).averageDaysLate)
  }

  func testCreditCardReadsTheLimitFiguresAndAltman() throws {
    var book = try LedgerBook()
    XCTAssertNil(CreditCard(book.db, customer: 2))
    var card = try XCTUnwrap(CreditCard(book.db, customer: 1))
    XCTAssertNil(card.altman)
    _ = try book.db.apply([
      .update(
        table: "customers", key: .int(1),
        values: [
          "credit_limit": .money(yuan("20000")), "purchases": .money(yuan("1200000")),
          "supply_share": .percent(dec("0.25")), "suppliers": .int(4), "working_capital": .money(yuan("100")),
          "retained_earnings": .money(yuan("200")), "ebit": .money(yuan("300")),
          "equity_value": .money(yuan("400")), "annual_sales": .money(yuan("500")),
          "assets": .money(yuan("600")), "liabilities": .money(yuan("700")),
        ])
    ])
    card = try XCTUnwrap(CreditCard(book.db, customer: 1))
    XCTAssertEqual(card.creditLimit, yuan("20000"))
    XCTAssertEqual(card.figure(.purchases), yuan("1200000"))
    XCTAssertEqual(card.supplyShare, dec("0.25"))
    XCTAssertEqual(card.suppliers, 4)
    XCTAssertEqual(card.altman?.marketValueOfEquity, yuan("400"))
    XCTAssertEqual(card.altman?.totalLiabilities, yuan("700"))
    let x = LimitFigures(card: card, scores: nil, policy: CreditPolicySettings())
    XCTAssertEqual(x.purchases, yuan("1200000"))
    XCTAssertEqual(x.suppliers, 4)
    XCTAssertEqual(x.altman, card.altman)
  }

  func testTradeVolumeSumsTheCustomersSalesInThePeriod() throws {
    var book = try LedgerBook(customers: [1, 2])
    for (id, c, d, fen) in [(1, 1, "2026-09-01", 100), (2, 1, "2026-10-01", 250), (3, 2, "2026-10-01", 999)] {
      _ = try book.db.apply([
        .insert(
          table: "sales",
          values: [
            "id": .int(Int64(id)), "customer": .int(Int64(c)), "date": .date(day(d)),
            "amount": .money(Money(fen: Int64(fen))),
          ])
      ])
    }
    let v = TradeVolume(book.db)
    XCTAssertEqual(v.sales(1, in: day("2026-09-01")...day("2026-10-01")), Money(fen: 350))
    XCTAssertEqual(v.sales(1, in: day("2026-09-02")...day("2026-12-01")), Money(fen: 250))
    XCTAssertEqual(v.sales(3, in: day("2026-01-01")...day("2026-12-01")), .zero)
  }

  func testStoredLadderAndPolicies() throws {
    var db = Database()
    XCTAssertEqual(CollectionLadder.stored(db), .standard)
    XCTAssertEqual(CreditPolicy.stored(db), [])
    _ = try db.apply([
      .insert(
        table: "policies",
        values: [
          "name": .text("A"), "terms": .text("2/10, n/30"), "shares": .text("50%"),
          "sales": .money(yuan("1000000")), "variable": .percent(dec("0.6")), "capital": .percent(dec("0.1")),
        ])
    ])
    let p = try XCTUnwrap(CreditPolicy.stored(db).first)
    XCTAssertEqual(p.name, "A")
    XCTAssertEqual(p.discountShares, [dec("0.5")])
    XCTAssertEqual(p.badDebtRate, .zero)
    XCTAssertEqual(p.collectionCost, .zero)
    XCTAssertNil(p.averageCollectionDays)
  }

  func testOverdueSumsPastDueBalancesFromTheOldestDueDate() throws {
    var book = try LedgerBook(customers: [1, 2])
    try book.invoice("A", 1, 1_000, date: "2026-09-01", due: "2026-09-30")
    try book.invoice("B", 1, 500, date: "2026-10-01", due: "2026-10-31")
    try book.invoice("C", 1, 700, date: "2026-11-01", due: "2026-12-01")  // not yet due
    try book.invoice("D", 2, 300, date: "2026-10-01", due: "2026-11-29")  // due today: not past due
    let o = Ledger(book.db).overdue(asof: today)
    XCTAssertEqual(Set(o.keys), [1])
    XCTAssertEqual(o[1]?.amount, Money(fen: 1_500))
    XCTAssertEqual(o[1]?.oldestDue, day("2026-09-30"))
  }

  func testStatementTotalDueIsTheAgeingLessWhatIsOnAccount() throws {
    var book = try LedgerBook()
    try book.invoice("A", 1, 1_000, date: "2026-09-01", due: "2026-09-30")
    try book.invoice("B", 1, 500, date: "2026-11-01", due: "2026-12-01")
    _ = try book.db.apply([
      .insert(
        table: "payments",
        values: [
          "customer": .int(1), "date": .date(day("2026-11-10")), "amount": .money(Money(fen: 200)),
          "method": .text("transfer"),
        ])
    ])
    let st = try Ledger(book.db).statement(customer: 1, asof: today)
    XCTAssertEqual(st.items.map(\.invoice.no), ["A", "B"])
    XCTAssertEqual(st.items.map(\.daysPastDue), [60, -2])
    XCTAssertEqual(st.ageing.total, Money(fen: 1_500))
    XCTAssertEqual(st.onAccount, Money(fen: 200))
    XCTAssertEqual(st.totalDue, Money(fen: 1_300))
  }

  /// A note given for an invoice reopens that invoice; one given for no invoice reopens as a
  /// `DH-` invoice dated and due as the note was, counted once.
  func testDishonouringReopensTheDebtOnce() throws {
    var book = try LedgerBook()
    try book.invoice("A", 1, 12_000, date: "2026-09-01", due: "2026-09-16")
    var note = LedgerNote(
      no: "N", customer: 1, amount: Money(fen: 5_000), issued: day("2026-10-01"), matures: day("2026-11-30"),
      status: .held, invoice: "A", closed: nil, discounted: nil, recourse: true)
    XCTAssertEqual(Ledger.dishonouring(note, on: today).reopened, .onInvoice("A"))
    note.invoice = nil
    _ = try book.db.apply([
      .insert(
        table: "notes",
        values: [
          "no": .text("N"), "customer": .int(1), "amount": .money(Money(fen: 5_000)),
          "issued": .date(day("2026-10-01")), "matures": .date(day("2026-11-30")), "status": .text("held"),
        ])
    ])
    XCTAssertEqual(Ledger(book.db).exposure(customer: 1, asof: today).notes, Money(fen: 5_000))
    let (changes, reopened) = Ledger.dishonouring(note, on: today)
    XCTAssertEqual(reopened, .asInvoice("DH-N"))
    _ = try book.db.apply(changes)
    let ledger = Ledger(book.db)
    let e = ledger.exposure(customer: 1, asof: today)
    // 12,000 on A and 5,000 on DH-N; the note no longer counts.
    XCTAssertEqual(e.receivables, Money(fen: 17_000))
    XCTAssertEqual(e.notes, .zero)
    XCTAssertEqual(ledger.invoice("DH-N")?.due, day("2026-11-30"))
    XCTAssertEqual(ledger.creditSales(from: day("2026-01-01"), to: today), Money(fen: 12_000))
  }
}
