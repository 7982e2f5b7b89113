import KehuStore

/// The credit policy's editable parameters: the scorecard of §3.3 (5), the step rule, and
/// the defaults a limit method uses when a figure is neither given nor stored. Kept in the
/// `credit_policy` table so a scenario can sweep them and `scenario end` puts them back.
public struct CreditPolicySettings: Sendable {
  public var scorecard = JudgementScorecard.standard
  public var step = StepRule.standard
  /// The judgement method's base limit (an average customer's, score 3).
  public var base = Money(fen: 50_000_000)
  /// The current-ratio method's limit at the usual ratio.
  public var standard = Money(fen: 30_000_000)
  public var usual = Dec(2)
  public var cap = Dec(2)
  /// The sales method's credit period and unit when a customer id supplies the figures:
  /// stored purchases are annual, so the period is in days.
  public var period = Dec(60)
  public var unit = PurchasePeriodUnit.day
  public var year = DayCountConvention.standard

  public init() {}

  /// The stored policy over the built-in one; its year is the session's (`set year`) unless
  /// the policy stores one of its own.
  public static func load(_ db: Database, year: DayCountConvention = .standard) -> CreditPolicySettings {
    var p = CreditPolicySettings()
    p.year = year
    let t = CreditPolicyParameters(db)
    for r in t.rows { p.set(t.name[r], t.value[r]) }
    return p
  }

  /// Applies one stored parameter; text that no longer parses keeps the built-in value.
  public mutating func set(_ name: String, _ text: String) {
    let d = Dec(parsing: text)
    let m = Money(parsing: text)
    if let f = JudgementFactor(rawValue: name), let d {
      scorecard.weights[f] = d
      return
    }
    switch name {
    case "lowest": if let d { scorecard.lowestMultiple = d }
    case "highest": if let d { scorecard.highestMultiple = d }
    case "base": if let m { base = m }
    case "standard": if let m { standard = m }
    case "usual": if let d { usual = d }
    case "cap": if let d { cap = d }
    case "period": if let d { period = d }
    case "unit": if let u = PurchasePeriodUnit(rawValue: text) { unit = u }
    case "year": if let y = DayCountConvention(parsing: text) { year = y }
    case "run": if let i = Int(text) { step.onTimeRun = i }
    case "raise": if let d { step.raise = d }
    case "cut": if let d { step.cut = d }
    case "grace": if let i = Int(text) { step.graceDays = i }
    case "ceiling": step.ceiling = m
    default: break
    }
  }

  /// The stored text of an argument value (percent as a fraction, money plain).
  public static func storedText(_ v: Value) -> String {
    switch v {
    case .percent(let d), .decimal(let d): return d.normalized.description
    default: return v.plainText
    }
  }

  public func value(_ name: String) -> Value {
    if let f = JudgementFactor(rawValue: name) { return .percent(scorecard.weight(f)) }
    switch name {
    case "lowest": return .decimal(scorecard.lowestMultiple.normalized)
    case "highest": return .decimal(scorecard.highestMultiple.normalized)
    case "base": return .money(base)
    case "standard": return .money(standard)
    case "usual": return .decimal(usual.normalized)
    case "cap": return .decimal(cap.normalized)
    case "period": return .decimal(period.normalized)
    case "unit": return .text(unit.rawValue)
    case "year": return .int(Int64(year.days))
    case "run": return .int(Int64(step.onTimeRun))
    case "raise": return .percent(step.raise)
    case "cut": return .percent(step.cut)
    case "grace": return .int(Int64(step.graceDays))
    case "ceiling": return step.ceiling.map(Value.money) ?? .null
    default: return .null
    }
  }
}
