/// What the chapter's model allows in a cell beyond its type: amounts and counts that
/// cannot be below zero, and names that must read the same to every eye.
///
/// These are checked where values come in (commands, `update`, imports), never on replay,
/// so a store written before a rule was added still opens.
extension Catalog {
  /// `table.column` that must be zero or more: a limit, an income, a balance sheet's assets.
  public static let nonNegative: Set<String> = [
    "customers.credit_limit", "customers.income", "customers.age", "customers.daily_sales",
    "customers.purchases", "customers.supply_share", "customers.suppliers",
    "customers.current_assets", "customers.current_liabilities", "customers.assets",
    "customers.liabilities", "customers.annual_sales", "products.price", "products.cost",
    "complaint_claims.claimed", "complaint_claims.recovered",
  ]

  /// `table.column` that must be more than zero: the amounts of invoices, payments and notes
  /// (`invoice add amount=-100` is refused, and so is the same row in an imported file).
  public static let positive: Set<String> = [
    "invoices.amount", "payments.amount", "notes.amount", "promises.amount",
  ]

  /// Why `v` is not allowed in `table.column`, or nil. The reason is English; the shell
  /// translates it.
  public static func rangeProblem(_ v: Value, table: String, column: String) -> RangeProblem? {
    let key = table + "." + column
    let sign: Int
    switch v {
    case .money(let m): sign = Int(m.fen.signum())
    case .int(let i): sign = Int(i.signum())
    case .decimal(let d), .percent(let d): sign = Int(d.mantissa.signum())
    case .duration(let n): sign = Int(n.signum())
    default: return nil
    }
    if positive.contains(key) && sign <= 0 { return .notPositive }
    if nonNegative.contains(key) && sign < 0 { return .negative }
    return nil
  }

  public enum RangeProblem: Sendable, Equatable {
    case negative, notPositive
  }

  /// Whether `column` holds a name people search and compare (`name`, `org_name`): such text
  /// must not hide characters, so look-alike names cannot be made.
  public static func isName(_ column: String) -> Bool { column == "name" || column.hasSuffix("_name") }

  /// The first character that is not allowed in a text cell, with its position (1-based,
  /// in characters), or nil. Control characters (NUL, ESC, …) and the bidirectional
  /// overrides and isolates (which make `evil` display as `live`) are refused in every text;
  /// a name also refuses TAB and line breaks and the invisible zero-width characters.
  public static func hiddenCharacter(in s: String, name: Bool) -> (scalar: Unicode.Scalar, position: Int)? {
    var position = 0
    for ch in s {
      position += 1
      for u in ch.unicodeScalars where hidden(u, name: name) { return (u, position) }
    }
    return nil
  }

  static func hidden(_ u: Unicode.Scalar, name: Bool) -> Bool {
    switch u.value {
    case 0x09, 0x0A, 0x0D: return name
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    case 0x200B...0x200F, 0x2060, 0xFEFF: return name
    default: return false
    }
  }
}

extension Money {
  /// True when the `,` separators in a number stand every three digits before the point
  /// (`1,234,567.50`), or there are none. `1,23,4.5` would otherwise read as 1,234.50.
  public static func separatorsWellPlaced(_ text: Substring) -> Bool {
    guard text.contains(",") else { return true }
    let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    if text.drop(while: { $0 != "." }).contains(",") { return false }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    guard let first = groups.first, (1...3).contains(first.filter(\.isNumber).count) else { return false }
    return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
  }
}
