import KehuDomain
import KehuStore

/// How the shell offers and shows the credit policy (`credit policy`): its parameters as
/// command arguments, and the policy as a table.
extension CreditPolicySettings {
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
