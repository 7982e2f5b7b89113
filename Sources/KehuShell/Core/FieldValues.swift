import KehuStore

/// Turns `field=value` words into typed cells of a table, by the catalog's column types.
enum FieldValues {
  /// Parses one cell; errors name the field, the type wanted and the text given.
  static func parse(_ text: String, for column: ColumnDef) throws(ShellError) -> Value {
    func bad(_ what: String) -> ShellError {
      ShellError(tr("`{0}` must be {1}, not `{2}`", column.name, what, text))
    }
    if text.isEmpty || text == "null" {
      guard column.nullable else { throw ShellError(tr("`{0}` cannot be empty", column.name)) }
      return .null
    }
    if column.isCustomerCode {
      // A code that is a plain number is its own key; any other goes to the store as text
      // and becomes its key there (`CustomerCode`).
      if let why = CustomerCode.problem(text) { throw bad(tr("a customer id") + " (" + tr(why) + ")") }
      return CustomerCode.numericKey(text).map { .int($0) } ?? .text(text)
    }
    switch column.type {
    case .text:
      if let allowed = column.allowed, !allowed.contains(text) {
        throw ShellError(
          tr("`{0}` must be one of {1}, not `{2}`", column.name, allowed.joined(separator: ", "), text))
      }
      return .text(text)
    case .int:
      guard Money.separatorsWellPlaced(Substring(text)), let i = Int64(text.filter { $0 != "_" && $0 != "," })
      else { throw bad(tr("a whole number")) }
      return .int(i)
    case .money:
      guard let m = Money(parsing: text) else { throw bad(tr("an amount")) }
      return .money(m)
    case .percent:
      if text.hasSuffix("%") {
        guard let d = Dec(parsing: String(text.dropLast())),
          let f = try? d.divided(by: Dec(100), scale: d.scale + 2)
        else { throw bad(tr("a percentage")) }
        return .percent(f)
      }
      guard let d = Dec(parsing: text) else { throw bad(tr("a percentage")) }
      return .percent(d)
    case .decimal:
      guard Money.separatorsWellPlaced(Substring(text)), let d = Dec(parsing: text.filter { $0 != "," })
      else {
        throw bad(tr("a number"))
      }
      return .decimal(d)
    case .date:
      guard let d = Day(parsing: text) else { throw bad(tr("a date (YYYY-MM-DD)")) }
      return .date(d)
    case .duration:
      let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
      guard let n = Int32(digits) else { throw bad(tr("a number of days")) }
      return .duration(n)
    case .bool:
      switch text.lowercased() {
      case "yes", "true", "1": return .bool(true)
      case "no", "false", "0": return .bool(false)
      default: throw bad(tr("yes or no"))
      }
    case .timestamp, .null:
      throw ShellError(tr("`{0}` is set by kehu, not by hand", column.name))
    }
  }

  /// Refuses what the model forbids beyond the type (see `Catalog.rangeProblem` and
  /// `Catalog.hiddenCharacter`), the same for a command, an `update` and an imported row.
  static func check(_ v: Value, table: String, column: String) throws(ShellError) {
    switch Catalog.rangeProblem(v, table: table, column: column) {
    case .negative?:
      throw ShellError(tr("`{0}` cannot be negative, not `{1}`", column, v.plainText))
    case .notPositive?:
      throw ShellError(tr("`{0}` must be more than zero, not `{1}`", column, v.plainText))
    case nil: break
    }
    if case .text(let s) = v, let (u, at) = Catalog.hiddenCharacter(in: s, name: Catalog.isName(column)) {
      let hex = String(u.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      throw ShellError(
        tr("`{0}` holds the invisible or control character {1} at character {2}", column, code, at))
    }
  }

  /// The `key=value` words of a command as cells of `table`. `settable` limits the fields.
  static func cells(
    _ words: [Word], table: TableDef, settable: (ColumnDef) -> Bool
  ) throws(ShellError) -> [String: Value] {
    var out: [String: Value] = [:]
    let fields = table.columns.filter(settable)
    for w in words {
      guard case .pair(let key, let value, _) = w.kind else {
        throw ShellError(
          tr("expected field=value, found `{0}`", w.plain ?? ""), at: w,
          hint: tr("fields: {0}", fields.map(\.name).joined(separator: " ")))
      }
      guard let column = fields.first(where: { $0.name == key }) else {
        var msg = tr("no field `{0}` in {1}", key, table.name)
        if let near = nearest(key, in: fields.map(\.name)) { msg += tr("; did you mean `{0}`?", near) }
        throw ShellError(msg, at: w, hint: tr("fields: {0}", fields.map(\.name).joined(separator: " ")))
      }
      if out[key] != nil { throw ShellError(tr("`{0}` is given twice", key), at: w) }
      do {
        let v = try parse(value, for: column)
        try check(v, table: table.name, column: column.name)
        out[key] = v
      } catch {
        throw ShellError(error.message, at: w)
      }
    }
    return out
  }
}
