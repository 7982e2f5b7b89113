import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// Values the model forbids are refused the same way at the prompt, in `update` and in an
/// imported file, and the refusal changes nothing.
final class ValidationTests: XCTestCase {
  func session() throws -> (Session, OutputBuffer) {
    let today = Day(parsing: "2026-11-29")!
    let buffer = OutputBuffer()
    var settings = Settings()
    settings.today = today
    settings.user = "tester"
    let s = Session(
      options: SessionOptions(keepGoing: true, settings: settings, storeName: "demo"),
      io: SessionIO(out: buffer.append, err: buffer.append),
      workspace: Workspace(try DemoFirm.database(today: today)))
    return (s, buffer)
  }

  /// Runs `statement` expecting it to fail with `message`, leaving every table as it was.
  func refused(
    _ statement: String, _ message: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let (s, buffer) = try session()
    let before = StoreDump.result(s.db["customers"]).rows.count
    let invoices = s.db["invoices"].count
    let audit = s.db["audit"].count
    XCTAssertEqual(s.run(source: statement, file: nil), .failed, buffer.text, file: file, line: line)
    XCTAssertTrue(buffer.text.contains(message), buffer.text, file: file, line: line)
    XCTAssertEqual(StoreDump.result(s.db["customers"]).rows.count, before, file: file, line: line)
    XCTAssertEqual(s.db["invoices"].count, invoices, file: file, line: line)
    XCTAssertEqual(s.db["audit"].count, audit, "an audit entry was added", file: file, line: line)
  }

  func testNegativeLimitsAndIncomesAreRefusedEverywhere() throws {
    try refused("customer set 1001 credit_limit=-100", "`credit_limit` cannot be negative, not `-100.00`")
    try refused("customer set 1001 income=-5", "`income` cannot be negative, not `-5.00`")
    try refused(
      "update customers set credit_limit = -1 where id == 1001",
      "`credit_limit` cannot be negative, not `-1.00`")
    try refused(
      "customer add individual name=\"王芳\" income=-1", "`income` cannot be negative, not `-1.00`")
  }

  func testMisplacedSeparatorsAreRefused() throws {
    try refused("customer set 1001 credit_limit=1,23,4.5", "`credit_limit` must be an amount, not `1,23,4.5`")
    try refused("customer set 1001 age=1,0", "`age` must be a whole number, not `1,0`")
    XCTAssertEqual(Money(parsing: "1,234,567.50")?.fen, 123_456_750)
    XCTAssertEqual(Money(parsing: "-1,234")?.fen, -123_400)
    XCTAssertNil(Money(parsing: "1,23,4.5"))
    XCTAssertNil(Money(parsing: "1234,567"))
    XCTAssertNil(Money(parsing: "1,234.5,0"))
    XCTAssertNil(Money(parsing: ",123"))
    // A doubled sign once read as a positive amount.
    XCTAssertNil(Money(parsing: "--1"))
    XCTAssertNil(Money(parsing: "-+1"))
    try refused("customer set 1001 credit_limit=--1", "`credit_limit` must be an amount, not `--1`")
  }

  func testHiddenCharactersInNamesAreRefused() throws {
    for (scalar, code) in [
      ("\u{202E}", "U+202E"), ("\u{200B}", "U+200B"), ("\u{0}", "U+0000"), ("\u{1B}", "U+001B"),
    ] {
      try refused(
        "customer add individual name=\"王\(scalar)芳\"",
        "`name` holds the invisible or control character \(code) at character 2")
    }
    // Free text may hold a zero-width joiner (emoji) but never a bidirectional override.
    XCTAssertNil(Catalog.hiddenCharacter(in: "👨‍👩‍👧 ok", name: false))
    XCTAssertEqual(Catalog.hiddenCharacter(in: "ab\u{2066}c", name: false)?.position, 3)
  }

  func testAnImportedRowMeetsTheSameRules() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-val-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let files = [
      (
        "neg.csv", "no,customer,date,amount\nX1,1001,2026-11-01,-100\n",
        "`amount` must be more than zero, not `-100.00`"
      ),
      ("sep.csv", "no,customer,date,amount\nX1,1001,2026-11-01,\"1,23,4.5\"\n", "`amount` must be an amount"),
      (
        "rlo.csv", "id,kind,name\n9001,individual,\"a\u{202E}b\"\n",
        "`name` holds the invisible or control character U+202E"
      ),
    ]
    for (name, text, message) in files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
      let table = name == "rlo.csv" ? "customers" : "invoices"
      try refused("import \(table) \"\(dir)/\(name)\"", "row 1 (line 2): " + message)
    }
  }
}
