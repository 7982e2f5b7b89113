import KehuStore

/// Expressions, by precedence climbing: one function per level, loosest first.
extension Parser {
  mutating func expression(what: String = "an expression") throws(QueryError) -> Expr {
    try nested { (p: inout Parser) throws(QueryError) in try p.orExpr(what) }
  }

  /// The deepest an expression or `for` loop may nest. Every later stage (checker, evaluator)
  /// walks the tree recursively, so an unbounded depth would overflow the stack (a SIGSEGV)
  /// on input such as 10,000 `(`; past this depth the statement is refused with a position.
  public static let maxDepth = 256

  /// Runs `body` one level deeper, refusing past `maxDepth` at the current token.
  mutating func nested<T>(_ body: (inout Parser) throws(QueryError) -> T) throws(QueryError) -> T {
    guard depth < Parser.maxDepth else {
      throw error("nested more than \(Parser.maxDepth) levels deep; split the statement with `let`")
    }
    depth += 1
    defer { depth -= 1 }
    return try body(&self)
  }

  func node(_ kind: Expr.Kind, from a: SourceRange, to b: SourceRange) -> Expr {
    let r = a.to(b)
    return Expr(kind, r, text: text(r))
  }

  /// `a or b or c …` as a balanced tree: `or` and `and` are associative (in three-valued
  /// logic too), and a balanced tree keeps 16,000 terms only 14 levels deep for the stages
  /// that walk it recursively.
  func balanced(_ op: BinaryOp, _ terms: [Expr], _ ops: [SourceRange]) -> Expr {
    func build(_ lo: Int, _ hi: Int) -> Expr {
      if lo == hi { return terms[lo] }
      let mid = (lo + hi) / 2
      let lhs = build(lo, mid)
      let rhs = build(mid + 1, hi)
      return node(.binary(op, lhs, rhs, opRange: ops[mid]), from: lhs.range, to: rhs.range)
    }
    return build(0, terms.count - 1)
  }

  mutating func orExpr(_ what: String) throws(QueryError) -> Expr {
    var terms = [try andExpr(what)]
    var ops: [SourceRange] = []
    while current.isKeyword(.or) {
      ops.append(advance().range)
      terms.append(try andExpr("an expression"))
    }
    return balanced(.or, terms, ops)
  }

  mutating func andExpr(_ what: String) throws(QueryError) -> Expr {
    var terms = [try notExpr(what)]
    var ops: [SourceRange] = []
    while current.isKeyword(.and) {
      ops.append(advance().range)
      terms.append(try notExpr("an expression"))
    }
    return balanced(.and, terms, ops)
  }

  mutating func notExpr(_ what: String) throws(QueryError) -> Expr {
    if current.isKeyword(.not) {
      let op = advance().range
      let e = try nested { (p: inout Parser) throws(QueryError) in try p.notExpr("an expression") }
      return node(.unary(.not, e), from: op, to: e.range)
    }
    return try comparison(what)
  }

  static let comparisons: [Symbol: BinaryOp] = [
    .eq: .eq, .ne: .ne, .lt: .lt, .le: .le, .gt: .gt, .ge: .ge,
  ]

  mutating func comparison(_ what: String) throws(QueryError) -> Expr {
    let lhs = try additive(what: what)
    if case .symbol(let s) = current.kind, let op = Parser.comparisons[s] {
      let opRange = advance().range
      let rhs = try additive(what: "an expression")
      if case .symbol(let s2) = current.kind, Parser.comparisons[s2] != nil {
        throw error("comparisons do not chain; write `a < b and b < c`")
      }
      return node(.binary(op, lhs, rhs, opRange: opRange), from: lhs.range, to: rhs.range)
    }
    if current.isSymbol(.assign) {
      throw error("`=` names a column; compare with `==`")
    }
    var negated = false
    if current.isKeyword(.not) && peek().isKeyword(.in) {
      negated = true
      _ = advance()
    }
    if current.isKeyword(.in) {
      _ = advance()
      guard current.isSymbol(.lbracket) else { throw expected("a list `[a, b]`") }
      let items = try list()
      return node(.inList(lhs, items, negated: negated), from: lhs.range, to: previous!.range)
    }
    if current.isKeyword(.is) {
      _ = advance()
      var neg = false
      if current.isKeyword(.not) {
        neg = true
        _ = advance()
      }
      guard current.isKeyword(.null) else { throw expected("`null`") }
      let end = advance().range
      return node(.isNull(lhs, negated: neg), from: lhs.range, to: end)
    }
    return lhs
  }

  /// A chain `a + b + c …` nests one level per operator in the tree it builds.
  mutating func deepen(_ levels: inout Int) throws(QueryError) {
    levels += 1
    if depth + levels > Parser.maxDepth {
      throw error("nested more than \(Parser.maxDepth) levels deep; split the statement with `let`")
    }
  }

  mutating func additive(what: String) throws(QueryError) -> Expr {
    var levels = 0
    var lhs = try multiplicative(what)
    while current.isSymbol(.plus) || current.isSymbol(.minus) {
      let op: BinaryOp = current.isSymbol(.plus) ? .add : .sub
      let opRange = advance().range
      let rhs = try multiplicative("an expression")
      lhs = node(.binary(op, lhs, rhs, opRange: opRange), from: lhs.range, to: rhs.range)
      try deepen(&levels)
    }
    return lhs
  }

  mutating func multiplicative(_ what: String) throws(QueryError) -> Expr {
    var levels = 0
    var lhs = try unary(what)
    while current.isSymbol(.star) || current.isSymbol(.slash) {
      let op: BinaryOp = current.isSymbol(.star) ? .mul : .div
      let opRange = advance().range
      let rhs = try unary("an expression")
      lhs = node(.binary(op, lhs, rhs, opRange: opRange), from: lhs.range, to: rhs.range)
      try deepen(&levels)
    }
    return lhs
  }

  mutating func unary(_ what: String) throws(QueryError) -> Expr {
    if current.isSymbol(.minus) {
      let op = advance().range
      let e = try nested { (p: inout Parser) throws(QueryError) in try p.unary("an expression") }
      // Fold `-5` into a literal so it reads back as a number.
      if case .literal(let v) = e.kind, let neg = negatedLiteral(v) {
        return node(.literal(neg), from: op, to: e.range)
      }
      return node(.unary(.negate, e), from: op, to: e.range)
    }
    return try primary(what)
  }

  func negatedLiteral(_ v: Value) -> Value? {
    switch v {
    case .int(let i): return .int(-i)
    case .decimal(let d): return .decimal(d.negated())
    case .percent(let d): return .percent(d.negated())
    case .duration(let d): return .duration(-d)
    default: return nil
    }
  }

  mutating func primary(_ what: String) throws(QueryError) -> Expr {
    let t = current
    func lit(_ v: Value) -> Expr {
      _ = advance()
      return Expr(.literal(v), t.range, text: t.text)
    }
    switch t.kind {
    case .int(let i): return lit(.int(i))
    case .decimal(let d): return lit(.decimal(d))
    case .percent(let d): return lit(.percent(d))
    case .string(let s): return lit(.text(s))
    case .date(let d): return lit(.date(d))
    case .duration(let d): return lit(.duration(d))
    case .keyword(.null): return lit(.null)
    case .keyword(.true): return lit(.bool(true))
    case .keyword(.false): return lit(.bool(false))
    case .variable(let v):
      _ = advance()
      return Expr(.variable(v), t.range, text: t.text)
    case .symbol(.lparen):
      _ = advance()
      let inner = try expression()
      _ = try expect(.rparen, "`)`")
      var e = inner
      e.range = t.range.to(previous!.range)
      e.text = text(e.range)
      return e
    case .identifier(let name):
      _ = advance()
      if current.isSymbol(.lparen) {
        _ = advance()
        var args: [Expr] = []
        while !current.isSymbol(.rparen) {
          args.append(try expression(what: "an argument"))
          if current.isSymbol(.comma) {
            _ = advance()
            if current.isSymbol(.rparen) { throw expected("an argument") }
          } else if !current.isSymbol(.rparen) {
            throw expected("`,` or `)`")
          }
        }
        _ = advance()
        return node(.call(name, args, nameRange: t.range), from: t.range, to: previous!.range)
      }
      if current.isSymbol(.dot), case .identifier(let field) = peek().kind {
        _ = advance()
        let end = advance().range
        return node(.column(name + "." + field), from: t.range, to: end)
      }
      return Expr(.column(name), t.range, text: t.text)
    default:
      throw expected(what)
    }
  }
}
