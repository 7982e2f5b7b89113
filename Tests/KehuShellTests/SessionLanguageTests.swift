import XCTest

@testable import KehuShell

/// The language belongs to the session, not the process: the command table is built once, in
/// English keys, and each session shows it in its own language when it is asked.
final class SessionLanguageTests: XCTestCase {
  func session(_ language: String, _ buffer: OutputBuffer) -> Session {
    var settings = Settings()
    settings.language = language
    return Session(
      options: SessionOptions(settings: settings), io: SessionIO(out: buffer.append, err: buffer.append))
  }

  func testTwoSessionsInOneProcessKeepTheirOwnLanguage() {
    let zhOut = OutputBuffer()
    let enOut = OutputBuffer()
    let zh = session("zh", zhOut)
    let en = session("en", enOut)
    XCTAssertEqual(zh.run(source: "help help", file: nil), .ok)
    XCTAssertEqual(en.run(source: "help help", file: nil), .ok)
    XCTAssertTrue(
      zhOut.text.contains(ChineseMessages.table["list the commands, or explain one"]!), zhOut.text)
    XCTAssertTrue(enOut.text.contains("list the commands, or explain one"), enOut.text)
    XCTAssertFalse(enOut.text.contains("列出"), enOut.text)
  }

  func testChangingTheLanguageTranslatesTheTableBuiltBefore() {
    let out = OutputBuffer()
    let s = session("en", out)
    XCTAssertEqual(s.run(source: "set language zh\nhelp", file: nil), .ok)
    XCTAssertTrue(out.text.contains("列出全部命令，或说明某一命令"), out.text)
  }

  func testOutsideASessionTextIsEnglish() {
    XCTAssertEqual(MessageCatalogue.current.language, "en")
    XCTAssertEqual(tr("list the commands, or explain one"), "list the commands, or explain one")
  }
}

extension SessionLanguageTests {
  func testAQueryErrorIsShownInTheSessionsLanguage() {
    let out = OutputBuffer()
    let s = session("zh", out)
    XCTAssertEqual(s.run(source: "customers | select nmae", file: nil), .failed)
    XCTAssertTrue(out.text.contains("customers 中没有列 \"nmae\"；是否要找 \"name\"？"), out.text)
    let en = OutputBuffer()
    XCTAssertEqual(session("en", en).run(source: "customers | select nmae", file: nil), .failed)
    XCTAssertTrue(en.text.contains("no column \"nmae\" in customers; did you mean \"name\"?"), en.text)
  }

  func testADomainWorkingIsShownInTheSessionsLanguage() {
    let out = OutputBuffer()
    let s = session("zh", out)
    let statement = "credit limit working-capital working_capital=900000 suppliers=3"
    XCTAssertEqual(s.run(source: statement, file: nil), .ok, out.text)
    XCTAssertTrue(out.text.contains("规则：§3.3 (2)：限度 = 周转资产 ÷ 供应商数"), out.text)
    XCTAssertTrue(out.text.contains("周转资产 ÷ 3"), out.text)
    XCTAssertFalse(out.text.contains("working capital ÷"), out.text)
  }
}

extension SessionLanguageTests {
  /// A domain refusal is a message key with arguments: the figure and the rule's words are
  /// both in the reader's language, nested messages (bucket names) included.
  func testADomainRefusalIsShownInTheSessionsLanguage() {
    for (statement, zh, en) in [
      (
        "discount cost 2/40 n/30", "折扣期必须在信用期之前结束",
        "a discount window must end before the net period"
      ),
      (
        "credit limit sales purchases=1000 share=200% period=30",
        "share=200%：必须在 0% 到 100% 之间", "share=200%: must be between 0% and 100%"
      ),
    ] {
      let out = OutputBuffer()
      XCTAssertEqual(session("zh", out).run(source: statement, file: nil), .failed)
      XCTAssertTrue(out.text.contains(zh), out.text)
      let english = OutputBuffer()
      XCTAssertEqual(session("en", english).run(source: statement, file: nil), .failed)
      XCTAssertTrue(english.text.contains(en), english.text)
    }
  }

  func testTheLineUnderATableIsInTheSessionsLanguage() {
    let out = OutputBuffer()
    XCTAssertEqual(session("zh", out).run(source: "tables", file: nil), .ok)
    XCTAssertTrue(out.text.contains("行）"), out.text)
    XCTAssertFalse(out.text.contains(" rows)"), out.text)
  }
}
