import Dispatch
import Foundation
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

  /// Reads every table at one snapshot; with more than `parallelAbove` rows outside the largest
  /// table, on two connections at once.
  static func load(_ link: Link, parallelAbove: Int = 100_000) throws -> Loaded {
    try link.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    var helper: Link?
    do {
      try link.requireStore()
      let position = try link.run("SELECT coalesce(max(seq), 0)::bigint FROM \(SchemaSQL.log)")[0].decode(
        Int64.self)
      var counters: [String: Int64] = [:]
      for row in try link.run("SELECT table_name, next_id FROM \(SchemaSQL.counters)") {
        let (name, next) = try row.decode((String, Int64).self)
        counters[name] = next
      }
      var counts: [Int] = []
      for def in Catalog.tables {
        counts.append(
          Int(try link.run("SELECT count(*)::bigint FROM \(SchemaSQL.quote(def.name))")[0].decode(Int64.self))
        )
      }
      // Decoding rows is the client's work: the largest table is read on this connection while
      // a second one, at the very same snapshot, reads the rest on another thread.
      let largest = counts.indices.max { counts[$0] < counts[$1] } ?? 0
      let total = counts.reduce(0, +)
      var shares = [Catalog.tables.indices.filter { $0 != largest }, [largest]]
      if total - counts[largest] > parallelAbove {
        let snapshot = try link.run("SELECT pg_export_snapshot()")[0].decode(String.self)
        guard
          snapshot.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x2D })
        else {
          throw PostgresStoreError.server("the database exported an unexpected snapshot name '\(snapshot)'")
        }
        let second = try Link(link.address)
        helper = second
        try second.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try second.run("SET TRANSACTION SNAPSHOT '\(snapshot)'")
      } else {
        shares = [Catalog.tables.indices.map { $0 }]
      }
      let results = Results(count: Catalog.tables.count)
      let links = helper.map { [$0, link] } ?? [link]
      let (plan, rows) = (shares, counts)
      DispatchQueue.concurrentPerform(iterations: plan.count) { k in
        for t in plan[k] {
          do {
            results.set(t, .success(try readTable(Catalog.tables[t], links[k], rows: rows[t])))
          } catch {
            results.set(t, .failure(error))
            return
          }
        }
      }
      // A thread stops at its first failure; that failure is the error, whichever table it was.
      for t in Catalog.tables.indices { if case .failure(let e) = results.get(t) { throw e } }
      var db = Database()
      for (t, def) in Catalog.tables.enumerated() {
        try db.install(try results.get(t)!.get(), nextId: counters[def.name] ?? 1)
      }
      try db.finishLoading()
      try link.run("COMMIT")
      helper?.close()
      return Loaded(db: db, position: position)
    } catch {
      try? link.run("ROLLBACK")
      helper?.close()
      throw error
    }
  }

  /// The tables read on each thread, gathered under a lock.
  private final class Results: @unchecked Sendable {
    private var loaded: [Result<TableLoader, Error>?]
    private let lock = NSLock()
    init(count: Int) { loaded = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<TableLoader, Error>) {
      lock.lock()
      loaded[i] = r
      lock.unlock()
    }
    func get(_ i: Int) -> Result<TableLoader, Error>? {
      lock.lock()
      defer { lock.unlock() }
      return loaded[i]
    }
  }

  /// Collects rows on the client's thread while the caller waits.
  private final class Sink: @unchecked Sendable {
    var loader: TableLoader
    var rows = 0
    init(_ loader: TableLoader) { self.loader = loader }
  }

  /// How one selected column's binary cells are read (see `SchemaSQL.selectExpression`).
  enum Cell {
    /// int8: int, money as fen, timestamp as seconds.
    case int64
    /// int4: a date as its day number, a duration.
    case int32
    case bool
    /// text, straight into a text or coded column.
    case text
    /// A decimal or percent, sent as text and parsed exactly.
    case decimal
  }

  static func cell(_ c: ColumnDef) -> Cell {
    switch c.type {
    case .int, .money, .timestamp: return .int64
    case .date, .duration: return .int32
    case .bool: return .bool
    case .decimal, .percent: return .decimal
    case .text, .null: return .text
    }
  }

  /// One streamed SELECT per table, each binary cell decoded straight into its column (no
  /// `Value` per cell, no row dictionaries).
  static func readTable(_ def: TableDef, _ link: Link, rows: Int) throws -> TableLoader {
    let sink = Sink(TableLoader(def.name)!)
    sink.loader.reserve(rows)
    let plan = def.columns.indices.filter { !def.columns[$0].derived }.map { ($0, cell(def.columns[$0])) }
    let list = SchemaSQL.stored(def).map(SchemaSQL.selectExpression).joined(separator: ", ")
    let table = def.name
    try link.stream("SELECT \(list) FROM \(SchemaSQL.quote(def.name)) ORDER BY kehu_order") { row in
      var k = 0
      for cell in row {
        guard k < plan.count else { break }
        let (column, kind) = plan[k]
        try read(cell.bytes, kind, into: &sink.loader, column: column, table: table)
        k += 1
      }
      guard k == plan.count else {
        throw StoreError.corrupt(
          file: table, offset: sink.rows, reason: "row \(sink.rows + 1) has \(k) cells")
      }
      try sink.loader.endRow()
      sink.rows += 1
    }
    return sink.loader
  }

  @inline(__always)
  static func read(
    _ bytes: ByteBuffer?, _ kind: Cell, into loader: inout TableLoader, column: Int, table: String
  )
    throws
  {
    guard let bytes else { return try loader.appendNull(column) }
    let at = bytes.readerIndex
    func width(_ n: Int) throws {
      guard bytes.readableBytes == n else {
        throw StoreError.corrupt(
          file: table, offset: loader.count,
          reason:
            "row \(loader.count + 1): \(loader.def.columns[column].name) arrived as \(bytes.readableBytes) bytes, not \(n)"
        )
      }
    }
    switch kind {
    case .int64:
      try width(8)
      try loader.appendInt(column, bytes.getInteger(at: at, as: Int64.self))
    case .int32:
      try width(4)
      try loader.appendDay(column, bytes.getInteger(at: at, as: Int32.self))
    case .bool:
      try width(1)
      try loader.appendBool(column, bytes.getInteger(at: at, as: UInt8.self) != 0)
    case .text:
      try bytes.withUnsafeReadableBytes { try loader.appendText(column, utf8: $0) }
    case .decimal:
      let s = bytes.getString(at: at, length: bytes.readableBytes) ?? ""
      guard let d = Dec(parsing: s) else {
        throw StoreError.corrupt(
          file: table, offset: loader.count,
          reason:
            "row \(loader.count + 1): \(loader.def.columns[column].name): '\(s)' is not a number kehu keeps")
      }
      try loader.appendDecimal(column, d)
    }
  }
}
