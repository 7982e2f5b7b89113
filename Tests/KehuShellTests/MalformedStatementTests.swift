import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// Hundreds of bad statements, as a hostile or careless user types them: each must fail
/// with `FILE:LINE:COL: error: …` (a script then exits 1), change nothing in the store, and
/// never trap.
final class MalformedStatementTests: XCTestCase {
  /// Written by hand: each is wrong in a way the user can be told about.
  static let handWritten: [String] = [
    // Deleted tokens.
    "customers |", "customers | where", "customers | where id ==", "customers | sort", "customers | take",
    "customers | select", "customers | select id,", "customers | derive", "customers | derive x =",
    "customers | summarize n = count() by", "sales | join customers on customer ==",
    "sales | join customers on", "sales | join", "customers | where (id == 1", "customers | where id == 1)",
    "let = 1", "let x", "let x =", "for in [1] { print 1 }", "for i [1] { print 1 }", "for i in { print 1 }",
    "for i in [1] print 1", "update set remarks = \"x\"", "update customers remarks = \"x\"",
    "update customers set = 1", "update customers set remarks", "customers | export",
    "customers | export x.csv",
    "customer add", "customer set", "customer set 1001", "customer show", "invoice add 1001",
    "invoice add amount=100", "payment add 1001", "note add 1001 amount=10", "credit limit",
    "scenario", "complaint open", "area add",
    // Duplicated tokens.
    "customers | | take 1", "customers | where where id == 1", "customers | take 1 1",
    "customers | sort id id desc desc", "let x = = 1", "customers | where id == == 1",
    "customer set 1001 income=1 income=2", "customers | select id,, name", "customers customers",
    "customers | where id == 1 and and id == 2", "customers | where not", "for i in [1] { print 1 } }",
    // Unbalanced quotes and brackets.
    "customers | where name == \"abc", "customers | where name == abc\"", "let x = [1, 2",
    "let x = (1 + 2", "let x = 1 + 2)", "let x = ]", "let x = [1, 2]]", "let x = abs(1",
    "customers | where id in [1, 2", "customers | where id in 1, 2]", "print \"unterminated",
    "customer add individual name=\"王芳", "for i in [1] { print 1", "}",
    // Numbers out of range and impossible dates.
    "let x = 1e400", "let x = 99999999999999999999999", "let x = 9223372036854775808",
    "let x = 1.5.5", "let x = 30dd", "let x = 1.5d", "let x = 99999999999w",
    "customers | where created < 2026-02-30", "let x = 2026-13-01", "let x = 2026-00-10",
    "customer set 1001 credit_limit=1e400", "customer set 1001 credit_limit=99999999999999999999999",
    "customer set 1001 credit_limit=1.234", "customer set 1001 age=12.5", "customer set 1001 age=abc",
    "customer set 1001 limit_date=2026-02-30", "customer set 1001 supply_share=abc%",
    "invoice add 1001 amount=abc due=2026-12-01", "invoice add 1001 amount=1e400 due=2026-12-01",
    "invoice add 1001 amount=100 date=2026-02-30 due=2026-12-01",
    "payment add 1001 amount=99999999999999999999999",
    // Negative money where it cannot be.
    "customer set 1001 credit_limit=-100", "customer set 1001 income=-5", "customer set 1001 assets=-1",
    "customer set 1001 liabilities=-0.01", "customer set 1001 purchases=-1,000",
    "invoice add 1001 amount=-100 due=2026-12-01", "invoice add 1001 amount=0 due=2026-12-01",
    "payment add 1001 amount=-5", "update customers set credit_limit = -1 where id == 1001",
    "update customers set income = -100 where id < 1005", "customer add individual name=x income=-1",
    "customer set 1001 credit_limit=1,23,4.5", "customer set 1001 income=12,34",
    // Unknown names.
    "custmer list", "customers | wher id == 1", "customers | where nosuch == 1", "nosuchtable | take 1",
    "customers | sort nosuch", "customer frobnicate", "customer set 1001 nosuch=1", "let x = nosuch(1)",
    "customers | where abs() == 1", "let x = $undefined", "customers | select id | where name == \"x\"",
    "customer set 999999 remarks=x", "customer show 999999", "set nosuch 1", "set format yaml",
    // Type errors.
    "customers | where name > 5", "customers | where id + \"a\" == 1", "let x = \"a\" * 2",
    "customers | where id", "customers | take \"ten\"", "customers | take -1", "let x = 1 / 0",
    "let x = not 5", "let x = -\"a\"", "customers | where age in [\"a\", 2]",
    // Control, zero-width and right-to-left characters.
    "customer add individual name=\"王\u{0}芳\"", "customer add individual name=\"a\u{200B}b\"",
    "customer add individual name=\"a\u{202E}b\"", "customer add individual name=\"a\u{2066}b\"",
    "customer add individual name=\"a\u{FEFF}b\"", "customer add individual name=\"a\u{1B}[31mb\"",
    "customer set 1001 name=\"a\u{200D}b\"", "customer set 1001 remarks=\"x\u{202D}y\"",
    "update customers set name = \"a\u{202E}b\" where id == 1001",
    "customers \u{200B}| take 1", "let x\u{0} = 1", "customers | where id == 1\u{7}",
    // Stray characters.
    "customers | where id ! 1", "customers | where id === 1", "let x = 1 ; ; let = 2", "let x = @",
    "customers | where id == 1 |", "customers | where id ~ 1", "let x = 1 2", "let x = $", "let x = 1 +",
  ]

  /// Every verb with its argument cut in two by a stray `(`.
  static var strayBrackets: [String] {
    ["where id == 1", "select id", "sort id", "take 3", "derive y = 1", "summarize n = count()"].flatMap {
      ["customers | \($0) (", "customers | \($0) )", "customers | \($0) [", "customers | \($0) ]"]
    }
  }

  /// Commands given a field that does not exist, and one whose value cannot be read.
  static var badFields: [String] {
    let fields = ["age", "income", "credit_limit", "limit_date", "supply_share", "suppliers"]
    return fields.flatMap { f in
      ["customer set 1001 \(f)=\"?\"", "customer set 1001 \(f)=--1", "customer set 1001 \(f)=1..2"]
    } + ["bogus", "creditlimit", "名字", "x-y"].map { "customer set 1001 \($0)=1" }
  }

  /// Input built to break the parser: deep nesting, a megabyte line.
  static var hostile: [String] {
    [
      "let x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
      "let x = " + String(repeating: "abs(", count: 1_000) + "1" + String(repeating: ")", count: 1_000),
      "let x = " + String(repeating: "not ", count: 10_000) + "true",
      "let x = " + String(repeating: "-", count: 10_000) + "1",
      String(repeating: "for i in [1] { ", count: 1_000) + "print 1" + String(repeating: " }", count: 1_000),
      "customers | where " + String(repeating: "x", count: 1_000_000) + " == 1",
      "let x = \"" + String(repeating: "y", count: 1_000_000),
      "customers | where id == 1 " + String(repeating: "and ", count: 5_000),
    ]
  }

  static var all: [String] { handWritten + strayBrackets + badFields + hostile }

  /// The whole store as text: every table as CSV, and the journal sequence.
  func dump(_ db: Database) -> [UInt8] {
    var out = Array("sequence \(db.sequence)\n".utf8)
    for def in Catalog.tables { out += csvBytes(StoreDump.result(db[def.name]), excel: false) }
    return out
  }

  func testEveryMalformedStatementIsRefusedWithAPlaceAndChangesNothing() throws {
    XCTAssertGreaterThanOrEqual(Self.all.count, 200)
    let today = Day(parsing: "2026-11-29")!
    var settings = Settings()
    settings.today = today
    settings.user = "tester"
    let buffer = Collected()
    // One session for all: a refused statement leaves it as it was, so each one after it
    // starts from the same store (checked by the dump at the end).
    let s = Session(
      options: SessionOptions(settings: settings, storeName: "demo"),
      io: SessionIO(out: buffer.append, err: buffer.append),
      workspace: Workspace(try DemoFirm.database(today: today)))
    let before = dump(s.db)
    for statement in Self.all {
      _ = buffer.take()
      let sequence = s.db.sequence
      let shown = String(statement.prefix(60))
      XCTAssertEqual(s.run(source: statement, file: "t.kehu"), .failed, "accepted: \(shown)")
      let text = buffer.take()
      let place = text.range(of: #"t\.kehu:[0-9]+:[0-9]+: error: \S"#, options: .regularExpression)
      XCTAssertNotNil(place, "no `t.kehu:LINE:COL: error:` for \(shown):\n\(text.prefix(300))")
      XCTAssertEqual(s.db.sequence, sequence, "the store changed: \(shown)")
    }
    XCTAssertTrue(dump(s.db) == before, "the store changed")
  }
}

/// What a session printed since it was last taken.
final class Collected: @unchecked Sendable {
  private var parts: [String] = []
  private let lock = NSLock()
  @Sendable func append(_ s: String) { lock.withLock { parts.append(s) } }
  func take() -> String {
    lock.withLock {
      defer { parts = [] }
      return parts.joined()
    }
  }
}
