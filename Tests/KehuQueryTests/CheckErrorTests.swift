import KehuStore
import XCTest

@testable import KehuQuery

/// Name and type errors, found before any row is read: exact place, message and notes.
final class CheckErrorTests: XCTestCase {
  /// A catalog whose rows must never be read: checking may only look at columns.
  struct NoRows: QueryCatalog {
    var tableNames: [String] { ["customers", "sales"] }
    func columns(of table: String) -> [ResultColumn]? { catalog(typed: false).columns(of: table) }
    func rows(of table: String) -> RowSource? { nil }
  }

  func check(
    _ source: String, _ line: Int, _ column: Int, _ message: String, length: Int? = nil,
    notes: [String]? = nil,
    file: StaticString = #filePath, at: UInt = #line
  ) {
    var env = Environment()
    env["share"] = .value(.percent(Dec(mantissa: 30, scale: 2)))
    env["big"] = .table(ResultTable(columns: [ResultColumn("id", .int)], rows: []))
    let engine = QueryEngine(catalog: NoRows(), today: today, environment: env)
    do {
      let stmts = try engine.parse(source)
      for s in stmts {
        switch s.kind {
        case .query(let p): _ = try engine.plan(p)
        case .update(let u): _ = try engine.planUpdate(u)
        case .expression(let e): _ = try engine.evaluate(e)
        default: XCTFail("unexpected statement", file: file, line: at)
        }
      }
      XCTFail("no error for \(source)", file: file, line: at)
    } catch {
      XCTAssertEqual(error.message.description, message, file: file, line: at)
      XCTAssertEqual("\(error.range.line):\(error.range.column)", "\(line):\(column)", file: file, line: at)
      if let length { XCTAssertEqual(error.range.length, length, file: file, line: at) }
      if let notes { XCTAssertEqual(error.notes.map(\.description), notes, file: file, line: at) }
    }
  }

  func testNames() {
    check(
      "customers | where aera == \"华东\"", 1, 19, "no column \"aera\" in customers; did you mean \"area\"?",
      length: 4,
      notes: ["columns in customers: id, name, area, abc_grade, credit_limit, opened"])
    check(
      "custmers | count", 1, 1, "no table \"custmers\"; did you mean \"customers\"?", length: 8,
      notes: ["tables: customers, sales"])
    check("orders | count", 1, 1, "no table \"orders\"")
    check("$bgi | count", 1, 1, "no variable $bgi; did you mean \"big\"?")
    check("customers | where credit_limit > $shar", 1, 34, "no variable $shar; did you mean \"share\"?")
    check("customers | where $big > 1", 1, 19, "$big is a table; use it as a source: `$big | …`")
    check("customers | where sums(id) > 1", 1, 19, "no function \"sums\"; did you mean \"sum\"?")
    check(
      "customers | summarize n = count() by area | where credit_limit > 0", 1, 51,
      "no column \"credit_limit\" in the result of `summarize`",
      notes: ["columns in the result of `summarize`: area, n"])
    check(
      "sales | join custmers on customer == id", 1, 14, "no table \"custmers\"; did you mean \"customers\"?")
    check(
      "sales | join customers on customer == idd", 1, 39,
      "no column \"idd\" in customers; did you mean \"id\"?")
    check("customers | select id, id", 1, 24, "column \"id\" is selected twice")
    check("update customers set nme = \"x\"", 1, 22, "no column \"nme\" in customers; did you mean \"name\"?")
    check("update customers set name = \"x\", name = \"y\"", 1, 34, "column \"name\" is set twice")
    check("customers | derive x = sum(credit_limit)", 1, 24, "aggregate `sum` belongs in `summarize`")
    check(
      "customers | where rank() > 1", 1, 19,
      "`rank` works over the whole result; use it in `derive` or `select`")
    check(
      "customers | summarize x = credit_limit by area", 1, 27,
      "column \"credit_limit\" must be inside an aggregate such as sum(credit_limit), or listed after `by`")
    check("customers | summarize x = sum(max(id))", 1, 31, "aggregates do not nest")
    check("sales | summarize t = sum(amount), t = count()", 1, 36, "column \"t\" is named twice")
  }

  func testTypes() {
    check("customers | where name + 1 > 0", 1, 24, "`+` cannot combine text and int", length: 1)
    check("customers | where credit_limit", 1, 19, "`where` needs a true/false condition, but this is money")
    check(
      "customers | where opened > 2026-01-01 + 3", 1, 39,
      "`+` cannot combine date and int; write days as a duration, `30d`")
    check("customers | where name == 1", 1, 24, "cannot compare text with int using `==`", length: 2)
    check(
      "customers | where id == 1 and name", 1, 31,
      "`and` needs true/false on both sides; the right side is text")
    check("customers | where not id", 1, 23, "`not` needs true/false, but this is int")
    check("customers | where area in [\"华东\", 2]", 1, 34, "cannot compare text with int in a list")
    check("customers | summarize x = sum(name)", 1, 31, "sum needs numbers, not text")
    check("customers | summarize x = avg(opened)", 1, 31, "avg needs numbers, not date")
    check("customers | take -1", 1, 18, "`take` needs a whole number of rows, 0 or more")
    check("customers | take 1.5", 1, 18, "`take` needs a whole number of rows, 0 or more")
    check(
      "customers | where contains(name, 1)", 1, 34,
      "argument 2 of contains must be text, not int: contains(s, t)")
    check("customers | where contains(name)", 1, 19, "contains takes 2 argument(s): contains(s, t)")
    check("customers | select x = round(name, 2)", 1, 30, "round needs a number, not text")
    check("customers | select x = if(id, 1, 2)", 1, 27, "the condition of if must be true/false, not int")
    check("customers | select x = if(id > 1, 1, \"a\")", 1, 24, "the branches of if differ: int and text")
    check("customers | select x = coalesce(credit_limit, \"none\")", 1, 47, "coalesce mixes money and text")
    check("sales | join customers on customer == name", 1, 27, "cannot join int with text")
    check(
      "update customers set credit_limit = \"x\"", 1, 37, "cannot set money column \"credit_limit\" to text")
    check(
      "update customers set opened = 2026-01-01 where id", 1, 48,
      "`where` needs a true/false condition, but this is int")
    check(
      "range(1, 10, 1d) | count", 1, 7,
      "range needs three numbers, three percentages, or two dates and a duration; found int, int, duration")
    check("range(10, 1, 0) | count", 1, 14, "the step of a range must be more than zero")
    check("\"a\" - 1", 1, 5, "`-` cannot combine text and int")
    check("- \"a\"", 1, 1, "cannot negate text")
    check("customers | derive s = share(name)", 1, 30, "share needs numbers, not text")
  }
}
