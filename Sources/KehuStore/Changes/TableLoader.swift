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

extension Database {
  /// Puts a loaded table in place; its id counter is `nextId` when that is higher than the
  /// largest id, so ids handed out before a purge stay unused.
  public mutating func install(_ loader: TableLoader, nextId: Int64) throws {
    var t = loader.table
    if let dup = t.rebuildIndex() {
      throw StoreError.corrupt(
        file: t.name, offset: dup, reason: "key \(t.keyColumn.value(dup).plainText) appears twice")
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
