import Foundation
import KehuDomain
import KehuStore
import KehuText
import KehuTraining
import XCTest

@testable import KehuShell

/// The main suite: every `Transcripts/NAME.kehu` runs through the session, echoed behind
/// the prompt, with today fixed at 2026-11-29; its output must equal `NAME.out` exactly.
/// `KEHU_RECORD=1 swift test --filter TranscriptTests` writes the .out files anew, and
/// fails, so a recording is never mistaken for a pass.
final class TranscriptTests: XCTestCase {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Transcripts")

  // One test per transcript, so that a failure names its file.
  func testAnalysisGrading() throws { try check("analysis-grading.kehu") }
  func testAnalysisReports() throws { try check("analysis-reports.kehu") }
  func testAnalysisRoutes() throws { try check("analysis-routes.kehu") }
  func testAnalysisVisits() throws { try check("analysis-visits.kehu") }
  func testArchiveDemo() throws { try check("archive-demo.kehu") }
  func testArchiveDevelop() throws { try check("archive-develop.kehu") }
  func testArchiveExport() throws { try check("archive-export.kehu") }
  func testArchiveImport() throws { try check("archive-import.kehu") }
  func testArchiveRestore() throws { try check("archive-restore.kehu") }
  func testArchiveWorkflow() throws { try check("archive-workflow.kehu") }
  func testComplaintsClaims() throws { try check("complaints-claims.kehu") }
  func testComplaintsReport() throws { try check("complaints-report.kehu") }
  func testComplaintsStages() throws { try check("complaints-stages.kehu") }
  func testCreditExposure() throws { try check("credit-exposure.kehu") }
  func testCreditLimits() throws { try check("credit-limits.kehu") }
  func testCreditReview() throws { try check("credit-review.kehu") }
  func testCreditScores() throws { try check("credit-scores.kehu") }
  func testCreditWhatif() throws { try check("credit-whatif.kehu") }
  func testQueryDemo() throws { try check("query-demo.kehu") }
  func testReceivablesAgeing() throws { try check("receivables-ageing.kehu") }
  func testReceivablesDemo() throws { try check("receivables-demo.kehu") }
  func testReceivablesPayments() throws { try check("receivables-payments.kehu") }
  func testRulesClaims() throws { try check("rules-claims.kehu") }
  func testRulesCodes() throws { try check("rules-codes.kehu") }
  func testRulesCollections() throws { try check("rules-collections.kehu") }
  func testRulesEvaluation() throws { try check("rules-evaluation.kehu") }
  func testRulesGrading() throws { try check("rules-grading.kehu") }
  func testScenarioNesting() throws { try check("scenario-nesting.kehu") }
  func testShellBasics() throws { try check("shell-basics.kehu") }
  func testShellIo() throws { try check("shell-io.kehu") }
  func testTrainingCases() throws { try check("training-cases.kehu") }
  func testTrainingLanguage() throws { try check("training-language.kehu") }

  /// The transcripts with a test of their own above.
  static let named: Set<String> = [
    "analysis-grading.kehu",
    "analysis-reports.kehu",
    "analysis-routes.kehu",
    "analysis-visits.kehu",
    "archive-demo.kehu",
    "archive-develop.kehu",
    "archive-export.kehu",
    "archive-import.kehu",
    "archive-restore.kehu",
    "archive-workflow.kehu",
    "complaints-claims.kehu",
    "complaints-report.kehu",
    "complaints-stages.kehu",
    "credit-exposure.kehu",
    "credit-limits.kehu",
    "credit-review.kehu",
    "credit-scores.kehu",
    "credit-whatif.kehu",
    "query-demo.kehu",
    "receivables-ageing.kehu",
    "receivables-demo.kehu",
    "receivables-payments.kehu",
    "rules-claims.kehu",
    "rules-codes.kehu",
    "rules-collections.kehu",
    "rules-evaluation.kehu",
    "rules-grading.kehu",
    "scenario-nesting.kehu",
    "shell-basics.kehu",
    "shell-io.kehu",
    "training-cases.kehu",
    "training-language.kehu",
  ]

  /// A transcript added since the list above was written still runs, here.
  func testTranscriptsWithoutTheirOwnTest() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".kehu") }.sorted()
    XCTAssertFalse(names.isEmpty, "no transcripts found in \(Self.directory.path)")
    for name in names where !Self.named.contains(name) { try check(name) }
  }

  /// Runs `name` and compares its output with the `.out` beside it; `KEHU_RECORD=1` writes
  /// the `.out` instead, and fails.
  func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let script = Self.directory.appendingPathComponent(name)
    let expectedURL = script.deletingPathExtension().appendingPathExtension("out")
    let actual = try Self.run(script: script)
    if ProcessInfo.processInfo.environment["KEHU_RECORD"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
      XCTFail(
        "recorded \(expectedURL.lastPathComponent); run again without KEHU_RECORD", file: file, line: line)
      return
    }
    guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
      XCTFail(
        "\(name): no \(expectedURL.lastPathComponent); record it with KEHU_RECORD=1", file: file, line: line)
      return
    }
    if actual != expected {
      XCTFail(
        "\(name) differs from its .out (- expected, + actual):\n" + lineDiff(expected, actual), file: file,
        line: line)
    }
  }

  /// Runs a transcript the way `kehu --echo --keep-going --today 2026-11-29 FILE` would.
  /// A first line `#! demo` starts it on the demo firm (as `--demo`).
  /// `open` puts the starting data in a store of the caller's (the team store's tests run the
  /// same transcripts on a database); by default an in-memory one.
  static func run(script: URL, open: (Database) throws -> Workspace = { Workspace($0) }) throws -> String {
    let text = try String(contentsOf: script, encoding: .utf8)
    let today = Day(parsing: "2026-11-29")!
    let workspace = try open(text.hasPrefix("#! demo") ? try DemoFirm.database(today: today) : Database())
    let buffer = OutputBuffer()
    var settings = Settings()
    settings.today = today
    settings.echo = true
    settings.user = "tester"
    let session = Session(
      options: SessionOptions(
        keepGoing: true, settings: settings, storeName: text.hasPrefix("#! demo") ? "demo" : "memory"),
      io: SessionIO(out: buffer.append, err: buffer.append), workspace: workspace, commands: .withTraining)
    // As if sourced: relative paths (fixtures for `import`) are taken from the script's folder.
    _ = session.runScript(text, path: script.path, shownAs: script.lastPathComponent)
    return buffer.text
  }
}

/// Collects a session's output; both streams go to one place, in order.
final class OutputBuffer: @unchecked Sendable {
  private var parts: [String] = []
  private let lock = NSLock()
  var text: String { lock.withLock { parts.joined() } }
  @Sendable func append(_ s: String) { lock.withLock { parts.append(s) } }
}

/// A readable line diff (longest common subsequence), with two lines of context.
func lineDiff(_ a: String, _ b: String) -> String {
  let x = a.components(separatedBy: "\n")
  let y = b.components(separatedBy: "\n")
  var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
  for i in stride(from: x.count - 1, through: 0, by: -1) {
    for j in stride(from: y.count - 1, through: 0, by: -1) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  var ops: [(Character, String)] = []
  var i = 0
  var j = 0
  while i < x.count || j < y.count {
    if i < x.count && j < y.count && x[i] == y[j] {
      ops.append((" ", x[i]))
      i += 1
      j += 1
    } else if j < y.count && (i == x.count || lcs[i][j + 1] >= lcs[i + 1][j]) {
      ops.append(("+", y[j]))
      j += 1
    } else {
      ops.append(("-", x[i]))
      i += 1
    }
  }
  let changed = ops.indices.filter { ops[$0].0 != " " }
  var keep = Set<Int>()
  for c in changed { for k in max(0, c - 2)...min(ops.count - 1, c + 2) { keep.insert(k) } }
  var out: [String] = []
  var last = -1
  for k in keep.sorted() {
    if last >= 0 && k != last + 1 { out.append("…") }
    out.append("\(ops[k].0) \(ops[k].1)")
    last = k
  }
  return out.joined(separator: "\n")
}
