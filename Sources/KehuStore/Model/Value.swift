/// The type of a column or an expression.
public enum ValueType: String, Hashable, Sendable, CaseIterable {
  case bool, int, decimal, money, percent, text, date, duration, timestamp
  /// The type of a bare `null` before anything gives it a type.
  case null

  public var isNumeric: Bool { [.int, .decimal, .money, .percent].contains(self) }
}

/// One cell of a result or one argument: typed, exact, possibly null.
public enum Value: Hashable, Sendable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int64)
  case decimal(Dec)
  case money(Money)
  /// A rate: 0.30 is shown as 30%.
  case percent(Dec)
  case text(String)
  case date(Day)
  /// A whole number of days.
  case duration(Int32)
  case timestamp(Timestamp)

  public var type: ValueType {
    switch self {
    case .null: return .null
    case .bool: return .bool
    case .int: return .int
    case .decimal: return .decimal
    case .money: return .money
    case .percent: return .percent
    case .text: return .text
    case .date: return .date
    case .duration: return .duration
    case .timestamp: return .timestamp
    }
  }

  public var isNull: Bool { if case .null = self { return true } else { return false } }

  /// The exact numeric value of a number of any kind (money as yuan, percent as a fraction).
  public var decimalValue: Dec? {
    switch self {
    case .int(let i): return Dec(i)
    case .decimal(let d), .percent(let d): return d
    case .money(let m): return m.decimal
    case .duration(let d): return Dec(Int64(d))
    default: return nil
    }
  }

  public var textValue: String? { if case .text(let s) = self { return s } else { return nil } }

  /// Plain text with no separators or colour: what CSV writes and messages quote.
  public var plainText: String {
    switch self {
    case .null: return ""
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .decimal(let d): return d.description
    case .money(let m): return m.plain
    case .percent(let d): return Value.percentText(d)
    case .text(let s): return s
    case .date(let d): return d.description
    case .duration(let n): return "\(n)d"
    case .timestamp(let t): return t.description
    }
  }

  public var description: String { plainText }

  /// 0.3 → `30%`, 0.12345 → `12.345%`.
  public static func percentText(_ d: Dec) -> String {
    let hundred = (try? d.multiplied(by: Dec(100))) ?? d
    return hundred.normalized.description + "%"
  }

  /// Total order used by sort: nulls first, then by value; text by Unicode code point,
  /// and equal when Swift's `==` says so (canonically equivalent spellings), whichever
  /// side is which.
  public static func compare(_ a: Value, _ b: Value) -> Int {
    switch (a, b) {
    case (.null, .null): return 0
    case (.null, _): return -1
    case (_, .null): return 1
    case (.text(let x), .text(let y)):
      if x == y { return 0 }
      return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
    case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.timestamp(let x), .timestamp(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.money(let x), .money(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    default:
      if let x = a.decimalValue, let y = b.decimalValue { return x < y ? -1 : (x == y ? 0 : 1) }
      return a.type.rawValue < b.type.rawValue ? -1 : 1
    }
  }
}

/// A named, typed column of a result.
public struct ResultColumn: Hashable, Sendable {
  public var name: String
  public var type: ValueType
  /// Holds customer keys (`CustomerCode`): a query reads a code written against it as the
  /// key and orders it naturally. Metadata only: two columns equal by name and type.
  public var isCustomerCode = false
  public init(_ name: String, _ type: ValueType) {
    self.name = name
    self.type = type
  }
  public init(_ def: ColumnDef) {
    self.init(def.name, def.type)
    isCustomerCode = def.isCustomerCode
  }

  public static func == (a: ResultColumn, b: ResultColumn) -> Bool { a.name == b.name && a.type == b.type }
  public func hash(into h: inout Hasher) {
    h.combine(name)
    h.combine(type)
  }
}
