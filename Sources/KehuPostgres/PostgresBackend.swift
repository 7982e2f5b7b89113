import KehuStore
import PostgresNIO

#if canImport(Glibc)
  import Glibc
#endif

/// A store whose system of record is a PostgreSQL database. The session keeps its in-memory
/// columns (queries run there); each change is one transaction writing the rows, their audit
/// rows and one change-log entry (the batch as the journal's record bytes), and before each
/// statement the session applies the entries others committed since it last looked.
///
/// Writes take a transaction-scoped advisory lock, so change-log entries are numbered in
/// commit order and a follower reading "after N" never skips one.
public final class PostgresBackend: StoreBackend {
  let link: Link
  /// The last change-log entry applied to the session's columns.
  public private(set) var position: Int64
  /// The position the current statement read: a row another session changed after it is
  /// refused (its version is newer than what the statement saw), never silently overwritten.
  private var viewed: Int64
  /// Entries this session wrote since `viewed`, which are not conflicts with itself.
  private var own: Set<Int64> = []
  private var inTransaction = false
  /// Set when a commit's outcome could not be learned: such a write is never tried again.
  private var commitUnknown = false
  private var listening = false

  /// How many times a write the database gave up is tried in all.
  static let attempts = 5
  /// How many writes were tried again since the store opened (for tests and the curious).
  public private(set) var retried = 0

  public var name: String { link.address.display }

  /// The login, when row-level security by owner holds for it (`pg init --owner-rows`): it
  /// sees only its own customers' rows and change-log entries.
  public let newCustomerOwner: String?

  init(link: Link, position: Int64) throws {
    self.link = link
    self.position = position
    self.viewed = position
    newCustomerOwner = try link.run(SchemaSQL.ownerLogin).first?.decode(String.self)
  }

  /// Opens the store at `address`: every table into memory, at one change-log position.
  public static func open(_ address: DatabaseAddress, readOnly: Bool = false) throws -> Store {
    try open(address, readOnly: readOnly, cache: nil).store
  }

  /// A store just opened, with what its cache did and what the user should be told.
  public struct Opened {
    public var store: Store
    public var cache: CacheOutcome
    public var warnings: [Message]
  }

  /// Opens the store at `address`, through the local cache when one is given (see
  /// `LocalCache`): the cache's rows caught up from the change log, or else every table read
  /// in full and the cache written for next time.
  public static func open(_ address: DatabaseAddress, readOnly: Bool = false, cache: LocalCache?) throws
    -> Opened
  {
    let link = try Link(address)
    do {
      try TeamSchema.requireCurrent(link)
      var warnings: [Message] = []
      var outcome = CacheOutcome.off
      let identity = try cache == nil ? nil : LocalCache.identity(link)
      if let cache, let identity {
        switch cache.load(link, identity: identity, warnings: &warnings) {
        case .success(let hit):
          var rewritten = false
          if hit.caughtUp > cache.rewriteAfter {
            rewritten = cache.save(
              hit.db, position: hit.position, identity: identity, link: link, warnings: &warnings)
          }
          let backend = try PostgresBackend(link: link, position: hit.position)
          let store = Store.open(
            backend: backend, loaded: hit.db, location: .database(address.display), readOnly: readOnly)
          return Opened(
            store: store, cache: .loaded(caughtUp: hit.caughtUp, rewritten: rewritten), warnings: warnings)
        case .failure(let miss):
          outcome = .written(reason: miss.reason)
        }
      }
      let loaded = try TableReader.load(link)
      if let cache, let identity,
        !cache.save(loaded.db, position: loaded.position, identity: identity, link: link, warnings: &warnings)
      {
        outcome = .off
      }
      let backend = try PostgresBackend(link: link, position: loaded.position)
      let store = Store.open(
        backend: backend, loaded: loaded.db, location: .database(address.display), readOnly: readOnly)
      return Opened(store: store, cache: outcome, warnings: warnings)
    } catch {
      link.close()
      throw error
    }
  }

  /// The database login the audit should name.
  public var login: String { link.address.user }

  /// The channel commits NOTIFY on: one per schema, so stores side by side in one database
  /// do not wake each other (a channel name is at most 63 bytes).
  var channel: String { String(("kehu_" + link.address.schema).prefix(63)) }

  /// The newest change-log position another session announced (NOTIFY) since this one
  /// last followed; the log itself, read by `changesSince`, is what is applied.
  public var announced: Int64 { link.announced }

  /// Whether others committed changes this session has not applied yet (learned at once
  /// from NOTIFY, without asking the database).
  public var othersCommitted: Bool { link.announced > max(position, heardBeforeFollow) }
  /// How many commits of others NOTIFY announced that this session has not followed yet.
  public var othersPending: Int { link.announcements(after: max(position, heardBeforeFollow)) }
  /// The newest announcement heard before the last follow read the log: every entry up to it
  /// was read then, or is one this login may not see (`--owner-rows`), so it is no news.
  private var heardBeforeFollow: Int64 = 0

  public func changesSince() throws -> [[Mutation]] {
    if !listening {
      // Started at the first follow; the log's sequence is what makes sure nothing is
      // missed, NOTIFY only tells sooner.
      try link.listen(channel)
      listening = true
    }
    let heard = link.announced
    let batches: [[Mutation]]
    do { batches = try readLog() } catch let e as PostgresStoreError where link.isLost {
      // The server went away (a restart): connect again and read on from the same position.
      _ = e
      batches = try readLog()
    }
    viewed = position
    own.removeAll()
    heardBeforeFollow = heard
    return batches
  }

  private func readLog() throws -> [[Mutation]] {
    let rows = try link.run(
      "SELECT seq, record FROM \(SchemaSQL.log) WHERE seq > $1::bigint ORDER BY seq", [String(position)])
    var out: [[Mutation]] = []
    for row in rows {
      let (seq, bytes) = try row.decode((Int64, ByteBuffer).self)
      out.append(
        try ChangeRecord.decode(Array(bytes.readableBytesView), source: "\(SchemaSQL.log) entry \(seq)"))
      position = seq
    }
    return out
  }

  public func beginWrite() throws -> [[Mutation]] {
    commitUnknown = false
    do { try link.run("BEGIN") } catch let e as PostgresStoreError where link.isLost {
      _ = e
      try link.run("BEGIN")
    }
    inTransaction = true
    try link.run("SELECT pg_advisory_xact_lock($1::regclass::oid::bigint)", [SchemaSQL.log])
    return try readLog()
  }

  public func counters() throws -> [String: Int64] {
    // Others' log entries this login may not see never raised its counters: read the
    // store's, inside the transaction (writers take turns, so they are current).
    guard newCustomerOwner != nil else { return [:] }
    var out: [String: Int64] = [:]
    let rows = try link.run(
      "SELECT table_name, next_id FROM \(SchemaSQL.counters) "
        + "UNION ALL SELECT table_name, n + 1 FROM \(SchemaSQL.rowCounts)()")
    for row in rows {
      let (table, next) = try row.decode((String, Int64).self)
      out[table] = max(out[table] ?? 0, next)
    }
    return out
  }

  public func abortWrite() {
    guard inTransaction else { return }
    inTransaction = false
    try? link.run("ROLLBACK")
  }

  public func commitWrite(_ batch: [Mutation], before: Database, after: Database) throws {
    // The database keeps customer ids as bigint keys; a code that is not a plain number has
    // no column there yet, so it is refused before anything is written rather than lost.
    if after.hasTextCodes { throw PostgresStoreError.refused(TeamLimits.textCodes) }
    do {
      try commitChecked(batch, before: before, after: after)
    } catch PostgresStoreError.server(let said) where said.description.contains("row-level security") {
      // `pg init --owner-rows`: an owner's login writes only its own customers' rows.
      throw PostgresStoreError.refused(
        """
        the database login \(login) may change only the customers it owns (owner \(login)) and their rows; \
        nothing was changed (the database said: \(said))
        """)
    } catch PostgresStoreError.server(let said) where said.description.hasPrefix("permission denied") {
      // The database's roles decide who may change what; say which role this change needs.
      let purge = batch.contains { if case .delete = $0 { return true } else { return false } }
      let role: Message =
        purge ? "kehu_manager (approvals, overrides, purge)" : "kehu_clerk (day-to-day changes)"
      throw PostgresStoreError.refused(
        """
        the database login \(login) may not make this change: it needs the role \(role); nothing was changed \
        (the database said: \(said))
        """)
    }
  }

  private func commitChecked(_ batch: [Mutation], before: Database, after: Database) throws {
    let seq = try link.run("SELECT nextval(pg_get_serial_sequence($1, 'seq'))::bigint", [SchemaSQL.log])[0]
      .decode(
        Int64.self)
    let owners = BatchCustomers(before: before, after: after)
    for m in batch { try write(m, seq: seq, customer: owners.ofAuditRow(m)) }
    for (i, t) in after.tables.enumerated() where t.def.generatesKeys && t.nextId != before.tables[i].nextId {
      try link.run(
        "INSERT INTO \(SchemaSQL.counters) (table_name, next_id) VALUES ($1, $2::bigint) "
          + "ON CONFLICT (table_name) DO UPDATE SET next_id = greatest(\(SchemaSQL.counters).next_id, EXCLUDED.next_id)",
        [t.name, String(t.nextId)])
    }
    let record = ChangeRecord.encode(batch, sequence: UInt64(seq))
    try link.run(
      "INSERT INTO \(SchemaSQL.log) (seq, record, customers) VALUES ($1::bigint, decode($2, 'hex'), $3::bigint[])",
      [String(seq), PostgresBackend.hex(record), owners.arrayLiteral(of: batch)])
    // Delivered when (and only if) the transaction commits.
    try link.run("SELECT pg_notify($1, $2)", [channel, String(seq)])
    do { try link.run("COMMIT") } catch let e as PostgresStoreError where link.isLost {
      // Whether the commit happened is in the change log: read it, never guess. If the log
      // cannot be read either, the next statement's follow finds the entry (or not).
      inTransaction = false
      let found = try? link.run(
        "SELECT count(*)::bigint FROM \(SchemaSQL.log) WHERE seq = $1::bigint", [String(seq)])
      guard try found?.first?.decode(Int64.self) == 1 else {
        commitUnknown = found == nil
        throw found == nil
          ? PostgresStoreError.server(
            """
            \(e.message); whether the change was committed is not known: the next statement reads the \
            change log and shows it if it was
            """)
          : e
      }
    }
    inTransaction = false
    position = seq
    own.insert(seq)
  }

  private func write(_ m: Mutation, seq: Int64, customer: Int64?) throws {
    guard let def = Catalog.table(named: m.table) else { return }
    let table = SchemaSQL.quote(def.name)
    let key = def.key
    switch m {
    case .insert(_, let values):
      let cols = SchemaSQL.stored(def).filter { values[$0.name] != nil }
      var sql = "INSERT INTO \(table) (" + cols.map { SchemaSQL.quote($0.name) }.joined(separator: ", ")
      let audit = def.name == Catalog.audit.name
      sql += (cols.isEmpty ? "" : ", ") + "kehu_seq" + (audit ? ", kehu_customer" : "") + ") VALUES ("
      sql += cols.enumerated().map { SchemaSQL.bindExpression($1, $0 + 1) }.joined(separator: ", ")
      sql +=
        (cols.isEmpty ? "" : ", ") + "$\(cols.count + 1)::bigint"
        + (audit ? ", $\(cols.count + 2)::bigint" : "") + ")"
      try link.run(
        sql,
        cols.map { SchemaSQL.literal(values[$0.name]!) } + [String(seq)]
          + (audit ? [customer.map(String.init)] : []))
    case .update(_, let k, let values):
      try checkVersion(def, keys: [k], seq: seq)
      let cols = SchemaSQL.stored(def).filter { values[$0.name] != nil && $0.name != key.name }
      var sql = "UPDATE \(table) SET "
      sql += cols.enumerated().map { "\(SchemaSQL.quote($1.name)) = \(SchemaSQL.bindExpression($1, $0 + 1))" }
        .joined(separator: ", ")
      let n = cols.count
      sql +=
        (cols.isEmpty ? "" : ", ")
        + "kehu_seq = $\(n + 1)::bigint, kehu_login = current_user, kehu_time = now()"
      sql += " WHERE \(SchemaSQL.quote(key.name)) = \(SchemaSQL.bindExpression(key, n + 2))"
      try link.run(
        sql, cols.map { SchemaSQL.literal(values[$0.name]!) } + [String(seq), SchemaSQL.literal(k)])
    case .delete(_, let keys):
      try checkVersion(def, keys: keys, seq: seq)
      for k in keys {
        try link.run(
          "DELETE FROM \(table) WHERE \(SchemaSQL.quote(key.name)) = \(SchemaSQL.bindExpression(key, 1))",
          [SchemaSQL.literal(k)])
      }
    }
  }

  /// Refuses a change to a row that another session wrote after this statement read the
  /// store, naming who and when; the row is locked until the transaction ends.
  private func checkVersion(_ def: TableDef, keys: [Value], seq: Int64) throws {
    let key = def.key
    for k in keys {
      let rows = try link.run(
        "SELECT kehu_seq, kehu_login, to_char(kehu_time, 'YYYY-MM-DD HH24:MI:SS') FROM \(SchemaSQL.quote(def.name)) "
          + "WHERE \(SchemaSQL.quote(key.name)) = \(SchemaSQL.bindExpression(key, 1)) FOR UPDATE",
        [SchemaSQL.literal(k)])
      guard let row = rows.first else { continue }
      let (version, login, time) = try row.decode((Int64, String, String).self)
      // A row this transaction wrote (a scenario kept: added, then changed) is its own.
      if version > viewed && version != seq && !own.contains(version) {
        throw PostgresStoreError.refused(
          """
          \(def.name) \(k.plainText) was changed by \(login) at \(time) after this statement read it; \
          nothing was changed: look at it again and repeat the change
          """)
      }
    }
  }

  public func retries(after error: Error, attempt: Int) -> Bool {
    guard attempt < Self.attempts, !commitUnknown, let e = error as? PostgresStoreError else { return false }
    switch e {
    case .transient: break
    // Lost before the commit: the server rolled the transaction back.
    case .server where link.isLost: break
    default: return false
    }
    // 10, 20, 40, 80 ms, give or take half, so sessions that met do not meet again.
    let base = 10_000 << (attempt - 1)
    usleep(UInt32(base / 2 + Int.random(in: 0...base)))
    retried += 1
    return true
  }

  public func close() {
    abortWrite()
    link.close()
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Which customers a batch's rows belong to: kept with its change-log entry and audit rows,
/// so row-level security (`pg init --owner-rows`) can show an owner only its own.
struct BatchCustomers {
  let before: Database
  let after: Database

  /// The customer a row of `def` with key `key` belongs to, in the state after the batch or,
  /// for a row it deleted, before.
  func of(_ def: TableDef, key: Value) -> Int64? {
    if def.name == Catalog.customers.name {
      if case .int(let id) = key { return id }
      return nil
    }
    guard let c = def.columns.firstIndex(where: { $0.references == Catalog.customers.name }) else {
      return nil
    }
    for db in [after, before] {
      if let t = db.table(def.name), let r = t.row(forKey: key),
        case .int(let id) = t.value(row: r, column: c)
      {
        return id
      }
    }
    return nil
  }

  /// The customers one change touches (none for the audit rows: they follow their rows).
  func of(_ m: Mutation) -> [Int64] {
    guard m.table != Catalog.audit.name, let def = Catalog.table(named: m.table) else { return [] }
    switch m {
    case .insert(_, let values):
      if def.name == Catalog.customers.name, case .int(let id)? = values[def.key.name] { return [id] }
      if let c = def.columns.first(where: { $0.references == Catalog.customers.name }),
        case .int(let id)? = values[c.name]
      {
        return [id]
      }
      return []
    case .update(_, let key, _): return of(def, key: key).map { [$0] } ?? []
    case .delete(_, let keys): return keys.compactMap { of(def, key: $0) }
    }
  }

  /// The customer an audit row is about (the row it names, by its key as text).
  func ofAuditRow(_ m: Mutation) -> Int64? {
    guard case .insert(let t, let values) = m, t == Catalog.audit.name,
      case .text(let table)? = values["table"], case .text(let row)? = values["row"],
      let def = Catalog.table(named: table)
    else { return nil }
    let key: Value
    if def.key.type == .int {
      guard let n = Int64(row) else { return nil }
      key = .int(n)
    } else {
      key = .text(row)
    }
    return of(def, key: key)
  }

  /// The batch's customers as a PostgreSQL array literal, each once.
  func arrayLiteral(of batch: [Mutation]) -> String {
    let ids = Set(batch.flatMap { of($0) }).sorted()
    return "{" + ids.map(String.init).joined(separator: ",") + "}"
  }
}
