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
}
