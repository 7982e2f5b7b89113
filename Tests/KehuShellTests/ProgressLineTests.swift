import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// The progress line: its text, ten drawings a second at most, erased at the end; and the
/// session's long commands drawing it only when asked to.
final class ProgressLineTests: XCTestCase {
  /// A clock that moves `step` nanoseconds each time it is read.
  final class FakeClock: @unchecked Sendable {
    var now: UInt64 = 0
    let step: UInt64
    init(step: UInt64) { self.step = step }
    func read() -> UInt64 {
      now += step
      return now
    }
  }

  func testTheLineSaysWhatABarTheCountAndTheRate() {
    // 250,000 of 1,000,000 after 2 s: a quarter of a 20-cell bar, 125,000 a second.
    let line = ProgressLine.line(
      what: "generating", done: 250_000, total: 1_000_000, elapsed: 2_000_000_000, width: 80, ascii: true)
    XCTAssertTrue(line.hasPrefix("generating ["), line)
    XCTAssertTrue(line.hasSuffix("] 250,000 / 1,000,000  125,000/s"), line)
    XCTAssertLessThan(line.count, 80)
    // Narrow terminals lose the bar, never the count.
    let narrow = ProgressLine.line(
      what: "generating", done: 5, total: 10, elapsed: 0, width: 22, ascii: true)
    XCTAssertEqual(narrow, "generating 5 / 10")
  }

  func testAtMostTenDrawingsASecondAndErasedAtTheEnd() {
    let out = OutputBuffer()
    // Each read of the clock is 30 ms later: a drawing every fourth update at most.
    let clock = FakeClock(step: 30_000_000)
    let line = ProgressLine(write: out.append, clock: clock.read, ascii: true)
    line.begin("work")
    for i in 0..<40 { line.update(done: i, total: 40) }
    line.end()
    let drawings = out.text.components(separatedBy: "\r").filter { $0.hasPrefix("work") }
    // 40 updates over 1.2 s: no more than 12 drawings, and at least one.
    XCTAssertGreaterThan(drawings.count, 0)
    XCTAssertLessThanOrEqual(drawings.count, 12)
    XCTAssertTrue(out.text.hasSuffix("\r\u{1B}[K"), out.text)
    // After the end a late report draws nothing.
    let before = out.text
    line.update(done: 40, total: 40)
    XCTAssertEqual(out.text, before)
  }

  func testNothingIsDrawnBeforeTheDelay() {
    let out = OutputBuffer()
    let clock = FakeClock(step: 100_000_000)
    let line = ProgressLine(write: out.append, clock: clock.read, ascii: true)
    line.begin("opening the store", delaySeconds: 0.5)
    line.update(done: 0, total: nil)
    line.end()
    XCTAssertEqual(out.text, "", "quick work shows nothing")
  }

  func session(progress: ProgressLine?) -> (Session, OutputBuffer) {
    let today = Day(parsing: "2026-11-29")!
    var settings = Settings()
    settings.today = today
    var options = SessionOptions(settings: settings)
    options.progress = progress
    let out = OutputBuffer()
    let s = Session(
      options: options, io: SessionIO(out: out.append, err: out.append),
      workspace: Workspace(generate(customers: 500, sales: 40_000, seed: 3, today: today)))
    return (s, out)
  }

  func testExportAllDrawsTheLineAndSetProgressOffDoesNot() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-progress-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let err = OutputBuffer()
    let clock = FakeClock(step: 200_000_000)
    let (s, out) = session(progress: ProgressLine(write: err.append, clock: clock.read, ascii: true))
    s.run(source: "export all \"\(dir.path)/a\"", file: nil)
    XCTAssertTrue(out.text.hasPrefix("exported "), out.text)
    XCTAssertTrue(err.text.contains("\rexporting to \(dir.path)/a ["), err.text)
    XCTAssertTrue(err.text.hasSuffix("\r\u{1B}[K"), "the line is erased")
    let drawn = err.text
    s.run(source: "set progress off\nexport all \"\(dir.path)/b\"", file: nil)
    XCTAssertEqual(err.text, drawn, "set progress off draws nothing")
  }

  func testCtrlCStopsAnExportBeforeTheManifest() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-stop-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (s, _) = session(progress: nil)
    // Ctrl-C is heard at the first report, after 16,384 rows: the work stops there.
    let reports = OutputBuffer()
    let stop = WorkProgress { done, _ in
      reports.append("\(done) ")
      return false
    }
    XCTAssertThrowsError(
      try StoreDump.write(s.db, to: dir.path, at: s.now, counter: WorkCounter(stop, total: s.db.rowCount * 2))
    ) { e in XCTAssertEqual((e as? ShellError)?.message, "interrupted") }
    XCTAssertEqual(reports.text, "\(WorkProgress.stride) ")
    // A dump is complete only with its manifest, written last.
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path + "/manifest.json"))
  }
}
