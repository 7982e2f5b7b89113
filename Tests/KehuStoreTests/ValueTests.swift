import XCTest

@testable import KehuStore

final class ValueTests: XCTestCase {
  /// Canonically equivalent spellings compare equal whichever side they are on; other
  /// text goes by code point.
  func testTextComparisonIsSymmetric() {
    let pairs: [(String, String)] = [("e\u{301}", "\u{E9}"), ("\u{212A}", "K"), ("王芳", "王芳")]
    for (x, y) in pairs {
      XCTAssertEqual(Value.compare(.text(x), .text(y)), 0, "\(x) \(y)")
      XCTAssertEqual(Value.compare(.text(y), .text(x)), 0, "\(y) \(x)")
    }
    XCTAssertEqual(Value.compare(.text("a"), .text("b")), -1)
    XCTAssertEqual(Value.compare(.text("b"), .text("a")), 1)
    XCTAssertEqual(Value.compare(.text("Z"), .text("a")), -1, "code point, not case-folded")
    XCTAssertEqual(Value.compare(.text("华东"), .text("华")), 1)
  }

  func testDayRoundTrip() throws {
    for n in stride(from: Int32(-719_000), through: 2_900_000, by: 97) {
      let d = Day(number: n)
      let p = d.parts
      XCTAssertEqual(Day(year: p.year, month: p.month, day: p.day), d)
    }
    XCTAssertEqual(Day(parsing: "1970-01-01")?.number, 0)
    XCTAssertEqual(Day(parsing: "2026/11/29")?.description, "2026-11-29")
    XCTAssertNil(Day(parsing: "2026-02-29"))
    XCTAssertEqual(Day(parsing: "2024-02-29")?.weekday, 4)
  }

  func testAddMonthsClamps() {
    XCTAssertEqual(Day(parsing: "2026-01-31")!.adding(months: 1).description, "2026-02-28")
    XCTAssertEqual(Day(parsing: "2024-01-31")!.adding(months: 1).description, "2024-02-29")
    XCTAssertEqual(Day(parsing: "2026-03-31")!.adding(months: -13).description, "2025-02-28")
  }

  func testMoneyParseAndFormat() throws {
    XCTAssertEqual(Money(parsing: "¥1,234.5")?.fen, 123_450)
    XCTAssertEqual(Money(parsing: "-12.30")?.fen, -1230)
    XCTAssertNil(Money(parsing: "1.234"))
    XCTAssertEqual(Money(fen: 123_456_789).formatted, "1,234,567.89")
    XCTAssertEqual(Money(fen: -5).formatted, "-0.05")
    XCTAssertThrowsError(try Money.max.adding(Money(fen: 1))) { e in
      XCTAssertTrue("\(e)".contains("number too large (overflow)"), "\(e)")
    }
  }

  func testDecimalDivisionRoundsHalfAwayFromZero() throws {
    XCTAssertEqual(try Dec(2).divided(by: Dec(3), scale: 2).description, "0.67")
    XCTAssertEqual(try Dec(-1).divided(by: Dec(8), scale: 2).description, "-0.13")
    XCTAssertEqual(try Dec(parsing: "0.1")!.adding(Dec(parsing: "0.2")!), Dec(parsing: "0.3")!)
    XCTAssertThrowsError(try Dec(1).divided(by: .zero)) { e in
      XCTAssertTrue("\(e)".contains("division by zero"), "\(e)")
    }
    XCTAssertEqual(Dec(parsing: "1234567.891")!.formatted(decimals: 2, separators: true), "1,234,567.89")
  }
}
