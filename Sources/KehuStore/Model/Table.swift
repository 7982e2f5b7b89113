/// One table's rows as columns, with its key index and id counter. A value type: copying a
/// table copies a few references, and a column is copied only when one side writes to it.
public struct Table: Sendable {
  public let def: TableDef
  public internal(set) var columns: [Column]
  /// The key index, or nil until first use (see `KeyIndexCell`).
  var keys = KeyIndexCell(KeyIndex())
  /// The next generated id; only ever grows, so an id is never handed out twice.
  public internal(set) var nextId: Int64 = 1

  public init(_ def: TableDef) {
    self.def = def
    self.columns = def.columns.map { Column(kind: $0.storage, type: $0.type) }
  }

  public var name: String { def.name }
  public var count: Int { columns[0].count }
  public func column(_ i: Int) -> Column { columns[i] }
  public func column(named name: String) -> Column? { def.columnIndex(name).map { columns[$0] } }
  public var keyColumn: Column { columns[def.keyColumn] }

  /// The key index, built now if the table was opened without one.
  var index: KeyIndex { keys.index(of: columns[def.keyColumn]) }

  /// The row holding `key`, if any.
  public func row(forKey key: Value) -> Int? { index.find(key, in: columns[def.keyColumn]) }
  public func row(forId id: Int64) -> Int? { index.find(id, in: columns[def.keyColumn]) }
  public func row(forNo no: String) -> Int? { index.find(no, in: columns[def.keyColumn]) }

  public func value(row: Int, column: Int) -> Value { columns[column].value(row) }
  /// A whole row, by column name (slow path: `show`, export, tests).
  public func rowValues(_ row: Int) -> [String: Value] {
    var out: [String: Value] = [:]
    for (i, c) in def.columns.enumerated() { out[c.name] = columns[i].value(row) }
    return out
  }

  /// Appends a row whose cells are already checked; `cells` holds one value per column.
  mutating func appendRow(_ cells: [Value]) {
    for i in 0..<columns.count { columns[i].append(cells[i]) }
    if !isKnownUniquelyReferenced(&keys) { keys = keys.copy() }
    // An index not built yet is built later from the whole column, this row included.
    keys.insert(row: count - 1, column: columns[def.keyColumn])
    // A code's key is no number: the next generated id stays above the numeric codes.
    if case .int(let id) = cells[def.keyColumn], id >= nextId,
      !(def.key.customerKey && CustomerCode.isReserved(id))
    {
      nextId = id &+ 1
    }
  }

  mutating func removeRows(_ doomed: [Bool]) {
    for i in 0..<columns.count { columns[i].remove(where: doomed) }
    keys = KeyIndexCell(nil)
  }

  /// Rebuilds the key index from the key column; returns a row whose key repeats an earlier one.
  @discardableResult
  mutating func rebuildIndex() -> Int? {
    let (ix, dup) = KeyIndex.build(columns[def.keyColumn])
    keys = KeyIndexCell(ix)
    return dup
  }

  mutating func reserve(_ n: Int) {
    for i in 0..<columns.count { columns[i].reserve(n) }
  }
}

/// The whole database state: a value, so a what-if scenario copies it in O(tables) and
/// later keeps or discards the copy. `sequence` is the number of the last journal record
/// the state includes.
public struct Database: Sendable {
  public internal(set) var tables: [Table]
  public internal(set) var sequence: UInt64 = 0

  public init() { tables = Catalog.tables.map { Table($0) } }

  public func table(_ name: String) -> Table? { Catalog.tableIndex(name).map { tables[$0] } }
  public subscript(name: String) -> Table { tables[Catalog.tableIndex(name)!] }
  public var customers: Table { tables[0] }

  /// Total rows in all tables.
  public var rowCount: Int { tables.reduce(0) { $0 + $1.count } }

  /// Whether every invoice's stored `paid` and `balance` match its payments.
  func invoiceTotalsAreConsistent() -> Bool {
    var copy = self
    guard (try? copy.recomputeInvoiceTotals()) != nil else { return false }
    let i = Database.invoicesTable
    return copy.tables[i].columns[Database.invPaid].ints == tables[i].columns[Database.invPaid].ints
      && copy.tables[i].columns[Database.invBalance].ints == tables[i].columns[Database.invBalance].ints
  }

  /// Recomputes every invoice's `paid` and `balance` from the payments and credit notes.
  mutating func recomputeInvoiceTotals() throws {
    let ii = Catalog.tableIndex("invoices")!
    let inv = tables[ii]
    let paidCol = inv.def.columnIndex("paid")!
    let balCol = inv.def.columnIndex("balance")!
    let amountCol = inv.def.columnIndex("amount")!
    let index = inv.index
    var paid = [Int64](repeating: 0, count: inv.count)
    for s in Database.settlingTables {
      let pay = tables[s.table]
      let pInv = pay.columns[s.invoice]
      let pAmt = pay.columns[s.amount]
      for r in 0..<pay.count where !pInv.isNull(r) {
        guard let row = pInv.withTextBytes(r, { b in index.findBytes(b, in: inv.keyColumn) })
        else { continue }
        let (v, o) = paid[row].addingReportingOverflow(pAmt.ints[r])
        if o { throw ArithmeticError.overflow }
        paid[row] = v
      }
    }
    var balance = [Int64](repeating: 0, count: inv.count)
    let amounts = inv.columns[amountCol].ints
    for r in 0..<inv.count {
      let (v, o) = amounts[r].subtractingReportingOverflow(paid[r])
      if o || v == Column.nullInt { throw ArithmeticError.overflow }
      balance[r] = v
    }
    tables[ii].columns[paidCol].ints = paid
    tables[ii].columns[balCol].ints = balance
  }
}
