import KehuStore

/// The six things §3.3 (5) 综合判断法 weighs to set a rough limit.
public enum JudgementFactor: String, Sendable, CaseIterable {
  case profitability
  case safety
  case liquidity
  case salesAbility = "sales"
  case purchasingRecord = "purchasing"
  case staffQuality = "staff"

  public var chinese: String {
    switch self {
    case .profitability: return "收益性"
    case .safety: return "安全性"
    case .liquidity: return "流动性"
    case .salesAbility: return "销售能力"
    case .purchasingRecord: return "购买情况"
    case .staffQuality: return "人员素质"
    }
  }

  public var english: String {
    switch self {
    case .profitability: return "profitability"
    case .safety: return "safety"
    case .liquidity: return "liquidity"
    case .salesAbility: return "sales ability"
    case .purchasingRecord: return "purchasing record"
    case .staffQuality: return "staff quality"
    }
  }
}

/// The scorecard: weights per factor, and how a weighted score of 1–5 becomes a multiple of
/// the base limit. The mapping is a straight line from score 1 (`lowestMultiple`) to score 5
/// (`highestMultiple`); with the defaults 0× and 2×, an average customer (3) gets the base
/// limit, each point above or below moves it by half the base, and 1 throughout gets nothing.
public struct JudgementScorecard: Sendable, Equatable {
  public var weights: [JudgementFactor: Dec]
  public var lowestMultiple: Dec
  public var highestMultiple: Dec

  /// Financial strength (the first three) counts most; staff quality least.
  public static let standardWeights: [JudgementFactor: Dec] = [
    .profitability: Dec(mantissa: 20, scale: 2), .safety: Dec(mantissa: 20, scale: 2),
    .liquidity: Dec(mantissa: 20, scale: 2), .salesAbility: Dec(mantissa: 15, scale: 2),
    .purchasingRecord: Dec(mantissa: 15, scale: 2), .staffQuality: Dec(mantissa: 10, scale: 2),
  ]

  public init(
    weights: [JudgementFactor: Dec] = JudgementScorecard.standardWeights, lowestMultiple: Dec = .zero,
    highestMultiple: Dec = Dec(2)
  ) {
    self.weights = weights
    self.lowestMultiple = lowestMultiple
    self.highestMultiple = highestMultiple
  }

  public static let standard = JudgementScorecard()

  public func weight(_ f: JudgementFactor) -> Dec { weights[f] ?? .zero }

  /// Weights need not add up to 100%: the score is divided by their sum.
  func check() throws(DomainError) {
    var total = Dec.zero
    for f in JudgementFactor.allCases {
      try requireNonNegative(weight(f), "weight of \(f.rawValue)")
      total = try add(total, weight(f), "weights")
    }
    if total.isZero {
      throw .invalidFigure(
        name: "weights", value: "0", expected: "at least one weight must be more than zero")
    }
    try requireNonNegative(lowestMultiple, "lowest multiple")
    if highestMultiple < lowestMultiple {
      throw .invalidFigure(
        name: "highest multiple", value: plain(highestMultiple),
        expected: "must not be below the lowest multiple \(plain(lowestMultiple))")
    }
  }

  /// The multiple of the base limit for a weighted score in 1…5.
  public func multiple(forScore s: Dec) throws(DomainError) -> Dec {
    let span = try sub(highestMultiple, lowestMultiple, "multiple span")
    let above = try sub(s, .one, "score − 1")
    return try add(lowestMultiple, try div(try mul(above, span, "multiple"), Dec(4), "multiple"), "multiple")
  }
}

/// §3.3 (5) 综合判断法: a rough limit = base × multiple(weighted score). The Altman Z-score,
/// when the figures exist, is shown beside it as a cross-check but does not move the limit.
public func judgementLimit(
  scores: [JudgementFactor: Int], base: Money, scorecard: JudgementScorecard = .standard,
  altman: AltmanFigures? = nil
) throws(DomainError) -> CreditLimit {
  try scorecard.check()
  try requireNonNegative(base, "base")
  var inputs = [WorkingLine("base limit", "limit for an average customer (score 3)", .money(base))]
  var weighted = Dec.zero
  var weightSum = Dec.zero
  for f in JudgementFactor.allCases {
    guard let s = scores[f] else {
      throw .missingFigure(name: "score for \(f.rawValue)", method: "comprehensive judgement")
    }
    guard (1...5).contains(s) else {
      throw .invalidFigure(name: f.rawValue, value: String(s), expected: "a score must be 1 to 5")
    }
    let w = scorecard.weight(f)
    inputs.append(
      WorkingLine(
        // The pair is one key, so a Chinese reader gets the chapter's name once.
        Message(String("\(f.english) (\(f.chinese))")), "score, weight \(Value.percentText(w))",
        .int(Int64(s))))
    weighted = try add(weighted, try mul(Dec(s), w, "weighted score"), "weighted score")
    weightSum = try add(weightSum, w, "weights")
  }
  let score = try div(weighted, weightSum, "weighted score")
  let multiple = try scorecard.multiple(forScore: score)
  let limit = try fen(try mul(base.decimal, multiple, "limit"), "limit")
  var steps = [
    WorkingLine("weighted score", "Σ score × weight ÷ Σ weight", .decimal(score.rounded(to: 4))),
    WorkingLine(
      "multiple",
      "\(plain(scorecard.lowestMultiple)) + (score − 1) × (\(plain(scorecard.highestMultiple)) − \(plain(scorecard.lowestMultiple))) ÷ 4",
      .decimal(multiple.rounded(to: 4))),
  ]
  var convention: [Message] = [
    "mapping: score 1 → \(plain(scorecard.lowestMultiple))× base, score 5 → \(plain(scorecard.highestMultiple))× base, straight line between",
    "the rough limit is then adjusted step by step by the payment record (credit adjust)",
    roundingNote,
  ]
  if let a = altman {
    let z = try altmanZ(a)
    steps.append(
      WorkingLine("Altman Z-score", "cross-check, does not change the limit", .decimal(z.z.rounded(to: 4))))
    steps.append(WorkingLine("Z zone", z.zone.range, .text(z.zone.rawValue)))
    if z.zone == .distress {
      convention.append("warning: the Z-score is in the distress zone; consider a lower limit")
    }
  }
  return CreditLimit(
    method: .judgement, limit: limit,
    working: Working(
      title: "Credit limit: comprehensive judgement (综合判断法)",
      rule: "§3.3 (5): rough limit = base limit × multiple of the weighted score of six factors",
      inputs: inputs, steps: steps,
      result: WorkingLine("credit limit", "base × multiple", .money(limit)),
      convention: convention))
}
