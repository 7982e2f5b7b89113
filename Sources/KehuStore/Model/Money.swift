/// Errors of exact arithmetic: never a wrong number, always one of these.
public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
  case overflow
  case divisionByZero

  public var description: String {
    switch self {
    case .overflow: return "number too large (overflow)"
    case .divisionByZero: return "division by zero"
    }
  }
}

/// Money in exact integer minor units (fen, 0.01 yuan). Never binary floating point.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var fen: Int64

  public init(fen: Int64) { self.fen = fen }
  public init(yuan: Int64) throws {
    let (v, o) = yuan.multipliedReportingOverflow(by: 100)
    if o { throw ArithmeticError.overflow }
    fen = v
  }

  public static let zero = Money(fen: 0)
  public static let max = Money(fen: Int64.max)
  public static let min = Money(fen: Int64.min + 1)

  public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

  public func adding(_ other: Money) throws -> Money {
    let (v, o) = fen.addingReportingOverflow(other.fen)
    if o { throw ArithmeticError.overflow }
    return Money(fen: v)
  }

  public func subtracting(_ other: Money) throws -> Money {
    let (v, o) = fen.subtractingReportingOverflow(other.fen)
    if o { throw ArithmeticError.overflow }
    return Money(fen: v)
  }

  /// Exact value as a decimal of scale 2.
  public var decimal: Dec { Dec(mantissa: Int128(fen), scale: 2) }

  /// Parses `1234.5`, `1,234.56`, `¥1,234`, `-12.30`, `￥5`. More than two decimals is an error.
  public init?(parsing raw: Substring) {
    var text = raw.trimmingSpaces
    var negative = false
    if text.hasPrefix("-") {
      negative = true
      text = text.dropFirst()
    }
    if text.hasPrefix("¥") || text.hasPrefix("￥") { text = text.dropFirst() }
    if !negative && text.hasPrefix("-") {
      negative = true
      text = text.dropFirst()
    }
    // A second sign is an error: `--1` once read as 1.00 (the decimal parser took the second).
    guard let first = text.first, first.isASCII && (first.isNumber || first == ".") else { return nil }
    guard Money.separatorsWellPlaced(text) else { return nil }
    let cleaned = text.filter { $0 != "," && $0 != "_" }
    guard let d = Dec(parsing: Substring(cleaned)), d.scale <= 2 else { return nil }
    guard let m = d.rescaled(to: 2), let f = Int64(exactly: m.mantissa) else { return nil }
    fen = negative ? -f : f
  }

  public init?(parsing text: String) { self.init(parsing: Substring(text)) }

  /// `1234567.5` → `1,234,567.50`.
  public var formatted: String { Money.group(fen, separators: true) }
  /// `1234567.50` without separators (CSV, JSON).
  public var plain: String { Money.group(fen, separators: false) }
  public var description: String { formatted }

  static func group(_ fen: Int64, separators: Bool) -> String {
    // Built as ASCII bytes: tables print a million of these.
    var digits: [UInt8] = []
    var mag = fen.magnitude
    let cents = mag % 100
    mag /= 100
    var whole: [UInt8] = []
    repeat {
      whole.append(UInt8(48 + mag % 10))
      mag /= 10
    } while mag > 0
    digits.reserveCapacity(whole.count * 4 / 3 + 5)
    if fen < 0 { digits.append(UInt8(ascii: "-")) }
    for i in stride(from: whole.count - 1, through: 0, by: -1) {
      digits.append(whole[i])
      if separators && i > 0 && i % 3 == 0 { digits.append(UInt8(ascii: ",")) }
    }
    digits.append(UInt8(ascii: "."))
    digits.append(UInt8(48 + cents / 10))
    digits.append(UInt8(48 + cents % 10))
    return String(decoding: digits, as: UTF8.self)
  }
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    // An index scan: `dropLast()` measures the whole substring each time (quadratic).
    guard let last = s.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return s[s.endIndex...] }
    return s[...last]
  }
}
