import KehuStore
import XCTest

@testable import KehuQuery

/// Bad statements with the exact place and message of the one error each must give.
final class SyntaxErrorTests: XCTestCase {
  func check(
    _ source: String, _ line: Int, _ column: Int, _ message: String, length: Int? = nil,
    file: StaticString = #filePath, at: UInt = #line
  ) {
    do {
      _ = try Parser.parse(source, commands: ["grade"])
      XCTFail("no error for \(source)", file: file, line: at)
    } catch {
      XCTAssertEqual(error.message.description, message, file: file, line: at)
      XCTAssertEqual("\(error.range.line):\(error.range.column)", "\(line):\(column)", file: file, line: at)
      if let length { XCTAssertEqual(error.range.length, length, file: file, line: at) }
    }
  }

  func testBadStatements() {
    check("customers | sort desc", 1, 18, "expected a column after `sort`, found `desc`", length: 4)
    check(
      "customers | sort credit_limit descending", 1, 31,
      "expected `,`, `|` or the end of the statement after `credit_limit`, found `descending`")
    check(
      "customers |", 1, 12,
      "expected a verb (where, select, derive, sort, take, summarize, join, distinct, count, export) after `|`, found end of input"
    )
    check("customers | wher area == \"A\"", 1, 13, "unknown verb `wher`; did you mean `where`?", length: 4)
    check(
      "customers | frobnicate", 1, 13,
      "unknown verb `frobnicate`; the verbs are where, select, derive, sort, take, summarize, join, distinct, count, export"
    )
    check("customers | where", 1, 18, "expected a condition after `where`, found end of input")
    check("customers | where area = \"华东\"", 1, 24, "`=` names a column; compare with `==`")
    check("customers | where a < b < c", 1, 25, "comparisons do not chain; write `a < b and b < c`")
    check("customers | where (a == 1", 1, 26, "expected `)` after `1`, found end of input")
    check(
      "customers | where a == 1)", 1, 25, "expected `,`, `|` or the end of the statement after `1`, found `)`"
    )
    check("customers | take", 1, 17, "expected a number of rows after `take`, found end of input")
    check("customers | derive x", 1, 20, "expected `NAME = expression` after `derive`, found `x`")
    check("customers | derive x =", 1, 23, "expected an expression after `=`, found end of input")
    check("customers | select a,", 1, 22, "expected a column after `,`, found end of input")
    check(
      "customers | summarize n = count() by", 1, 37,
      "expected a column to group by after `by`, found end of input")
    check("sales | join customers customer == id", 1, 24, "expected `on` after `customers`, found `customer`")
    check(
      "sales | join customers on customer = id", 1, 36,
      "expected `==` between the two keys after `customer`, found `=`")
    check("sales | join on a == b", 1, 17, "expected `on` after `on`, found `a`")
    check(
      "sales | export out.csv", 1, 16, "expected a file name in double quotes after `export`, found `out`")
    check("sales | export \"a.csv\" | take 1", 1, 24, "`export` must end the pipeline")
    check("sales | count 3", 1, 15, "expected `|` or the end of the statement after `count`, found `3`")
    check("customers | where name == \"abc", 1, 27, "unterminated string")
    check("customers | where due < 2026-02-30", 1, 25, "no such date `2026-02-30`")
    check(
      "customers | where due < today() - 90x", 1, 35, "bad number `90x`; durations are written `30d` or `2w`")
    check("customers | where due < 1.5d", 1, 25, "a duration is a whole number of days or weeks")
    check("customers | where a ! b", 1, 21, "unexpected `!`; write `!=` for not equal, or `not`")
    check("customers | where a == @", 1, 24, "unexpected character `@`")
    check("customers | where x in 1, 2", 1, 24, "expected a list `[a, b]` after `in`, found `1`")
    check("customers | where x in [1 2]", 1, 27, "expected `,` or `]` after `1`, found `2`")
    check("customers | where x is nul", 1, 24, "expected `null` after `is`, found `nul`")
    check("customers | where contains(name, )", 1, 34, "expected an argument after `,`, found `)`")
    check(
      "customers | where contains(name \"a\")", 1, 33, "expected `,` or `)` after `name`, found string \"a\"")
    check("let = 5", 1, 5, "expected a name after `let`, found `=`")
    check("let x 5", 1, 7, "expected `=` after `x`, found `5`")
    check("for x [1, 2] { x }", 1, 7, "expected `in` after `x`, found `[`")
    check(
      "for x in 5 { x }", 1, 10, "expected a list `[a, b]` or `range(from, to, step)` after `in`, found `5`")
    check("for x in [1] { x", 1, 17, "expected `}` after `x`, found end of input")
    check(
      "update customers credit_limit = 1", 1, 18, "expected `set` after `customers`, found `credit_limit`")
    check("update customers set credit_limit == 1", 1, 35, "expected `=` after `credit_limit`, found `==`")
    check("range(1, 10) | take 2", 1, 12, "expected `,` and the step of the range after `10`, found `)`")
    check("x | take 1 }", 1, 12, "unexpected `}` with no open `{`")
    check("customers | where $ == 1", 1, 19, "expected a variable name after `$`")
    check("customers\n| where a ==\n  | take 3", 3, 3, "expected an expression after `==`, found `|`")
    check("customers | take 1\ncustomers | sort ,", 2, 18, "expected a column after `sort`, found `,`")
  }

  func testIncompleteFlagOnlyAtTheEnd() {
    do {
      _ = try Parser.parse("customers | where (a == 1")
      XCTFail()
    } catch { XCTAssertTrue(error.isIncomplete) }
    do {
      _ = try Parser.parse("customers | sort desc")
      XCTFail()
    } catch { XCTAssertFalse(error.isIncomplete) }
  }
}
