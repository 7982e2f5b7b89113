import KehuStore
import XCTest

@testable import KehuDomain

/// A small ledger built row by row, the way the commands store documents.
struct LedgerBook {
  var db = Database()

  init(customers: [Int64] = [1]) throws {
    for id in customers {
      _ = try db.apply([
        .insert(
          table: "customers",
          values: [
            "id": .int(id), "kind": .text("company"), "name": .text("甲\(id)"), "status": .text("trading"),
          ])
      ])
    }
  }

  mutating func invoice(
    _ no: String, _ customer: Int64, _ fen: Int64, date: String, due: String, note: String? = nil
  ) throws {
    var v: [String: Value] = [
      "no": .text(no), "customer": .int(customer), "amount": .money(Money(fen: fen)),
      "date": .date(day(date)), "due": .date(day(due)),
    ]
    if let note { v["note"] = .text(note) }
    _ = try db.apply([.insert(table: "invoices", values: v)])
  }

  mutating func payment(_ customer: Int64, _ fen: Int64, date: String, invoice: String?, method: String)
    throws
  {
    var v: [String: Value] = [
      "customer": .int(customer), "amount": .money(Money(fen: fen)), "date": .date(day(date)),
      "method": .text(method),
    ]
    if let invoice { v["invoice"] = .text(invoice) }
    _ = try db.apply([.insert(table: "payments", values: v)])
  }

  mutating func note(
    _ no: String, _ customer: Int64, _ fen: Int64, issued: String, matures: String, status: String,
    invoice: String? = nil, closed: String? = nil, discounted: String? = nil, recourse: Bool? = nil
  ) throws {
    var v: [String: Value] = [
      "no": .text(no), "customer": .int(customer), "amount": .money(Money(fen: fen)),
      "issued": .date(day(issued)), "matures": .date(day(matures)), "status": .text(status),
    ]
    if let invoice { v["invoice"] = .text(invoice) }
    if let closed { v["closed"] = .date(day(closed)) }
    if let discounted { v["discounted"] = .date(day(discounted)) }
    if let recourse { v["recourse"] = .bool(recourse) }
    _ = try db.apply([.insert(table: "notes", values: v)])
  }

  var ledger: Ledger { Ledger(db) }
}

final class LedgerTests: XCTestCase {
  /// Issue 14 case 1: a dishonoured note given for no invoice is owed again as its `DH-`
  /// invoice, and counts once: 12,000 + 5,000 = 17,000, not 22,000.
  func testDishonouredNoteWithoutInvoiceCountsOnce() throws {
    var b = try LedgerBook()
    try b.invoice("A", 1, 1_200_000, date: "2026-09-01", due: "2026-09-16")
    try b.note(
      "N", 1, 500_000, issued: "2026-10-01", matures: "2026-11-30", status: "dishonoured",
      closed: "2026-11-29")
    try b.invoice("DH-N", 1, 500_000, date: "2026-10-01", due: "2026-11-30", note: "N")
    let e = b.ledger.exposure(customer: 1, asof: day("2026-11-29"))
    XCTAssertEqual(e.receivables.fen + e.notes.fen, 1_700_000)
    XCTAssertEqual(e.notes, .zero)
    // The day before it was dishonoured the debt was the note, held.
    let before = b.ledger.exposure(customer: 1, asof: day("2026-11-28"))
    XCTAssertEqual(before.receivables.fen, 1_200_000)
    XCTAssertEqual(before.notes.fen, 500_000)
  }

  /// Case 1 with `invoice=A`: the note's amount went from A to the note and back: 12,000.
  func testDishonouredNoteForAnInvoiceCountsOnce() throws {
    var b = try LedgerBook()
    try b.invoice("A", 1, 1_200_000, date: "2026-09-01", due: "2026-09-16")
    try b.note(
      "N", 1, 500_000, issued: "2026-10-01", matures: "2026-11-30", status: "dishonoured", invoice: "A",
      closed: "2026-11-29")
    try b.payment(1, 500_000, date: "2026-10-01", invoice: "A", method: "note")
    try b.payment(1, -500_000, date: "2026-11-29", invoice: "A", method: "dishonoured")
    let e = b.ledger.exposure(customer: 1, asof: day("2026-11-29"))
    XCTAssertEqual(e.receivables.fen + e.notes.fen, 1_200_000)
    let mid = b.ledger.exposure(customer: 1, asof: day("2026-10-15"))
    XCTAssertEqual(mid.receivables.fen, 700_000)
    XCTAssertEqual(mid.notes.fen, 500_000)
    // Neither the note given nor its reversal is money received.
    XCTAssertEqual(b.ledger.receipts(customer: 1), [])
  }

  /// Case 2: money on account offsets what is owed.
  func testMoneyOnAccountOffsetsExposure() throws {
    var b = try LedgerBook()
    try b.payment(1, 200_000, date: "2026-11-01", invoice: nil, method: "on_account")
    try b.invoice("B", 1, 500_000, date: "2026-11-10", due: "2026-12-10")
    try b.payment(1, 300_000, date: "2026-11-12", invoice: "B", method: "transfer")
    let e = b.ledger.exposure(customer: 1, asof: day("2026-11-29"))
    XCTAssertEqual(e.receivables, .zero)
    XCTAssertEqual(e.onAccount.fen, 200_000)
  }

  /// Case 3: a credit note is not money: it keeps no promise and does not settle "late".
  func testCreditNoteIsNotAReceiptAndDoesNotMakeAnInvoicePaidLate() throws {
    var b = try LedgerBook()
    try b.invoice("C", 1, 1_000_000, date: "2026-09-01", due: "2026-09-30")
    try b.payment(1, 400_000, date: "2026-11-14", invoice: "C", method: "credit-note")
    let l = b.ledger
    XCTAssertEqual(l.receipts(customer: 1), [])
    let c = try XCTUnwrap(l.invoice("C"))
    XCTAssertEqual(Ledger.balance(c, asof: day("2026-11-29"))?.fen, 600_000)
    XCTAssertNil(Ledger.settled(c, asof: day("2026-11-29")))
    // Open 60 days past due on 2026-11-29: a P1 sign dated the 31st day past due.
    let signs = l.warningSigns(customer: 1, asof: day("2026-11-29"))
    XCTAssertEqual(signs.map(\.sign.id), ["P1"])
    XCTAssertEqual(signs.first?.date, day("2026-10-31"))
    XCTAssertEqual(signs.first?.cause, .pastDue(invoice: "C", days: 60))
  }

  /// Case 6: a note is shown as it stood on the as-of day.
  func testNoteStatusAsOfADay() throws {
    var b = try LedgerBook()
    try b.note(
      "N", 1, 100_000, issued: "2026-09-01", matures: "2026-12-01", status: "settled", closed: "2026-11-20",
      discounted: "2026-10-01")
    let n = try XCTUnwrap(b.ledger.notes.first)
    XCTAssertNil(n.status(asof: day("2026-08-31")))
    XCTAssertEqual(n.status(asof: day("2026-09-30")), .held)
    XCTAssertEqual(n.status(asof: day("2026-10-01")), .discounted)
    XCTAssertEqual(n.status(asof: day("2026-11-20")), .settled)
    // Discounted with recourse counts in exposure; after settlement nothing does.
    XCTAssertEqual(b.ledger.exposure(customer: 1, asof: day("2026-10-15")).notes.fen, 100_000)
    XCTAssertEqual(b.ledger.exposure(customer: 1, asof: day("2026-11-21")).notes, .zero)
  }

  func testDiscountWithoutRecourseLeavesExposure() throws {
    var b = try LedgerBook()
    try b.note(
      "N", 1, 100_000, issued: "2026-09-01", matures: "2026-12-01", status: "discounted",
      discounted: "2026-10-01", recourse: false)
    XCTAssertEqual(b.ledger.exposure(customer: 1, asof: day("2026-09-15")).notes.fen, 100_000)
    XCTAssertEqual(b.ledger.exposure(customer: 1, asof: day("2026-10-15")).notes, .zero)
  }

  /// Case 5: the reopened debt is not a sale.
  func testReopenedDebtIsNotACreditSale() throws {
    var b = try LedgerBook()
    try b.invoice("A", 1, 100_000, date: "2026-10-01", due: "2026-10-31")
    try b.note(
      "N", 1, 50_000, issued: "2026-09-01", matures: "2026-10-31", status: "dishonoured", closed: "2026-11-01"
    )
    try b.invoice("DH-N", 1, 50_000, date: "2026-09-01", due: "2026-10-31", note: "N")
    XCTAssertEqual(b.ledger.creditSales(from: day("2026-08-01"), to: day("2026-11-29")).fen, 100_000)
    XCTAssertEqual(b.ledger.outstanding(asof: day("2026-11-29")).fen, 150_000)
    XCTAssertEqual(b.ledger.outstanding(asof: day("2026-10-31")).fen, 100_000)
  }

  /// Case 7: interest over the balance history. 1,000 due 10-01, 600 paid 10-31, 400 open on
  /// 11-30: 600 × 30 days + 400 × 60 days.
  func testOverdueHistoryChargesEachBalanceWhileItStood() throws {
    var b = try LedgerBook()
    try b.invoice("A", 1, 100_000, date: "2026-09-01", due: "2026-10-01")
    try b.payment(1, 60_000, date: "2026-10-31", invoice: "A", method: "transfer")
    let items = b.ledger.overdueHistory(asof: day("2026-11-30")).map(\.item)
    let w = try lateInterest(items, annualRate: dec("0.36"), asof: day("2026-11-30"), year: .days360)
    // 600 × 36% × 30 ÷ 360 = 18.00; 400 × 36% × 60 ÷ 360 = 24.00
    XCTAssertEqual(w.result.value, .money(yuan("42.00")))
  }

  func testNoteDiscountProceeds() throws {
    // 50,000 × 6% × 81 ÷ 360 = 675.00
    let d = try noteDiscount(
      face: yuan("50000"), rate: dec("0.06"), discounted: day("2026-11-29"), matures: day("2027-02-18"),
      year: .days360)
    XCTAssertEqual(d.days, 81)
    XCTAssertEqual(d.interest, yuan("675"))
    XCTAssertEqual(d.proceeds, yuan("49325"))
    XCTAssertNotNil(
      domainError { () throws(DomainError) in
        try noteDiscount(
          face: yuan("1"), rate: dec("0.06"), discounted: day("2027-03-01"), matures: day("2027-02-18"),
          year: .days365)
      })
  }
}
