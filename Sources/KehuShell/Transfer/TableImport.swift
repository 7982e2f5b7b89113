import KehuDomain
import KehuStore

/// A file's rows as one batch of changes, with the record each change came from, so that
/// a refusal can name the row.
struct ImportPlan {
  var batch: [Mutation] = []
  var rows: [(row: Int, line: Int)] = []
  var inserted = 0
  var updated = 0
  /// What else the import did, said after the counts (returns credited, issue 14).
  var notes: [String] = []
}

/// Turns CSV records into inserts (and, with `update`, updates) of one table. The header
/// names the columns; a column the file leaves out takes its default or stays empty; ids
/// in the file are kept. Nothing here changes the store: the caller applies the plan as
/// one batch, so a bad row anywhere imports nothing.
enum TableImport {
  struct Options {
    /// Rows whose key already exists are updated instead of refused.
    var update = false
    /// Fill the defaults `customer add` would (status, created, updated); a restore of a
    /// dump does not, so that it gives back exactly what was dumped.
    var defaults = true
    var now = Timestamp(seconds: 0)
    /// Refuse what the model forbids (`FieldValues.check`). A restore of a whole dump does
    /// not: it gives back a store as it was, as the journal's replay does.
    var checked = true
  }

  /// Where a row is, for messages: `row 3 (line 4)`.
  static func place(_ row: Int, _ line: Int) -> String {
    tr("row {0} (line {1})", row, line)
  }

  static func plan(
    _ def: TableDef, _ records: [CSVRecord], db: Database, options: Options, counter: WorkCounter? = nil
  ) throws(ShellError) -> ImportPlan {
    guard let header = records.first else {
      throw ShellError(tr("the file is empty: its first line must name the columns"))
    }
    let valid = def.columns.map(\.name)
    var columns: [ColumnRef] = []
    for f in header.fields {
      let name = f.text.trimmingAny(of: " \t")
      guard let c = def.column(named: name) else {
        var msg = tr("line 1: {0} has no column `{1}`", def.name, name)
        if let near = nearest(name, in: valid) { msg += tr("; did you mean `{0}`?", near) }
        throw ShellError(msg, hint: tr("columns of {0}: {1}", def.name, valid.joined(separator: " ")))
      }
      if columns.contains(c) { throw ShellError(tr("line 1: column `{0}` is named twice", name)) }
      columns.append(c)
    }
    let keyAt = columns.firstIndex(of: def.keyRef)
    if keyAt == nil && !def.generatesKeys {
      throw ShellError(tr("the file needs a `{0}` column: {1} rows are found by it", def.key.name, def.name))
    }
    let table = db.tables[Catalog.tableIndex(def.name)!]
    let defaults = options.defaults ? defaultCells(def.name, now: options.now) : [:]
    var plan = ImportPlan()
    var seen: [Value: Int] = [:]
    for (n, record) in records.dropFirst().enumerated() {
      try counter?.tick()
      let row = n + 1
      let at = place(row, record.line)
      guard record.fields.count == columns.count else {
        throw ShellError(
          tr("{0}: {1} fields, but the header names {2} columns", at, record.fields.count, columns.count))
      }
      var cells: [String: Value] = [:]
      for (field, c) in zip(record.fields, columns) where !c.def.derived {
        do {
          let v = try cell(field, c.def)
          if options.checked { try FieldValues.check(v, table: def.name, column: c.name) }
          cells[c.name] = v
        } catch {
          throw ShellError(at + ": " + error.message)
        }
      }
      if options.defaults, case .text(let code)? = cells["credit_code"], def.name == "customers",
        let problem = UnifiedSocialCreditCode.problem(code)
      {
        throw ShellError(at + ": " + tr(problem))
      }
      var key = keyAt.map { cells[columns[$0].name] ?? .null } ?? .null
      if def.key.isCustomerCode, case .text(let code) = key, let k = db.customerKey(code) { key = .int(k) }
      if !key.isNull {
        if let first = seen[key] {
          throw ShellError(tr("{0}: {1} {2} is also on row {3}", at, def.key.name, key.plainText, first))
        }
        seen[key] = row
      }
      if !key.isNull && table.row(forKey: key) != nil {
        guard options.update else {
          throw ShellError(
            tr(
              "{0}: {1} already has {2} {3} (say update=yes to change existing rows)", at, def.name,
              def.key.name, key.plainText))
        }
        // A blank cell leaves the field as it is: a sheet that fills in only some fields
        // must not wipe the others.
        cells[def.key.name] = nil
        cells = cells.filter { !$0.value.isNull }
        if options.defaults, def.columns.contains(where: { $0.name == "updated" }), cells["updated"] == nil {
          cells["updated"] = .timestamp(options.now)
        }
        plan.batch.append(.update(table: def.name, key: key, values: cells))
        plan.updated += 1
      } else {
        for (name, v) in defaults where cells[name] == nil || cells[name] == .null { cells[name] = v }
        for (i, c) in def.columns.enumerated()
        where !c.nullable && !c.derived && i != def.keyColumn && (cells[c.name] ?? .null).isNull {
          throw ShellError(tr("{0}: `{1}` is required", at, c.name))
        }
        plan.batch.append(.insert(table: def.name, values: cells.filter { !$0.value.isNull }))
        plan.inserted += 1
      }
      plan.rows.append((row, record.line))
    }
    return plan
  }

  /// Applies the plan to `db` as one batch; a refusal names the row it came from.
  static func apply(_ plan: ImportPlan, to db: inout Database) throws(ShellError) {
    do {
      try db.apply(plan.batch)
    } catch let e as MutationError {
      let (row, line) = plan.rows[min(e.index, plan.rows.count - 1)]
      throw ShellError(place(row, line) + ": " + e.message)
    } catch {
      throw ShellError(String(describing: error))
    }
  }

  /// What `customer add` fills in when not given; the rest stays empty.
  static func defaultCells(_ table: String, now: Timestamp) -> [String: Value] {
    switch table {
    case "customers":
      return ["status": .text("trading"), "created": .timestamp(now), "updated": .timestamp(now)]
    case "notes": return ["status": .text("held")]
    default: return [:]
    }
  }

  /// One field as a typed cell. Dates may be written 2026-11-29 or 2026/11/29, amounts with
  /// separators or a leading ¥ (spreadsheets save them so); a text loses the one leading '
  /// that `export` adds in front of formula-like text.
  static func cell(_ f: CSVField, _ c: ColumnDef) throws(ShellError) -> Value {
    if c.type == .text {
      if f.text.isEmpty { return f.quoted ? .text("") : .null }
      let s = f.text.hasPrefix("'") ? String(f.text.dropFirst()) : f.text
      if let allowed = c.allowed, !allowed.contains(s) {
        throw ShellError(
          tr("`{0}` must be one of {1}, not `{2}`", c.name, allowed.joined(separator: ", "), s))
      }
      return .text(s)
    }
    var t = f.text.trimmingAny(of: " \t")
    if t.isEmpty { return .null }
    // `export` puts a ' before a code a spreadsheet would take for a formula (`-17`).
    if c.isCustomerCode && t.hasPrefix("'") { t.removeFirst() }
    if c.type == .timestamp {
      guard let ts = parseTimestamp(t) else {
        throw ShellError(tr("`{0}` must be a date and time (2026-11-29T09:00:00), not `{1}`", c.name, t))
      }
      return .timestamp(ts)
    }
    return try FieldValues.parse(t, for: c)
  }

  /// `2026-11-29T09:00:00`, `2026-11-29 09:00:00`, `2026/11/29 9:00` or a bare date.
  static func parseTimestamp(_ text: String) -> Timestamp? {
    let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
    guard (1...2).contains(parts.count), let day = Day(parsing: parts[0]) else { return nil }
    guard parts.count == 2 else { return Timestamp(day: day) }
    let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }) else { return nil }
    let (h, m, s) = (hms[0]!, hms[1]!, hms.count == 3 ? hms[2]! : 0)
    guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
    return Timestamp(day: day, hour: h, minute: m, second: s)
  }
}

extension String {
  func trimmingAny(of set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    // An index scan: `dropLast()` measures the whole substring each time (quadratic).
    guard let last = s.lastIndex(where: { !set.contains($0) }) else { return "" }
    return String(s[...last])
  }
}
