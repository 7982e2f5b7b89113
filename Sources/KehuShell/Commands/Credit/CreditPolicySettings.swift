import KehuDomain
import KehuStore

/// The credit policy's editable parameters: the scorecard of §3.3 (5), the step rule, and
/// the defaults a limit method uses when a figure is neither given nor stored. Kept in the
/// `credit_policy` table so a scenario can sweep them and `scenario end` puts them back.
struct CreditPolicySettings {
  var scorecard = JudgementScorecard.standard
  var step = StepRule.standard
  /// The judgement method's base limit (an average customer's, score 3).
  var base = Money(fen: 50_000_000)
  /// The current-ratio method's limit at the usual ratio.
  var standard = Money(fen: 30_000_000)
  var usual = Dec(2)
  var cap = Dec(2)
  /// The sales method's credit period and unit when a customer id supplies the figures:
  /// stored purchases are annual, so the period is in days.
  var period = Dec(60)
  var unit = PurchasePeriodUnit.day
  var year = DayCountConvention.standard

  /// Every parameter: name, kind, meaning.
  static let parameters: [(String, ArgKind, String)] =
    JudgementFactor.allCases.map {
      ($0.rawValue, ArgKind.percent, "scorecard weight of \($0.english) (\($0.chinese))")
    } + [
      ("lowest", .decimal, "multiple of the base limit at score 1"),
      ("highest", .decimal, "multiple of the base limit at score 5"),
      ("base", .money, "judgement method: base limit for an average customer"),
      ("standard", .money, "current-ratio method: limit at the usual ratio"),
      ("usual", .decimal, "current-ratio method: the usual ratio (2 = 200%)"),
      ("cap", .decimal, "current-ratio method: ceiling as a multiple of the standard"),
      ("period", .decimal, "sales method: credit period used with a customer id"),
      ("unit", .choice(["month", "day"]), "sales method: unit of the period"),
      ("year", .choice(["360", "365"]), "days in a year"),
      ("run", .int, "step rule: consecutive on-time payments before a raise"),
      ("raise", .percent, "step rule: raise after the run"),
      ("cut", .percent, "step rule: cut after a late payment"),
      ("grace", .int, "step rule: days after due still counted on time"),
      ("ceiling", .money, "step rule: raises stop here"),
    ]

  /// The stored policy over the built-in one; its year is the session's (`set year`) unless
  /// the policy stores one of its own.
  static func load(_ db: Database, year: DayCountConvention = .standard) -> CreditPolicySettings {
    var p = CreditPolicySettings()
    p.year = year
    let t = db["credit_policy"]
    for r in 0..<t.count {
      let row = t.rowValues(r)
      guard let name = row["name"]?.textValue, let text = row["value"]?.textValue else { continue }
      p.set(name, text)
    }
    return p
  }

  /// Applies one stored parameter; text that no longer parses keeps the built-in value.
  mutating func set(_ name: String, _ text: String) {
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
  static func storedText(_ v: Value) -> String {
    switch v {
    case .percent(let d), .decimal(let d): return d.normalized.description
    default: return v.plainText
    }
  }

  func value(_ name: String) -> Value {
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

  var table: ResultTable {
    ResultTable(
      columns: [
        ResultColumn(tr("parameter"), .text), ResultColumn(tr("value"), .decimal),
        ResultColumn(tr("meaning"), .text),
      ],
      rows: Self.parameters.map { [.text($0.0), value($0.0), .text(tr($0.2))] },
      title: tr("Credit policy (§3.3 scorecard, step rule and method defaults)"),
      notes: [
        tr(
          "scorecard: weighted score = Σ score × weight ÷ Σ weight; multiple = lowest + (score − 1) × (highest − lowest) ÷ 4"
        ),
        tr("step rule: {0}", step.text),
        tr(
          "change with `credit policy NAME=VALUE …`; inside a scenario the change is discarded by `scenario end`"
        ),
      ])
  }
}
