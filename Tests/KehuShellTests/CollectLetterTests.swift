import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// `collect letter … file=`: the letter is written to the file (through the shell's atomic
/// writer), and nothing in the store changes.
final class CollectLetterTests: XCTestCase {
  func testTheLetterIsWrittenToTheFileAndNothingIsLogged() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kehu-letter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let today = Day(parsing: "2026-11-29")!
    let buffer = OutputBuffer()
    var settings = Settings()
    settings.today = today
    settings.user = "tester"
    let s = Session(
      options: SessionOptions(settings: settings), io: SessionIO(out: buffer.append, err: buffer.append),
      workspace: Workspace(try DemoFirm.database(today: today)))
    let logged = s.db["collections"].count
    let path = dir.appendingPathComponent("催款函-1017.md").path
    XCTAssertEqual(s.run(source: "collect letter 1017 file=\"\(path)\"", file: nil), .ok, buffer.text)
    let md = try String(contentsOfFile: path, encoding: .utf8)
    // The demo's 1017 owes INV-00417, 5,340.00, due 2026-10-17: 43 days past due.
    XCTAssertTrue(md.hasPrefix("# 催款函 / Payment reminder\n"))
    XCTAssertTrue(md.contains("| INV-00417 | 2026-09-17 | 2026-10-17 | 43 | 5,340.00 |"), md)
    XCTAssertTrue(md.hasSuffix("tester\n"))
    XCTAssertEqual(s.db["collections"].count, logged)
    XCTAssertTrue(buffer.text.contains("written to \(path) (1 items past due)"), buffer.text)
    // A folder that does not exist: a clear error, no file.
    XCTAssertEqual(s.run(source: "collect letter 1017 file=\"\(dir.path)/none/x.md\"", file: nil), .failed)
    XCTAssertTrue(buffer.text.contains("cannot write"), buffer.text)
  }
}
