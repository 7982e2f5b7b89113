import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// The one writer of user files: a regular file replaced in one step, everything else
/// refused; and formula cells neutralised in every CSV path, not only `export TABLE`.
final class OutputFileTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-out-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: dir)
  }

  func leftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
  }

  func testARegularFileIsReplacedKeepingItsMode() throws {
    let path = dir + "/a.csv"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
    XCTAssertEqual(chmod(path, 0o600), 0)
    let written = try OutputFile.write(Array("new".utf8), to: path)
    XCTAssertEqual(written, path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
    XCTAssertEqual(try leftovers(), [])
  }

  func testWhatIsNotARegularFileIsRefusedAndLeftAlone() throws {
    try FileManager.default.createDirectory(atPath: dir + "/d.csv", withIntermediateDirectories: false)
    XCTAssertEqual(mkfifo(dir + "/f.csv", 0o644), 0)
    XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/target.csv", contents: Data("kept".utf8)))
    try FileManager.default.createSymbolicLink(atPath: dir + "/l.csv", withDestinationPath: "target.csv")
    let cases = [
      ("d.csv", "cannot write `\(dir)/d.csv`: it is a directory"),
      ("f.csv", "cannot write `\(dir)/f.csv`: it is a device, a FIFO or a socket, not a regular file"),
      (
        "l.csv",
        "cannot write `\(dir)/l.csv`: it is a symbolic link, which kehu does not replace; name its target"
      ),
    ]
    for (name, message) in cases {
      XCTAssertThrowsError(try OutputFile.write([1, 2], to: dir + "/" + name)) { e in
        XCTAssertEqual((e as? ShellError)?.message, message)
      }
    }
    XCTAssertThrowsError(try OutputFile.write([1], to: "/dev/null")) { e in
      XCTAssertEqual(
        (e as? ShellError)?.message,
        "cannot write `/dev/null`: it is a device, a FIFO or a socket, not a regular file")
    }
    XCTAssertEqual(
      try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/l.csv"), "target.csv")
    XCTAssertEqual(try String(contentsOfFile: dir + "/target.csv", encoding: .utf8), "kept")
    XCTAssertEqual(try leftovers(), [])
  }

  func testAMissingFolderIsAnErrorWithTheAbsolutePath() {
    XCTAssertThrowsError(try OutputFile.write([1], to: dir + "/no/such/x.csv")) { e in
      XCTAssertEqual(
        (e as? ShellError)?.message, "cannot write `\(dir)/no/such/x.csv`: No such file or directory")
    }
  }

  func testNothingAppearsUntilTheFileIsCommitted() throws {
    let path = dir + "/o.txt"
    let f = try OutputFile(path)
    try f.append(Array("part".utf8))
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    try f.commit()
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "part")
  }

  func session() -> (Session, OutputBuffer) { memorySession() }

  /// The pipeline's `| export`, `output FILE` with `set format csv`, and `--format csv`
  /// wrote `=HYPERLINK(…)` raw; a TAB or CR before `=` slipped past `export TABLE`.
  func testEveryCSVPathNeutralisesFormulas() throws {
    let (s, buffer) = session()
    let setup = """
      customer add individual name="=HYPERLINK(\\"http://x\\")" remarks="\\t=1+1"
      customer add individual name="@A1" remarks="+2"
      customers | select name, remarks | export "\(dir)/p.csv"
      export customers "\(dir)/t.csv"
      set format csv
      output "\(dir)/o.csv"
      customers | select name, remarks
      output
      """
    XCTAssertEqual(s.run(source: setup, file: nil), .ok, buffer.text)
    let expected =
      "name,remarks\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'\t=1+1\r\n'@A1,'+2\r\n"
    XCTAssertEqual(try String(contentsOfFile: dir + "/p.csv", encoding: .utf8), expected)
    XCTAssertEqual(try String(contentsOfFile: dir + "/o.csv", encoding: .utf8), expected)
    let table = try String(contentsOfFile: dir + "/t.csv", encoding: .utf8)
    XCTAssertTrue(table.contains(",'\t=1+1,"), table)
    XCTAssertFalse(table.contains(",\t="), table)
    XCTAssertEqual(formulaEscaped("-12.50"), "'-12.50")
    XCTAssertEqual(formulaEscaped("\r=1"), "'\r=1")
    XCTAssertEqual(formulaEscaped("华东"), "华东")
    // Every first character: only OWASP's list (= + - @ ' TAB CR) is escaped, and the
    // byte rule the fast CSV writers use says the same.
    let list: Set<Character> = ["=", "+", "-", "@", "'", "\t", "\r"]
    for b in UInt8(0)..<128 {
      let c = Character(Unicode.Scalar(b))
      XCTAssertEqual(formulaEscaped(String(c) + "x") != String(c) + "x", list.contains(c), "byte \(b)")
      XCTAssertEqual(csvFormulaStart(b), list.contains(c), "byte \(b)")
    }
  }

  /// A customer named `=1+2` is written as text by both exports: `export customers` and the
  /// pipeline's `| export "f.csv"`, so a spreadsheet shows the name and computes nothing.
  func testAFormulaNameIsExportedAsTextByBothExports() throws {
    let (s, buffer) = session()
    let script = """
      customer add individual name="=1+2"
      export customers "\(dir)/c.csv"
      customers | select id, name | export "\(dir)/q.csv"
      """
    XCTAssertEqual(s.run(source: script, file: nil), .ok, buffer.text)
    let pipeline = try String(contentsOfFile: dir + "/q.csv", encoding: .utf8)
    XCTAssertEqual(pipeline, "id,name\r\n1,'=1+2\r\n")
    let table = try String(contentsOfFile: dir + "/c.csv", encoding: .utf8)
    let row = try XCTUnwrap(table.components(separatedBy: "\r\n").dropFirst().first)
    XCTAssertTrue(row.hasPrefix("1,individual,'=1+2,"), row)
    XCTAssertFalse(table.contains(",=1+2"), table)
  }

  func testAFailedOutputFileIsAnErrorNotATrap() throws {
    let (s, buffer) = session()
    XCTAssertEqual(s.run(source: "output \"\(dir)/none/o.txt\"", file: nil), .failed)
    XCTAssertTrue(
      buffer.text.contains("cannot write `\(dir)/none/o.txt`: No such file or directory"), buffer.text)
  }
}

/// A session on an empty in-memory store, today 2026-11-29, its output collected.
func memorySession() -> (Session, OutputBuffer) {
  let buffer = OutputBuffer()
  var settings = Settings()
  settings.today = Day(parsing: "2026-11-29")
  settings.user = "tester"
  let s = Session(
    options: SessionOptions(settings: settings, storeName: "memory"),
    io: SessionIO(out: buffer.append, err: buffer.append))
  return (s, buffer)
}
