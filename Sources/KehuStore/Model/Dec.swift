/// An exact decimal number: mantissa × 10^-scale. Used for rates, ratios and every
/// computed figure that is not plain money. Arithmetic is checked; division rounds
/// half away from zero (四舍五入) at a stated scale.
public struct Dec: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var mantissa: Int128
  public var scale: Int

  /// Digits kept after the point by division when no other scale is asked for.
  public static let divisionScale = 10
  /// Largest scale ever kept; products beyond it are rounded back to it.
  public static let maxScale = 18

  public init(mantissa: Int128, scale: Int) {
    self.mantissa = mantissa
    self.scale = scale
  }

  public init(_ int: Int64) { self.init(mantissa: Int128(int), scale: 0) }
  public init(_ int: Int) { self.init(mantissa: Int128(int), scale: 0) }

  public static let zero = Dec(0)
  public static let one = Dec(1)

  static let powers: [Int128] = {
    var p: [Int128] = [1]
    for _ in 1...38 { p.append(p.last! * 10) }
    return p
  }()

  static func pow10(_ n: Int) -> Int128 { powers[n] }

  /// Parses `12`, `-3.50`, `0.3`; no exponent, no separators.
  public init?(parsing text: Substring) {
    var s = text
    var neg = false
    if s.first == "-" {
      neg = true
      s = s.dropFirst()
    } else if s.first == "+" {
      s = s.dropFirst()
    }
    guard !s.isEmpty else { return nil }
    var m: Int128 = 0
    var sc = 0
    var seenPoint = false
    var digits = 0
    for ch in s.utf8 {
      if ch == UInt8(ascii: ".") {
        if seenPoint { return nil }
        seenPoint = true
        continue
      }
      guard ch >= 48 && ch <= 57 else { return nil }
      digits += 1
      guard digits <= 36 else { return nil }
      m = m * 10 + Int128(ch - 48)
      if seenPoint { sc += 1 }
    }
    guard digits > 0, sc <= Dec.maxScale else { return nil }
    self.init(mantissa: neg ? -m : m, scale: sc)
  }

  public init?(parsing text: String) { self.init(parsing: Substring(text)) }

  /// The same value at another scale; nil if that loses digits or overflows.
  public func rescaled(to s: Int) -> Dec? {
    if s == scale { return self }
    if s > scale {
      let (v, o) = mantissa.multipliedReportingOverflow(by: Dec.pow10(s - scale))
      return o ? nil : Dec(mantissa: v, scale: s)
    }
    let f = Dec.pow10(scale - s)
    return mantissa % f == 0 ? Dec(mantissa: mantissa / f, scale: s) : nil
  }

  /// Rounds half away from zero to `s` digits after the point.
  public func rounded(to s: Int) -> Dec {
    if s >= scale { return rescaled(to: s) ?? self }
    let f = Dec.pow10(scale - s)
    let q = mantissa / f
    let r = mantissa % f
    let twice = r.magnitude * 2
    var v = q
    if twice >= f.magnitude { v += mantissa < 0 ? -1 : 1 }
    return Dec(mantissa: v, scale: s)
  }

  /// Drops trailing zeros after the point.
  public var normalized: Dec {
    var m = mantissa
    var s = scale
    while s > 0 && m % 10 == 0 {
      m /= 10
      s -= 1
    }
    return Dec(mantissa: m, scale: s)
  }

  static func align(_ a: Dec, _ b: Dec) throws -> (Int128, Int128, Int) {
    let s = max(a.scale, b.scale)
    guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else {
      throw ArithmeticError.overflow
    }
    return (x.mantissa, y.mantissa, s)
  }

  public func adding(_ o: Dec) throws -> Dec {
    let (x, y, s) = try Dec.align(self, o)
    let (v, of) = x.addingReportingOverflow(y)
    if of { throw ArithmeticError.overflow }
    return Dec(mantissa: v, scale: s)
  }

  public func subtracting(_ o: Dec) throws -> Dec {
    let (x, y, s) = try Dec.align(self, o)
    let (v, of) = x.subtractingReportingOverflow(y)
    if of { throw ArithmeticError.overflow }
    return Dec(mantissa: v, scale: s)
  }

  public func multiplied(by o: Dec) throws -> Dec {
    let (v, of) = mantissa.multipliedReportingOverflow(by: o.mantissa)
    if of { throw ArithmeticError.overflow }
    let r = Dec(mantissa: v, scale: scale + o.scale)
    return r.scale > Dec.maxScale ? r.rounded(to: Dec.maxScale) : r
  }

  /// self ÷ o, rounded half away from zero to `digits` after the point.
  public func divided(by o: Dec, scale digits: Int = Dec.divisionScale) throws -> Dec {
    guard o.mantissa != 0 else { throw ArithmeticError.divisionByZero }
    // (a/10^sa) / (b/10^sb) = a·10^(digits+1+sb-sa) / b / 10^(digits+1); the extra digit rounds.
    let shift = digits + 1 + o.scale - scale
    var num = mantissa
    var den = o.mantissa
    if shift >= 0 {
      let (v, of) = num.multipliedReportingOverflow(by: Dec.pow10(shift))
      if of { throw ArithmeticError.overflow }
      num = v
    } else {
      let (v, of) = den.multipliedReportingOverflow(by: Dec.pow10(-shift))
      if of { throw ArithmeticError.overflow }
      den = v
    }
    let q = num / den
    return Dec(mantissa: q, scale: digits + 1).rounded(to: digits)
  }

  public func negated() -> Dec { Dec(mantissa: -mantissa, scale: scale) }
  public var isNegative: Bool { mantissa < 0 }
  public var isZero: Bool { mantissa == 0 }
  public var abs: Dec { Dec(mantissa: mantissa < 0 ? -mantissa : mantissa, scale: scale) }

  /// The whole part when the value is integral and fits.
  public var exactInt: Int64? {
    guard let r = rescaled(to: 0) else { return nil }
    return Int64(exactly: r.mantissa)
  }

  /// Money, rounded half away from zero to the fen.
  public func toMoney() throws -> Money {
    let r = rounded(to: 2)
    guard let f = Int64(exactly: r.mantissa) else { throw ArithmeticError.overflow }
    return Money(fen: f)
  }

  public static func < (a: Dec, b: Dec) -> Bool {
    if let (x, y, _) = try? align(a, b) { return x < y }
    // Alignment overflowed: compare by sign, then by the integer parts.
    return (a.mantissa / pow10(a.scale), a.mantissa) < (b.mantissa / pow10(b.scale), b.mantissa)
  }

  public static func == (a: Dec, b: Dec) -> Bool {
    if let (x, y, _) = try? align(a, b) { return x == y }
    return false
  }

  public func hash(into h: inout Hasher) {
    let n = normalized
    h.combine(n.mantissa)
    h.combine(n.scale)
  }

  /// Plain text with exactly `scale` digits after the point: `-3.50`.
  public var description: String {
    let neg = mantissa < 0
    var digits = String(mantissa.magnitude)
    if scale > 0 {
      if digits.count <= scale {
        digits = String(repeating: "0", count: scale - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
    }
    return (neg ? "-" : "") + digits
  }

  /// Text with a fixed number of decimals, rounded.
  public func formatted(decimals: Int, separators: Bool = false) -> String {
    let r = rounded(to: decimals)
    let s = (r.rescaled(to: decimals) ?? r).description
    guard separators else { return s }
    var (sign, body) = s.hasPrefix("-") ? ("-", Substring(s.dropFirst())) : ("", Substring(s))
    let point = body.firstIndex(of: ".") ?? body.endIndex
    let whole = body[..<point]
    let frac = body[point...]
    var out = ""
    for (i, ch) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    body = Substring(out + frac)
    if r.isZero { sign = "" }
    return sign + body
  }
}
