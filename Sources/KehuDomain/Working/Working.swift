import KehuStore

/// One line of a calculation's working: what it is, how it was got, and the figure.
public struct WorkingLine: Sendable, Equatable {
  public var label: String
  /// The formula in words, or the input's unit; empty for a plain given figure.
  public var formula: String
  public var value: Value

  public init(_ label: String, _ formula: String = "", _ value: Value) {
    self.label = label
    self.formula = formula
    self.value = value
  }
}

/// A calculation shown the way the chapter's readers check it by hand: the inputs, each
/// intermediate line, the result, the rule with its source, and the conventions used.
public struct Working: Sendable, Equatable {
  public var title: String
  /// The formula with its source, e.g. "§3.3 (1) sales method: purchases × share × period".
  public var rule: String
  public var inputs: [WorkingLine]
  public var steps: [WorkingLine]
  public var result: WorkingLine
  /// Conventions used (days in a year, time unit, rounding), one sentence each.
  public var convention: [String]

  public init(
    title: String, rule: String, inputs: [WorkingLine], steps: [WorkingLine], result: WorkingLine,
    convention: [String]
  ) {
    self.title = title
    self.rule = rule
    self.inputs = inputs
    self.steps = steps
    self.result = result
    self.convention = convention
  }

  /// Every line in reading order: inputs, steps, result.
  public var lines: [WorkingLine] { inputs + steps + [result] }

  /// Columns item, formula, value; the rule and the conventions become the notes. The value
  /// column holds cells of several types (money, percent, days), so each cell keeps its own.
  public var table: ResultTable {
    ResultTable(
      columns: [
        ResultColumn("item", .text), ResultColumn("formula", .text), ResultColumn("value", .decimal),
      ],
      rows: lines.map { [.text($0.label), .text($0.formula), $0.value] },
      title: title,
      notes: ["rule: " + rule] + convention)
  }
}
