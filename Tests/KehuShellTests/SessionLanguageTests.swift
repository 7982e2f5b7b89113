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
