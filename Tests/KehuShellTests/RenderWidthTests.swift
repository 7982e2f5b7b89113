import KehuStore
import KehuText
import XCTest

@testable import KehuShell
@testable import KehuText

final class RenderWidthTests: XCTestCase {
  func testAsciiAndChinese() {
    XCTAssertEqual(displayWidth(""), 0)
    XCTAssertEqual(displayWidth("abc"), 3)
    XCTAssertEqual(displayWidth("张三"), 4)
    XCTAssertEqual(displayWidth("客户A"), 5)
    XCTAssertEqual("欧阳娜娜 Li".displayWidth, 11)
    // Fullwidth punctuation and the ideographic space are two cells; halfwidth katakana one.
    XCTAssertEqual(displayWidth("，。"), 4)
    XCTAssertEqual(displayWidth("\u{3000}"), 2)
    XCTAssertEqual(displayWidth("Ａ"), 2)
    XCTAssertEqual(displayWidth("ｱ"), 1)
    // Ambiguous characters count as one: the ellipsis and the box-drawing rule we print.
    XCTAssertEqual(displayWidth("…─"), 2)
    XCTAssertEqual(displayWidth("한국"), 4)
  }

  func testZeroWidth() {
    XCTAssertEqual(displayWidth("e\u{301}"), 1)  // combining acute
    XCTAssertEqual(displayWidth("a\u{200B}b"), 2)  // zero width space (Cf)
    XCTAssertEqual(displayWidth("a\tb\n"), 2)  // controls take no cell
    XCTAssertEqual(displayWidth("a\u{7F}\u{1B}"), 1)  // the ASCII fast path agrees
    XCTAssertEqual(displayWidth("é\u{7F}\u{1B}\u{85}"), 1)  // with the table lookup
    XCTAssertEqual(displayWidth("\u{1112}\u{1161}\u{11AB}"), 2)  // 한 spelled as jamo
    XCTAssertEqual(displayWidth("か\u{3099}"), 2)  // combining voiced mark, listed as W
  }

  func testEmoji() {
    XCTAssertEqual(displayWidth("😀"), 2)
    XCTAssertEqual(displayWidth("👨\u{200D}👩\u{200D}👧"), 2)
    // U+1FAE8 came after Python's Unicode 14 tables; the pictograph default keeps it wide.
    XCTAssertEqual(displayWidth("\u{1FAE8}"), 2)
  }

  func testTableIsSortedAndDisjoint() {
    let t = eastAsianWidthRanges
    XCTAssertEqual(t.count % 3, 0)
    var previous: UInt32? = nil
    for i in stride(from: 0, to: t.count, by: 3) {
      XCTAssertLessThanOrEqual(t[i], t[i + 1])
      XCTAssertTrue(t[i + 2] == 0 || t[i + 2] == 2)
      if let p = previous { XCTAssertGreaterThan(t[i], p) }
      previous = t[i + 1]
    }
    XCTAssertEqual(scalarWidth("\u{10FFFF}"), 1)
    XCTAssertEqual(scalarWidth("\u{0}"), 0)
    XCTAssertEqual(scalarWidth("\u{3FFFD}"), 2)
  }

  func testTruncate() {
    XCTAssertEqual(truncate("abcdef", toWidth: 6), "abcdef")
    XCTAssertEqual(truncate("abcdef", toWidth: 5), "abcd…")
    XCTAssertEqual(truncate("abcdef", toWidth: 1), "…")
    XCTAssertEqual(truncate("abcdef", toWidth: 0), "")
    // Width 7 leaves 6 cells before the ellipsis: three characters.
    XCTAssertEqual("客户管理系统".truncated(toWidth: 7), "客户管…")
    // Width 8 leaves 7: the fourth character would straddle the edge, so it goes too.
    XCTAssertEqual("客户管理系统".truncated(toWidth: 8), "客户管…")
    XCTAssertEqual("客户管理系统".truncated(toWidth: 12), "客户管理系统")
    XCTAssertEqual("e\u{301}e\u{301}e\u{301}".truncated(toWidth: 2), "e\u{301}…")
  }

  func testPadding() {
    XCTAssertEqual("张三".padded(toWidth: 6), "张三  ")
    XCTAssertEqual("张三".leftPadded(toWidth: 6), "  张三")
    XCTAssertEqual("张三四".padded(toWidth: 4), "张三四")
    XCTAssertEqual("ab".leftPadded(toWidth: 2), "ab")
  }

  // MARK: fitting to the terminal

  func testATableIsFittedToTheTerminalWidthByCuttingTextNotNumbers() {
    let long = "上海华强电子有限公司浦东新区张江高科技园区分公司"
    let t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("address", .text),
        ResultColumn("amount", .money),
      ],
      rows: [[.int(1001), .text(long), .text(long + long), .money(Money(fen: 123_456_789))]])
    let text = render(t, RenderOptions(width: 60))
    let lines = text.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines.allSatisfy { $0.displayWidth <= 60 }, text)
    XCTAssertTrue(lines[2].hasSuffix("1,234,567.89"), "a number was cut: \(lines[2])")
    XCTAssertTrue(lines[2].contains("…"), text)
    // Without a width (a script) nothing is fitted beyond the 40-cell cut.
    XCTAssertTrue(render(t, RenderOptions()).split(separator: "\n").contains { String($0).displayWidth > 60 })
  }

  func testAutoViewTurnsToCardsWhenTheLinesCannotFit() {
    let columns = (1...12).map { ResultColumn("column_\($0)", .int) }
    let t = ResultTable(columns: columns, rows: [(1...12).map { .int(Int64($0)) }])
    let fitted = render(t, RenderOptions(view: .auto, width: 80))
    XCTAssertTrue(fitted.hasPrefix("-[ RECORD 1 ]"), fitted)
    XCTAssertFalse(render(t, RenderOptions(view: .auto, width: 200)).hasPrefix("-[ RECORD 1 ]"))
    XCTAssertFalse(render(t, RenderOptions(view: .auto)).hasPrefix("-[ RECORD 1 ]"))
  }
}
