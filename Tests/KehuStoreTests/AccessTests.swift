import XCTest

@testable import KehuStore

final class AccessTests: XCTestCase {
  /// Binding checks every column against the catalog, so building each accessor once over an
  /// empty database proves every binding in the house names a real column of the right type.
  func testEveryAccessorBindsItsCatalogColumns() {
    let db = Database()
    XCTAssertEqual(Customers(db).count, 0)
    XCTAssertEqual(Sales(db).count, 0)
    XCTAssertEqual(Invoices(db).count, 0)
    XCTAssertEqual(Payments(db).count, 0)
    XCTAssertEqual(Notes(db).count, 0)
    XCTAssertEqual(Promises(db).count, 0)
    XCTAssertEqual(Collections(db).count, 0)
    XCTAssertEqual(CreditAlerts(db).count, 0)
    XCTAssertEqual(CreditMeasures(db).count, 0)
    XCTAssertEqual(CreditReviews(db).count, 0)
    XCTAssertEqual(CreditOverrides(db).count, 0)
    XCTAssertEqual(CreditNotes(db).count, 0)
    XCTAssertEqual(Products(db).count, 0)
    XCTAssertEqual(Visits(db).count, 0)
    XCTAssertEqual(TradeStarts(db).count, 0)
    XCTAssertEqual(Competitors(db).count, 0)
    XCTAssertEqual(DevelopTasks(db).count, 0)
    XCTAssertEqual(AuditRows(db).count, 0)
    XCTAssertEqual(Holidays(db).count, 0)
    XCTAssertEqual(Areas(db).count, 0)
    XCTAssertEqual(Targets(db).count, 0)
    XCTAssertEqual(EvaluationNotes(db).count, 0)
    XCTAssertEqual(StockCounts(db).count, 0)
    XCTAssertEqual(Complaints(db).count, 0)
    XCTAssertEqual(ComplaintEvents(db).count, 0)
    XCTAssertEqual(RecoveryClaims(db).count, 0)
    XCTAssertEqual(ComplaintPolicies(db).count, 0)
    XCTAssertEqual(VisitPolicies(db).count, 0)
    XCTAssertEqual(ProspectPolicies(db).count, 0)
    XCTAssertEqual(CreditPolicyParameters(db).count, 0)
    XCTAssertEqual(Invoices(db).balance.column.count, 0)
    XCTAssertEqual(Orders(db).count, 0)
    XCTAssertEqual(LadderSteps(db).count, 0)
    XCTAssertEqual(CreditInvestigations(db).count, 0)
    XCTAssertEqual(CreditScores(db).count, 0)
    XCTAssertEqual(CustomerCreditCards(db).count, 0)
    XCTAssertEqual(StoredPolicies(db).count, 0)
  }

  func testTypedCellsReadWhatWasInsertedAndNullAsNil() throws {
    var db = Database()
    let d1 = Day(parsing: "2026-09-01")!
    let d2 = Day(parsing: "2026-09-16")!
    _ = try db.apply([
      customer("甲", id: 1),
      .insert(
        table: "invoices",
        values: [
          "no": .text("A"), "customer": .int(1), "date": .date(d1), "due": .date(d2),
          "amount": .money(Money(fen: 1_200_000)), "terms": .text("n/15"),
        ]),
      .insert(
        table: "invoices",
        values: ["no": .text("B"), "customer": .int(1), "date": .date(d2), "amount": .money(Money(fen: 500))]),
    ])
    let inv = Invoices(db)
    XCTAssertEqual(inv.count, 2)
    let a = try XCTUnwrap(inv.row(no: "A"))
    let b = try XCTUnwrap(inv.row(no: "B"))
    XCTAssertEqual(inv.no[a], "A")
    XCTAssertEqual(inv.customer[a], 1)
    XCTAssertEqual(inv.amount[a], Money(fen: 1_200_000))
    XCTAssertEqual(inv.due[a], d2)
    XCTAssertEqual(inv.terms[a], "n/15")
    XCTAssertNil(inv.due[b])
    XCTAssertTrue(inv.due.isNull(b))
    XCTAssertNil(inv.terms[b])
    XCTAssertNil(inv.row(no: "C"))
    let c = Customers(db)
    let r = try XCTUnwrap(c.row(id: 1))
    XCTAssertEqual(c.name[r], "甲")
    XCTAssertEqual(c.status[r], "trading")
    XCTAssertNil(c.creditLimit[r])
  }

  /// An accessor reads the database it was built from; a later change needs a new one.
  func testAccessorIsASnapshotOfItsDatabase() throws {
    var db = Database()
    _ = try db.apply([customer("甲", id: 1), sale(1, 700)])
    let before = Sales(db)
    _ = try db.apply([sale(1, 300)])
    XCTAssertEqual(before.count, 1)
    let after = Sales(db)
    XCTAssertEqual(after.rows.map { after.amount[$0].fen }, [700, 300])
  }
}
