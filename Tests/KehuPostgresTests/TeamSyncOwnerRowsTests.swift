import Foundation
import XCTest

@testable import KehuPostgres
@testable import KehuStore

/// `kehu pg init --owner-rows`: two sales owners, each a database login in kehu_owner, see
/// only the customers they own, with their invoices, audit rows and change-log entries.
final class TeamSyncOwnerRowsTests: XCTestCase {
  nonisolated(unsafe) static var auditId: Int64 = 0

  static func customer(_ id: Int64, owner: String) -> Mutation {
    .insert(
      table: "customers",
      values: [
        "id": .int(id), "kind": .text("company"), "name": .text("C\(id)"), "status": .text("trading"),
        "owner": .text(owner),
      ])
  }

  static func invoice(_ no: String, customer: Int64) -> Mutation {
    .insert(
      table: "invoices",
      values: [
        "no": .text(no), "customer": .int(customer), "date": .date(Day(parsing: "2026-11-01")!),
        "due": .date(Day(parsing: "2026-12-01")!), "amount": .money(Money(fen: 100_000)),
      ])
  }

  /// The audit row the shell would add for an inserted row (numbered here: the shell takes
  /// the number from the table's counter).
  static func audit(_ table: String, _ row: String) -> Mutation {
    auditId += 1
    return .insert(
      table: "audit",
      values: [
        "id": .int(auditId), "time": .timestamp(Timestamp(seconds: 1_795_000_000)), "actor": .text("test"),
        "table": .text(table),
        "row": .text(row), "field": .null, "old": .null, "new": .text("added"),
      ])
  }

  func testEachOwnerSeesOnlyItsCustomersTheirRowsAuditAndLog() throws {
    guard let url = ProcessInfo.processInfo.environment["KEHU_TEST_PG_URL"], !url.isEmpty else {
      throw XCTSkip("KEHU_TEST_PG_URL is not set: scripts/test starts a PostgreSQL cluster and sets it")
    }
    let schema = "o_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    let a = try DatabaseAddress(url: url, schema: String(schema))
    let made = try TeamSchema.initialize(a, ownerRows: true)
    XCTAssertTrue(made.joined().contains("row-level security"), "\(made)")
    let admin = try Link(a)
    defer { admin.close() }
    let ann = "ann_\(schema)"
    let bob = "bob_\(schema)"
    for login in [ann, bob] { try admin.run("CREATE ROLE \(login) LOGIN IN ROLE kehu_clerk, kehu_owner") }

    // The manager (the database's owner here) records both customers in one change, then an
    // invoice for each.
    let office = try PostgresBackend.open(a)
    defer { try? office.close() }
    try office.write { _ in
      [
        Self.customer(1, owner: ann), Self.customer(2, owner: bob), Self.audit("customers", "1"),
        Self.audit("customers", "2"),
      ]
    }
    try office.write { _ in [Self.invoice("A-1", customer: 1), Self.audit("invoices", "A-1")] }
    try office.write { _ in [Self.invoice("B-1", customer: 2), Self.audit("invoices", "B-1")] }

    var asAnn = a
    asAnn.user = ann
    var asBob = a
    asBob.user = bob
    let annStore = try PostgresBackend.open(asAnn)
    defer { try? annStore.close() }
    let bobStore = try PostgresBackend.open(asBob)
    defer { try? bobStore.close() }
    XCTAssertEqual(annStore.state.customers.count, 1)
    XCTAssertEqual(annStore.state["invoices"].count, 1)
    XCTAssertNotNil(annStore.state["invoices"].row(forKey: .text("A-1")))
    XCTAssertNotNil(bobStore.state["invoices"].row(forKey: .text("B-1")))
    XCTAssertNil(bobStore.state["invoices"].row(forKey: .text("A-1")))

    // Through SQL, as a report of theirs would read: the audit about their own rows, and the
    // change-log entries that touch only their customers (not the one that added both).
    let annLink = try Link(asAnn)
    defer { annLink.close() }
    func count(_ sql: String) throws -> Int64 { try annLink.run(sql)[0].decode(Int64.self) }
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM customers"), 1)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM audit"), 2)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM audit WHERE \"row\" = 'B-1'"), 0)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_log"), 1)
    XCTAssertEqual(try count("SELECT count(*)::bigint FROM kehu_invoice_totals"), 1)
    XCTAssertEqual(try admin.run("SELECT count(*)::bigint FROM kehu_log")[0].decode(Int64.self), 3)

    // Ann's change to her customer reaches the office, not Bob.
    try annStore.write { _ in [Self.invoice("A-2", customer: 1), Self.audit("invoices", "A-2")] }
    try bobStore.follow()
    try office.follow()
    XCTAssertEqual(bobStore.state["invoices"].count, 1)
    XCTAssertEqual(office.state["invoices"].count, 3)
    // Bob's change reaches the office too, and Ann never.
    try annStore.follow()
    try bobStore.write { _ in [Self.invoice("B-2", customer: 2), Self.audit("invoices", "B-2")] }
    // Ann hears that something was committed (NOTIFY), and once she has followed it is no
    // news, though she may not see the entry.
    let annBackend = try XCTUnwrap(annStore.backend as? PostgresBackend)
    let bobs = try XCTUnwrap(bobStore.backend as? PostgresBackend).position
    var waited = 0
    while annBackend.announced < bobs && waited < 200 {
      usleep(10_000)
      waited += 1
    }
    XCTAssertTrue(annStore.othersCommitted)
    try annStore.follow()
    XCTAssertFalse(annStore.othersCommitted)
    try office.follow()
    XCTAssertEqual(annStore.state["invoices"].count, 2)
    XCTAssertEqual(office.state["invoices"].count, 4)

    // A customer for someone else, or an invoice for a customer she cannot see: refused.
    XCTAssertThrowsError(try annStore.write { _ in [Self.customer(3, owner: bob)] }) { e in
      XCTAssertTrue("\(e)".contains("only the customers it owns"), "\(e)")
    }
    XCTAssertThrowsError(try annStore.write { _ in [Self.invoice("A-3", customer: 2)] })
    XCTAssertEqual(try admin.run("SELECT count(*)::bigint FROM customers")[0].decode(Int64.self), 2)
    XCTAssertEqual(try admin.run("SELECT count(*)::bigint FROM invoices")[0].decode(Int64.self), 4)
  }

  func testPushedAuditRowsAreShownOnlyToTheirCustomersOwner() throws {
    guard let url = ProcessInfo.processInfo.environment["KEHU_TEST_PG_URL"], !url.isEmpty else {
      throw XCTSkip("KEHU_TEST_PG_URL is not set: scripts/test starts a PostgreSQL cluster and sets it")
    }
    let schema = "p_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    let a = try DatabaseAddress(url: url, schema: String(schema))
    _ = try TeamSchema.initialize(a, ownerRows: true)
    let ann = "ann_\(schema)"
    let admin = try Link(a)
    defer { admin.close() }
    try admin.run("CREATE ROLE \(ann) LOGIN IN ROLE kehu_read, kehu_owner")
    // A directory store's rows and audit, including a row about an invoice purged since.
    var db = Database()
    try db.apply([
      Self.customer(1, owner: ann), Self.customer(2, owner: "bob"), Self.invoice("A-1", customer: 1),
      Self.invoice("B-1", customer: 2), Self.audit("customers", "1"), Self.audit("customers", "2"),
      Self.audit("invoices", "A-1"), Self.audit("invoices", "B-1"), Self.audit("invoices", "GONE"),
      Self.audit("holidays", "1"),
    ])
    _ = try Transfer.push(db, to: a)
    var asAnn = a
    asAnn.user = ann
    let link = try Link(asAnn)
    defer { link.close() }
    let rows = try link.run("SELECT \"table\" || ' ' || \"row\" FROM audit ORDER BY id").map {
      try $0.decode(String.self)
    }
    XCTAssertEqual(rows, ["customers 1", "invoices A-1", "holidays 1"])
  }
}
