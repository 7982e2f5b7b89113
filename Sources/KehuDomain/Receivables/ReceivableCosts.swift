import KehuStore

/// Days sales outstanding = receivables ÷ credit sales of the period × days in the period.
public func dso(receivables: Money, creditSales: Money, periodDays: Int) throws(DomainError) -> Working {
  try requireNonNegative(receivables, "receivables")
  try requirePositive(creditSales, "credit sales")
  if periodDays < 1 {
    throw .invalidFigure(name: "period", value: "\(periodDays) days", expected: "must be at least 1 day")
  }
  let days = try div(
    try mul(receivables.decimal, Dec(periodDays), "receivables × days"), creditSales.decimal, "DSO", scale: 2)
  return Working(
    title: "Days sales outstanding (DSO)",
    rule: "DSO = receivables ÷ credit sales of the period × days in the period",
    inputs: [
      WorkingLine("receivables", "outstanding at the end of the period", .money(receivables)),
      WorkingLine("credit sales", "invoiced in the period", .money(creditSales)),
      WorkingLine("days in the period", "", .int(Int64(periodDays))),
    ],
    steps: [],
    result: WorkingLine("DSO", "receivables ÷ credit sales × \(periodDays)", .decimal(days)),
    convention: ["days are calendar days of the period; DSO is rounded half away from zero to 0.01 day"])
}

/// The figures of §5's cost of holding receivables.
public struct HoldingCostFigures: Sendable, Equatable {
  public var annualCreditSales: Money
  public var collectionDays: Dec
  public var variableCostRate: Dec
  public var costOfCapital: Dec
  public var badDebtRate: Dec
  public var managementCost: Money
  public var year: DayCountConvention

  public init(
    annualCreditSales: Money, collectionDays: Dec, variableCostRate: Dec, costOfCapital: Dec,
    badDebtRate: Dec = .zero, managementCost: Money = .zero, year: DayCountConvention = .standard
  ) {
    self.annualCreditSales = annualCreditSales
    self.collectionDays = collectionDays
    self.variableCostRate = variableCostRate
    self.costOfCapital = costOfCapital
    self.badDebtRate = badDebtRate
    self.managementCost = managementCost
    self.year = year
  }
}

let lineRounding: Message =
  "each line is rounded half away from zero to the fen, and later lines are worked from the figures as shown"

/// §5 costs of holding receivables (机会成本, 管理成本, 坏账成本), textbook formulas.
public func holdingCost(_ f: HoldingCostFigures) throws(DomainError) -> Working {
  try requireNonNegative(f.annualCreditSales, "sales")
  try requireNonNegative(f.collectionDays, "days")
  try requireRate(f.variableCostRate, "variable")
  try requireRate(f.costOfCapital, "capital")
  try requireRate(f.badDebtRate, "bad_debt")
  try requireNonNegative(f.managementCost, "management")
  let y = f.year.days
  let average = try fen(
    try div(try mul(f.annualCreditSales.decimal, f.collectionDays, "sales × days"), f.year.dec, "average"),
    "average receivables")
  let tied = try fen(try mul(average.decimal, f.variableCostRate, "capital tied up"), "capital tied up")
  let opportunity = try fen(try mul(tied.decimal, f.costOfCapital, "opportunity cost"), "opportunity cost")
  let badDebt = try fen(try mul(f.annualCreditSales.decimal, f.badDebtRate, "bad-debt cost"), "bad-debt cost")
  let total = try sumMoney([opportunity, f.managementCost, badDebt], "total cost")
  return Working(
    title: "Cost of holding receivables (应收账款成本)",
    rule: "§5 with the standard textbook formulas: opportunity cost + management cost + bad-debt cost",
    inputs: [
      WorkingLine("annual credit sales", "年赊销额", .money(f.annualCreditSales)),
      WorkingLine("average collection days", "平均收账天数", .decimal(f.collectionDays.normalized)),
      WorkingLine("variable cost rate", "变动成本率", .percent(f.variableCostRate)),
      WorkingLine("cost of capital", "资金成本率", .percent(f.costOfCapital)),
      WorkingLine("bad-debt rate", "坏账损失率", .percent(f.badDebtRate)),
    ],
    steps: [
      WorkingLine("average receivables", "sales ÷ \(y) × days", .money(average)),
      WorkingLine("capital tied up", "average receivables × variable cost rate", .money(tied)),
      WorkingLine("opportunity cost", "capital tied up × cost of capital (机会成本)", .money(opportunity)),
      WorkingLine("management cost", "given (管理成本)", .money(f.managementCost)),
      WorkingLine("bad-debt cost", "sales × bad-debt rate (坏账成本)", .money(badDebt)),
    ],
    result: WorkingLine("total cost", "opportunity + management + bad-debt", .money(total)),
    convention: [f.year.note, lineRounding])
}

/// Late-payment interest on each overdue item = outstanding × annual rate × days overdue ÷ year.
/// Shown only: it is never added to a balance here.
public func lateInterest(
  _ items: [OpenItem], annualRate: Dec, asof: Day, year: DayCountConvention = .standard
) throws(DomainError) -> Working {
  try requireNonNegative(annualRate, "rate")
  var steps: [WorkingLine] = []
  var lines: [Money] = []
  for it in items {
    let days = daysPastDue(due: it.due, asof: min(it.until ?? asof, asof))
    guard days > 0, it.balance.fen > 0 else { continue }
    let exact = try div(
      try mul(try mul(it.balance.decimal, annualRate, "interest"), Dec(days), "interest"), year.dec,
      "interest")
    let m = try fen(exact, "interest")
    lines.append(m)
    steps.append(
      WorkingLine(
        it.until.map { Message("{0} paid {1}", it.ref, $0) } ?? Message(verbatim: it.ref),
        "\(it.balance) × \(Value.percentText(annualRate)) × \(days) ÷ \(year.days)", .money(m)))
  }
  let total = try sumMoney(lines, "interest")
  return Working(
    title: "Late-payment interest as of \(asof)",
    rule: "interest = outstanding × annual rate × days overdue ÷ days in a year",
    inputs: [
      WorkingLine("annual rate", "", .percent(annualRate)),
      WorkingLine("overdue items", "", .int(Int64(lines.count))),
    ],
    steps: steps,
    result: WorkingLine("interest", "sum of the lines", .money(total)),
    convention: [
      year.note, "days overdue counted from the due date (to the day paid, for amounts paid late)",
      "each line is rounded half away from zero to the fen; not added to any balance",
    ])
}

/// The variable cost rate of the firm's sales lines dated `from` to `to` (both included):
/// their cost ÷ their amount, over the lines whose cost is known, to 0.01%. nil when there is
/// no such line or they sum to no revenue.
public func variableCostRate(_ db: Database, from: Day, to: Day) -> (revenue: Money, costs: Money, rate: Dec)?
{
  let s = Sales(db)
  var revenue: Int64 = 0
  var costs: Int64 = 0
  for r in s.rows where s.date[r] >= from && s.date[r] <= to {
    guard let c = s.cost[r] else { continue }
    revenue &+= s.amount[r].fen
    costs &+= c.fen
  }
  guard revenue > 0, let v = try? Dec(costs).divided(by: Dec(revenue), scale: 4) else { return nil }
  return (Money(fen: revenue), Money(fen: costs), v)
}
