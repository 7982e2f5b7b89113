import KehuStore

/// `kehu pg init`: the tables, the change log, the id counters and the three roles.
public enum TeamSchema {
  /// The roles `pg init` creates: who may read, who may make day-to-day changes, and who may
  /// also approve, override and purge (delete rows).
  public static let roles = ["kehu_read", "kehu_clerk", "kehu_manager"]

  /// Creates the schema in an empty database (or schema); refused when kehu's tables are there.
  /// With `ownerRows`, row-level security shows a login in the role kehu_owner only the
  /// customers it owns (`owner` = the login) and their rows, audit and change-log entries.
  /// Returns what it made, one line each.
  /// The three roles (made once: roles belong to the whole server) and what each may do on
  /// the schema's tables, granted again each time (by `pg init` and `pg upgrade`).
  static func grant(_ link: Link, schema name: String) throws {
    let schema = SchemaSQL.quote(name)
    for role in roles {
      try link.run(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN "
          + "CREATE ROLE \(role) NOLOGIN; END IF; END $$")
    }
    try link.run("GRANT kehu_read TO kehu_clerk")
    try link.run("GRANT kehu_clerk TO kehu_manager")
    try link.run("GRANT USAGE ON SCHEMA \(schema) TO kehu_read")
    try link.run("GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO kehu_read")
    try link.run("GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA \(schema) TO kehu_clerk")
    try link.run("GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema) TO kehu_clerk")
    try link.run("GRANT DELETE ON ALL TABLES IN SCHEMA \(schema) TO kehu_manager")
  }

  public static func initialize(_ address: DatabaseAddress, ownerRows: Bool = false) throws -> [String] {
    let link = try Link(address)
    defer { link.close() }
    let schema = SchemaSQL.quote(address.schema)
    let exists = try link.run(
      "SELECT count(*)::bigint FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2",
      [address.schema, SchemaSQL.log])
    if try exists.first?.decode(Int64.self) ?? 0 > 0 {
      throw PostgresStoreError.refused(
        "\(address.display) already holds a kehu store (schema \(address.schema)); nothing was changed")
    }
    try link.run("BEGIN")
    do {
      try link.run("CREATE SCHEMA IF NOT EXISTS \(schema)")
      try link.run("SET LOCAL search_path TO \(schema)")
      for def in Catalog.tables { try link.run(SchemaSQL.createTable(def)) }
      for def in Catalog.tables { for sql in SchemaSQL.foreignKeys(def) { try link.run(sql) } }
      try link.run(SchemaSQL.createLog)
      try link.run(SchemaSQL.createCounters)
      try link.run(SchemaSQL.createIdentity)
      try link.run("INSERT INTO \(SchemaSQL.identity) DEFAULT VALUES")
      try link.run(SchemaSQL.createInvoiceTotals)
      try grant(link, schema: address.schema)
      if ownerRows {
        try link.run(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(SchemaSQL.ownerRole)') THEN "
            + "CREATE ROLE \(SchemaSQL.ownerRole) NOLOGIN; END IF; END $$")
        for sql in SchemaSQL.ownerPolicies() { try link.run(sql) }
        for sql in SchemaSQL.createRowCounts(schema: address.schema) { try link.run(sql) }
      }
      try link.run("COMMIT")
    } catch {
      try? link.run("ROLLBACK")
      throw error
    }
    return [
      "created \(Catalog.tables.count) tables, the change log \(SchemaSQL.log) and the view kehu_invoice_totals "
        + "in \(address.display) (schema \(address.schema))",
      "roles: kehu_read (queries), kehu_clerk (day-to-day changes), kehu_manager (approvals, overrides, purge)",
    ]
      + (ownerRows
        ? [
          "row-level security: a login in the role kehu_owner sees only the customers whose owner is its login, "
            + "with their rows, audit and change-log entries"
        ] : [])
  }
}
