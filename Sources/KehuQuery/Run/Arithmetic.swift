import KehuStore

/// The type rules and exact arithmetic of expressions.
///
/// Division: a decimal quotient keeps 10 digits after the point (`Dec.divisionScale`),
/// rounded half away from zero; `int / int` is such a decimal (`7 / 2` is 3.5); money ÷
/// a number is money rounded half away from zero to the fen; money ÷ money is a decimal.
/// Money × a decimal or a percentage is rounded the same way to the fen. Every operation
/// checks for overflow and reports it as an error, never a wrong number.
/// Null: arithmetic with null gives null.
enum TypeRules {
  static func plainNumber(_ t: ValueType) -> Bool { t == .int || t == .decimal }

  /// The result type of `l op r` for arithmetic, nil when the types do not combine.
  static func arithmetic(_ op: BinaryOp, _ l: ValueType, _ r: ValueType) -> ValueType? {
    if l == .null { return r == .null ? .null : (arithmetic(op, r, r) != nil ? r : nil) }
    if r == .null { return arithmetic(op, l, l) != nil ? l : nil }
    switch op {
    case .add, .sub:
      switch (l, r) {
      case (.int, .int): return .int
      case _ where plainNumber(l) && plainNumber(r): return .decimal
      case (.percent, .percent): return .percent
      case (.percent, _) where plainNumber(r), (_, .percent) where plainNumber(l): return .decimal
      case (.money, .money): return .money
      case (.money, _) where plainNumber(r), (_, .money) where plainNumber(l): return .money
      case (.date, .duration): return .date
      case (.duration, .date) where op == .add: return .date
      case (.date, .date) where op == .sub: return .duration
      case (.duration, .duration): return .duration
      default: return nil
      }
    case .mul:
      switch (l, r) {
      case (.int, .int): return .int
      case _ where plainNumber(l) && plainNumber(r): return .decimal
      case (.percent, .percent): return .percent
      case (.percent, _) where plainNumber(r), (_, .percent) where plainNumber(l): return .decimal
      case (.money, _) where plainNumber(r) || r == .percent: return .money
      case (_, .money) where plainNumber(l) || l == .percent: return .money
      case (.duration, .int), (.int, .duration): return .duration
      default: return nil
      }
    case .div:
      let number: Set<ValueType> = [.int, .decimal, .percent]
      switch (l, r) {
      case _ where number.contains(l) && number.contains(r): return .decimal
      case (.money, _) where number.contains(r): return .money
      case (.money, .money), (.duration, .duration): return .decimal
      default: return nil
      }
    default:
      return nil
    }
  }

  /// Types that `==`, `<`, `in`, a join and a sort may put side by side.
  static func family(_ t: ValueType) -> Int {
    switch t {
    case .int, .decimal, .money, .percent: return 1
    case .text: return 2
    case .date: return 3
    case .duration: return 4
    case .bool: return 5
    case .timestamp: return 6
    case .null: return 0
    }
  }

  static func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
    a == .null || b == .null || family(a) == family(b)
  }

  /// The type both of two branches fit (`if`, `coalesce`).
  static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
    if a == b || b == .null { return a }
    if a == .null { return b }
    guard family(a) == 1 && family(b) == 1 else { return nil }
    if a == .money || b == .money { return .money }
    return .decimal
  }
}

enum Arithmetic {
  static func dec(_ v: Value) -> Dec { v.decimalValue ?? .zero }

  static func checked(_ r: (Int64, Bool)) throws(ArithmeticError) -> Int64 {
    if r.1 { throw .overflow }
    return r.0
  }

  static func wrap<T>(_ body: () throws -> T) throws(ArithmeticError) -> T {
    do { return try body() } catch let e as ArithmeticError { throw e } catch { throw .overflow }
  }

  /// `a op b` with `result` the type the checker worked out.
  static func apply(_ op: BinaryOp, _ a: Value, _ b: Value, result: ValueType) throws(ArithmeticError)
    -> Value
  {
    if a.isNull || b.isNull { return .null }
    switch result {
    case .int:
      guard case .int(let x) = a, case .int(let y) = b else { return .null }
      switch op {
      case .add: return .int(try checked(x.addingReportingOverflow(y)))
      case .sub: return .int(try checked(x.subtractingReportingOverflow(y)))
      default: return .int(try checked(x.multipliedReportingOverflow(by: y)))
      }
    case .decimal, .percent:
      let x = dec(a)
      let y = dec(b)
      let r: Dec = try wrap {
        switch op {
        case .add: return try x.adding(y)
        case .sub: return try x.subtracting(y)
        case .mul: return try x.multiplied(by: y)
        // Trailing zeros of a quotient are noise: 7 / 2 is 3.5, not 3.5000000000.
        default: return try x.divided(by: y).normalized
        }
      }
      return result == .percent ? .percent(r) : .decimal(r)
    case .money:
      return .money(try money(op, a, b))
    case .date:
      if case .date(let d) = a, case .duration(let n) = b {
        return .date(try day(Int64(d.number) + (op == .add ? Int64(n) : -Int64(n))))
      }
      if case .duration(let n) = a, case .date(let d) = b {
        return .date(try day(Int64(d.number) + Int64(n)))
      }
      return .null
    case .duration:
      switch (a, b) {
      case (.date(let x), .date(let y)): return .duration(x.number - y.number)
      case (.duration(let x), .duration(let y)):
        return .duration(try days(op == .add ? Int64(x) + Int64(y) : Int64(x) - Int64(y)))
      case (.duration(let x), .int(let y)), (.int(let y), .duration(let x)):
        return .duration(try days(try checked(Int64(x).multipliedReportingOverflow(by: y))))
      default: return .null
      }
    default:
      return .null
    }
  }

  static func day(_ n: Int64) throws(ArithmeticError) -> Day {
    // Keep dates inside years 1…9999, where the calendar code is exact.
    guard n >= -719_162 && n <= 2_932_896 else { throw .overflow }
    return Day(number: Int32(n))
  }

  static func days(_ n: Int64) throws(ArithmeticError) -> Int32 {
    guard let v = Int32(exactly: n) else { throw .overflow }
    return v
  }

  static func money(_ op: BinaryOp, _ a: Value, _ b: Value) throws(ArithmeticError) -> Money {
    switch (op, a, b) {
    case (.add, .money(let x), .money(let y)):
      return Money(fen: try checked(x.fen.addingReportingOverflow(y.fen)))
    case (.sub, .money(let x), .money(let y)):
      return Money(fen: try checked(x.fen.subtractingReportingOverflow(y.fen)))
    case (.mul, .money(let x), .int(let y)), (.mul, .int(let y), .money(let x)):
      return Money(fen: try checked(x.fen.multipliedReportingOverflow(by: y)))
    default:
      // Mixed with a plain number (in yuan) or a rate: exact decimal, then to the fen.
      let x = dec(a)
      let y = dec(b)
      return try wrap {
        switch op {
        case .add: return try x.adding(y).toMoney()
        case .sub: return try x.subtracting(y).toMoney()
        case .mul: return try x.multiplied(by: y).toMoney()
        default: return try x.divided(by: y, scale: 2).toMoney()
        }
      }
    }
  }

  static func negate(_ v: Value) throws(ArithmeticError) -> Value {
    switch v {
    case .int(let i): return .int(try checked((0 as Int64).subtractingReportingOverflow(i)))
    case .decimal(let d): return .decimal(d.negated())
    case .percent(let d): return .percent(d.negated())
    case .money(let m):
      return .money(Money(fen: try checked((0 as Int64).subtractingReportingOverflow(m.fen))))
    case .duration(let d): return .duration(-d)
    default: return .null
    }
  }

  /// Ordering comparisons with null are false; `==` treats null as a value.
  static func compare(_ op: BinaryOp, _ a: Value, _ b: Value) -> Bool {
    switch op {
    case .eq: return Value.compare(a, b) == 0
    case .ne: return Value.compare(a, b) != 0
    default:
      if a.isNull || b.isNull { return false }
      let c = Value.compare(a, b)
      switch op {
      case .lt: return c < 0
      case .le: return c <= 0
      case .gt: return c > 0
      default: return c >= 0
      }
    }
  }
}
