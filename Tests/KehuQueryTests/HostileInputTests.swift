import KehuStore
import XCTest

@testable import KehuQuery

/// Input built to break the parser: deep nesting overflowed the stack (SIGSEGV) and long
/// chains and lines took quadratic time. Each must end in a clear error or a result.
final class HostileInputTests: XCTestCase {
  func refusal(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> QueryError? {
    do {
      _ = try Parser.parse(source)
      XCTFail("no error", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }

  func height(_ e: Expr) -> Int {
    switch e.kind {
    case .binary(_, let a, let b, _): return 1 + max(height(a), height(b))
    case .unary(_, let a): return 1 + height(a)
    case .call(_, let args, _): return 1 + (args.map(height).max() ?? 0)
    default: return 1
    }
  }

  func testTenThousandParenthesesAreRefusedAtTheFirstTooDeep() {
    let prefix = "let x = "
    let src = prefix + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let e = refusal(src)
    XCTAssertEqual(e?.message.description, "nested more than 256 levels deep; split the statement with `let`")
    // The 257th `(` is where the limit is passed: 256 open ones are allowed around the `1`.
    XCTAssertEqual(e?.range.column, prefix.count + 257)
    XCTAssertEqual(e?.range.line, 1)
  }

  func testTheDocumentedDepthIsAllowed() throws {
    // 255 brackets inside the statement's own expression level: 256 levels in all.
    let src = "let x = " + String(repeating: "(", count: 255) + "1" + String(repeating: ")", count: 255)
    XCTAssertEqual(try Parser.parse(src).count, 1)
  }

  func testNestedCallsNotsMinusesAndLoopsAreRefused() {
    let cases = [
      "let x = " + String(repeating: "abs(", count: 1_000) + "1" + String(repeating: ")", count: 1_000),
      "let x = " + String(repeating: "not ", count: 10_000) + "true",
      "let x = " + String(repeating: "-", count: 10_000) + "1",
      "let x = 1" + String(repeating: " + 1", count: 10_000),
      "let x = 1" + String(repeating: " * 2", count: 10_000),
      String(repeating: "for i in [1] { ", count: 10_000) + "let x = 1"
        + String(repeating: " }", count: 10_000),
    ]
    for src in cases {
      XCTAssertEqual(
        refusal(src)?.message.description, "nested more than 256 levels deep; split the statement with `let`",
        String(src.prefix(20)))
    }
  }

  func testSixteenThousandOrTermsMakeAShallowTree() throws {
    let terms = (0..<16_000).map { "id == \($0)" }
    let st = try Parser.parse("customers | where " + terms.joined(separator: " or "))
    guard case .query(let p) = st[0].kind, case .where(let cond) = p.verbs[0].kind else {
      return XCTFail("not a where")
    }
    // A balanced tree of 16,000 leaves is 15 `or` levels over the comparisons' two.
    XCTAssertLessThanOrEqual(height(cond), 17)
    // Every term is kept, in order.
    var leaves: [String] = []
    func walk(_ e: Expr) {
      if case .binary(.or, let a, let b, _) = e.kind {
        walk(a)
        walk(b)
      } else {
        leaves.append(e.text)
      }
    }
    walk(cond)
    XCTAssertEqual(leaves, terms)
  }

  func testAndChainsKeepTheirRangesAndText() throws {
    let st = try Parser.parse("customers | where a == 1 and b == 2 and c == 3")
    guard case .query(let p) = st[0].kind, case .where(let cond) = p.verbs[0].kind else {
      return XCTFail("not a where")
    }
    XCTAssertEqual(cond.text, "a == 1 and b == 2 and c == 3")
  }

  func testAMegabyteLineLexes() throws {
    let comment = "let x = 1 #" + String(repeating: "x", count: 1_000_000)
    XCTAssertEqual(try Parser.parse(comment).count, 1)
    let string = "let x = \"" + String(repeating: "y", count: 1_000_000) + "\""
    XCTAssertEqual(try Parser.parse(string).count, 1)
    let spaces = "let x = 1" + String(repeating: " ", count: 1_000_000)
    XCTAssertEqual(try Parser.parse(spaces).count, 1)
  }

  func testTakeZeroAfterASortKeepsNothing() throws {
    var e = QueryEngine(catalog: catalog(typed: true), today: today)
    guard case .table(let r)? = try e.execute("customers | sort id | take 0").last else {
      return XCTFail("not a table")
    }
    XCTAssertEqual(r.table.rows.count, 0)
    guard case .table(let r2)? = try e.execute("customers | sort id desc | take 1 | select id").last else {
      return XCTFail("not a table")
    }
    XCTAssertEqual(r2.table.rows.count, 1)
  }
}
