import KehuStore

/// A calculation callable from the query language. The shell wraps each in a KehuQuery
/// function (KehuQuery never imports this module); a null argument gives null.
public struct DomainFunction: Sendable {
  public var name: String
  /// As help shows it; optional arguments in brackets.
  public var signature: String
  public var help: String
  public var arity: ClosedRange<Int>
  public var result: ValueType
  /// Arguments checked for count and nulls by `call`; the second parameter is the session's
  /// `set year` convention, used when the call gives no year.
  var body: @Sendable ([Value], DayCountConvention) throws(DomainError) -> Value

  /// Evaluates the function; null when any argument is null.
  public func call(_ args: [Value], year: DayCountConvention = .standard) throws(DomainError) -> Value {
    guard arity.contains(args.count) else {
      throw .invalidFigure(
        name: name, value: "\(args.count) argument(s)",
        expected:
          "takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"): \(signature)"
      )
    }
    if args.contains(where: \.isNull) { return .null }
    return try body(args, year)
  }
}

public enum DomainFunctions {
  public static let all: [DomainFunction] = [
    DomainFunction(
      name: "limit_sales", signature: "limit_sales(purchases, share, period[, unit, year])",
      help:
        "§3.3 (1) credit limit by the sales method; the period is in days with annual purchases (60 or 60d), as `credit limit sales` reads period=; unit month takes monthly purchases; year 360|365 defaults to `set year`",
      arity: 3...5, result: .money,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        let period = a[2]
        // Days by default, as the command's `period=` (issue 14): one unit for both.
        var unit: PurchasePeriodUnit = .day
        var days: Dec
        if case .duration(let d) = period {
          unit = .day
          days = Dec(Int64(d))
        } else {
          days = try number(period, "period")
        }
        if a.count > 3 {
          guard let t = a[3].textValue, let u = PurchasePeriodUnit(rawValue: t) else {
            throw .invalidFigure(name: "unit", value: a[3].plainText, expected: "month or day")
          }
          if case .duration = period, u == .month {
            throw .invalidFigure(
              name: "unit", value: "month", expected: "a period in days (\(period.plainText)) needs unit day")
          }
          unit = u
        }
        let year = a.count > 4 ? try convention(a[4]) : y
        return .money(
          try salesMethodLimit(
            purchases: try money(a[0], "purchases"), share: try rate(a[1], "share"), period: days, unit: unit,
            year: year
          ).limit)
      }),
    DomainFunction(
      name: "limit_working_capital", signature: "limit_working_capital(working_capital, suppliers)",
      help: "§3.3 (2) working capital ÷ number of suppliers", arity: 2...2, result: .money,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        .money(
          try workingCapitalLimit(
            workingCapital: try money(a[0], "working_capital"), suppliers: try count(a[1], "suppliers")
          ).limit)
      }),
    DomainFunction(
      name: "current_ratio", signature: "current_ratio(current_assets, current_liabilities)",
      help: "§3.3 (3) current assets ÷ current liabilities, as a percentage", arity: 2...2, result: .percent,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        .percent(
          percentShown(
            try currentRatio(
              currentAssets: try money(a[0], "current_assets"),
              currentLiabilities: try money(a[1], "current_liabilities"))))
      }),
    DomainFunction(
      name: "limit_current_ratio",
      signature: "limit_current_ratio(current_assets, current_liabilities, standard[, usual, cap])",
      help:
        "§3.3 (3) standard × current ratio ÷ usual ratio (default 2.0), capped at cap (default 2) × standard",
      arity: 3...5, result: .money,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        var rule = CurrentRatioRule(standard: try money(a[2], "standard"))
        if a.count > 3 { rule.usual = try number(a[3], "usual") }
        if a.count > 4 { rule.cap = try number(a[4], "cap") }
        return .money(
          try currentRatioLimit(
            currentAssets: try money(a[0], "current_assets"),
            currentLiabilities: try money(a[1], "current_liabilities"),
            rule: rule
          ).limit)
      }),
    DomainFunction(
      name: "limit_net_assets", signature: "limit_net_assets(assets, liabilities, suppliers)",
      help:
        "§3.3 (4) (assets − liabilities) ÷ number of suppliers; an error when net assets are not positive",
      arity: 3...3, result: .money,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        .money(
          try netAssetLimit(
            assets: try money(a[0], "assets"), liabilities: try money(a[1], "liabilities"),
            suppliers: try count(a[2], "suppliers")
          ).limit)
      }),
    DomainFunction(
      name: "discount_cost", signature: "discount_cost(terms[, year])",
      help:
        "annual cost of forgoing a cash discount, d ÷ (1 − d) × year ÷ (N − D), e.g. discount_cost(\"2/10 n/30\")",
      arity: 1...2, result: .percent,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        guard let t = a[0].textValue else {
          throw .invalidFigure(name: "terms", value: a[0].plainText, expected: "text such as '2/10 n/30'")
        }
        let w = try discountCost(
          try CashDiscountTerms(parsing: t), year: a.count > 1 ? try convention(a[1]) : y)
        return w.result.value
      }),
    DomainFunction(
      name: "dso", signature: "dso(receivables, credit_sales, days)",
      help: "days sales outstanding = receivables ÷ credit sales × days in the period", arity: 3...3,
      result: .decimal,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        try dso(
          receivables: try money(a[0], "receivables"), creditSales: try money(a[1], "credit_sales"),
          periodDays: try count(a[2], "days")
        ).result.value
      }),
    DomainFunction(
      name: "late_interest", signature: "late_interest(outstanding, rate, days_overdue[, year])",
      help: "outstanding × annual rate × days overdue ÷ year", arity: 3...4, result: .money,
      body: { (a: [Value], y: DayCountConvention) throws(DomainError) -> Value in
        let year = a.count > 3 ? try convention(a[3]) : y
        let days = try count(a[2], "days_overdue", allowZero: true)
        let item = OpenItem(ref: "", due: Day(number: 0), balance: try money(a[0], "outstanding"))
        return try lateInterest(
          [item], annualRate: try rate(a[1], "rate", capped: false), asof: Day(number: Int32(days)),
          year: year
        )
        .result.value
      }),
  ]

  public static func named(_ name: String) -> DomainFunction? { all.first { $0.name == name } }

  static func money(_ v: Value, _ name: String) throws(DomainError) -> Money {
    switch v {
    case .money(let m): return m
    case .int, .decimal:
      if let d = v.decimalValue, let m = try? d.toMoney() { return m }
    default: break
    }
    throw .invalidFigure(name: name, value: v.plainText, expected: "an amount")
  }

  static func number(_ v: Value, _ name: String) throws(DomainError) -> Dec {
    switch v {
    case .int, .decimal, .percent: return v.decimalValue!
    default: throw .invalidFigure(name: name, value: v.plainText, expected: "a number")
    }
  }

  /// A rate: 25% or 0.25.
  static func rate(_ v: Value, _ name: String, capped: Bool = true) throws(DomainError) -> Dec {
    let d = try number(v, name)
    if capped { try requireRate(d, name) } else { try requireNonNegative(d, name) }
    return d
  }

  static func count(_ v: Value, _ name: String, allowZero: Bool = false) throws(DomainError) -> Int {
    let n: Int64?
    switch v {
    case .int(let i): n = i
    case .decimal(let d): n = d.exactInt
    case .duration(let d): n = Int64(d)
    default: n = nil
    }
    guard let n, let i = Int(exactly: n) else {
      throw .invalidFigure(name: name, value: v.plainText, expected: "a whole number")
    }
    if name == "suppliers" { return i }  // the method says why zero is wrong
    if i < (allowZero ? 0 : 1) {
      throw .invalidFigure(
        name: name, value: v.plainText, expected: allowZero ? "must not be negative" : "must be at least 1")
    }
    return i
  }

  static func convention(_ v: Value) throws(DomainError) -> DayCountConvention {
    if let n = v.decimalValue?.exactInt, let c = DayCountConvention(rawValue: Int(n)) { return c }
    if let t = v.textValue, let c = DayCountConvention(parsing: t) { return c }
    throw .invalidFigure(name: "year", value: v.plainText, expected: "360 or 365")
  }
}
