/// One change to the database. The same values are applied live and, from the journal, on
/// replay, through the same code (`Database.apply`), so the two can never disagree.
/// Times (`created`, `updated`, audit `time`) are ordinary cells: the caller supplies them.
public enum Mutation: Sendable, Hashable {
  /// A new row. An integer key left out (or null) is generated from the table's counter.
  case insert(table: String, values: [String: Value])
  /// New values for some cells of the row with `key`. The key itself cannot change.
  case update(table: String, key: Value, values: [String: Value])
  /// Removes rows for good (purge); ending a customer is an update of `status`.
  case delete(table: String, keys: [Value])

  public var table: String {
    switch self {
    case .insert(let t, _), .update(let t, _, _), .delete(let t, _): return t
    }
  }

  /// How many row changes this counts as for the commit policy.
  public var weight: Int {
    if case .delete(_, let keys) = self { return max(1, keys.count) }
    return 1
  }
}

/// What a batch did: the key of each inserted row, in the order of the inserts.
public struct ApplyResult: Sendable, Equatable {
  public var insertedKeys: [Value] = []
}

/// Why a batch was refused; nothing of it was applied.
public struct MutationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Position of the offending mutation in the batch.
  public var index: Int
  public var message: String
  public var description: String { message }
}

extension Database {
  /// Checks the whole batch, then applies it: a refused batch changes nothing. Returns the
  /// batch with generated keys filled in, which is what the journal records.
  @discardableResult
  public mutating func apply(_ batch: [Mutation]) throws -> (ApplyResult, resolved: [Mutation]) {
    var check = BatchCheck(self)
    var ops: [ResolvedOp] = []
    ops.reserveCapacity(batch.count)
    for (i, m) in batch.enumerated() {
      do { ops.append(try check.resolve(m)) } catch let e as CheckFailure {
        throw MutationError(index: i, message: e.message)
      }
    }
    var result = ApplyResult()
    for op in ops {
      applyResolved(op)
      if case .insert(let t, let cells) = op {
        result.insertedKeys.append(cells[tables[t].def.keyColumn])
      }
    }
    return (result, ops.map { $0.mutation })
  }

  /// Applies an already-checked operation. Invoice totals follow their payments here, so
  /// a live change and its replay update them the same way.
  mutating func applyResolved(_ op: ResolvedOp) {
    switch op {
    case .insert(let t, var cells):
      let k = tables[t].def.keyColumn
      if t == 0, case .text(let code) = cells[k] { cells[k] = .int(internCode(code)) }
      tables[t].appendRow(cells)
      if let s = Database.settling(t) { adjustPaid(s, cells, sign: 1) }
    case .update(let t, let key, let changes):
      let row = tables[t].row(forKey: key)!
      let settles = Database.settling(t)
      let before = settles != nil ? tables[t].rowCells(row) : []
      for (c, v) in changes { tables[t].columns[c].set(row, v) }
      if let s = settles {
        adjustPaid(s, before, sign: -1)
        adjustPaid(s, tables[t].rowCells(row), sign: 1)
      } else if t == Database.invoicesTable {
        refreshBalance(row: row)
      }
    case .delete(let t, let keys):
      var doomed = [Bool](repeating: false, count: tables[t].count)
      for k in keys {
        let r = tables[t].row(forKey: k)!
        doomed[r] = true
        if let s = Database.settling(t) { adjustPaid(s, tables[t].rowCells(r), sign: -1) }
      }
      tables[t].removeRows(doomed)
    }
  }

  static let invoicesTable = Catalog.tableIndex("invoices")!
  static let paymentsTable = Catalog.tableIndex("payments")!
  static let invPaid = Catalog.invoices.columnIndex("paid")!
  static let invBalance = Catalog.invoices.columnIndex("balance")!
  static let invAmount = Catalog.invoices.columnIndex("amount")!
  static let payInvoice = Catalog.payments.columnIndex("invoice")!
  static let payAmount = Catalog.payments.columnIndex("amount")!

  /// A table whose rows settle invoices (payments and credit notes), with the columns naming
  /// the invoice and the amount.
  struct Settling {
    var table: Int
    var invoice: Int
    var amount: Int
  }
  static let settlingTables: [Settling] = ["payments", "credit_notes"].map { name in
    let def = Catalog.table(named: name)!
    return Settling(
      table: Catalog.tableIndex(name)!, invoice: def.columnIndex("invoice")!,
      amount: def.columnIndex("amount")!)
  }
  static func settling(_ t: Int) -> Settling? { settlingTables.first { $0.table == t } }

  private mutating func adjustPaid(_ s: Settling, _ cells: [Value], sign: Int64) {
    guard case .text(let no) = cells[s.invoice],
      case .money(let amount) = cells[s.amount],
      let row = tables[Database.invoicesTable].row(forNo: no)
    else { return }
    // BatchCheck already proved these sums fit.
    tables[Database.invoicesTable].columns[Database.invPaid].ints[row] &+= sign &* amount.fen
    refreshBalance(row: row)
  }

  private mutating func refreshBalance(row: Int) {
    let t = Database.invoicesTable
    let amount = tables[t].columns[Database.invAmount].ints[row]
    let paid = tables[t].columns[Database.invPaid].ints[row]
    tables[t].columns[Database.invBalance].ints[row] = amount &- paid
  }
}

extension Table {
  func rowCells(_ row: Int) -> [Value] { (0..<columns.count).map { columns[$0].value(row) } }
}

/// A mutation after checking: table and columns by index, rows found, keys generated.
enum ResolvedOp {
  case insert(table: Int, cells: [Value])
  case update(table: Int, key: Value, changes: [(Int, Value)])
  case delete(table: Int, keys: [Value])

  var table: Int {
    switch self {
    case .insert(let t, _), .update(let t, _, _), .delete(let t, _): return t
    }
  }

  /// The mutation as the journal records it: every key explicit.
  var mutation: Mutation {
    let def = Catalog.tables[table]
    switch self {
    case .insert(_, let cells):
      var values: [String: Value] = [:]
      for (i, v) in cells.enumerated() where !v.isNull && !def.columns[i].derived {
        values[def.columns[i].name] = v
      }
      return .insert(table: def.name, values: values)
    case .update(_, let key, let changes):
      var values: [String: Value] = [:]
      for (c, v) in changes { values[def.columns[c].name] = v }
      return .update(table: def.name, key: key, values: values)
    case .delete(_, let keys): return .delete(table: def.name, keys: keys)
    }
  }
}
