import KehuStore
import XCTest

@testable import KehuShell

final class RenderTableTests: XCTestCase {
  let customers = ResultTable(
    columns: [
      ResultColumn("id", .text), ResultColumn("name", .text),
      ResultColumn("credit_limit", .money), ResultColumn("rate", .percent),
    ],
    rows: [
      [.text("C001"), .text("张三"), .money(Money(fen: 5_000_000)), .percent(Dec(mantissa: 3, scale: 1))],
      [.text("C002"), .text("欧阳娜娜"), .money(Money(fen: -123_450)), .percent(Dec(mantissa: 125, scale: 3))],
      [.text("C003"), .text("Li Lei"), .null, .null],
    ],
    title: "Customers", notes: ["limits in yuan"])

  func testChineseColumnsAlignByDisplayWidth() {
    // Widths: id 4, name 8 (欧阳娜娜), credit_limit 12 (its header), rate 5 (12.5%); the
    // percentages of one column keep the same decimals (30.0%).
    let expected = """
      Customers
      id    name      credit_limit   rate
      ────  ────────  ────────────  ─────
      C001  张三         50,000.00  30.0%
      C002  欧阳娜娜     -1,234.50  12.5%
      C003  Li Lei
      (3 rows)
      limits in yuan

      """
    XCTAssertEqual(render(customers, RenderOptions()), expected)
  }

  func testColourBoldHeaderDimRuleAndNull() {
    let t = ResultTable(
      columns: [ResultColumn("name", .text), ResultColumn("amount", .money)],
      rows: [[.text("张三"), .null]])
    let expected =
      "\u{1B}[1mname  amount\u{1B}[0m\n"
      + "\u{1B}[2m────  ──────\u{1B}[0m\n"
      + "张三    \u{1B}[2mnull\u{1B}[0m\n"
      + "(1 row)\n"
    XCTAssertEqual(render(t, RenderOptions(color: true)), expected)
  }

  func testMaxRowsCutsWithFooter() {
    let five = ResultTable(columns: [ResultColumn("n", .int)], rows: (1...5).map { [.int(Int64($0))] })
    XCTAssertEqual(
      render(five, RenderOptions(maxRows: 2)),
      "n\n─\n1\n2\n… 3 more rows (set rows all to see them)\n(5 rows)\n")
    XCTAssertEqual(
      render(five, RenderOptions(maxRows: 4)),
      "n\n─\n1\n2\n3\n4\n… 1 more row (set rows all to see them)\n(5 rows)\n")
    XCTAssertEqual(render(five, RenderOptions(maxRows: 5)), "n\n─\n1\n2\n3\n4\n5\n(5 rows)\n")

    let many = ResultTable(columns: [ResultColumn("n", .int)], rows: (1...1236).map { [.int(Int64($0))] })
    let text = render(many, RenderOptions(maxRows: 2))
    XCTAssertTrue(text.hasSuffix("2\n… 1,234 more rows (set rows all to see them)\n(1,236 rows)\n"), text)
    // Machine formats never drop rows.
    XCTAssertEqual(render(five, RenderOptions(format: .csv, maxRows: 2)), "n\r\n1\r\n2\r\n3\r\n4\r\n5\r\n")
  }

  func testWideCellsAreCutInTableOnly() {
    let t = ResultTable(
      columns: [ResultColumn("name", .text), ResultColumn("n", .int)],
      rows: [[.text("客户关系管理系统"), .int(7)]])
    // 16 cells cut to 10: nine for four characters and the ellipsis (a fifth would need 10).
    XCTAssertEqual(
      render(t, RenderOptions(maxCellWidth: 10)),
      "name       n\n─────────  ─\n客户关系…  7\n(1 row)\n")
    XCTAssertEqual(
      render(t, RenderOptions(format: .csv, maxCellWidth: 10)), "name,n\r\n客户关系管理系统,7\r\n")
  }

  func testControlCharactersShownAsEscapes() {
    let t = ResultTable(columns: [ResultColumn("address", .text)], rows: [[.text("北京\n朝阳\t1号")]])
    XCTAssertEqual(render(t, RenderOptions()), "address\n───────────────\n北京\\n朝阳\\t1号\n(1 row)\n")
  }

  func testPercentagesOfAColumnShareTheirDecimalsAndGroupThousands() {
    let t = ResultTable(
      columns: [ResultColumn("share", .percent)],
      rows: [
        [.percent(Dec(mantissa: 53, scale: 2))], [.percent(Dec(mantissa: 655, scale: 3))], [.null],
        [.percent(Dec(mantissa: 123_456, scale: 4))],
      ])
    XCTAssertEqual(
      render(t, RenderOptions()), "    share\n─────────\n   53.00%\n   65.50%\n\n1,234.56%\n(4 rows)\n")
    // Machine formats keep every digit of the fraction.
    XCTAssertEqual(render(t, RenderOptions(format: .csv)), "share\r\n0.53\r\n0.655\r\n\"\"\r\n12.3456\r\n")
  }

  func testEmptyAndMessageOnly() {
    let none = ResultTable(columns: [ResultColumn("a", .text)])
    XCTAssertEqual(render(none, RenderOptions()), "a\n─\n(0 rows)\n")
    let message = ResultTable(columns: [], title: "customer C001 added", notes: ["credit limit 50,000.00"])
    for format in OutputFormat.allCases where format != .json {
      XCTAssertEqual(
        render(message, RenderOptions(format: format)), "customer C001 added\ncredit limit 50,000.00\n")
    }
    // JSON stays one document: the lines become one message object.
    XCTAssertEqual(
      render(message, RenderOptions(format: .json)),
      "{\"message\": \"customer C001 added\\ncredit limit 50,000.00\"}\n")
    XCTAssertTrue(message.isMessageOnly)
    XCTAssertEqual(render(ResultTable(columns: []), RenderOptions()), "")
  }

  func testMoneyExtremesAndNegatives() {
    let t = ResultTable(
      columns: [ResultColumn("amount", .money)],
      rows: [[.money(.max)], [.money(.min)], [.money(Money(fen: -5))], [.money(.zero)]])
    // The header of a numeric column is right-aligned with its numbers.
    let expected = """
                          amount
      ──────────────────────────
       92,233,720,368,547,758.07
      -92,233,720,368,547,758.07
                           -0.05
                            0.00
      (4 rows)

      """
    XCTAssertEqual(render(t, RenderOptions()), expected)
  }

  func testUntypedColumnTakesItsCellsType() {
    let t = ResultTable(columns: [ResultColumn("x", .null)], rows: [[.null], [.int(5)], [.int(123)]])
    XCTAssertEqual(render(t, RenderOptions()), "  x\n───\n\n  5\n123\n(3 rows)\n")
  }

  func testVerticalCards() {
    let t = ResultTable(
      columns: [
        ResultColumn("id", .text), ResultColumn("name", .text), ResultColumn("credit_limit", .money),
      ],
      rows: [
        [.text("C001"), .text("张三"), .money(Money(fen: 5_000_000))],
        [.text("C002"), .text("欧阳娜娜"), .null],
      ], title: "Customers")
    // Names pad to 13 cells ("credit_limit:"); the widest line is 23 cells, so is the header.
    let expected = """
      Customers
      -[ RECORD 1 ]----------
      id:           C001
      name:         张三
      credit_limit: 50,000.00
      -[ RECORD 2 ]----------
      id:           C002
      name:         欧阳娜娜
      credit_limit:
      (2 rows)

      """
    XCTAssertEqual(render(t, RenderOptions(view: .vertical)), expected)
    XCTAssertEqual(
      render(t, RenderOptions(view: .vertical, maxRows: 1)).components(separatedBy: "\n").suffix(3),
      ["… 1 more row (set rows all to see them)", "(2 rows)", ""])
  }

  func testVerticalColour() {
    let t = ResultTable(
      columns: [ResultColumn("id", .text), ResultColumn("note", .text)], rows: [[.text("C1"), .null]])
    let expected =
      "\u{1B}[2m-[ RECORD 1 ]-\u{1B}[0m\n"
      + "\u{1B}[1mid:  \u{1B}[0m C1\n"
      + "\u{1B}[1mnote:\u{1B}[0m \u{1B}[2mnull\u{1B}[0m\n"
      + "(1 row)\n"
    XCTAssertEqual(render(t, RenderOptions(view: .vertical, color: true)), expected)
  }

  func testLabelsComeFromTheCaller() {
    let labels = RenderLabels(
      rowCount: { "（共 \($0) 行）" }, moreRows: { "…… 还有 \($0) 行" }, record: { "记录 \($0)" })
    let t = ResultTable(columns: [ResultColumn("n", .int)], rows: [[.int(1)], [.int(2)]])
    XCTAssertEqual(render(t, RenderOptions(maxRows: 1, labels: labels)), "n\n─\n1\n…… 还有 1 行\n（共 2 行）\n")
    XCTAssertEqual(
      render(t, RenderOptions(view: .vertical, maxRows: 1, labels: labels)),
      "-[ 记录 1 ]-\nn: 1\n…… 还有 1 行\n（共 2 行）\n")
  }
}
