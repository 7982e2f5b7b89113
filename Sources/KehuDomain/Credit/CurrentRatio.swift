import KehuStore

/// §3.3 (3) 流动比率法. The chapter only says a ratio above the usual level allows a limit
/// above the usual limit; the amount rule here (standard × ratio ÷ usual, capped at
/// cap × standard) is this product's reading and is printed with every result.
public struct CurrentRatioRule: Sendable, Equatable {
  /// The limit a customer with the usual ratio would get.
  public var standard: Money
  /// The usual current ratio as a plain number (2.0 = 200%).
  public var usual: Dec
  /// The limit never exceeds cap × standard, however liquid the customer.
  public var cap: Dec

  public init(standard: Money, usual: Dec = Dec(2), cap: Dec = Dec(2)) {
    self.standard = standard
    self.usual = usual
    self.cap = cap
  }

  public var text: Message {
    "limit = standard × current ratio ÷ usual ratio (\(Value.percentText(usual))), capped at \(plain(cap)) × standard"
  }
}

/// The current ratio (流动比率) = current assets ÷ current liabilities, as a plain number.
public func currentRatio(currentAssets: Money, currentLiabilities: Money) throws(DomainError) -> Dec {
  try requireNonNegative(currentAssets, "current_assets")
  if currentLiabilities.fen <= 0 {
    throw .invalidFigure(
      name: "current_liabilities", value: currentLiabilities.plain,
      expected: "must be more than zero (the current ratio divides by it)")
  }
  return try div(currentAssets.decimal, currentLiabilities.decimal, "current ratio")
}

/// The current ratio on its own, as a working (the `current_ratio` function and command).
public func currentRatioWorking(currentAssets: Money, currentLiabilities: Money) throws(DomainError)
  -> Working
{
  let r = try currentRatio(currentAssets: currentAssets, currentLiabilities: currentLiabilities)
  return Working(
    title: "Current ratio (流动比率)",
    rule: "§3.3 (3): current ratio = current assets ÷ current liabilities × 100%",
    inputs: [
      WorkingLine("current assets", "流动资产", .money(currentAssets)),
      WorkingLine("current liabilities", "流动负债", .money(currentLiabilities)),
    ],
    steps: [],
    result: WorkingLine("current ratio", "current assets ÷ current liabilities", .percent(percentShown(r))),
    convention: ["the ratio is shown to a hundredth of a percent"])
}

/// §3.3 (3) as an amount: the standard limit scaled by ratio ÷ usual, capped.
public func currentRatioLimit(
  currentAssets: Money, currentLiabilities: Money, rule: CurrentRatioRule
) throws(DomainError) -> CreditLimit {
  let ratio = try currentRatio(currentAssets: currentAssets, currentLiabilities: currentLiabilities)
  try requireNonNegative(rule.standard, "standard")
  if rule.usual.isNegative || rule.usual.isZero {
    throw .invalidFigure(name: "usual", value: plain(rule.usual), expected: "must be more than zero")
  }
  try requireNonNegative(rule.cap, "cap")
  // One division for the scaled limit, so only the final figure is rounded.
  let scaledExact = try div(
    try mul(rule.standard.decimal, currentAssets.decimal, "standard × current assets"),
    try mul(currentLiabilities.decimal, rule.usual, "current liabilities × usual"), "scaled limit")
  let factor = try div(ratio, rule.usual, "ratio ÷ usual")
  let capExact = try mul(rule.standard.decimal, rule.cap, "cap × standard")
  let capped = scaledExact > capExact
  let limit = try fen(capped ? capExact : scaledExact, "limit")
  return CreditLimit(
    method: .currentRatio, limit: limit,
    working: Working(
      title: "Credit limit: current-ratio method (流动比率法)",
      rule: "§3.3 (3) as read here: \(rule.text)",
      inputs: [
        WorkingLine("current assets", "流动资产", .money(currentAssets)),
        WorkingLine("current liabilities", "流动负债", .money(currentLiabilities)),
        WorkingLine("standard limit", "limit at the usual ratio", .money(rule.standard)),
        WorkingLine("usual ratio", "", .percent(rule.usual)),
        WorkingLine("cap", "× standard", .decimal(rule.cap.normalized)),
      ],
      steps: [
        WorkingLine("current ratio", "current assets ÷ current liabilities", .percent(percentShown(ratio))),
        WorkingLine("scale", "current ratio ÷ usual ratio", .decimal(factor.rounded(to: 4))),
        WorkingLine("scaled limit", "standard × scale", .money(try fen(scaledExact, "scaled limit"))),
        WorkingLine("ceiling", "\(plain(rule.cap)) × standard", .money(try fen(capExact, "ceiling"))),
      ],
      result: WorkingLine(
        "credit limit", capped ? "ceiling (scaled limit is above it)" : "scaled limit", .money(limit)),
      convention: [
        "the chapter gives no amount formula for this method; the rule above is this product's reading",
        roundingNote,
      ]))
}
