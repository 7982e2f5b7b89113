import KehuStore

/// The figures the Altman Z-score needs (public manufacturing companies).
public struct AltmanFigures: Sendable, Equatable {
  public var workingCapital: Money
  public var retainedEarnings: Money
  public var ebit: Money
  public var marketValueOfEquity: Money
  public var sales: Money
  public var totalAssets: Money
  public var totalLiabilities: Money

  public init(
    workingCapital: Money, retainedEarnings: Money, ebit: Money, marketValueOfEquity: Money, sales: Money,
    totalAssets: Money, totalLiabilities: Money
  ) {
    self.workingCapital = workingCapital
    self.retainedEarnings = retainedEarnings
    self.ebit = ebit
    self.marketValueOfEquity = marketValueOfEquity
    self.sales = sales
    self.totalAssets = totalAssets
    self.totalLiabilities = totalLiabilities
  }
}

public enum AltmanZone: String, Sendable {
  case safe, grey, distress

  public var range: Message {
    switch self {
    case .safe: return "over 2.99"
    case .grey: return "1.81 to 2.99"
    case .distress: return "under 1.81"
    }
  }
}

public struct AltmanZScore: Sendable, Equatable {
  /// Unrounded (to the library's division precision); the zone is read from this.
  public var z: Dec
  public var zone: AltmanZone
  public var working: Working
}

/// Altman (1968): Z = 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5.
public func altmanZ(_ f: AltmanFigures) throws(DomainError) -> AltmanZScore {
  try requirePositive(f.totalAssets, "total_assets")
  try requirePositive(f.totalLiabilities, "total_liabilities")
  try requireNonNegative(f.marketValueOfEquity, "market_value_of_equity")
  try requireNonNegative(f.sales, "sales")
  let ta = f.totalAssets.decimal
  let xs: [(String, Message, Money, Dec, Dec)] = [
    ("X1", "working capital ÷ total assets", f.workingCapital, ta, Dec(mantissa: 12, scale: 1)),
    ("X2", "retained earnings ÷ total assets", f.retainedEarnings, ta, Dec(mantissa: 14, scale: 1)),
    ("X3", "EBIT ÷ total assets", f.ebit, ta, Dec(mantissa: 33, scale: 1)),
    (
      "X4", "market value of equity ÷ total liabilities", f.marketValueOfEquity, f.totalLiabilities.decimal,
      Dec(mantissa: 6, scale: 1)
    ),
    ("X5", "sales ÷ total assets", f.sales, ta, Dec(mantissa: 10, scale: 1)),
  ]
  var z = Dec.zero
  var steps: [WorkingLine] = []
  for (name, formula, num, den, coef) in xs {
    let x = try div(num.decimal, den, Message(verbatim: name))
    steps.append(WorkingLine(Message(verbatim: name), formula, .decimal(x.rounded(to: 4))))
    z = try add(z, try mul(coef, x, "Z"), "Z")
  }
  let safeLine = Dec(mantissa: 299, scale: 2)
  let distressLine = Dec(mantissa: 181, scale: 2)
  let zone: AltmanZone = z > safeLine ? .safe : (z < distressLine ? .distress : .grey)
  steps.append(WorkingLine("zone", zone.range, .text(zone.rawValue)))
  return AltmanZScore(
    z: z, zone: zone,
    working: Working(
      title: "Altman Z-score",
      rule:
        "Altman (1968): Z = 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5; over 2.99 safe, 1.81–2.99 grey, under 1.81 distress",
      inputs: [
        WorkingLine("working capital", "", .money(f.workingCapital)),
        WorkingLine("retained earnings", "", .money(f.retainedEarnings)),
        WorkingLine("EBIT", "earnings before interest and tax", .money(f.ebit)),
        WorkingLine("market value of equity", "", .money(f.marketValueOfEquity)),
        WorkingLine("sales", "", .money(f.sales)),
        WorkingLine("total assets", "", .money(f.totalAssets)),
        WorkingLine("total liabilities", "", .money(f.totalLiabilities)),
      ],
      steps: steps,
      result: WorkingLine(
        "Z-score", "1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5", .decimal(z.rounded(to: 4))),
      convention: [
        "for public manufacturing companies; one input to the comprehensive judgement, not a limit",
        "ratios are shown to 4 decimals; Z and its zone are worked from the unrounded ratios",
      ]))
}
