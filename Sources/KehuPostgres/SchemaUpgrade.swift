import KehuStore

/// A store made by an earlier `kehu pg init` lacks what kehu writes now (the change log's
/// `customers`, the audit's `kehu_customer`, the identity table `kehu_store`, …). Opening it
/// names what is missing and the command that adds it; `kehu pg upgrade` adds it all in one
/// transaction, filling in what can be derived from the rows already there, and does nothing
/// to a store that is current.
extension TeamSchema {
  /// What the store lacks, as psql names it (`kehu_log.customers`, `kehu_store`,
  /// `kehu_row_counts()`); empty when it is current.
  static func missing(_ link: Link, schema: String) throws -> [String] {
    var tables: Set<String> = []
    var columns: Set<String> = []
    let rows = try link.run(
      """
      SELECT c.relname::text, a.attname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
      JOIN pg_namespace n ON n.oid = c.relnamespace \
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      """, [schema])
    for row in rows {
      let (table, column) = try row.decode((String, String).self)
      tables.insert(table)
      columns.insert(table + "." + column)
    }
    var out: [String] = []
    for (table, wanted) in expectedColumns {
      guard tables.contains(table) else {
        out.append(table)
        continue
      }
      out += wanted.map { table + "." + $0 }.filter { !columns.contains($0) }
    }
    if try ownerRows(link),
      !(try link.run("SELECT to_regprocedure($1) IS NOT NULL", [rowCountsCall])[0]
        .decode(Bool.self))
    {
      out.append(rowCountsCall)
    }
    return out
  }

  private static let rowCountsCall = SchemaSQL.rowCounts + "()"

  /// Every table kehu writes, with the columns it writes there, in the order `pg init` makes them.
  static var expectedColumns: [(String, [String])] {
    Catalog.tables.map { def in
      (
        def.name,
        SchemaSQL.stored(def).map(\.name) + ["kehu_order"] + SchemaSQL.versionColumns
          + (def.name == Catalog.audit.name ? ["kehu_customer"] : [])
      )
    } + [
      (SchemaSQL.log, ["seq", "login", "time", "record", "customers"]),
      (SchemaSQL.counters, ["table_name", "next_id"]),
      (SchemaSQL.identity, ["id", "created"]),
    ]
  }

  /// Whether the store was made with `--owner-rows` (row-level security on customers).
  static func ownerRows(_ link: Link) throws -> Bool {
    try link.run(
      "SELECT coalesce((SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass($1)), false)",
      [Catalog.customers.name])[0].decode(Bool.self)
  }

  /// Refuses a store made by an earlier kehu, naming what it lacks and how to add it.
  static func requireCurrent(_ link: Link) throws {
    try link.requireStore()
    let lacking = try missing(link, schema: link.address.schema)
    guard !lacking.isEmpty else { return }
    throw PostgresStoreError.refused(
      """
      \(link.address.display) was made by an earlier kehu: it lacks \(lacking.joined(separator: ", ")); \
      nothing was changed. Add them once with `kehu pg upgrade \(link.address.display)` (as the login \
      that ran `kehu pg init`), then open it again
      """)
  }

  /// Adds what a store made by an earlier `kehu pg init` lacks, in one transaction, while no
  /// one writes: missing tables and columns, the identity, and the customers of the audit rows
  /// and change-log entries already there (from the rows they name). Returns what it did, one
  /// line each; a current store is left as it is.
  public static func upgrade(_ address: DatabaseAddress) throws -> [String] {
    let link = try Link(address)
    defer { link.close() }
    try link.run("BEGIN")
    do {
      try link.requireStore()
      // The writers' own lock: no change commits while the tables change shape.
      try link.run("SELECT pg_advisory_xact_lock($1::regclass::oid::bigint)", [SchemaSQL.log])
      let lacking = try missing(link, schema: address.schema)
      guard !lacking.isEmpty else {
        try link.run("COMMIT")
        return ["\(address.display) (schema \(address.schema)) is current: nothing to upgrade"]
      }
      var done = ["added " + lacking.joined(separator: ", ")]
      done += try addMissing(link, Set(lacking), schema: address.schema)
      let still = try missing(link, schema: address.schema)
      if !still.isEmpty {
        throw PostgresStoreError.server(
          "the upgrade of \(address.display) left \(still.joined(separator: ", ")) missing; nothing was changed"
        )
      }
      try link.run("COMMIT")
      return done
    } catch {
      try? link.run("ROLLBACK")
      throw error
    }
  }

  /// The statements that add `lacking`; returns what it filled in.
  private static func addMissing(_ link: Link, _ lacking: Set<String>, schema: String) throws -> [String] {
    var filled: [String] = []
    let newTables = Catalog.tables.filter { lacking.contains($0.name) }
    for def in newTables { try link.run(SchemaSQL.createTable(def)) }
    for def in Catalog.tables where !lacking.contains(def.name) {
      let table = SchemaSQL.quote(def.name)
      for c in SchemaSQL.stored(def) where lacking.contains(def.name + "." + c.name) {
        // Rows already there hold nothing in it: the column can only be added empty.
        try link.run(
          "ALTER TABLE \(table) ADD COLUMN IF NOT EXISTS \(SchemaSQL.quote(c.name)) \(SchemaSQL.sqlType(c))")
      }
      for (name, type) in versionColumnTypes where lacking.contains(def.name + "." + name) {
        try link.run("ALTER TABLE \(table) ADD COLUMN IF NOT EXISTS \(name) \(type)")
      }
    }
    for def in Catalog.tables {
      for c in SchemaSQL.stored(def)
      where lacking.contains(def.name) || lacking.contains(def.name + "." + c.name) {
        if let sql = SchemaSQL.foreignKey(def, c) { try link.run(sql) }
      }
    }
    let audit = Catalog.audit.name
    if lacking.contains(audit + ".kehu_customer") {
      try link.run("ALTER TABLE \(SchemaSQL.quote(audit)) ADD COLUMN IF NOT EXISTS kehu_customer bigint")
      var n = 0
      for sql in SchemaSQL.fillAuditCustomers { n += try link.count(sql) }
      filled.append("filled audit.kehu_customer for \(n) audit rows from the rows they name")
    }
    if lacking.contains(SchemaSQL.counters) { try link.run(SchemaSQL.createCounters) }
    if lacking.contains(SchemaSQL.log + ".customers") {
      try link.run(
        "ALTER TABLE \(SchemaSQL.log) ADD COLUMN IF NOT EXISTS customers bigint[] NOT NULL DEFAULT '{}'")
      // Each entry's audit rows carry its seq and their customer: the entry touched those.
      let n = try link.count(
        """
        UPDATE \(SchemaSQL.log) l SET customers = a.customers FROM (SELECT kehu_seq, \
        array_agg(DISTINCT kehu_customer ORDER BY kehu_customer) AS customers FROM \(SchemaSQL.quote(audit)) \
        WHERE kehu_customer IS NOT NULL GROUP BY kehu_seq) a WHERE a.kehu_seq = l.seq AND l.customers = '{}'
        """)
      filled.append("filled \(SchemaSQL.log).customers for \(n) change-log entries from their audit rows")
    }
    if lacking.contains(SchemaSQL.identity) {
      try link.run(SchemaSQL.createIdentity)
      try link.run("INSERT INTO \(SchemaSQL.identity) DEFAULT VALUES")
    }
    try grant(link, schema: schema)
    if try ownerRows(link) {
      for sql in SchemaSQL.ownerPolicies(only: Set(newTables.map(\.name))) { try link.run(sql) }
      if lacking.contains(rowCountsCall) {
        for sql in SchemaSQL.createRowCounts(schema: schema) { try link.run(sql) }
      }
    }
    return filled
  }

  /// The version columns every kehu table has, as `pg init` makes them (existing rows get
  /// the defaults: version 0, written by the login that upgrades, now).
  private static let versionColumnTypes = [
    ("kehu_order", "bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE"),
    ("kehu_seq", "bigint NOT NULL DEFAULT 0"),
    ("kehu_login", "text NOT NULL DEFAULT current_user"), ("kehu_time", "timestamptz NOT NULL DEFAULT now()"),
  ]
}

extension Link {
  /// Runs an UPDATE and returns how many rows it changed.
  func count(_ sql: String) throws -> Int {
    let rows = try run("WITH changed AS (\(sql) RETURNING 1) SELECT count(*)::bigint FROM changed")
    return Int(try rows[0].decode(Int64.self))
  }
}
