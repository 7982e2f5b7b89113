/// Fills a database from rows read elsewhere (a database's tables): each cell checked
/// against its column, the keys indexed, the invoice totals computed from their payments,
/// as a snapshot load does.
public struct TableLoader {
  var table: Table

  public init?(_ name: String) {
    guard let def = Catalog.table(named: name) else { return nil }
    table = Table(def)
  }

  public var def: TableDef { table.def }
  public var count: Int { table.count }

  /// Appends one row (one value per column, derived columns included: they are recomputed).
  /// A cell of the wrong type, or a null where none is allowed, is refused with its place.
  public mutating func append(_ cells: [Value]) throws {
    precondition(cells.count == table.columns.count)
    for (i, v) in cells.enumerated() {
      let c = table.def.columns[i]
      if c.derived { continue }
      if v.isNull && !c.nullable {
        throw StoreError.corrupt(
          file: table.name, offset: table.count, reason: "row \(table.count + 1): \(c.name) is empty")
      }
      if let why = table.columns[i].accepts(v) {
        throw StoreError.corrupt(
          file: table.name, offset: table.count, reason: "row \(table.count + 1): \(c.name) \(why)")
      }
    }
    let cells = cells.enumerated().map { i, v in table.def.columns[i].derived ? .money(.zero) : v }
    table.appendRow(cells)
  }

  public mutating func reserve(_ n: Int) { table.reserve(n) }
}

/// Typed appends for bulk reads that decode each cell straight into its column's storage (no
/// `Value` per cell). A row is its stored columns' cells in column order, then `endRow()`,
/// which fills the derived columns (recomputed by `finishLoading`). The key index is built
/// once by `Database.install`. Each call checks what `append(_:)` checks: nulls where none
/// is allowed, and values the column cannot hold.
extension TableLoader {
  /// int, money (fen) and timestamp (seconds) columns.
  public mutating func appendInt(_ column: Int, _ v: Int64?) throws {
    guard let v else { return try appendNull(column) }
    if v == Column.nullInt { throw bad(column, "value out of range") }
    table.columns[column].ints.append(v)
  }

  /// date (day number) and duration (days) columns.
  public mutating func appendDay(_ column: Int, _ v: Int32?) throws {
    guard let v else { return try appendNull(column) }
    if v == Column.nullDay { throw bad(column, "date out of range") }
    table.columns[column].int32s.append(v)
  }

  public mutating func appendBool(_ column: Int, _ v: Bool?) throws {
    guard let v else { return try appendNull(column) }
    table.columns[column].bytes.append(v ? 1 : 0)
  }

  /// decimal and percent columns.
  public mutating func appendDecimal(_ column: Int, _ v: Dec?) throws {
    guard let v else { return try appendNull(column) }
    guard let (m, s) = Column.storable(v) else { throw bad(column, "number has too many digits to store") }
    table.columns[column].ints.append(m)
    table.columns[column].bytes.append(s)
  }

  /// text and coded columns, as UTF-8 bytes.
  public mutating func appendText(_ column: Int, utf8 v: UnsafeRawBufferPointer?) throws {
    guard let v else { return try appendNull(column) }
    if v.count > TextBuffer.maxCell { throw bad(column, "text longer than \(TextBuffer.maxCell) bytes") }
    if table.columns[column].kind == .coded {
      let code = table.columns[column].dictionary.code(for: String(decoding: v, as: UTF8.self))
      table.columns[column].int32s.append(code)
    } else {
      table.columns[column].text.append(utf8: v.assumingMemoryBound(to: UInt8.self))
    }
  }

  public mutating func appendNull(_ column: Int) throws {
    if !table.def.columns[column].nullable { throw bad(column, "is empty") }
    table.columns[column].append(.null)
  }

  /// Ends a row: the derived columns get a placeholder, and every column must have one cell more.
  public mutating func endRow() throws {
    let row = table.columns[table.def.keyColumn].count
    for (i, c) in table.def.columns.enumerated() {
      if c.derived { table.columns[i].append(.money(.zero)) }
      if table.columns[i].count != row {
        throw StoreError.corrupt(
          file: table.name, offset: row - 1, reason: "row \(row): \(c.name) has no cell")
      }
    }
  }

  private func bad(_ column: Int, _ why: String) -> StoreError {
    let row = table.columns[column].count + 1
    return StoreError.corrupt(
      file: table.name, offset: row - 1, reason: "row \(row): \(table.def.columns[column].name) \(why)")
  }
}

extension Database {
  /// Puts a loaded table in place; its id counter is `nextId` when that is higher than the
  /// largest id, so ids handed out before a purge stay unused.
  public mutating func install(_ loader: TableLoader, nextId: Int64) throws {
    var t = loader.table
    if let dup = t.rebuildIndex() {
      throw StoreError.corrupt(
        file: t.name, offset: dup, reason: "key \(t.keyColumn.value(dup).plainText) appears twice")
    }
    // Rows appended cell by cell have not moved the id counter: it follows the largest id
    // (a customer code's key is no number, so it does not count).
    if t.def.generatesKeys {
      let customerKey = t.def.columns[t.def.keyColumn].customerKey
      for id in t.keyColumn.ints where id != Column.nullInt && id >= t.nextId {
        if !(customerKey && CustomerCode.isReserved(id)) { t.nextId = id &+ 1 }
      }
    }
    if nextId > t.nextId { t.nextId = nextId }
    tables[Catalog.tableIndex(t.name)!] = t
  }

  /// The invoices' `paid` and `balance`, computed once every table is installed.
  public mutating func finishLoading() throws {
    do { try recomputeInvoiceTotals() } catch {
      throw StoreError.corrupt(file: "invoices", offset: 0, reason: "invoice totals overflow")
    }
  }
}
