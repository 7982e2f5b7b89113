import KehuStore

/// The language's own scalar functions (items 4 and 5 of the query language issue).
enum Builtins {
  typealias R = Result<ValueType, FunctionTypeError>

  static func fixed(_ name: String, _ params: [ValueType], _ result: ValueType, sig: String)
    -> @Sendable (
      [ValueType]
    ) -> R
  {
    { args in
      guard args.count == params.count else {
        return .failure(FunctionTypeError("\(name) takes \(params.count) argument(s): \(sig)"))
      }
      for (i, (a, p)) in zip(args, params).enumerated() where a != p && a != .null {
        return .failure(
          FunctionTypeError(
            "argument \(i + 1) of \(name) must be \(p.rawValue), not \(a.rawValue): \(sig)", argument: i))
      }
      return .success(result)
    }
  }

  static var all: [QueryFunction] {
    [
      QueryFunction(
        name: "contains", signature: "contains(s, t)", help: "true when text s contains t",
        resultType: fixed("contains", [.text, .text], .bool, sig: "contains(s, t)"),
        body: { a, _ in .bool(textContains(a[0].textValue ?? "", a[1].textValue ?? "")) }),
      QueryFunction(
        name: "starts_with", signature: "starts_with(s, t)", help: "true when text s starts with t",
        resultType: fixed("starts_with", [.text, .text], .bool, sig: "starts_with(s, t)"),
        body: { a, _ in
          .bool((a[0].textValue ?? "").unicodeScalars.starts(with: (a[1].textValue ?? "").unicodeScalars))
        }),
      QueryFunction(
        name: "round", signature: "round(x, n)",
        help: "x rounded half away from zero to n digits after the point (n < 0: to tens, hundreds…)",
        resultType: { t in
          guard t.count == 2 else {
            return .failure(FunctionTypeError("round takes 2 arguments: round(x, n)"))
          }
          guard t[0].isNumeric || t[0] == .null else {
            return .failure(FunctionTypeError("round needs a number, not \(t[0].rawValue)", argument: 0))
          }
          guard t[1] == .int || t[1] == .null else {
            return .failure(
              FunctionTypeError("the digits of round must be an integer, not \(t[1].rawValue)", argument: 1))
          }
          return .success(t[0])
        },
        body: { a, _ in try round(a[0], a[1]) }),
      QueryFunction(
        name: "abs", signature: "abs(x)", help: "the absolute value of x",
        resultType: { t in
          guard t.count == 1 else { return .failure(FunctionTypeError("abs takes 1 argument: abs(x)")) }
          guard t[0].isNumeric || t[0] == .duration || t[0] == .null else {
            return .failure(FunctionTypeError("abs needs a number, not \(t[0].rawValue)", argument: 0))
          }
          return .success(t[0])
        },
        body: { a, _ in
          Value.compare(a[0], .int(0)) < 0 ? try Arithmetic.negate(a[0]) : a[0]
        }),
      QueryFunction(
        name: "add_months", signature: "add_months(date, n)",
        help: "the date n calendar months later, clamped to the month's end (Jan 31 + 1 = Feb 28/29)",
        resultType: fixed("add_months", [.date, .int], .date, sig: "add_months(date, n)"),
        body: { a, _ in
          guard case .date(let d) = a[0], case .int(let n) = a[1] else { return .null }
          // Day.adding(months:) keeps the date when the target leaves years 1…9999.
          let target = d.year * 12 + d.month - 1 + Int(clamping: n)
          guard abs(n) <= 120_000, target >= 12, target < 10_000 * 12 else { throw ArithmeticError.overflow }
          return .date(d.adding(months: Int(n)))
        }),
      QueryFunction(
        name: "today", signature: "today()", help: "the session's date",
        resultType: fixed("today", [], .date, sig: "today()"), body: { _, c in .date(c.today) }),
      QueryFunction(
        name: "year", signature: "year(d)", help: "the year of a date, as an integer",
        resultType: fixed("year", [.date], .int, sig: "year(d)"),
        body: { a, _ in
          guard case .date(let d) = a[0] else { return .null }
          return .int(Int64(d.year))
        }),
      QueryFunction(
        name: "month", signature: "month(d)", help: "the month of a date as a period `YYYY-MM`",
        resultType: fixed("month", [.date], .text, sig: "month(d)"),
        body: { a, _ in
          guard case .date(let d) = a[0] else { return .null }
          return .text(d.period)
        }),
      QueryFunction(
        name: "days_between", signature: "days_between(a, b)", help: "days from date a to date b (b − a)",
        resultType: fixed("days_between", [.date, .date], .int, sig: "days_between(a, b)"),
        body: { a, _ in
          guard case .date(let x) = a[0], case .date(let y) = a[1] else { return .null }
          return .int(Int64(y.number) - Int64(x.number))
        }),
    ]
  }

  /// Substring search by code point, so it agrees with sorting and with sqlite3's instr.
  static func textContains(_ s: String, _ t: String) -> Bool {
    let hay = Array(s.unicodeScalars)
    let needle = Array(t.unicodeScalars)
    if needle.isEmpty { return true }
    if needle.count > hay.count { return false }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
      if Array(hay[i..<(i + needle.count)]) == needle { return true }
    }
    return false
  }

  /// Half away from zero. Negative `n` rounds to tens, hundreds…
  static func round(_ x: Value, _ n: Value) throws -> Value {
    guard case .int(let digits64) = n else { return .null }
    guard digits64 >= -18 && digits64 <= 18 else { throw ArithmeticError.overflow }
    let digits = Int(digits64)
    func roundDec(_ d: Dec, _ k: Int) throws -> Dec {
      if k >= 0 { return d.rounded(to: k) }
      let unit = Dec(mantissa: 1, scale: 0)
      let factor = try unit.multiplied(by: Dec(Int64(pow10(-k))))
      let q = try d.divided(by: factor, scale: d.scale - k).rounded(to: 0)
      return try q.multiplied(by: factor)
    }
    switch x {
    case .int(let i):
      if digits >= 0 { return x }
      let r = try roundDec(Dec(i), digits)
      guard let v = r.exactInt else { throw ArithmeticError.overflow }
      return .int(v)
    case .decimal(let d): return .decimal(try roundDec(d, digits))
    case .percent(let d): return .percent(try roundDec(d, digits))
    case .money(let m): return .money(try roundDec(m.decimal, min(digits, 2)).toMoney())
    default: return .null
    }
  }

  static func pow10(_ n: Int) -> Int64 {
    var p: Int64 = 1
    for _ in 0..<n { p *= 10 }
    return p
  }
}
