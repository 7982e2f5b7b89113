import KehuStore
import XCTest

@testable import KehuQuery

/// A compact prefix form of an expression, so precedence shows at a glance.
func sexp(_ e: Expr) -> String {
  switch e.kind {
  case .literal(let v):
    switch v {
    case .text(let s): return "\"\(s)\""
    case .percent(let d): return "pct(\(d))"
    case .duration(let d): return "dur(\(d))"
    case .date(let d): return "date(\(d))"
    case .null: return "null"
    default: return v.plainText
    }
  case .column(let c): return c
  case .variable(let v): return "$" + v
  case .unary(let op, let x): return "(\(op.rawValue) \(sexp(x)))"
  case .binary(let op, let a, let b, _): return "(\(op.rawValue) \(sexp(a)) \(sexp(b)))"
  case .call(let f, let args, _): return "\(f)(" + args.map(sexp).joined(separator: " ") + ")"
  case .inList(let x, let items, let neg):
    return "(\(neg ? "not-in" : "in") \(sexp(x)) [" + items.map(sexp).joined(separator: " ") + "])"
  case .isNull(let x, let neg): return "(\(neg ? "is-not-null" : "is-null") \(sexp(x)))"
  }
}

func parseExpr(_ s: String) throws -> String { sexp(try Parser.parseExpression(s)) }

func onePipeline(_ s: String) throws -> Pipeline {
  let stmts = try Parser.parse(s)
  guard stmts.count == 1, case .query(let p) = stmts[0].kind else {
    throw QueryError(
      .syntax, "not one pipeline",
      at: SourceRange(start: .init(line: 0, column: 0, offset: 0), end: .init(line: 0, column: 0, offset: 0)))
  }
  return p
}

final class LexerTests: XCTestCase {
  func kinds(_ s: String) throws -> [TokenKind] { try Lexer.tokens(s).map(\.kind) }

  func testLiterals() throws {
    XCTAssertEqual(
      try kinds("1_000_000 3.50 30% 12.5% \"a\\\"b\" 2026-11-29 30d 2w"),
      [
        .int(1_000_000), .decimal(Dec(mantissa: 350, scale: 2)), .percent(Dec(mantissa: 30, scale: 2)),
        .percent(Dec(mantissa: 125, scale: 3)), .string("a\"b"), .date(Day(year: 2026, month: 11, day: 29)!),
        .duration(30), .duration(14), .end,
      ])
  }

  func testIdentifiersVariablesAndCJK() throws {
    XCTAssertEqual(
      try kinds("区域 == $big_1 and x.y"),
      [
        .identifier("区域"), .symbol(.eq), .variable("big_1"), .keyword(.and), .identifier("x"), .symbol(.dot),
        .identifier("y"), .end,
      ])
  }

  func testColumnsCountCharactersNotBytes() throws {
    let t = try Lexer.tokens("\"华东\" == area")
    XCTAssertEqual(t[1].range.column, 6)
    XCTAssertEqual(t[2].range.column, 9)
    XCTAssertEqual(t[2].range.length, 4)
  }

  func testStringEscapes() throws {
    XCTAssertEqual(try kinds("\"a\\n\\t\\\\\\u{4E2D}\""), [.string("a\n\t\\中"), .end])
  }

  func testNewlinesJoinAfterPipeAndBeforeLeadingPipe() throws {
    XCTAssertEqual(try kinds("a |\nb"), [.identifier("a"), .symbol(.pipe), .identifier("b"), .end])
    XCTAssertEqual(
      try kinds("a\n  | b\nc"),
      [.identifier("a"), .symbol(.pipe), .identifier("b"), .newline, .identifier("c"), .end])
    XCTAssertEqual(
      try kinds("f(1,\n2)"),
      [.identifier("f"), .symbol(.lparen), .int(1), .symbol(.comma), .int(2), .symbol(.rparen), .end])
  }

  func testComments() throws {
    XCTAssertEqual(try kinds("a # note\nb"), [.identifier("a"), .newline, .identifier("b"), .end])
  }

  func testIncomplete() {
    XCTAssertTrue(isIncomplete("customers |"))
    XCTAssertTrue(isIncomplete("customers | where area == \"华"))
    XCTAssertTrue(isIncomplete("for x in [1, 2] {"))
    XCTAssertTrue(isIncomplete("customers | where contains(name,"))
    XCTAssertTrue(isIncomplete("customers | where a >"))
    XCTAssertFalse(isIncomplete("customers | take 3"))
    XCTAssertFalse(isIncomplete("customers | take 3 )"))
  }
}

final class ParserTests: XCTestCase {
  func testPrecedence() throws {
    XCTAssertEqual(try parseExpr("1 + 2 * 3"), "(+ 1 (* 2 3))")
    XCTAssertEqual(try parseExpr("(1 + 2) * 3"), "(* (+ 1 2) 3)")
    XCTAssertEqual(try parseExpr("a - b - c"), "(- (- a b) c)")
    XCTAssertEqual(try parseExpr("a / b * c"), "(* (/ a b) c)")
    XCTAssertEqual(try parseExpr("-a * b"), "(* (- a) b)")
    XCTAssertEqual(try parseExpr("-5 + 2"), "(+ -5 2)")
    XCTAssertEqual(try parseExpr("a + 1 > b * 2"), "(> (+ a 1) (* b 2))")
    XCTAssertEqual(try parseExpr("not a == 1 and b or c"), "(or (and (not (== a 1)) b) c)")
    XCTAssertEqual(try parseExpr("a or b and c"), "(or a (and b c))")
    XCTAssertEqual(try parseExpr("not not x"), "(not (not x))")
    XCTAssertEqual(try parseExpr("x in [1, 2] and y is not null"), "(and (in x [1 2]) (is-not-null y))")
    XCTAssertEqual(try parseExpr("x not in [\"A\"]"), "(not-in x [\"A\"])")
    XCTAssertEqual(try parseExpr("x + 1 is null"), "(is-null (+ x 1))")
    XCTAssertEqual(try parseExpr("due < today() - 90d"), "(< due (- today() dur(90)))")
    XCTAssertEqual(try parseExpr("if(a >= 1, \"y\", null)"), "if((>= a 1) \"y\" null)")
    XCTAssertEqual(try parseExpr("customers.name != $n"), "(!= customers.name $n)")
    XCTAssertEqual(try parseExpr("2026-01-31 + 1d"), "(+ date(2026-01-31) dur(1))")
    XCTAssertEqual(try parseExpr("x * 30%"), "(* x pct(0.30))")
  }

  func testWhereSortTakeSelect() throws {
    let p = try onePipeline(
      "customers | where abc_grade == \"A\" and area == \"华东\" | sort credit_limit desc, name | take 10 | select id, name, credit_limit"
    )
    XCTAssertEqual(p.verbs.map(\.name), ["where", "sort", "take", "select"])
    guard case .table("customers", _) = p.source else { return XCTFail() }
    guard case .where(let w) = p.verbs[0].kind else { return XCTFail() }
    XCTAssertEqual(sexp(w), "(and (== abc_grade \"A\") (== area \"华东\"))")
    guard case .sort(let keys) = p.verbs[1].kind else { return XCTFail() }
    XCTAssertEqual(keys.map { sexp($0.expr) }, ["credit_limit", "name"])
    XCTAssertEqual(keys.map(\.descending), [true, false])
    guard case .take(let n) = p.verbs[2].kind else { return XCTFail() }
    XCTAssertEqual(sexp(n), "10")
    guard case .select(let cols) = p.verbs[3].kind else { return XCTFail() }
    XCTAssertEqual(cols.map(\.name), ["id", "name", "credit_limit"])
  }

  func testSummarizeWithAndWithoutBy() throws {
    let p = try onePipeline(
      "invoices | summarize owed = sum(balance), n = count() by customer, month(date)")
    guard case .summarize(let aggs, let keys) = p.verbs[0].kind else { return XCTFail() }
    XCTAssertEqual(aggs.map(\.name), ["owed", "n"])
    XCTAssertEqual(aggs.map { sexp($0.expr) }, ["sum(balance)", "count()"])
    XCTAssertEqual(keys.map(\.name), ["customer", "month(date)"])
    let q = try onePipeline("sales | summarize total = sum(amount)")
    guard case .summarize(_, let none) = q.verbs[0].kind else { return XCTFail() }
    XCTAssertTrue(none.isEmpty)
    let r = try onePipeline("sales | summarize by area")
    guard case .summarize(let a, let k) = r.verbs[0].kind else { return XCTFail() }
    XCTAssertEqual(a.count, 0)
    XCTAssertEqual(k.map(\.name), ["area"])
  }

  func testDeriveJoinDistinctCountExport() throws {
    let p = try onePipeline(
      "sales | join left customers on customer == id | derive v = amount * 2, w = rank() | distinct area | count | export \"out.csv\""
    )
    guard case .join(let left, .table("customers", _), let l, let r) = p.verbs[0].kind else {
      return XCTFail()
    }
    XCTAssertTrue(left)
    XCTAssertEqual(sexp(l), "customer")
    XCTAssertEqual(sexp(r), "id")
    guard case .derive(let d) = p.verbs[1].kind else { return XCTFail() }
    XCTAssertEqual(d.map(\.name), ["v", "w"])
    guard case .distinct(let cols) = p.verbs[2].kind else { return XCTFail() }
    XCTAssertEqual(cols.map(\.name), ["area"])
    XCTAssertEqual(p.verbs[3].kind, .count)
    XCTAssertEqual(p.verbs[4].kind, .export("out.csv"))
    let q = try onePipeline("a | join b on x == y")
    guard case .join(false, .table("b", _), _, _) = q.verbs[0].kind else { return XCTFail() }
  }

  func testRangeAndVariableSources() throws {
    let p = try onePipeline("range(30d, 120d, 15d) | derive limit = limit_sales(1_000_000, 30%, value)")
    guard case .range(let a, let b, let c, _) = p.source else { return XCTFail() }
    XCTAssertEqual([sexp(a), sexp(b), sexp(c)], ["dur(30)", "dur(120)", "dur(15)"])
    let q = try onePipeline("$big | count")
    guard case .variable("big", _) = q.source else { return XCTFail() }
  }

  func testLetForUpdateAndCommands() throws {
    let s = try Parser.parse(
      """
      let big = customers | where credit_limit > 500_000
      let share = 30%
      let d = today()
      update customers set credit_limit = credit_limit * 110%, note = "raised" where abc_grade == "A"
      for r in [10%, 20%] {
        grade customers --as-of 2026-11-29
        $big | count; scenario end
      }
      for d in range(2026-01-01, 2026-03-31, 7d) { d }
      """, commands: ["grade", "scenario"])
    XCTAssertEqual(s.count, 6)
    guard case .let("big", _, .pipeline) = s[0].kind else { return XCTFail() }
    guard case .let("share", _, .expression(let e)) = s[1].kind else { return XCTFail() }
    XCTAssertEqual(sexp(e), "pct(0.30)")
    guard case .let("d", _, .expression) = s[2].kind else { return XCTFail() }
    guard case .update(let u) = s[3].kind else { return XCTFail() }
    XCTAssertEqual(u.table, "customers")
    XCTAssertEqual(u.assignments.map(\.column), ["credit_limit", "note"])
    XCTAssertEqual(u.condition.map(sexp), "(== abc_grade \"A\")")
    guard case .for(let f) = s[4].kind else { return XCTFail() }
    XCTAssertEqual(f.variable, "r")
    XCTAssertEqual(f.body.count, 3)
    XCTAssertEqual(f.body[0].kind, .command(name: "grade", text: "grade customers --as-of 2026-11-29"))
    XCTAssertEqual(f.body[2].kind, .command(name: "scenario", text: "scenario end"))
    guard case .for(let g) = s[5].kind, case .range = g.values else { return XCTFail() }
    XCTAssertEqual(g.body.count, 1)
  }

  func testExpressionStatementsAndLeadingPipes() throws {
    let s = try Parser.parse("today()\n$share * 2\n1 + 1\ncustomers\n  | take 1")
    XCTAssertEqual(s.count, 4)
    guard case .expression = s[0].kind, case .expression = s[1].kind, case .expression = s[2].kind else {
      return XCTFail()
    }
    guard case .query(let p) = s[3].kind else { return XCTFail() }
    XCTAssertEqual(p.verbs.count, 1)
  }

  func testRangesCoverTheTokens() throws {
    let p = try onePipeline("customers | sort credit_limit desc")
    XCTAssertEqual(p.verbs[0].keywordRange.column, 13)
    XCTAssertEqual(p.verbs[0].range.length, 22)
  }
}
