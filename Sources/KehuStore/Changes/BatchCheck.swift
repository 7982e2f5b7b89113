struct CheckFailure: Error {
  var message: String
  init(_ m: String) { message = m }
}

/// Checks a batch against the database plus the batch's own earlier changes, without
/// touching the database: what it would add or remove is kept beside it. Copying the
/// database instead would copy every column the batch touches (hundreds of MB for sales).
struct BatchCheck {
  let db: Database
  private var added: [Int: Set<Value>] = [:]
  private var removed: [Int: Set<Value>] = [:]
  private var nextIds: [Int: Int64] = [:]
  /// Customer codes the batch adds to the dictionary, with the keys they will get.
  private var newCodes: [String: Int64] = [:]
  /// Invoices and payments touched by the batch, as they would stand after it, so that
  /// every derived `paid` and `balance` is proved to fit before anything is applied.
  private var invoices: [String: (amount: Int64, paid: Int64)] = [:]
  /// Settling rows (payments, credit notes) touched by the batch, by table and key.
  private var payments: [SettleKey: (invoice: String?, amount: Int64)] = [:]
  struct SettleKey: Hashable {
    var table: Int
    var key: Value
  }

  init(_ db: Database) { self.db = db }

  func exists(_ t: Int, _ key: Value) -> Bool {
    if added[t]?.contains(key) == true { return true }
    if removed[t]?.contains(key) == true { return false }
    return db.tables[t].row(forKey: key) != nil
  }

  mutating func resolve(_ m: Mutation) throws -> ResolvedOp {
    guard let t = Catalog.tableIndex(m.table) else { throw CheckFailure("no table \(m.table)") }
    let def = Catalog.tables[t]
    switch m {
    case .insert(_, let values):
      var cells = [Value](repeating: .null, count: def.columns.count)
      let k = def.keyColumn
      var newCode: String? = nil
      for (name, v) in values {
        let c = try column(def, name)
        var v = v
        if case .text(let code) = v, def.columns[c].isCustomerCode {
          if c == k && def.columns[c].customerKey {
            let (key, isNew) = try codeKey(code)
            if isNew { newCode = code }
            v = .int(key)
          } else {
            v = try knownCode(code, def, c)
          }
        }
        try checkCell(def, c, v)
        cells[c] = v
      }
      if cells[k].isNull {
        guard def.generatesKeys else { throw CheckFailure("\(def.name): \(def.key.name) is required") }
        cells[k] = .int(nextIds[t] ?? db.tables[t].nextId)
      }
      let key = cells[k]
      if exists(t, key) { throw CheckFailure("\(def.name) already has \(def.key.name) \(key)") }
      for (i, c) in def.columns.enumerated() where !c.nullable && !c.derived && cells[i].isNull {
        throw CheckFailure("\(def.name): \(c.name) is required")
      }
      if case .int(let id) = key, !(def.key.customerKey && CustomerCode.isReserved(id)) {
        guard id < Int64.max else { throw CheckFailure("\(def.name): id too large") }
        nextIds[t] = max(nextIds[t] ?? db.tables[t].nextId, id + 1)
      }
      if t == Database.invoicesTable, case .money(let a) = cells[Database.invAmount],
        case .text(let no) = key
      {
        cells[Database.invPaid] = .money(.zero)
        cells[Database.invBalance] = .money(a)
        invoices[no] = (a.fen, 0)
      }
      if let st = Database.settling(t) {
        let p = (cells[st.invoice].textValue, Column.int64Payload(cells[st.amount]))
        try paymentEffect(p, sign: 1)
        payments[SettleKey(table: t, key: key)] = p
      }
      added[t, default: []].insert(key)
      removed[t]?.remove(key)
      // A new code travels as its text, so the journal records it and a replay adds it to
      // the dictionary in the same order (`Database.applyResolved`).
      if let code = newCode {
        newCodes[code] = Column.int64Payload(key)
        cells[k] = .text(code)
      }
      return .insert(table: t, cells: cells)

    case .update(_, let written, let values):
      let key = try keyValue(def, written)
      guard exists(t, key) else { throw CheckFailure("\(def.name) has no \(def.key.name) \(key)") }
      var changes: [(Int, Value)] = []
      for (name, v) in values {
        let c = try column(def, name)
        var v = v
        if case .text(let code) = v, c != def.keyColumn, def.columns[c].isCustomerCode {
          v = try knownCode(code, def, c)
        }
        if c == def.keyColumn { throw CheckFailure("\(def.name): \(name) cannot change") }
        if v.isNull && !def.columns[c].nullable {
          throw CheckFailure("\(def.name): \(name) is required")
        }
        try checkCell(def, c, v)
        changes.append((c, v))
      }
      changes.sort { $0.0 < $1.0 }
      if let st = Database.settling(t) {
        var p = paymentState(st, key)
        try paymentEffect(p, sign: -1)
        for (c, v) in changes {
          if c == st.invoice { p.invoice = v.textValue }
          if c == st.amount { p.amount = Column.int64Payload(v) }
        }
        try paymentEffect(p, sign: 1)
        payments[SettleKey(table: t, key: key)] = p
      }
      if t == Database.invoicesTable, case .text(let no) = key,
        let (c, v) = changes.first(where: { $0.0 == Database.invAmount })
      {
        _ = c
        var s = invoiceState(no)
        s.amount = Column.int64Payload(v)
        try checkBalance(no, s)
        invoices[no] = s
      }
      return .update(table: t, key: key, changes: changes)

    case .delete(_, let written):
      let keys = try written.map { try keyValue(def, $0) }
      for key in keys {
        guard exists(t, key) else { throw CheckFailure("\(def.name) has no \(def.key.name) \(key)") }
        if let st = Database.settling(t) {
          try paymentEffect(paymentState(st, key), sign: -1)
          payments[SettleKey(table: t, key: key)] = (nil, 0)
        }
        if t == Database.invoicesTable, case .text(let no) = key, paymentCount(no) > 0 {
          throw CheckFailure("invoice \(no) has payments or credit notes: delete them first")
        }
        removed[t, default: []].insert(key)
        added[t]?.remove(key)
      }
      return .delete(table: t, keys: keys)
    }
  }

  /// The key of a new row's customer code, and whether the code is new to the dictionary.
  private func codeKey(_ code: String) throws -> (Int64, Bool) {
    if let why = CustomerCode.problem(code) { throw CheckFailure(why.description) }
    if let k = db.customerKey(code) ?? newCodes[code] { return (k, false) }
    return (CustomerCode.reservedBase + Int64(db.codeBook.names.count + newCodes.count), true)
  }

  /// A code naming a customer that must exist (a reference, an update's or delete's key).
  private func knownCode(_ code: String, _ def: TableDef, _ c: Int) throws -> Value {
    guard let k = db.customerKey(code) ?? newCodes[code] else {
      throw CheckFailure("\(def.name).\(def.columns[c].name): customers has no id \(code)")
    }
    return .int(k)
  }

  private func keyValue(_ def: TableDef, _ key: Value) throws -> Value {
    guard def.key.customerKey, case .text(let code) = key else { return key }
    return try knownCode(code, def, def.keyColumn)
  }

  private func column(_ def: TableDef, _ name: String) throws -> Int {
    guard let c = def.columnIndex(name) else { throw CheckFailure("\(def.name) has no column \(name)") }
    if def.columns[c].derived {
      throw CheckFailure("\(def.name).\(name) is computed and cannot be set")
    }
    return c
  }

  private func checkCell(_ def: TableDef, _ c: Int, _ v: Value) throws {
    let col = def.columns[c]
    if let why = Column(kind: col.storage, type: col.type).accepts(v) {
      throw CheckFailure("\(def.name).\(col.name): \(why)")
    }
    if let allowed = col.allowed, case .text(let s) = v, !allowed.contains(s) {
      throw CheckFailure(
        "\(def.name).\(col.name) must be one of \(allowed.joined(separator: ", ")), not \(s)")
    }
    if let ref = col.references, !v.isNull, let rt = Catalog.tableIndex(ref), !exists(rt, v) {
      throw CheckFailure("\(def.name).\(col.name): \(ref) has no \(Catalog.tables[rt].key.name) \(v)")
    }
  }

  private func paymentState(_ st: Database.Settling, _ key: Value) -> (invoice: String?, amount: Int64) {
    if let p = payments[SettleKey(table: st.table, key: key)] { return p }
    let t = db.tables[st.table]
    let r = t.row(forKey: key)!
    return (t.columns[st.invoice].string(r), t.columns[st.amount].ints[r])
  }

  private func invoiceState(_ no: String) -> (amount: Int64, paid: Int64) {
    if let s = invoices[no] { return s }
    let t = db.tables[Database.invoicesTable]
    guard let r = t.row(forNo: no) else { return (0, 0) }
    return (t.columns[Database.invAmount].ints[r], t.columns[Database.invPaid].ints[r])
  }

  private mutating func paymentEffect(_ p: (invoice: String?, amount: Int64), sign: Int64) throws {
    guard let no = p.invoice, p.amount != Column.nullInt else { return }
    var s = invoiceState(no)
    let (v, o) = s.paid.addingReportingOverflow(sign == 1 ? p.amount : -p.amount)
    if o || v == Column.nullInt { throw CheckFailure("invoice \(no): payments total too large") }
    s.paid = v
    try checkBalance(no, s)
    invoices[no] = s
  }

  private func checkBalance(_ no: String, _ s: (amount: Int64, paid: Int64)) throws {
    let (b, o) = s.amount.subtractingReportingOverflow(s.paid)
    if o || b == Column.nullInt { throw CheckFailure("invoice \(no): balance too large") }
  }

  /// Payments and credit notes that would still name invoice `no` after the batch so far.
  private func paymentCount(_ no: String) -> Int {
    var n = 0
    for st in Database.settlingTables {
      let t = db.tables[st.table]
      let inv = t.columns[st.invoice]
      for r in 0..<t.count where inv.string(r) == no {
        if payments[SettleKey(table: st.table, key: t.keyColumn.value(r))] == nil { n += 1 }
      }
    }
    for (_, p) in payments where p.invoice == no { n += 1 }
    return n
  }
}
