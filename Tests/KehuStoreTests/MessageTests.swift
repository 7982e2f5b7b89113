import XCTest

@testable import KehuStore

/// A message keeps its English key and arguments until it is shown; these check the key an
/// interpolation builds and how a translation fills it in.
final class MessageTests: XCTestCase {
  let zh: [String: String] = [
    "no column \"{0}\" in {1}": "{1} 中没有列 \"{0}\"",
    "sales {0}": "{0} 销售额",
    "grade {0}": "等级 {0}",
    "A": "甲",
  ]

  func testInterpolationMakesAKeyWithPlaceholders() {
    let name = "nmae"
    let table = "customers"
    let m: Message = "no column \"\(name)\" in \(table)"
    XCTAssertEqual(m.key, "no column \"{0}\" in {1}")
    XCTAssertEqual(m.arguments, [.text("nmae"), .text("customers")])
    XCTAssertEqual(m.description, "no column \"nmae\" in customers")
    XCTAssertEqual(m.rendered { self.zh[$0] }, "customers 中没有列 \"nmae\"")
  }

  func testTheTranslationMayReorderAndRepeatArguments() {
    let m = Message("{1}/{0}/{1}", "x", 2)
    XCTAssertEqual(m.description, "2/x/2")
  }

  func testAMessageArgumentIsTranslatedAndATextOneIsNot() {
    let grade: Message = "A"
    let m: Message = "grade \(grade)"
    XCTAssertEqual(m.rendered { self.zh[$0] }, "等级 甲")
    XCTAssertEqual(Message("grade {0}", "A").rendered { self.zh[$0] }, "等级 A")
  }

  func testVerbatimTextIsNeverLookedUp() {
    XCTAssertEqual(Message(verbatim: "A").rendered { self.zh[$0] }, "A")
    XCTAssertEqual(Message(verbatim: "sales {0}").rendered { self.zh[$0] }, "sales {0}")
  }

  func testAnArgumentsOwnBracesAreNotFilledIn() {
    XCTAssertEqual(Message("{0} and {1}", "{1}", "b").description, "{1} and b")
    XCTAssertEqual(Message("{0} {7} {x}", "a").description, "a {7} {x}")
  }

  func testJoinedMessagesTranslateEachPart() {
    let m = Message("sales {0}", "May") + "A"
    XCTAssertEqual(m.description, "sales MayA")
    XCTAssertEqual(m.rendered { self.zh[$0] }, "May 销售额甲")
  }
}
