import Foundation
import XCTest

@testable import KehuPostgres
@testable import KehuStore

/// A store made by an earlier `kehu pg init` (before the change log's customers, the audit's
/// kehu_customer, kehu_store and kehu_row_counts existed): opening it names what it lacks and
/// the command that adds it; `kehu pg upgrade` adds it in one transaction, once.
final class TeamUpgradeTests: XCTestCase {
  typealias Rows = TeamSyncOwnerRowsTests

  func address(ownerRows: Bool) throws -> DatabaseAddress {
    let a = try TeamStoreTests.address(prefix: "u_")
    _ = try TeamSchema.initialize(a, ownerRows: ownerRows)
    return a
  }

  /// The refusal an open of the store at `a` meets, which must name each of `lacking`.
  func refusedOpen(_ a: DatabaseAddress, lacking: [String]) {
    XCTAssertThrowsError(try PostgresBackend.open(a)) { e in
      let said = "\(e)"
      XCTAssertTrue(said.contains("\(a.display) was made by an earlier kehu: it lacks"), said)
      for part in lacking + ["`kehu pg upgrade \(a.display)`"] {
        XCTAssertTrue(said.contains(part), "\(part) in: \(said)")
      }
    }
  }

  func testAStoreFromAnEarlierInitNamesTheUpgradeWhichMendsItOnce() throws {
    let a = try address(ownerRows: false)
    let admin = try Link(a)
    defer { admin.close() }
    let office = try PostgresBackend.open(a)
    try office.write { _ in [Rows.customer(1, owner: "ann"), Rows.audit("customers", "1")] }
    try office.write { _ in [Rows.invoice("A-1", customer: 1), Rows.audit("invoices", "A-1")] }
    try office.close()
    // What an earlier kehu made: none of these existed yet.
    for sql in [
      "ALTER TABLE kehu_log DROP COLUMN customers", "ALTER TABLE audit DROP COLUMN kehu_customer",
      "DROP TABLE kehu_store", "ALTER TABLE customers DROP COLUMN phone",
    ] {
      try admin.run(sql)
    }
    func count(_ sql: String) throws -> Int64 { try admin.run(sql)[0].decode(Int64.self) }
    refusedOpen(a, lacking: ["customers.phone", "audit.kehu_customer", "kehu_log.customers", "kehu_store"])
    XCTAssertThrowsError(try Transfer.push(Database(), to: a)) { e in
      XCTAssertTrue("\(e)".contains("kehu pg upgrade"), "\(e)")
    }

    let done = try TeamSchema.upgrade(a).joined(separator: "\n")
    XCTAssertTrue(done.contains("added customers.phone, audit.kehu_customer"), done)
    // What can be derived is filled in: each audit row's customer, each log entry's customers.
    XCTAssertTrue(done.contains("filled audit.kehu_customer for 2 audit rows"), done)
    XCTAssertTrue(done.contains("filled kehu_log.customers for 2 change-log entries"), done)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM audit WHERE kehu_customer = 1"), 2)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_log WHERE customers = '{1}'"), 2)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_store"), 1)

    // It opens and works; a second upgrade finds nothing to do and changes nothing.
    let again = try PostgresBackend.open(a)
    defer { try? again.close() }
    XCTAssertEqual(again.state.customers.count, 1)
    try again.write { _ in [Rows.invoice("A-2", customer: 1), Rows.audit("invoices", "A-2")] }
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_log WHERE customers = '{1}'"), 3)
    XCTAssertEqual(
      try TeamSchema.upgrade(a), ["\(a.display) (schema \(a.schema)) is current: nothing to upgrade"])
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_store"), 1)
  }

  func testAnOwnerRowsStoreFromAnEarlierInitGainsTheRowCounts() throws {
    let a = try address(ownerRows: true)
    let admin = try Link(a)
    defer { admin.close() }
    let ann = "ann_\(a.schema)"
    try admin.run("CREATE ROLE \(ann) LOGIN IN ROLE kehu_clerk, kehu_owner")
    try admin.run("DROP FUNCTION kehu_row_counts()")
    var asAnn = a
    asAnn.user = ann
    refusedOpen(asAnn, lacking: ["kehu_row_counts()"])
    XCTAssertEqual(try TeamSchema.upgrade(a), ["added kehu_row_counts()"])
    // The owner's session counts the rows it cannot see: its next invoice number comes after
    // Bob's invoice, its next customer id after Bob's customer.
    let office = try PostgresBackend.open(a)
    defer { try? office.close() }
    try office.write { _ in [Rows.customer(7, owner: "bob"), Rows.invoice("INV-00001", customer: 7)] }
    let hers = try PostgresBackend.open(asAnn)
    defer { try? hers.close() }
    XCTAssertEqual(hers.state["invoices"].count, 0)
    try hers.write { db in
      XCTAssertEqual(db["invoices"].nextId, 2)
      XCTAssertEqual(db.customers.nextId, 8)
      return [Rows.customer(8, owner: ann)]
    }
  }
}
