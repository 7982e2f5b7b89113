import KehuStore

/// One credit policy for a what-if (§5: credit standard, credit terms, collection policy).
public struct CreditPolicy: Sendable, Equatable {
  public var name: String
  /// Credit period and any cash discount; `n/30` for no discount.
  public var terms: CashDiscountTerms
  /// Share of sales that takes each discount tier, in the order of `terms.tiers`.
  public var discountShares: [Dec]
  public var expectedSales: Money
  public var variableCostRate: Dec
  public var badDebtRate: Dec
  /// Collection (and other management) cost per year.
  public var collectionCost: Money
  public var costOfCapital: Dec
  /// When the average collection period is known from experience rather than the terms.
  public var averageCollectionDays: Dec?

  public init(
    name: String, terms: CashDiscountTerms, discountShares: [Dec] = [], expectedSales: Money,
    variableCostRate: Dec, badDebtRate: Dec = .zero, collectionCost: Money = .zero, costOfCapital: Dec,
    averageCollectionDays: Dec? = nil
  ) {
    self.name = name
    self.terms = terms
    self.discountShares = discountShares
    self.expectedSales = expectedSales
    self.variableCostRate = variableCostRate
    self.badDebtRate = badDebtRate
    self.collectionCost = collectionCost
    self.costOfCapital = costOfCapital
    self.averageCollectionDays = averageCollectionDays
  }
}

/// The figures of one policy, each worked as in the textbook's side-by-side table.
public struct PolicyOutcome: Sendable, Equatable {
  public var policy: CreditPolicy
  public var contributionMargin: Money
  public var averageCollectionDays: Dec
  public var averageReceivables: Money
  public var capitalTiedUp: Money
  public var opportunityCost: Money
  public var badDebtCost: Money
  public var discountCost: Money
  public var collectionCost: Money
  public var netBenefit: Money
}

public struct PolicyComparison: Sendable, Equatable {
  public var outcomes: [PolicyOutcome]
  /// Indices of the policies with the highest net benefit (more than one on a tie).
  public var best: [Int]
  public var year: DayCountConvention

  /// Rows are the lines of the working; one column per policy, and with two policies a
  /// difference column (second − first), as textbooks lay out 增量分析.
  public var table: ResultTable { table(translating: \.description) }

  /// The same, with the item and formula cells in the reader's language (cells are values,
  /// so they are text by the time they reach the table).
  public func table(translating translate: (Message) -> String) -> ResultTable {
    let two = outcomes.count == 2
    var cols = [ResultColumn("item", .text), ResultColumn("formula", .text)]
    cols += outcomes.map { ResultColumn($0.policy.name, .money) }
    if two { cols.append(ResultColumn("difference", .money)) }
    let y = year.days
    let spec: [(Message, Message, (PolicyOutcome) -> Value)] = [
      ("terms", "", { .text($0.policy.terms.description) }),
      ("expected sales", "", { .money($0.policy.expectedSales) }),
      ("contribution margin", "sales × (1 − variable cost rate)", { .money($0.contributionMargin) }),
      (
        "average collection days", "Σ share × discount days + rest × N",
        { .decimal($0.averageCollectionDays) }
      ),
      ("average receivables", "sales ÷ \(y) × days", { .money($0.averageReceivables) }),
      ("capital tied up", "average receivables × variable cost rate", { .money($0.capitalTiedUp) }),
      ("opportunity cost", "capital tied up × cost of capital", { .money($0.opportunityCost) }),
      ("bad-debt cost", "sales × bad-debt rate", { .money($0.badDebtCost) }),
      ("discount cost", "sales × share taking it × d", { .money($0.discountCost) }),
      ("collection cost", "given", { .money($0.collectionCost) }),
      ("net benefit", "margin − opportunity − bad-debt − discount − collection", { .money($0.netBenefit) }),
    ]
    var rows: [[Value]] = spec.map { label, formula, get in
      var r: [Value] = [.text(translate(label)), .text(translate(formula))] + outcomes.map(get)
      if two {
        if case .money(let a) = r[2], case .money(let b) = r[3], let d = try? b.subtracting(a) {
          r.append(.money(d))
        } else if case .decimal(let a) = r[2], case .decimal(let b) = r[3] {
          r.append((try? b.subtracting(a)).map(Value.decimal) ?? .null)
        } else {
          r.append(.null)
        }
      }
      return r
    }
    var mark: [Value] = [.text(translate("better")), .text(translate("highest net benefit"))]
    mark += outcomes.indices.map { best.contains($0) ? .text("✓") : .text("") }
    if two { mark.append(.text("")) }
    rows.append(mark)
    let names = best.map { outcomes[$0].policy.name }.joined(separator: ", ")
    return ResultTable(
      columns: cols, rows: rows, title: "Credit policy comparison (应收账款政策)",
      notes: [
        best.count > 1 ? "tie: \(names) have the same net benefit" : "better policy: \(names)",
        "a change is worth it when the added contribution margin exceeds the added opportunity, bad-debt, discount and collection costs",
        year.note, lineRounding,
      ])
  }
}

func outcome(_ p: CreditPolicy, year: DayCountConvention) throws(DomainError) -> PolicyOutcome {
  let who = "policy \(p.name): "
  try requireNonNegative(p.expectedSales, who + "sales")
  try requireRate(p.variableCostRate, who + "variable")
  try requireRate(p.badDebtRate, who + "bad_debt")
  try requireRate(p.costOfCapital, who + "capital")
  try requireNonNegative(p.collectionCost, who + "collection")
  if p.discountShares.count > p.terms.tiers.count {
    throw .invalidFigure(
      name: who + "discount share",
      value: p.discountShares.map { Value.percentText($0) }.joined(separator: ","),
      expected: "terms \(p.terms) have \(p.terms.tiers.count) discount(s)")
  }
  var shareSum = Dec.zero
  var days = Dec.zero
  var discountExact = Dec.zero
  for (i, s) in p.discountShares.enumerated() {
    try requireRate(s, who + "discount share")
    let t = p.terms.tiers[i]
    shareSum = try add(shareSum, s, "shares")
    days = try add(days, try mul(s, Dec(t.days), "days"), "days")
    discountExact = try add(
      discountExact, try mul(try mul(p.expectedSales.decimal, s, "discount"), t.rate, "discount"), "discount")
  }
  try requireRate(shareSum, who + "discount shares together")
  let rest = try sub(.one, shareSum, "rest")
  days = try add(days, try mul(rest, Dec(p.terms.netDays), "days"), "days")
  if let given = p.averageCollectionDays {
    try requireNonNegative(given, who + "days")
    days = given
  }
  let s = p.expectedSales.decimal
  let margin = try fen(try mul(s, try sub(.one, p.variableCostRate, "1 − v"), "margin"), "margin")
  let average = try fen(try div(try mul(s, days, "sales × days"), year.dec, "average"), "average receivables")
  let tied = try fen(try mul(average.decimal, p.variableCostRate, "tied"), "capital tied up")
  let opportunity = try fen(try mul(tied.decimal, p.costOfCapital, "opportunity"), "opportunity cost")
  let bad = try fen(try mul(s, p.badDebtRate, "bad debt"), "bad-debt cost")
  let discount = try fen(discountExact, "discount cost")
  var net = try subMoney(margin, opportunity, "net benefit")
  for c in [bad, discount, p.collectionCost] { net = try subMoney(net, c, "net benefit") }
  return PolicyOutcome(
    policy: p, contributionMargin: margin, averageCollectionDays: days.normalized,
    averageReceivables: average,
    capitalTiedUp: tied, opportunityCost: opportunity, badDebtCost: bad, discountCost: discount,
    collectionCost: p.collectionCost, netBenefit: net)
}

/// Two or more policies side by side; the one with the highest net benefit is better.
public func comparePolicies(_ policies: [CreditPolicy], year: DayCountConvention = .standard)
  throws(DomainError)
  -> PolicyComparison
{
  if policies.count < 2 {
    throw .invalidFigure(
      name: "policies", value: String(policies.count), expected: "compare at least two policies")
  }
  var outcomes: [PolicyOutcome] = []
  for p in policies { outcomes.append(try outcome(p, year: year)) }
  let top = outcomes.map(\.netBenefit).max()!
  return PolicyComparison(
    outcomes: outcomes, best: outcomes.indices.filter { outcomes[$0].netBenefit == top }, year: year)
}
