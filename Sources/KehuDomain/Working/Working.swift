import KehuStore

/// One line of a calculation's working: what it is, how it was got, and the figure.
public struct WorkingLine: Sendable, Equatable {
  public var label: Message
  /// The formula in words, or the input's unit; empty for a plain given figure.
  public var formula: Message
  public var value: Value

  public init(_ label: Message, _ formula: Message = "", _ value: Value) {
    self.label = label
    self.formula = formula
    self.value = value
  }
}

/// A calculation shown the way the chapter's readers check it by hand: the inputs, each
/// intermediate line, the result, the rule with its source, and the conventions used.
public struct Working: Sendable, Equatable {
  public var title: Message
  /// The formula with its source, e.g. "§3.3 (1) sales method: purchases × share × period".
  public var rule: Message
  public var inputs: [WorkingLine]
  public var steps: [WorkingLine]
  public var result: WorkingLine
  /// Conventions used (days in a year, time unit, rounding), one sentence each.
  public var convention: [Message]

  public init(
    title: Message, rule: Message, inputs: [WorkingLine], steps: [WorkingLine], result: WorkingLine,
    convention: [Message]
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
  /// `translate` renders the item and formula cells in the reader's language: cells are
  /// values, so they are text by the time they reach the table.
  public func resultTable(translating translate: (Message) -> String) -> ResultTable {
    ResultTable(
      columns: [
        ResultColumn("item", .text), ResultColumn("formula", .text), ResultColumn("value", .decimal),
      ],
      rows: lines.map { line in
        // An input's formula cell may hold its Chinese name beside the English label; once
        // the label reads the same in the reader's language, the name need not repeat.
        let label = translate(line.label)
        let formula = translate(line.formula)
        // A text value is a word of the rule (the Z-score's zone), never a name.
        let value = line.value.textValue.map { Value.text(translate(Message($0))) } ?? line.value
        return [.text(label), .text(formula == label ? "" : formula), value]
      },
      title: title,
      notes: [Message("rule: {0}", rule)] + convention)
  }
}
