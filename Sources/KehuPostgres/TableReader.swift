import KehuStore
import PostgresNIO

/// Reads kehu's tables from the database into in-memory columns, streaming binary rows
/// straight into each table's columns (postgres-nio has no COPY TO; a streamed SELECT is the
/// bulk read), in one snapshot together with the change-log position it matches.
enum TableReader {
  struct Loaded {
    var db: Database
    /// The last change-log entry the tables include.
    var position: Int64
  }

  static func load(_ link: Link) throws -> Loaded {
    try link.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    do {
      try link.requireStore()
      let position = try link.run("SELECT coalesce(max(seq), 0)::bigint FROM \(SchemaSQL.log)")[0].decode(
        Int64.self)
      var counters: [String: Int64] = [:]
      for row in try link.run("SELECT table_name, next_id FROM \(SchemaSQL.counters)") {
        let (name, next) = try row.decode((String, Int64).self)
        counters[name] = next
      }
      var db = Database()
      for def in Catalog.tables {
        try db.install(try readTable(def, link), nextId: counters[def.name] ?? 1)
      }
      try db.finishLoading()
      try link.run("COMMIT")
      return Loaded(db: db, position: position)
    } catch {
      try? link.run("ROLLBACK")
      throw error
    }
  }

  /// Collects rows on the client's thread while the caller waits.
  private final class Sink: @unchecked Sendable {
    var loader: TableLoader
    init(_ loader: TableLoader) { self.loader = loader }
  }

  static func readTable(_ def: TableDef, _ link: Link) throws -> TableLoader {
    let sink = Sink(TableLoader(def.name)!)
    let n = try link.run("SELECT count(*)::bigint FROM \(SchemaSQL.quote(def.name))")[0].decode(Int64.self)
    sink.loader.reserve(Int(n))
    let columns = def.columns
    let stored = columns.map { !$0.derived }
    let list = SchemaSQL.stored(def).map(SchemaSQL.selectExpression).joined(separator: ", ")
    try link.stream("SELECT \(list) FROM \(SchemaSQL.quote(def.name)) ORDER BY kehu_order") { row in
      let cells = row.makeRandomAccess()
      var values: [Value] = []
      values.reserveCapacity(columns.count)
      var k = 0
      for (i, c) in columns.enumerated() {
        guard stored[i] else {
          values.append(.null)
          continue
        }
        values.append(try decode(cells[k], c, table: def.name))
        k += 1
      }
      try sink.loader.append(values)
    }
    return sink.loader
  }

  static func decode(_ cell: PostgresCell, _ c: ColumnDef, table: String) throws -> Value {
    switch c.type {
    case .int: return try cell.decode(Int64?.self).map { .int($0) } ?? .null
    case .money: return try cell.decode(Int64?.self).map { .money(Money(fen: $0)) } ?? .null
    case .timestamp: return try cell.decode(Int64?.self).map { .timestamp(Timestamp(seconds: $0)) } ?? .null
    case .date: return try cell.decode(Int32?.self).map { .date(Day(number: $0)) } ?? .null
    case .duration: return try cell.decode(Int32?.self).map { .duration($0) } ?? .null
    case .bool: return try cell.decode(Bool?.self).map { .bool($0) } ?? .null
    case .decimal, .percent:
      guard let s = try cell.decode(String?.self) else { return .null }
      guard let d = Dec(parsing: s) else {
        throw StoreError.corrupt(
          file: table, offset: 0, reason: "\(c.name): '\(s)' is not a number kehu keeps")
      }
      return c.type == .percent ? .percent(d) : .decimal(d)
    case .text, .null: return try cell.decode(String?.self).map { .text($0) } ?? .null
    }
  }
}
