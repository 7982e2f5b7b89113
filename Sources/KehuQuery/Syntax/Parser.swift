import KehuStore

/// Recursive descent over the tokens of one script or prompt entry. It stops at the first
/// error, so a mistake is reported once, at the token where it happened.
///
/// Precedence, loosest first: `or` < `and` < `not` < comparison, `in`, `is null` (which do
/// not chain) < `+ -` < `* /` < unary `-`.
public struct Parser {
  let source: String
  let chars: [Character]
  let tokens: [Token]
  var pos = 0
  /// How many expressions and `for` bodies enclose the current token (see `maxDepth`).
  var depth = 0
  /// Words that start a shell command rather than a query (`grade`, `scenario`, …).
  let commands: Set<String>

  public init(_ source: String, commands: Set<String> = []) throws(QueryError) {
    self.source = source
    self.chars = Array(source)
    self.tokens = try Lexer.tokens(source)
    self.commands = commands
  }

  /// Every statement of `source`; the first error is thrown.
  public static func parse(_ source: String, commands: Set<String> = []) throws(QueryError) -> [Statement] {
    var p = try Parser(source, commands: commands)
    return try p.parseScript()
  }

  /// One expression and nothing else (used for `--set NAME=VALUE`).
  public static func parseExpression(_ source: String) throws(QueryError) -> Expr {
    var p = try Parser(source)
    let e = try p.expression()
    guard p.current.kind == .end || p.current.kind == .newline else {
      throw p.expected("end of input")
    }
    return e
  }

  var current: Token { tokens[pos] }
  var previous: Token? { pos > 0 ? tokens[pos - 1] : nil }
  func peek(_ n: Int = 1) -> Token { tokens[min(pos + n, tokens.count - 1)] }

  mutating func advance() -> Token {
    let t = tokens[pos]
    if pos < tokens.count - 1 { pos += 1 }
    return t
  }

  /// `expected X after `prev`, found `cur``, at the current token.
  func expected(_ what: String) -> QueryError {
    if current.identifier == "like" {
      return error(
        "there is no `like`; to match part of a text write contains(name, \"王\") or starts_with(name, \"王\")")
    }
    let after = previous.map { $0.kind == .newline ? "" : " after `\($0.text)`" } ?? ""
    return error("expected \(what)\(after), found \(current.quoted)")
  }

  func error(_ message: Message, at range: SourceRange? = nil) -> QueryError {
    let atEnd = current.kind == .end && range == nil
    return QueryError(
      .syntax, message, at: range ?? current.range,
      incomplete: atEnd && Lexer.isIncomplete(source))
  }

  func text(_ r: SourceRange) -> String {
    String(chars[r.start.offset..<min(r.end.offset, chars.count)])
  }

  var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .end, .symbol(.semicolon), .symbol(.rbrace): return true
    default: return false
    }
  }

  mutating func expect(_ s: Symbol, _ what: String? = nil) throws(QueryError) -> Token {
    guard current.isSymbol(s) else { throw expected(what ?? "`\(s.rawValue)`") }
    return advance()
  }

  mutating func skipSeparators() {
    while current.kind == .newline || current.isSymbol(.semicolon) { _ = advance() }
  }

  // MARK: statements

  public mutating func parseScript() throws(QueryError) -> [Statement] {
    var out: [Statement] = []
    skipSeparators()
    while current.kind != .end {
      if current.isSymbol(.rbrace) { throw error("unexpected `}` with no open `{`") }
      out.append(try statement())
      try endOfStatement()
      skipSeparators()
    }
    return out
  }

  mutating func endOfStatement() throws(QueryError) {
    guard atStatementEnd else { throw expected("`|` or the end of the statement") }
  }

  mutating func statement() throws(QueryError) -> Statement {
    let start = current.range
    let kind: Statement.Kind
    switch current.kind {
    case .keyword(.let): kind = try letStatement()
    case .keyword(.for):
      kind = .for(try nested { (p: inout Parser) throws(QueryError) in try p.forLoop() })
    case .keyword(.update): kind = .update(try update())
    case .identifier(let name) where commands.contains(name):
      kind = command(name)
    case .identifier(let name) where peek().isSymbol(.lparen) && name != "range":
      kind = .expression(try expression())
    case .identifier: kind = .query(try pipeline())
    case .variable where peek().isSymbol(.pipe) || isEnd(peek()): kind = .query(try pipeline())
    default: kind = .expression(try expression())
    }
    return Statement(kind: kind, range: start.to(previous?.range ?? start))
  }

  func isEnd(_ t: Token) -> Bool {
    switch t.kind {
    case .newline, .end, .symbol(.semicolon), .symbol(.rbrace): return true
    default: return false
    }
  }

  /// The command's words as written, up to the end of the statement.
  mutating func command(_ name: String) -> Statement.Kind {
    let first = current.range
    var last = first
    var depth = 0
    while true {
      switch current.kind {
      case .end, .newline, .symbol(.semicolon): break
      case .symbol(.rbrace) where depth == 0: break
      default:
        if current.isSymbol(.lbrace) { depth += 1 }
        if current.isSymbol(.rbrace) { depth -= 1 }
        last = advance().range
        continue
      }
      break
    }
    return .command(name: name, text: text(first.to(last)))
  }

  mutating func letStatement() throws(QueryError) -> Statement.Kind {
    _ = advance()
    guard let name = current.identifier else { throw expected("a name") }
    let nameRange = advance().range
    _ = try expect(.assign)
    switch current.kind {
    case .identifier(let n) where !(peek().isSymbol(.lparen) && n != "range"):
      return .let(name: name, nameRange: nameRange, .pipeline(try pipeline()))
    case .variable where peek().isSymbol(.pipe) || isEnd(peek()):
      return .let(name: name, nameRange: nameRange, .pipeline(try pipeline()))
    default:
      return .let(name: name, nameRange: nameRange, .expression(try expression()))
    }
  }

  mutating func forLoop() throws(QueryError) -> ForLoop {
    _ = advance()
    guard let name = current.identifier else { throw expected("a loop variable name") }
    let nameRange = advance().range
    guard current.isKeyword(.in) else { throw expected("`in`") }
    _ = advance()
    let values: LoopValues
    if current.isSymbol(.lbracket) {
      values = .list(try list())
    } else if current.isWord(.range) && peek().isSymbol(.lparen) {
      _ = advance()
      let (a, b, c) = try rangeArguments()
      values = .range(from: a, to: b, step: c)
    } else {
      throw expected("a list `[a, b]` or `range(from, to, step)`")
    }
    while current.kind == .newline { _ = advance() }
    _ = try expect(.lbrace)
    var body: [Statement] = []
    skipSeparators()
    while !current.isSymbol(.rbrace) {
      if current.kind == .end { throw expected("`}`") }
      body.append(try statement())
      try endOfStatement()
      skipSeparators()
    }
    _ = advance()
    return ForLoop(variable: name, variableRange: nameRange, values: values, body: body)
  }

  mutating func update() throws(QueryError) -> UpdateStatement {
    _ = advance()
    guard let table = current.identifier else { throw expected("a table name") }
    let tableRange = advance().range
    guard current.isWord(.set) else { throw expected("`set`") }
    _ = advance()
    var assignments: [Assignment] = []
    repeat {
      if current.isSymbol(.comma) { _ = advance() }
      guard let col = current.identifier else { throw expected("a column") }
      let colRange = advance().range
      _ = try expect(.assign)
      assignments.append(Assignment(column: col, columnRange: colRange, value: try expression()))
    } while current.isSymbol(.comma)
    var condition: Expr?
    if current.isWord(.where) {
      _ = advance()
      condition = try expression()
    }
    return UpdateStatement(
      table: table, tableRange: tableRange, assignments: assignments, condition: condition)
  }

  // MARK: pipelines

  mutating func pipeline() throws(QueryError) -> Pipeline {
    let src = try pipelineSource(role: "a table")
    var verbs: [Verb] = []
    while current.isSymbol(.pipe) {
      _ = advance()
      verbs.append(try verb())
    }
    let end = verbs.last?.range ?? src.range
    return Pipeline(source: src, verbs: verbs, range: src.range.to(end))
  }

  mutating func pipelineSource(role: String) throws(QueryError) -> PipelineSource {
    switch current.kind {
    case .variable(let v):
      return .variable(v, advance().range)
    case .identifier("range") where peek().isSymbol(.lparen):
      let start = advance().range
      let (a, b, c) = try rangeArguments()
      return .range(from: a, to: b, step: c, start.to(previous!.range))
    case .identifier(let name):
      return .table(name, advance().range)
    default:
      throw expected(role)
    }
  }

  mutating func rangeArguments() throws(QueryError) -> (Expr, Expr, Expr) {
    _ = try expect(.lparen)
    let a = try expression()
    _ = try expect(.comma, "`,` and the end of the range")
    let b = try expression()
    _ = try expect(.comma, "`,` and the step of the range")
    let c = try expression()
    _ = try expect(.rparen)
    return (a, b, c)
  }

  /// Words people bring from SQL and psql, and what kehu calls them.
  static let sqlVerbs = [
    "limit": "take N", "order": "sort COLUMN", "group": "summarize … by COLUMN", "filter": "where",
    "top": "sort COLUMN desc | take N", "head": "take N", "uniq": "distinct", "unique": "distinct",
  ]

  mutating func verb() throws(QueryError) -> Verb {
    guard let word = current.identifier else {
      throw expected("a verb (\(Verb.names.joined(separator: ", ")))")
    }
    let kw = current.range
    guard let verb = VerbWord(rawValue: word) else {
      if let kehu = Parser.sqlVerbs[word] {
        throw error("unknown verb `\(word)`; SQL's `\(word)` is `\(kehu)` here")
      }
      let hint = didYouMean(word, in: Verb.names, quote: "`")
      throw error(
        hint.key.isEmpty
          ? "unknown verb `\(word)`; the verbs are \(Verb.names.joined(separator: ", "))"
          : "unknown verb `\(word)`\(hint)")
    }
    _ = advance()
    let kind: Verb.Kind
    switch verb {
    case .where:
      kind = .where(try expression(what: "a condition"))
    case .select:
      kind = .select(try namedList(what: "a column", requireName: false))
    case .derive:
      kind = .derive(try namedList(what: "`NAME = expression`", requireName: true))
    case .sort:
      kind = .sort(try sortKeys())
    case .take:
      kind = .take(try expression(what: "a number of rows"))
    case .summarize:
      var aggs: [NamedExpr] = []
      if !current.isWord(.by) {
        aggs = try namedList(what: "an aggregate such as `n = count()`", requireName: false)
      }
      var keys: [NamedExpr] = []
      if current.isWord(.by) {
        _ = advance()
        keys = try namedList(what: "a column to group by", requireName: false)
      }
      kind = .summarize(aggs, by: keys)
    case .join:
      var left = false
      if current.isWord(.left) && !peek().isWord(.on) {
        left = true
        _ = advance()
      }
      let src = try pipelineSource(role: "a table to join")
      guard current.isWord(.on) else { throw expected("`on`") }
      _ = advance()
      let l = try additive(what: "the left key")
      guard current.isSymbol(.eq) else { throw expected("`==` between the two keys") }
      _ = advance()
      let r = try additive(what: "the right key")
      kind = .join(left: left, src, leftKey: l, rightKey: r)
    case .distinct:
      kind = .distinct(
        atStatementEnd || current.isSymbol(.pipe) ? [] : try namedList(what: "a column", requireName: false))
    case .count:
      kind = .count
    case .chart:
      kind = .chart(try chartSpec())
    case .export:
      guard case .string(let file) = current.kind else { throw expected("a file name in double quotes") }
      _ = advance()
      guard atStatementEnd else { throw error("`export` must end the pipeline") }
      kind = .export(file)
    }
    let range = kw.to(previous!.range)
    guard atStatementEnd || current.isSymbol(.pipe) else {
      throw expected(
        verb == .count ? "`|` or the end of the statement" : "`,`, `|` or the end of the statement")
    }
    return Verb(kind: kind, keywordRange: kw, range: range)
  }

  mutating func namedList(what: String, requireName: Bool) throws(QueryError) -> [NamedExpr] {
    var out: [NamedExpr] = []
    repeat {
      if !out.isEmpty { _ = advance() }
      if let name = current.identifier, peek().isSymbol(.assign) {
        let nameRange = advance().range
        _ = advance()
        let e = try expression()
        out.append(NamedExpr(name: name, nameRange: nameRange, expr: e, explicitName: true))
      } else {
        if requireName { throw expected(what) }
        let e = try expression(what: what)
        var name = e.text
        if case .column(let c) = e.kind { name = c }
        out.append(NamedExpr(name: name, nameRange: e.range, expr: e, explicitName: false))
      }
    } while current.isSymbol(.comma)
    return out
  }

  mutating func sortKeys() throws(QueryError) -> [SortKey] {
    var out: [SortKey] = []
    repeat {
      if !out.isEmpty { _ = advance() }
      if current.isWord(.desc) || current.isWord(.asc) { throw expected("a column") }
      let e = try expression(what: "a column")
      var desc = false
      if current.isWord(.desc) {
        desc = true
        _ = advance()
      } else if current.isWord(.asc) {
        _ = advance()
      }
      out.append(SortKey(expr: e, descending: desc))
    } while current.isSymbol(.comma)
    return out
  }

  mutating func list() throws(QueryError) -> [Expr] {
    _ = try expect(.lbracket)
    var out: [Expr] = []
    while !current.isSymbol(.rbracket) {
      out.append(try expression(what: "a value"))
      if current.isSymbol(.comma) {
        _ = advance()
      } else if !current.isSymbol(.rbracket) {
        throw expected("`,` or `]`")
      }
    }
    _ = advance()
    return out
  }
}
