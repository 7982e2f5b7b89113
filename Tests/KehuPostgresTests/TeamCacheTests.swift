import Foundation
import XCTest

@testable import KehuPostgres
@testable import KehuStore

/// The local cache of a team store (issue 20, item 4): against the throw-away cluster
/// scripts/test starts (KEHU_TEST_PG_URL), each test in a schema and a cache folder of its own.
final class TeamCacheTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "kehu-cache-" + UUID().uuidString
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func address() throws -> DatabaseAddress {
    guard let url = ProcessInfo.processInfo.environment["KEHU_TEST_PG_URL"], !url.isEmpty else {
      throw XCTSkip("KEHU_TEST_PG_URL is not set: scripts/test starts a PostgreSQL cluster and sets it")
    }
    let schema = "c_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    return try DatabaseAddress(url: url, schema: String(schema))
  }

  /// A new store holding a generated firm.
  func pushed(seed: UInt64 = 7) throws -> (DatabaseAddress, Database) {
    let a = try address()
    _ = try TeamSchema.initialize(a)
    let db = generate(customers: 50, sales: 300, seed: seed, today: Day(parsing: "2026-11-30")!)
    _ = try Transfer.push(db, to: a)
    return (a, db)
  }

  func open(_ a: DatabaseAddress, rewriteAfter: Int = 1000) throws -> PostgresBackend.Opened {
    try PostgresBackend.open(a, cache: LocalCache(directory: folder, rewriteAfter: rewriteAfter))
  }

  /// The rows a full read gives, to compare a cached open with.
  func fullRead(_ a: DatabaseAddress) throws -> [Transfer.TableSum] {
    let store = try PostgresBackend.open(a)
    defer { try? store.close() }
    return Transfer.sums(store.state)
  }

  func cachePath(_ a: DatabaseAddress) -> String { folder + "/" + LocalCache(directory: folder).fileName(a) }

  func testTheCachedOpenGivesTheSameRowsAsAFullRead() throws {
    let (a, db) = try pushed()
    let first = try open(a)
    XCTAssertEqual(first.cache, .written(reason: "no cache yet"))
    XCTAssertEqual(first.warnings, [])
    try first.store.close()
    // Private to the user: the file is readable by its owner only.
    let mode = try FileManager.default.attributesOfItem(atPath: cachePath(a))[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
    let second = try open(a)
    defer { try? second.store.close() }
    XCTAssertEqual(second.cache, .loaded(caughtUp: 0, rewritten: false))
    XCTAssertEqual(Transfer.sums(second.store.state), Transfer.sums(db))
    XCTAssertEqual(Transfer.sums(second.store.state), try fullRead(a))
    for (x, y) in zip(second.store.state.tables, db.tables) { XCTAssertEqual(x.nextId, y.nextId, x.name) }
    // The cached session writes and follows as any other.
    let added = try second.store.write { _ in [TeamStoreTests.customer("Omega")] }
    XCTAssertEqual(added.insertedKeys, [.int(Int64(db.customers.count) + 1)])
  }

  func testChangesOthersMadeSinceTheCacheAreApplied() throws {
    let (a, _) = try pushed()
    try open(a).store.close()
    let other = try PostgresBackend.open(a)
    try other.write { _ in [TeamStoreTests.customer("Alpha"), TeamStoreTests.customer("Beta")] }
    try other.write { _ in [.update(table: "customers", key: .int(3), values: ["name": .text("Renamed")])] }
    try other.write { _ in [.delete(table: "sales", keys: [.int(5)])] }
    try other.close()
    let cached = try open(a)
    defer { try? cached.store.close() }
    XCTAssertEqual(cached.cache, .loaded(caughtUp: 3, rewritten: false))
    XCTAssertEqual(Transfer.sums(cached.store.state), try fullRead(a))
    let row = try XCTUnwrap(cached.store.state.customers.row(forId: 3))
    XCTAssertEqual(Customers(cached.store.state.customers).name[row], "Renamed")
    XCTAssertNil(cached.store.state["sales"].row(forId: 5))
  }

  func testALongCatchUpWritesTheCacheAgain() throws {
    let (a, _) = try pushed()
    try open(a).store.close()
    let other = try PostgresBackend.open(a)
    for i in 0..<3 { try other.write { _ in [TeamStoreTests.customer("New \(i)")] } }
    try other.close()
    let caughtUp = try open(a, rewriteAfter: 2)
    XCTAssertEqual(caughtUp.cache, .loaded(caughtUp: 3, rewritten: true))
    try caughtUp.store.close()
    let again = try open(a, rewriteAfter: 2)
    defer { try? again.store.close() }
    XCTAssertEqual(again.cache, .loaded(caughtUp: 0, rewritten: false))
    XCTAssertEqual(Transfer.sums(again.store.state), try fullRead(a))
  }

  func testACacheOfAnotherDatabaseIsNotUsed() throws {
    let (a, _) = try pushed(seed: 7)
    try open(a).store.close()
    // The database is made again under the same address, with other rows.
    let link = try Link(a)
    try link.run("DROP SCHEMA \(SchemaSQL.quote(a.schema)) CASCADE")
    link.close()
    _ = try TeamSchema.initialize(a)
    let db = generate(customers: 40, sales: 200, seed: 9, today: Day(parsing: "2026-11-30")!)
    _ = try Transfer.push(db, to: a)
    let reopened = try open(a)
    XCTAssertEqual(reopened.cache, .written(reason: "the cache is of another database"))
    XCTAssertEqual(Transfer.sums(reopened.store.state), Transfer.sums(db))
    try reopened.store.close()
    // A cache file copied in from another address is not taken for this one either.
    let (b, other) = try pushed(seed: 11)
    try FileManager.default.copyItem(atPath: cachePath(a), toPath: cachePath(b))
    let copied = try open(b)
    defer { try? copied.store.close() }
    XCTAssertEqual(copied.cache, .written(reason: "the cache file is of another address"))
    XCTAssertEqual(Transfer.sums(copied.store.state), Transfer.sums(other))
  }

  func testACacheWhoseLogEntryIsGoneIsNotUsed() throws {
    let (a, _) = try pushed()
    let one = try PostgresBackend.open(a)
    try one.write { _ in [TeamStoreTests.customer("Alpha")] }
    try one.close()
    try open(a).store.close()
    // The log no longer reaches back to the cache's position (pruned, or another history).
    let link = try Link(a)
    try link.run("DELETE FROM \(SchemaSQL.log)")
    link.close()
    let reopened = try open(a)
    defer { try? reopened.store.close() }
    XCTAssertEqual(reopened.cache, .written(reason: "the change log no longer reaches back to the cache"))
    XCTAssertEqual(Transfer.sums(reopened.store.state), try fullRead(a))
  }

  func testADamagedCacheIsIgnoredWithAWarningAndRebuilt() throws {
    let (a, db) = try pushed()
    try open(a).store.close()
    let path = cachePath(a)
    var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
    bytes[bytes.count - 4] ^= 0x40
    try bytes.write(to: URL(fileURLWithPath: path))
    let damaged = try open(a)
    XCTAssertEqual(damaged.cache, .written(reason: "the cache was damaged"))
    XCTAssertEqual(damaged.warnings.count, 1)
    XCTAssertTrue(
      damaged.warnings[0].description.contains("the local cache was damaged"), damaged.warnings[0].description
    )
    XCTAssertTrue(
      damaged.warnings[0].description.contains("checksum mismatch"), damaged.warnings[0].description)
    XCTAssertEqual(Transfer.sums(damaged.store.state), Transfer.sums(db))
    try damaged.store.close()
    let rebuilt = try open(a)
    defer { try? rebuilt.store.close() }
    XCTAssertEqual(rebuilt.cache, .loaded(caughtUp: 0, rewritten: false))
    XCTAssertEqual(rebuilt.warnings, [])
  }

  func testWithoutACacheNothingIsWritten() throws {
    let (a, _) = try pushed()
    let opened = try PostgresBackend.open(a, cache: nil)
    defer { try? opened.store.close() }
    XCTAssertEqual(opened.cache, .off)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
  }

  func testTwoConnectionsReadOneSnapshot() throws {
    let (a, db) = try pushed()
    let link = try Link(a)
    defer { link.close() }
    let other = try PostgresBackend.open(a)
    try other.write { _ in [TeamStoreTests.customer("Alpha")] }
    try other.close()
    let both = try TableReader.load(link, parallelAbove: 0)
    let one = try TableReader.load(link, parallelAbove: .max)
    XCTAssertEqual(Transfer.sums(both.db), Transfer.sums(one.db))
    XCTAssertEqual(both.db.customers.count, db.customers.count + 1)
    XCTAssertEqual(both.position, one.position)
    for (x, y) in zip(both.db.tables, one.db.tables) { XCTAssertEqual(x.nextId, y.nextId, x.name) }
  }

  func testTheCacheFileNameKeepsAddressesApart() throws {
    let cache = LocalCache(directory: "/x")
    let a = try DatabaseAddress(url: "postgresql://ann@db:5432/firm")
    var b = a
    b.user = "bob"
    var c = a
    c.schema = "team"
    let names = Set([a, b, c].map(cache.fileName))
    XCTAssertEqual(names.count, 3)
    XCTAssertTrue(cache.fileName(a).hasPrefix("team-db-5432-firm-public-ann-"), cache.fileName(a))
  }
}
