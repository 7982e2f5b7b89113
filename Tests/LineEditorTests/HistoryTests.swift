import Foundation
import XCTest

@testable import LineEditor

final class HistoryTests: XCTestCase {
  private var directory: String!

  override func setUp() {
    directory = NSTemporaryDirectory() + "kehu-history-\(getpid())-\(UUID().uuidString)"
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: directory)
  }

  func testEntriesAreSavedPrivatelyWithoutAdjacentDuplicatesAndReloaded() throws {
    let path = directory + "/state/kehu/history"
    do {
      let editor = try XCTUnwrap(LineEditor(programName: "test", historyPath: path))
      for entry in ["a", "a", "b |\nc", "a"] { XCTAssertTrue(editor.addHistory(entry)) }
      XCTAssertEqual(editor.historyCount, 3)
      editor.close()
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    let parent = try FileManager.default.attributesOfItem(atPath: directory + "/state/kehu")
    XCTAssertEqual((parent[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    // libedit's format: a header, then one entry a line with newlines escaped as \012.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertEqual(text, "_HiStOrY_V2_\na\nb\\040|\\012c\na\n")
    let again = try XCTUnwrap(LineEditor(programName: "test", historyPath: path))
    XCTAssertEqual(again.historyCount, 3)
  }

  func testTheCapKeepsTheNewest() throws {
    let path = directory + "/history"
    let editor = try XCTUnwrap(LineEditor(programName: "test", historyPath: path, historySize: 2))
    for entry in ["one", "two", "three"] { editor.addHistory(entry) }
    XCTAssertEqual(editor.historyCount, 2)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "_HiStOrY_V2_\ntwo\nthree\n")
  }

  func testNoPathKeepsHistoryInMemory() throws {
    let editor = try XCTUnwrap(LineEditor(programName: "test", historyPath: nil))
    XCTAssertTrue(editor.addHistory("x"))
    XCTAssertEqual(editor.historyCount, 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory))
  }
}
