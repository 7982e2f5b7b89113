import Foundation
import KehuStore
import KehuTraining
import XCTest

@testable import KehuShell

/// REPL.md is the user's reference: every command in the command table, and every
/// setting, must have its own heading or row there.
final class ReferenceTests: XCTestCase {
  func testEveryCommandAndSettingIsDocumented() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../REPL.md").standardizedFileURL
    let text = try String(contentsOf: url, encoding: .utf8)
    let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.joined(separator: "\n")
    for spec in CommandTable.withTraining.specs {
      XCTAssertTrue(headings.contains(spec.name), "REPL.md has no heading for `\(spec.name)`")
    }
    for table in Catalog.tableNames {
      XCTAssertTrue(text.contains("| `\(table)` |"), "REPL.md has no row for table `\(table)`")
    }
    for setting in SettingSpec.all {
      XCTAssertTrue(
        text.contains("| `\(setting.name)` |"), "REPL.md has no row for setting `\(setting.name)`")
    }
  }
}
