import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// Ctrl-C while a result is printed or exported: the printing stops after a block of whole
/// rows, the statement fails as interrupted, and an export leaves its file as it was.
final class PrintInterruptTests: XCTestCase {
  let today = Day(parsing: "2026-11-29")!

  /// Lets the output callback reach the session it writes for.
  final class SessionBox: @unchecked Sendable {
    weak var session: Session?
    var writes = 0
  }

  func session(workers: Int = 1, outBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? = nil) -> (
    Session, OutputBuffer, OutputBuffer
  ) {
    var settings = Settings()
    settings.today = today
    var options = SessionOptions(settings: settings)
    options.workers = workers
    let out = OutputBuffer()
    let err = OutputBuffer()
    let s = Session(
      options: options, io: SessionIO(out: out.append, err: err.append, outBytes: outBytes),
      workspace: Workspace(generate(customers: 500, sales: 40_000, seed: 3, today: today)))
    return (s, out, err)
  }

  /// A result of `n` rows kept as columns, as a query hands it over.
  func numbers(_ n: Int) -> ResultTable {
    let ids = (0..<Int64(n)).map { $0 }
    return ResultTable(
      columns: [ResultColumn("id", .int), ResultColumn("fen", .money)],
      cells: ResultCells(columns: [.init(.ints(ids, .int)), .init(.ints(ids, .money))], rowCount: n))
  }

  func testCtrlCWhileCSVIsPrintedStopsAfterAWholeBlock() {
    for workers in [1, 2] {
      let box = SessionBox()
      let out = OutputBuffer()
      // Ctrl-C arrives while the first block of rows is being written.
      let (s, _, err) = session(workers: workers) { bytes in
        out.append(String(decoding: bytes, as: UTF8.self))
        box.writes += 1
        if box.writes == 2 { box.session?.interrupt() }
      }
      box.session = s
      let outcome = s.run(
        source: "set format csv\nsales | select customer, date, amount", file: "t.kehu")
      XCTAssertEqual(outcome, .failed)
      XCTAssertTrue(err.text.contains("t.kehu:2:1: error: interrupted"), err.text)
      // The header and one block of 16,384 whole rows; the other 23,616 are not written.
      let lines = out.text.components(separatedBy: "\r\n")
      XCTAssertEqual(lines.first, "customer,date,amount")
      XCTAssertEqual(lines.count, 1 + 16_384 + 1, "workers \(workers)")
      XCTAssertEqual(lines.last, "", "the last row is whole")
      XCTAssertEqual(box.writes, 2)
    }
  }

  func testCtrlCStopsATableBeforeItIsPrinted() throws {
    let (s, out, _) = session()
    for view in ["horizontal", "vertical"] {
      s.run(source: "set rows all\nset view \(view)", file: nil)
      let before = out.text
      s.interrupt()
      XCTAssertThrowsError(try s.emitOutput(.table(numbers(10_000)))) { e in
        XCTAssertEqual((e as? ShellError)?.message, "interrupted")
      }
      XCTAssertEqual(out.text, before, "nothing of the table is printed")
      // The interruption is spent: the next result prints whole.
      try s.emitOutput(.table(numbers(5)))
      XCTAssertTrue(out.text.hasSuffix("(5 rows)\n"), String(out.text.suffix(200)))
    }
  }

  func testCtrlCStopsAnExportAndTheFileKeepsWhatItHad() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-print-stop-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("out.csv").path
    try Data("old\r\n".utf8).write(to: URL(fileURLWithPath: path))
    let (s, _, _) = session()
    s.interrupt()
    // Rows are counted toward Ctrl-C every WorkProgress.stride rows: more than that.
    XCTAssertThrowsError(try s.exportResult(numbers(WorkProgress.stride + 10), to: path)) { e in
      XCTAssertEqual((e as? ShellError)?.message, "interrupted")
    }
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\r\n")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.csv"], "no temporary file")
    // Without Ctrl-C (the next statement starts with the flag down) it is written whole.
    _ = s.interruptFlag.take()
    _ = try s.exportResult(numbers(WorkProgress.stride + 10), to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertEqual(text.components(separatedBy: "\r\n").count, 1 + WorkProgress.stride + 10 + 1)
  }
}
