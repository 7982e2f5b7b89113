import Foundation
import XCTest

@testable import KehuPostgres
@testable import KehuStore

/// Runs against the throw-away cluster scripts/test starts (KEHU_TEST_PG_URL); each test
/// works in a schema of its own, so tests never see each other's rows.
final class TeamStoreTests: XCTestCase {
  func address() throws -> DatabaseAddress { try Self.address(prefix: "t_") }

  /// The test cluster's database, in a new schema named `prefix` and a random part.
  static func address(prefix: String) throws -> DatabaseAddress {
    guard let url = ProcessInfo.processInfo.environment["KEHU_TEST_PG_URL"], !url.isEmpty else {
      throw XCTSkip("KEHU_TEST_PG_URL is not set: scripts/test starts a PostgreSQL cluster and sets it")
    }
    let schema = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    return try DatabaseAddress(url: url, schema: String(schema))
  }

  func initialized() throws -> DatabaseAddress {
    let a = try address()
    _ = try TeamSchema.initialize(a)
    return a
  }

  /// A new store and two sessions open on it, as two terminals would be.
  func twoSessions() throws -> (DatabaseAddress, Store, Store) {
    let a = try initialized()
    return (a, try PostgresBackend.open(a), try PostgresBackend.open(a))
  }

  static func customer(_ name: String) -> Mutation {
    .insert(
      table: "customers",
      values: ["kind": .text("company"), "name": .text(name), "status": .text("trading")])
  }

  func testInitCreatesEveryTableAndRefusesASecondTime() throws {
    let a = try initialized()
    let link = try Link(a)
    defer { link.close() }
    let n = try link.run(
      "SELECT count(*)::bigint FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
      [a.schema])[0].decode(Int64.self)
    // kehu's tables, the change log, the id counters and the store's identity.
    XCTAssertEqual(Int(n), Catalog.tables.count + 3)
    let money = try link.run(
      "SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns "
        + "WHERE table_schema = $1 AND table_name = 'sales' AND column_name = 'amount'", [a.schema])
    let (type, precision, scale) = try money[0].decode((String, Int32, Int32).self)
    XCTAssertEqual(type, "numeric")
    XCTAssertEqual(precision, 18)
    XCTAssertEqual(scale, 2)
    XCTAssertThrowsError(try TeamSchema.initialize(a)) { e in
      XCTAssertTrue("\(e)".contains("already holds a kehu store"), "\(e)")
    }
  }

  func testPushThenPullGivesBackEveryRow() throws {
    let a = try initialized()
    let db = generate(customers: 60, sales: 400, seed: 7, today: Day(parsing: "2026-11-30")!)
    let pushed = try Transfer.push(db, to: a)
    XCTAssertEqual(pushed.first { $0.table == "sales" }?.rows, 400)
    let back = try Transfer.pull(from: a)
    XCTAssertEqual(Transfer.sums(back), Transfer.sums(db))
    XCTAssertEqual(back["sales"].nextId, db["sales"].nextId)
    // Money arrives as numeric yuan: the database's own sum equals kehu's.
    let link = try Link(a)
    defer { link.close() }
    let sql = try link.run("SELECT (sum(amount) * 100)::bigint FROM sales")[0].decode(Int64.self)
    XCTAssertEqual(sql, Sales(db["sales"]).amount.column.ints.reduce(0, +))
    XCTAssertThrowsError(try Transfer.push(db, to: a)) { e in
      XCTAssertTrue("\(e)".contains("not empty"), "\(e)")
    }
  }

  func testChecksumSeesAChangedCell() {
    var db = Database()
    _ = try? db.apply([Self.customer("Alpha"), Self.customer("Beta")])
    var other = db
    _ = try? other.apply([.update(table: "customers", key: .int(2), values: ["name": .text("Betb")])])
    XCTAssertNotEqual(Transfer.checksum(db.customers), Transfer.checksum(other.customers))
    XCTAssertThrowsError(try Transfer.compare(db, other, what: "test"))
  }

  func testTwoSessionsSeeEachOthersChangesAtTheNextStatement() throws {
    let (a, one, two) = try twoSessions()
    defer {
      try? one.close()
      try? two.close()
    }
    let added = try one.write { _ in [Self.customer("Alpha")] }
    XCTAssertEqual(added.insertedKeys, [.int(1)])
    XCTAssertEqual(two.state.customers.count, 0)
    try two.follow()
    XCTAssertEqual(two.state.customers.count, 1)
    // The second session's insert is keyed after the first's, though it had not followed.
    try one.follow()
    let next = try two.write { _ in [Self.customer("Beta")] }
    XCTAssertEqual(next.insertedKeys, [.int(2)])
    try one.follow()
    XCTAssertEqual(one.state.customers.count, 2)
    XCTAssertEqual(Transfer.sums(one.state), Transfer.sums(two.state))
    // A third session opening now loads the same rows from the tables.
    let three = try PostgresBackend.open(a)
    defer { try? three.close() }
    XCTAssertEqual(Transfer.sums(three.state), Transfer.sums(one.state))
  }

  func testACustomerCodeThatIsNotANumberIsRefused() throws {
    let (_, one, two) = try twoSessions()
    defer {
      try? one.close()
      try? two.close()
    }
    var coded = Self.customer("Gamma")
    if case .insert(let t, var values) = coded {
      values["id"] = .text("HD-001")
      coded = .insert(table: t, values: values)
    }
    XCTAssertThrowsError(try one.write { _ in [coded] }) { error in
      XCTAssertTrue("\(error)".contains("not kept in a database store yet"), "\(error)")
    }
    // Nothing reached the database, and the session still holds no customer.
    try two.follow()
    XCTAssertEqual(two.state.customers.count, 0)
    XCTAssertEqual(one.state.customers.count, 0)
  }

  func testAChangeToARowAnotherSessionChangedIsRefused() throws {
    let (a, one, two) = try twoSessions()
    defer {
      try? one.close()
      try? two.close()
    }
    try one.write { _ in [Self.customer("Alpha")] }
    try two.follow()
    try one.follow()
    // Session one reads the store (its statement starts), then session two changes the row.
    try two.write { _ in [.update(table: "customers", key: .int(1), values: ["name": .text("Alpha Ltd")])] }
    XCTAssertThrowsError(
      try one.write { _ in [.update(table: "customers", key: .int(1), values: ["name": .text("Alpha plc")])] }
    ) { e in
      XCTAssertTrue("\(e)".contains("customers 1 was changed by \(a.user)"), "\(e)")
    }
    // Nothing of the refused write is in the database; session one now holds the other's change.
    XCTAssertEqual(Customers(one.state.customers).name[0], "Alpha Ltd")
    let three = try PostgresBackend.open(a)
    defer { try? three.close() }
    XCTAssertEqual(Customers(three.state.customers).name[0], "Alpha Ltd")
    // At its next statement the same change goes through.
    try one.follow()
    try one.write { _ in [.update(table: "customers", key: .int(1), values: ["name": .text("Alpha plc")])] }
    try two.follow()
    XCTAssertEqual(Customers(two.state.customers).name[0], "Alpha plc")
  }

  func testAWriteTheDatabaseRefusesLeavesNothingBehind() throws {
    let a = try initialized()
    let one = try PostgresBackend.open(a)
    defer { try? one.close() }
    try one.write { _ in [Self.customer("Alpha")] }
    let link = try Link(a)
    defer { link.close() }
    // Someone without kehu adds customer 2 behind its back: the next insert of id 2 fails in
    // the database after its first rows were written, and the whole transaction goes.
    try link.run("INSERT INTO customers (id, kind, name, status) VALUES (2, 'company', 'Direct', 'trading')")
    let before = try link.run("SELECT count(*)::bigint FROM kehu_log")[0].decode(Int64.self)
    XCTAssertThrowsError(try one.write { _ in [Self.customer("Beta")] })
    XCTAssertEqual(one.state.customers.count, 1)
    XCTAssertEqual(try link.run("SELECT count(*)::bigint FROM kehu_log")[0].decode(Int64.self), before)
    XCTAssertEqual(try link.run("SELECT count(*)::bigint FROM customers")[0].decode(Int64.self), 2)
  }

  func testAChangeTheLoginsRolesDoNotAllowNamesTheRoleItNeeds() throws {
    let a = try initialized()
    let login = "kehu_test_" + a.schema
    let admin = try Link(a)
    defer { admin.close() }
    try admin.run("CREATE ROLE \(login) LOGIN IN ROLE kehu_read")
    var asReader = a
    asReader.user = login
    let store = try PostgresBackend.open(asReader)
    defer { try? store.close() }
    XCTAssertThrowsError(try store.write { _ in [Self.customer("Alpha")] }) { e in
      XCTAssertTrue(
        "\(e)".contains("\(login) may not make this change: it needs the role kehu_clerk"), "\(e)")
    }
    XCTAssertEqual(store.state.customers.count, 0)
    try admin.run("GRANT kehu_clerk TO \(login)")
    try store.write { _ in [Self.customer("Alpha")] }
    XCTAssertThrowsError(try store.write { _ in [.delete(table: "customers", keys: [.int(1)])] }) { e in
      XCTAssertTrue("\(e)".contains("it needs the role kehu_manager"), "\(e)")
    }
    XCTAssertEqual(store.state.customers.count, 1)
    try admin.run("GRANT kehu_manager TO \(login)")
    try store.write { _ in [.delete(table: "customers", keys: [.int(1)])] }
    XCTAssertEqual(store.state.customers.count, 0)
  }

  func testASessionWhoseConnectionTheServerEndedConnectsAgain() throws {
    let (_, one, two) = try twoSessions()
    defer {
      try? one.close()
      try? two.close()
    }
    let backend = try XCTUnwrap(one.backend as? PostgresBackend)
    let pid = try backend.link.run("SELECT pg_backend_pid()")[0].decode(Int32.self)
    try two.write { _ in [Self.customer("Alpha")] }
    let admin = try Link(backend.link.address)
    defer { admin.close() }
    try admin.run("SELECT pg_terminate_backend($1::integer)", [String(pid)])
    // The next statement finds the connection gone, connects again and misses nothing.
    // Only once the client knows the connection is gone (a query sent on a closed connection
    // is never made: `Link` connects again first).
    var waited = 0
    while !backend.link.isLost && waited < 250 {
      usleep(20_000)
      waited += 1
    }
    guard backend.link.isLost else { return XCTFail("the client never noticed the ended connection") }
    try one.follow()
    XCTAssertEqual(one.state.customers.count, 1)
    try one.write { _ in [Self.customer("Beta")] }
    try two.follow()
    XCTAssertEqual(two.state.customers.count, 2)
  }

  func testAddressTakesWhatTheURLLeavesOutFromPGVariables() throws {
    let a = try DatabaseAddress(
      url: "postgresql://ann@db.example:6543/firm", environment: ["PGUSER": "bob", "PGPORT": "1"])
    XCTAssertEqual([a.user, a.host, a.database, a.schema], ["ann", "db.example", "firm", "public"])
    XCTAssertEqual(a.port, 6543)
    let b = try DatabaseAddress(
      url: "postgresql:///?schema=team", environment: ["PGUSER": "bob", "PGPORT": "7"])
    XCTAssertEqual([b.user, b.host, b.database, b.schema], ["bob", "localhost", "bob", "team"])
    XCTAssertEqual(b.port, 7)
    XCTAssertEqual(try DatabaseAddress(url: "postgresql://u:secret@h/d").display, "postgresql://u@h:5432/d")
    XCTAssertThrowsError(try DatabaseAddress(url: "postgresql://h:port/d"))
    XCTAssertThrowsError(try DatabaseAddress(url: "postgresql://h/d?schema=a;b"))
  }
}
