import Foundation
import KehuDomain
import KehuStore
import KehuTraining
import XCTest

@testable import KehuShell

/// The case library and its lessons (issue 10).
final class LessonTests: XCTestCase {
  static let golden = TranscriptTests.directory.appendingPathComponent("lessons")
  static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Cases")

  func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kehu-lesson-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir.path
  }

  func session(
    _ buffer: OutputBuffer, workspace: Workspace = Workspace(), interactive: Bool = false,
    language: String = "en"
  ) -> Session {
    var settings = Settings()
    settings.today = Day(parsing: "2026-11-29")
    settings.user = "tester"
    settings.language = language
    return Session(
      options: SessionOptions(interactive: interactive, settings: settings),
      io: SessionIO(out: buffer.append, err: buffer.append), workspace: workspace, commands: .withTraining)
  }

  /// Every lesson runs to its end in script mode without a failure, and its output is the
  /// recorded one (`KEHU_RECORD=1` writes it anew and fails).
  func testEveryLessonRunsToTheEndAndMatchesItsGoldenFile() throws {
    let record = ProcessInfo.processInfo.environment["KEHU_RECORD"] == "1"
    for language in ["en", "zh"] {
      for c in CaseLibrary.all {
        let buffer = OutputBuffer()
        let s = session(buffer, language: language)
        s.outputDirectory = try temporaryDirectory()
        let outcome = s.run(source: "lesson \(c.name)", file: "test")
        XCTAssertEqual(outcome, .ok, "\(c.name) (\(language)) failed:\n\(buffer.text)")
        XCTAssertEqual(s.failures, 0, c.name)
        // The last line says the lesson ended, in the lesson's language.
        let end = language == "zh" ? "（`case close` 回到自己的数据库）\n" : "(`case close` goes back to your store)\n"
        XCTAssertTrue(buffer.text.hasSuffix(end), "\(c.name) (\(language)) did not reach its end")
        let url = Self.golden.appendingPathComponent("\(c.name)\(language == "zh" ? ".zh" : "").out")
        if record {
          try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
          try buffer.text.write(to: url, atomically: true, encoding: .utf8)
          XCTFail("recorded \(url.lastPathComponent); run again without KEHU_RECORD")
          continue
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if buffer.text != expected {
          XCTFail(
            "\(url.lastPathComponent) differs (- expected, + actual):\n" + lineDiff(expected, buffer.text))
        }
      }
    }

  }

  /// The chapter's sales performance example: 2,500,000 of sales, the first 4 customers
  /// 2,000,000 (80%), customers 5-10 375,000 (15%), the last 10 125,000 (5%): 4 A, 6 B, 10 C.
  func testPareto20HasTheChaptersFigures() throws {
    let s = session(OutputBuffer())
    XCTAssertEqual(s.run(source: "case open pareto-20\ngrade abc months=3 apply", file: "t"), .ok)
    let totals = SalesTotals.totals(s.db, from: nil, to: nil)
    let ids = s.db.customers.keyColumn.ints
    func sum(_ range: ClosedRange<Int64>) -> Int64 {
      ids.indices.filter { range.contains(ids[$0]) }.map { totals[$0] }.reduce(0, +)
    }
    XCTAssertEqual(sum(1001...1020), 250_000_000)  // fen
    XCTAssertEqual(sum(1001...1004), 200_000_000)
    XCTAssertEqual(sum(1005...1010), 37_500_000)
    XCTAssertEqual(sum(1011...1020), 12_500_000)
    let grades = Customers(s.db).abcGrade
    let count = { (g: String) in ids.indices.filter { grades[$0] == g }.count }
    XCTAssertEqual([count("A"), count("B"), count("C")], [4, 6, 10])
  }

  /// Table 4-12: 5,000 + 2,500 + 4,500 = 12,000; 12,000 ÷ 3 = 4,000.
  func testAbc3MonthsWorksTable412() throws {
    let s = session(OutputBuffer())
    XCTAssertEqual(s.run(source: "case open abc-3months", file: "t"), .ok)
    let out = try s.runStatement(Statement(text: "grade abc explain 2005 months=3", line: 1, column: 1))
    guard case .table(let t) = out else { return XCTFail("no table") }
    let values = t.rows.map { $0.last! }
    XCTAssertEqual(
      values,
      [500_000, 250_000, 450_000, 500_000, 750_000, 1_200_000, 400_000].map { .money(Money(fen: $0)) })
    // By standard amounts 10,000 and 3,000: 20,000, 12,000, 10,000 A; 6,000, 4,000, 3,000 B;
    // 1,500 and 1,000 C.
    XCTAssertEqual(s.run(source: "grade abc months=3 standard=10000,3000 apply", file: "t"), .ok)
    let grades = Customers(s.db).abcGrade
    XCTAssertEqual(
      (0..<s.db.customers.count).map { grades[$0] ?? "" }, ["A", "A", "A", "B", "B", "B", "C", "C"])
  }

  /// The handout: Markdown with the narration, each command and its output, and the SVG
  /// charts it names written beside it, in a folder created for it.
  func testHandoutWritesMarkdownAndTheChartsItNames() throws {
    let dir = try temporaryDirectory() + "/讲义/第四章"
    let buffer = OutputBuffer()
    let s = session(buffer)
    XCTAssertEqual(s.run(source: "lesson harrahs handout=\"\(dir)/harrahs.md\"", file: "t"), .ok, buffer.text)
    XCTAssertNil(s.openCase, "a handout never opens the case in the caller's session")
    let md = try String(contentsOfFile: dir + "/harrahs.md", encoding: .utf8)
    XCTAssertTrue(md.hasPrefix("# Opening case: Harrah's loyalty members (illustrative data)\n"))
    XCTAssertTrue(md.contains("ILLUSTRATIVE"))
    XCTAssertTrue(md.contains("```text\nkehu[case:harrahs]> pareto a=82% b=95% chart=\"harrahs.svg\"\n"))
    // 6034 has 4,508 as 6033 does: the tie joins 6033 in B (before: B 20, C 17).
    XCTAssertTrue(md.contains("50 customers: A 13, B 21, C 16"))
    XCTAssertTrue(md.contains("**Exercise: What share of revenue do the other 37 members bring?**"))
    let links = md.split(separator: "\n").filter { $0.hasPrefix("![") }
    XCTAssertEqual(links, ["![harrahs.svg](harrahs.svg)"])
    let svg = try String(contentsOfFile: dir + "/harrahs.svg", encoding: .utf8)
    XCTAssertTrue(svg.contains("<svg"))
    XCTAssertTrue(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
    XCTAssertEqual(buffer.text, "wrote the handout of harrahs to \(dir)/harrahs.md; charts beside it: 1\n")
  }

  /// The receivables lesson draws its ageing by customer as text; the handout shows the same
  /// chart as SVG beside it, and writing the handout again shows it again.
  func testHandoutEmbedsTheChartsTheLessonDrawsAsText() throws {
    let dir = try temporaryDirectory()
    let buffer = OutputBuffer()
    let s = session(buffer)
    for _ in 0..<2 {
      XCTAssertEqual(s.run(source: "lesson receivables handout=\"\(dir)/r.md\"", file: "t"), .ok, buffer.text)
      let md = try String(contentsOfFile: dir + "/r.md", encoding: .utf8)
      XCTAssertTrue(md.contains("ar ageing by=customer chart=text\n"), md)
      let links = md.split(separator: "\n").filter { $0.hasPrefix("![") }
      XCTAssertEqual(links, ["![receivables-chart-1.svg](receivables-chart-1.svg)"])
    }
    let svg = try String(contentsOfFile: dir + "/receivables-chart-1.svg", encoding: .utf8)
    XCTAssertTrue(svg.contains("<title>Receivables ageing by customer as of 2026-11-29</title>"), svg)
    XCTAssertTrue(svg.contains("class=\"bar\""))
  }

  /// A case runs on a scratch store: the user's directory store is byte for byte the same
  /// after a case was opened, changed, taught and closed.
  func testACaseNeverWritesToTheUsersStore() throws {
    let dir = try temporaryDirectory() + "/store"
    do {
      let (store, _) = try Store.open(.directory(dir))
      let s = session(OutputBuffer(), workspace: Workspace(store: store))
      XCTAssertEqual(s.run(source: "customer add company name=\"自己的客户\"", file: "t"), .ok)
      try store.close()
    }
    func files() throws -> [String: Data] {
      var out: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name != "lock" {
        out[name] = FileManager.default.contents(atPath: dir + "/" + name)
      }
      return out
    }
    let before = try files()
    let (store, _) = try Store.open(.directory(dir))
    let buffer = OutputBuffer()
    let s = session(buffer, workspace: Workspace(store: store))
    s.outputDirectory = try temporaryDirectory()
    let script = """
      case open pareto-20
      grade abc months=3 apply
      customer add company name="案例里的客户"
      lesson credit-limits
      case close
      customers | count
      """
    XCTAssertEqual(s.run(source: script, file: "t"), .ok, buffer.text)
    XCTAssertTrue(buffer.text.hasSuffix("count\n─────\n    1\n(1 row)\n"), buffer.text)
    try store.close()
    XCTAssertEqual(try files(), before)
  }

  /// The library in the binary is the Cases folder of the source tree (scripts/gen-cases).
  func testTheBuiltInCasesAreTheCasesFolder() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).sorted()
    XCTAssertEqual(names, CaseLibrary.all.map(\.name).sorted())
    for c in CaseLibrary.all {
      let dir = Self.cases.appendingPathComponent(c.name)
      let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "meta.txt" }
      XCTAssertEqual(Set(files), Set(c.files.map(\.name)), c.name)
      for f in c.files {
        let text = try String(contentsOf: dir.appendingPathComponent(f.name), encoding: .utf8)
        XCTAssertEqual(f.text, text, "\(c.name)/\(f.name): run scripts/gen-cases")
      }
      XCTAssertNotNil(c.file("data.kehu"), c.name)
      XCTAssertNotNil(c.file("lesson.kehu"), c.name)
      XCTAssertFalse(c.introduction("zh") == c.introduction("en"), c.name)
    }
  }

  /// `case export` writes the files; the exported data script builds the same case from disk.
  func testExportedCaseBuildsFromDisk() throws {
    let dir = try temporaryDirectory()
    let buffer = OutputBuffer()
    let s = session(buffer)
    XCTAssertEqual(s.run(source: "case export pareto-20 \"\(dir)/p20\"", file: "t"), .ok, buffer.text)
    let t = Session(
      options: SessionOptions(settings: Settings()), io: SessionIO(out: buffer.append, err: buffer.append),
      commands: .withTraining)
    let data = try String(contentsOfFile: dir + "/p20/data.kehu", encoding: .utf8)
    XCTAssertEqual(t.runScript(data, path: dir + "/p20/data.kehu"), .ok, buffer.text)
    XCTAssertEqual(t.db.customers.count, 20)
    XCTAssertEqual(t.db["sales"].count, 60)
  }

  /// At the prompt an exercise reads the learner's answers: a wrong one is said to differ,
  /// a right one (written another way) matches; Enter shows the model answer.
  func testExerciseComparesTheLearnersAnswerAtThePrompt() throws {
    let buffer = OutputBuffer()
    let s = session(buffer, interactive: true)
    var answers = ["customers | count", "customers | where abc_grade == \"A\" | summarize n = count()", ""]
    s.readLine = { prompt in
      buffer.append(prompt)
      return answers.isEmpty ? nil : answers.removeFirst()
    }
    let script = """
      case open pareto-20
      grade abc months=3 apply
      exercise "How many A customers?" expect customers | where abc_grade == "A" | count
      exercise "And B?" expect customers | where abc_grade == "B" | count
      """
    XCTAssertEqual(s.run(source: script, file: nil), .ok, buffer.text)
    let text = buffer.text
    XCTAssertTrue(text.contains("Not the same result as the model answer."), text)
    XCTAssertTrue(text.contains("Right: the same result as the model answer"), text)
    XCTAssertTrue(
      text.hasSuffix(
        "Model answer:\nkehu[case:pareto-20]> customers | where abc_grade == \"B\" | count\ncount\n─────\n    6\n(1 row)\n"
      ), text)
    XCTAssertEqual(s.db["audit"].count > 0, true)
  }

  /// `quit` at an exercise's answer prompt stops the lesson, not kehu.
  func testQuitAtAnExerciseStopsTheLesson() throws {
    let buffer = OutputBuffer()
    let s = session(buffer, interactive: true)
    s.outputDirectory = try temporaryDirectory()
    s.readLine = { prompt in prompt.hasPrefix("answer") ? "quit" : "" }
    XCTAssertEqual(s.run(source: "lesson pareto-20\ncustomers | count", file: nil), .ok)
    XCTAssertFalse(buffer.text.contains("Step 3."), buffer.text)
    XCTAssertTrue(buffer.text.contains("lesson pareto-20 stopped; the case stays open"), buffer.text)
    XCTAssertTrue(buffer.text.hasSuffix("count\n─────\n   20\n(1 row)\n"), buffer.text)
  }

  /// `pause` waits at the prompt only; `q` stops the lesson after the pause.
  func testPauseWaitsOnlyAtThePrompt() throws {
    let buffer = OutputBuffer()
    let s = session(buffer, interactive: true)
    var asked = 0
    s.readLine = { _ in
      asked += 1
      return "q"
    }
    XCTAssertEqual(s.run(source: "lesson pareto-20", file: nil), .ok)
    XCTAssertEqual(asked, 1)
    XCTAssertFalse(buffer.text.contains("Step 2."), "the lesson stopped at the first pause")
    XCTAssertTrue(
      buffer.text.hasSuffix(
        "lesson pareto-20 stopped; the case stays open (`case close` goes back to your store)\n"))
    s.noPause = true
    XCTAssertEqual(s.run(source: "lesson abc-3months", file: nil), .ok)
    XCTAssertEqual(asked, 1)
  }
}

final class RefusedStatementTests: XCTestCase {
  /// In a lesson `refused STATEMENT` must fail: its error points into the lesson's line; a
  /// statement that succeeds is an error of the lesson.
  func testRefusedMustFail() {
    let buffer = OutputBuffer()
    let s = Session(
      options: SessionOptions(keepGoing: true), io: SessionIO(out: buffer.append, err: buffer.append),
      commands: .withTraining)
    XCTAssertEqual(s.run(source: "case open pareto-20", file: "t"), .ok)
    s.lessonDepth = 1
    XCTAssertEqual(s.run(source: "refused  customer show 9999", file: "t"), .failed)
    XCTAssertEqual(s.openCase?.refusal, true)
    XCTAssertTrue(
      buffer.text.hasSuffix(
        "t:1:24: error: no customer 9999\n    refused  customer show 9999\n                           ^^^^\n"),
      buffer.text)
    s.openCase?.refusal = false
    XCTAssertEqual(s.run(source: "refused customers | count", file: "t"), .failed)
    XCTAssertEqual(s.openCase?.refusal, false)
    XCTAssertTrue(
      buffer.text.contains("error: the lesson expected this statement to be refused"), buffer.text)
    s.lessonDepth = 0
    XCTAssertEqual(s.run(source: "refused customers | count", file: "t"), .failed)
    // Outside a lesson the command table knows `refused` and says where it belongs.
    XCTAssertTrue(
      buffer.text.hasSuffix(
        "t:1:1: error: `refused` belongs in a lesson: it runs a statement the lesson expects to fail\n"
          + "    refused customers | count\n    ^^^^^^^\n"),
      buffer.text)
  }
}
