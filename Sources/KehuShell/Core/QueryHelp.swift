import KehuQuery

/// `help` for the query language, whose words are not commands of the command table: each
/// verb, `let`, `for`, `update`, the functions (`help functions`, `help NAME`) and the
/// settings. The verbs' names come from the parser (`Verb.names`); this holds their texts.
enum QueryHelp {
  struct Topic {
    var usage: String
    var text: String
    var example: String
  }

  static var topics: [String: Topic] {
    [
      "where": Topic(
        usage: "where EXPR", text: tr("keeps the rows where EXPR is true (null counts as false)"),
        example: "customers | where balance > 0"),
      "select": Topic(
        usage: "select COL, NEW = EXPR, …", text: tr("keeps and computes columns, in that order"),
        example: "customers | select id, name, owed = credit_limit"),
      "derive": Topic(
        usage: "derive NEW = EXPR, …", text: tr("adds computed columns"),
        example: "sales | derive margin = amount - cost"),
      "sort": Topic(
        usage: "sort KEY [asc|desc], …", text: tr("orders the rows (stable); nulls first ascending"),
        example: "customers | sort credit_limit desc, id"),
      "take": Topic(usage: "take N", text: tr("the first N rows"), example: "customers | take 10"),
      "summarize": Topic(
        usage: "summarize NAME = AGG(…), … [by KEY, …]",
        text: tr(
          "one row per key (one row without `by`); aggregates: count, sum, avg, min, max, median, count_distinct"
        ),
        example: "customers | summarize n = count() by area"),
      "join": Topic(
        usage: "join [left] TABLE on LEFT == RIGHT",
        text: tr("adds the joined table's columns; inner by default, `left` keeps rows without a match"),
        example: "sales | join customers on customer == id"),
      "distinct": Topic(
        usage: "distinct COL, …", text: tr("one row per distinct combination"),
        example: "customers | distinct area, owner"),
      "count": Topic(usage: "count", text: tr("one row, one column `count`"), example: "customers | count"),
      "export": Topic(
        usage: "export \"FILE.csv\"",
        text: tr("writes the result (CSV, or JSON for .json) instead of showing it; last verb only"),
        example: "customers | export \"customers.csv\""),
      "chart": Topic(
        usage: "chart bar LABEL VALUE [stacked VALUE2 …] [\"FILE.svg\"] | chart line X Y [\"FILE.svg\"]",
        text: tr("draws the result as text bars or a line (or writes the same chart as SVG); last verb only"),
        example: "sales | summarize t = sum(amount) by month(date) | chart bar month t"),
      "let": Topic(
        usage: "let NAME = EXPR | PIPELINE",
        text: tr("binds $NAME to the value or result at that moment; later changes do not change it"),
        example: "let big = customers | where credit_limit > 500_000"),
      "for": Topic(
        usage: "for NAME in [a, b, …] | range(FROM, TO, STEP) { STATEMENTS }",
        text: tr("runs the statements once per value, with $NAME bound"),
        example:
          "for share in range(20%, 40%, 5%) { range(30d, 90d, 30d) | derive limit = limit_sales(7_300_000, $share, value) }"
      ),
      "update": Topic(
        usage: "update TABLE set COL = EXPR, … where EXPR",
        text: tr("changes many rows as one journaled, audited change and prints how many changed"),
        example: "update customers set tier = \"major\" where credit_limit > 2_000_000"),
    ]
  }

  /// Two columns, the second starting where the first's common width ends; a first column
  /// much longer than the rest puts its text on the next line instead of pushing all apart.
  static func aligned(_ pairs: [(String, String)]) -> [String] {
    let width = min(pairs.map(\.0.count).max() ?? 0, 32) + 2
    return pairs.map { left, right in
      left.count + 2 > width
        ? "  " + left + "\n  " + String(repeating: " ", count: width) + right
        : "  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + right
    }
  }

  /// The help text for `words`, or nil when they name no topic of the query language.
  static func text(for words: [String], session s: Session) -> String? {
    let name = words.joined(separator: " ")
    if let topic = topics[name] {
      return [topic.usage, "", "  " + topic.text, "", tr("Example:") + " " + topic.example].joined(
        separator: "\n")
    }
    if words.count == 1 || (words.count == 2 && words[0] == "function"), let last = words.last {
      if let f = Session.functions.functions[last] {
        return [f.signature, "", "  " + f.help].joined(separator: "\n")
      }
      if let f = SpecialFunctions.all.first(where: { $0.name == last }),
        words[0] == "function" || topics[last] == nil
      {
        return [f.signature, "", "  " + f.help].joined(separator: "\n")
      }
    }
    return nil
  }
}

/// The help topics that are not commands, `help NAME` for each: the one list `help` answers
/// from and Tab completes from, beside the command table and the query verbs' topics.
enum HelpTopic: String, CaseIterable {
  case query, verbs, functions, settings, signs

  /// Every word `help` takes that is not a command: these, the topics added to the command
  /// table from above the shell (`review`), and the query language's topics.
  static func names(_ table: CommandTable) -> [String] {
    allCases.map(\.rawValue) + table.topics.map(\.name) + QueryHelp.topics.keys.sorted()
  }

  func answer(_ s: Session) -> CommandOutput {
    switch self {
    case .functions:
      let registered = Session.functions.functions.values.map { ($0.name, $0.signature, $0.help) }
      let special = SpecialFunctions.all.map { ($0.name, $0.signature, $0.help) }
      let all = (registered + special).sorted { $0.0 < $1.0 }
      return .message(
        ([tr("Functions (write them with parentheses):")] + QueryHelp.aligned(all.map { ($0.1, $0.2) }))
          .joined(separator: "\n"))
    case .settings:
      return .message(
        ([tr("Settings (`set NAME VALUE`; `set` lists them with their values):")]
          + QueryHelp.aligned(SettingSpec.all.map { ("\($0.name) \($0.values)", tr($0.help)) }))
          .joined(separator: "\n"))
    case .query, .verbs:
      return .message(
        ([tr("A query is a source (a table, $NAME or range(…)) and verbs joined by `|`:")]
          + Verb.names.compactMap { v in QueryHelp.topics[v].map { "  " + $0.usage } }
          + ["", tr("Type `help VERB`, `help functions`, `help let`, `help for` or `help update`.")])
          .joined(separator: "\n"))
    case .signs: return .table(CreditReviewCommands.signTable(nil))
    }
  }
}
