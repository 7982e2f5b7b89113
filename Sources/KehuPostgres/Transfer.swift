import KehuStore

/// `kehu pg push` and `kehu pg pull`: a whole store copied one way in one transaction, then
/// read back and compared table by table (row counts and a checksum of every cell).
public enum Transfer {
  /// One table's figures after a copy: the same on both sides, or the copy is refused.
  public struct TableSum: Equatable, Sendable {
    public var table: String
    public var rows: Int
    public var checksum: UInt64
  }

  /// Copies `db` into the empty store at `address` (made by `pg init`) with COPY FROM, as one
  /// transaction, and verifies it by reading it back.
  public static func push(_ db: Database, to address: DatabaseAddress) throws -> [TableSum] {
    if db.hasTextCodes { throw PostgresStoreError.refused(TeamLimits.textCodes) }
    let link = try Link(address)
    defer { link.close() }
    try link.run("BEGIN")
    do {
      try TeamSchema.requireCurrent(link)
      try link.run("LOCK TABLE \(SchemaSQL.log) IN EXCLUSIVE MODE")
      for def in Catalog.tables {
        let n = try link.run("SELECT count(*)::bigint FROM \(SchemaSQL.quote(def.name))")[0].decode(
          Int64.self)
        if n > 0 {
          throw PostgresStoreError.refused(
            """
            \(address.display) is not empty (\(def.name) has \(n) rows); push copies into an empty store only; \
            nothing was changed
            """)
        }
      }
      for table in db.tables where table.count > 0 {
        let stored = table.def.columns.indices.filter { !table.def.columns[$0].derived }
        var text: [UInt8] = []
        for r in 0..<table.count {
          for (j, c) in stored.enumerated() {
            if j > 0 { text.append(0x09) }
            SchemaSQL.copyField(table.value(row: r, column: c), into: &text)
          }
          text.append(0x0A)
        }
        try link.copy(
          into: table.name, columns: stored.map { table.def.columns[$0].name },
          text: text)
      }
      for sql in SchemaSQL.fillAuditCustomers { try link.run(sql) }
      // The rows were replaced without the change log: caches of the empty store are void.
      try link.run(
        "DO $$ BEGIN IF to_regclass('\(SchemaSQL.identity)') IS NOT NULL THEN "
          + "UPDATE \(SchemaSQL.identity) SET id = gen_random_uuid()::text; END IF; END $$")
      for table in db.tables where table.def.generatesKeys {
        try link.run(
          "INSERT INTO \(SchemaSQL.counters) (table_name, next_id) VALUES ($1, $2::bigint)",
          [table.name, String(table.nextId)])
      }
      try link.run("COMMIT")
    } catch {
      try? link.run("ROLLBACK")
      throw error
    }
    let back = try TableReader.load(link).db
    return try compare(db, back, what: "the database")
  }

  /// Reads the whole store at `address`; the caller writes it to a directory and compares.
  public static func pull(from address: DatabaseAddress) throws -> Database {
    let link = try Link(address)
    defer { link.close() }
    return try TableReader.load(link).db
  }

  /// Per-table figures of `a`, refused unless `b` has the same.
  public static func compare(_ a: Database, _ b: Database, what: String) throws -> [TableSum] {
    let left = sums(a)
    let right = sums(b)
    for (x, y) in zip(left, right) where x != y {
      throw PostgresStoreError.server(
        """
        \(what) does not match after the copy: \(x.table) has \(y.rows) rows (checksum \(hex(y.checksum))) \
        where \(x.rows) (checksum \(hex(x.checksum))) were copied
        """)
    }
    return left
  }

  public static func sums(_ db: Database) -> [TableSum] {
    db.tables.map { TableSum(table: $0.name, rows: $0.count, checksum: checksum($0)) }
  }

  /// The sum of every row's hash, so that row order does not matter; a row's hash covers
  /// each cell's type and text, so a changed, lost or added cell changes it.
  public static func checksum(_ t: Table) -> UInt64 {
    var sum: UInt64 = 0
    for r in 0..<t.count {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for c in 0..<t.def.columns.count {
        let v = t.value(row: r, column: c)
        for b in v.type.rawValue.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ 0x1F) &* 0x100_0000_01b3
        for b in v.plainText.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ 0x1E) &* 0x100_0000_01b3
      }
      sum &+= h
    }
    return sum
  }

  public static func hex(_ x: UInt64) -> String {
    let s = String(x, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}

/// What a database store does not keep yet, said the same way wherever it is met.
enum TeamLimits {
  static let textCodes: Message = """
    customer codes that are not plain numbers (HD-001) are not kept in a database store yet: \
    use numeric customer ids there; nothing was changed
    """
}
