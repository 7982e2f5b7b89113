import KehuStore
import XCTest

@testable import KehuShell

final class RenderFormatsTests: XCTestCase {
  let day = Day(year: 2026, month: 11, day: 29)!
  var nine: Timestamp { Timestamp(day: day, hour: 9, minute: 5, second: 7) }

  // MARK: CSV

  func testCSVTypedFieldsAndQuoting() {
    let t = ResultTable(
      columns: [
        ResultColumn("name", .text), ResultColumn("note", .text), ResultColumn("amount", .money),
        ResultColumn("rate", .percent), ResultColumn("due", .date), ResultColumn("overdue", .duration),
        ResultColumn("ok", .bool), ResultColumn("at", .timestamp),
      ],
      rows: [
        [
          .text("张三"), .text("say \"hi\", ok"), .money(Money(fen: 123_450)),
          .percent(Dec(mantissa: 30, scale: 2)),
          .date(day), .duration(30), .bool(true), .timestamp(nine),
        ],
        [.text("a\r\nb"), .text(""), .money(Money(fen: -5)), .null, .null, .null, .null, .null],
      ], title: "not written", notes: ["nor this"])
    let expected =
      "name,note,amount,rate,due,overdue,ok,at\r\n"
      + "张三,\"say \"\"hi\"\", ok\",1234.50,0.3,2026-11-29,30,true,2026-11-29T09:05:07\r\n"
      + "\"a\r\nb\",,-0.05,,,,,\r\n"
    XCTAssertEqual(render(t, RenderOptions(format: .csv)), expected)
  }

  func testCSVEdgeCases() {
    XCTAssertEqual(csvField("plain"), "plain")
    XCTAssertEqual(csvField("\""), "\"\"\"\"")
    XCTAssertEqual(csvField("line\n"), "\"line\n\"")
    XCTAssertEqual(csvField("cr\r"), "\"cr\r\"")
    XCTAssertEqual(csvField(" spaced "), " spaced ")
    XCTAssertEqual(csvField("，全角逗号"), "，全角逗号")  // a fullwidth comma is not a separator
    // A header needing quotes, and a one-column row holding null, which must not be a blank line.
    let t = ResultTable(columns: [ResultColumn("a,b", .text)], rows: [[.null], [.text("x")]])
    XCTAssertEqual(render(t, RenderOptions(format: .csv)), "\"a,b\"\r\n\"\"\r\nx\r\n")
    XCTAssertEqual(
      render(
        ResultTable(columns: [ResultColumn("m", .money)], rows: [[.money(.max)]]), RenderOptions(format: .csv)
      ),
      "m\r\n92233720368547758.07\r\n")
  }

  // MARK: JSON

  func testJSONTypedValues() {
    let t = ResultTable(
      columns: [
        ResultColumn("id", .text), ResultColumn("n", .int), ResultColumn("amt", .money),
        ResultColumn("r", .percent), ResultColumn("d", .decimal), ResultColumn("due", .date),
        ResultColumn("days", .duration), ResultColumn("ok", .bool), ResultColumn("at", .timestamp),
      ],
      rows: [
        [
          .text("C001"), .int(42), .money(Money(fen: 123_450)), .percent(Dec(mantissa: 30, scale: 2)),
          .decimal(Dec(mantissa: -50, scale: 3)), .date(day), .duration(30), .bool(false), .timestamp(nine),
        ],
        [.text("C002"), .int(Int64.min), .money(.max), .null, .null, .null, .null, .null, .null],
      ], title: "not written")
    let expected = """
      [
        {"id": "C001", "n": 42, "amt": 1234.50, "r": 0.3, "d": -0.050, "due": "2026-11-29", "days": 30, "ok": false, "at": "2026-11-29T09:05:07"},
        {"id": "C002", "n": -9223372036854775808, "amt": 92233720368547758.07, "r": null, "d": null, "due": null, "days": null, "ok": null, "at": null}
      ]

      """
    XCTAssertEqual(render(t, RenderOptions(format: .json)), expected)
    XCTAssertEqual(
      render(ResultTable(columns: [ResultColumn("a", .int)]), RenderOptions(format: .json)), "[]\n")
  }

  func testJSONStringEscaping() {
    XCTAssertEqual(jsonString("张三"), "\"张三\"")
    XCTAssertEqual(jsonString(#"a"b\c"#), #""a\"b\\c""#)
    XCTAssertEqual(jsonString("\n\r\t\u{08}\u{0C}"), #""\n\r\t\b\f""#)
    XCTAssertEqual(jsonString("\u{0}\u{1}\u{1F}"), #""\u0000\u0001\u001F""#)
    XCTAssertEqual(jsonString("\u{7F}/"), "\"\u{7F}/\"")  // DEL and slash need no escape
    XCTAssertEqual(jsonString("\u{2028}"), #""\u2028""#)
    XCTAssertEqual(jsonString("😀"), "\"😀\"")
    let t = ResultTable(columns: [ResultColumn("客户\"名\"", .text)], rows: [[.text("王\n五")]])
    XCTAssertEqual(render(t, RenderOptions(format: .json)), "[\n  {\"客户\\\"名\\\"\": \"王\\n五\"}\n]\n")
  }

  // MARK: Markdown

  func testMarkdownTable() {
    let t = ResultTable(
      columns: [ResultColumn("name", .text), ResultColumn("amount", .money)],
      rows: [[.text("张三"), .money(Money(fen: 123_450))], [.text(#"a|b\c"#), .money(Money(fen: -5))]],
      title: "# Top", notes: ["n1", "n2"])
    // Widths: name 7 (`a\|b\\c` once escaped), amount 8 (1,234.50).
    let expected = ##"""
      \# Top

      | name    |   amount |
      | ------- | -------: |
      | 张三    | 1,234.50 |
      | a\|b\\c |    -0.05 |

      n1

      n2

      """##
    XCTAssertEqual(render(t, RenderOptions(format: .markdown)), expected)
  }

  func testMarkdownCellsAndShortColumns() {
    XCTAssertEqual(markdownCell("a\nb\r\nc"), "a<br>b<br>c")
    XCTAssertEqual(markdownCell("x|y"), #"x\|y"#)
    // Columns narrower than three cells still get the three-dash rule; nulls are empty.
    let t = ResultTable(
      columns: [ResultColumn("n", .int), ResultColumn("s", .text)], rows: [[.int(7), .null]])
    XCTAssertEqual(
      render(t, RenderOptions(format: .markdown)), "|   n | s   |\n| --: | --- |\n|   7 |     |\n")
  }
}
