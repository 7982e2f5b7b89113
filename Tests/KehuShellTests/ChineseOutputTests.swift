import Foundation
import KehuDomain
import KehuStore
import KehuTraining
import XCTest

@testable import KehuShell

/// Under `zh` every text a user reads is Chinese, except what stays English on purpose so that
/// scripts work in either language: command words, table and column names, stored codes, units
/// and the query language. This runs every help example on the demo firm and every lesson in
/// Chinese and fails on any other ASCII word of three or more letters.
final class ChineseOutputTests: XCTestCase {
  static let today = Day(parsing: "2026-11-29")!
  /// Built once: a `Database` is a value, so every session starts from the same firm.
  static let demo = Result { try DemoFirm.database(today: today) }

  func session(_ buffer: OutputBuffer, demo: Bool) throws -> Session {
    var settings = Settings()
    settings.today = Self.today
    // The user's name is a name the user typed, so it is a Chinese one here as at a Chinese firm.
    settings.user = "王伟"
    settings.language = "zh"
    let workspace = demo ? Workspace(try Self.demo.get()) : Workspace()
    let s = Session(
      options: SessionOptions(keepGoing: true, settings: settings),
      io: SessionIO(out: buffer.append, err: buffer.append), workspace: workspace, commands: .withTraining)
    s.noPause = true
    return s
  }

  func testEveryHelpExampleAndLessonIsChinese() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-zh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    // Examples that write files (`export`, `backup`) write relative to the current folder.
    let home = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(dir.path)
    defer {
      FileManager.default.changeCurrentDirectoryPath(home)
      try? FileManager.default.removeItem(at: dir)
    }
    var offending: [String: Set<String>] = [:]
    func check(_ what: String, _ text: String) {
      // Messages name the absolute paths written (issue 19): the temporary folder varies.
      let text = text.replacingOccurrences(of: dir.path, with: "DIR")
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      // A note may name the columns of the table it stands under: those stay English too.
      var columns = Set<String>()
      for (i, line) in lines.enumerated() where Self.isHeading(lines, i) {
        columns.formUnion(Self.englishWords(in: String(line)).map { $0.lowercased() })
      }
      for (i, line) in lines.enumerated()
      where !Self.englishWords(in: String(line)).filter({ !columns.contains($0.lowercased()) }).isEmpty {
        // A lesson echoes each statement after the prompt: what the user types, not a message.
        if Self.isEcho(line) { continue }
        // A table's heading line holds its column names, which stay English.
        if Self.isHeading(lines, i) { continue }
        offending[line.trimmingCharacters(in: .whitespaces), default: []].insert(what)
      }
    }
    // `case show` and `case export` print a case's files as they are: data, not messages.
    for spec in CommandTable.withTraining.specs where spec.path.first != "case" || spec.name == "case open" {
      let buffer = OutputBuffer()
      let s = try session(buffer, demo: true)
      s.outputDirectory = dir.path
      _ = s.run(source: "help \(spec.name)\n\(spec.example)", file: nil)
      check(spec.name, buffer.text)
    }
    for c in CaseLibrary.all {
      let buffer = OutputBuffer()
      let s = try session(buffer, demo: false)
      s.outputDirectory = dir.path
      _ = s.run(source: "lesson \(c.name)", file: nil)
      check("lesson " + c.name, buffer.text)
    }
    let found = offending.keys.sorted().map {
      "\($0)    [\(offending[$0]!.sorted().joined(separator: ", "))]"
    }
    XCTAssertEqual(found, [], "English words under zh:\n" + found.joined(separator: "\n"))
  }

  func testTheCheckFlagsEnglishButNotEchoesCodesOrHeadings() {
    XCTAssertEqual(Self.englishWords(in: "信用占用将为 5，over the limit"), ["over"])
    XCTAssertEqual(Self.englishWords(in: "票据 BN-001：held → settled；客户 trading"), [])
    XCTAssertTrue(Self.isEcho("kehu[case:bank]> sales | summarize total = sum(amount)"))
    XCTAssertFalse(Self.isEcho("kehu 默认（可修改）"))
    let table: [Substring] = ["rank  became_trading", "────  ──────────────", "1     2"]
    XCTAssertTrue(Self.isHeading(table, 0))
    XCTAssertFalse(Self.isHeading(table, 2))
  }

  /// Whether line `i` is a table's heading: the line above its rule of `─`.
  static func isHeading(_ lines: [Substring], _ i: Int) -> Bool {
    i + 1 < lines.count && lines[i + 1].contains("─") && lines[i + 1].allSatisfy { $0 == "─" || $0 == " " }
  }

  /// Whether `line` is a statement echoed after the prompt (`kehu> `, `kehu[case:bank]> `).
  static func isEcho(_ line: Substring) -> Bool {
    guard line.hasPrefix("kehu"), let end = line.range(of: "> ") else { return false }
    let prompt = line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound]
    return prompt.isEmpty || (prompt.first == "[" && prompt.last == "]")
  }

  /// The ASCII words of three or more letters in `line` that are not on the allow-list.
  static func englishWords(in line: String) -> [String] {
    var words: [String] = []
    var current = ""
    for c in line + " " {
      if c.isASCII && c.isLetter {
        current.append(c)
      } else {
        if current.count >= 3, !allowed.contains(current.lowercased()) { words.append(current) }
        current = ""
      }
    }
    return words
  }

  /// Words that stay English under `zh` by design.
  static let allowed: Set<String> = {
    var words = Set<String>()
    func add(_ text: String) {
      var w = ""
      for c in text.lowercased() + " " {
        if c.isASCII && c.isLetter {
          w.append(c)
        } else {
          if !w.isEmpty { words.insert(w) }
          w = ""
        }
      }
    }
    for spec in CommandTable.withTraining.specs {
      spec.path.forEach(add)
      for arg in spec.arguments {
        add(arg.name)
        if case .choice(let values) = arg.kind { values.forEach(add) }
      }
      add(spec.example)
    }
    // Stored codes: what the store holds and scripts type, shown as stored.
    for codes in [
      ComplaintStage.allCases.map(\.rawValue), ComplaintResponsibility.allCases.map(\.rawValue),
      ComplaintRemedy.allCases.map(\.rawValue), CollectionMethod.allCases.map(\.rawValue),
      TradeStartStage.allCases.map(\.rawValue), CreditClass.allCases.map(\.rawValue),
      JudgementFactor.allCases.map(\.rawValue), CreditLimitMethod.allCases.map(\.rawValue),
      ComplaintGrouping.allCases.map(\.rawValue), CaseLibrary.all.map(\.name),
      CollectionLadder.standard.steps.map(\.key),
    ] {
      codes.forEach(add)
    }
    for s in SettingSpec.all {
      add(s.name)
      add(s.values)
      s.choices.forEach(add)
    }
    for t in Catalog.tables {
      add(t.name)
      t.columns.forEach { add($0.name) }
    }
    // Codes the store holds without a list above: statuses, sources, notes' states.
    for t in Catalog.tables {
      for c in t.columns { c.allowed?.forEach(add) }
    }
    // And the codes the demo firm stores in its coded columns (a scale, a payment method, an
    // operating status): values, shown as stored, as the user would have typed them.
    if let db = try? demo.get() {
      for t in db.tables {
        for (c, def) in zip(t.columns, t.def.columns) where def.storage == .coded {
          c.dictionary.names.forEach(add)
        }
      }
    }
    for (k, vs) in Catalog.classifications {
      add(k)
      vs.forEach(add)
    }
    Session.functions.names.forEach(add)
    ValueType.allCases.map(\.rawValue).forEach(add)
    return words.union(extra)
  }()

  /// Stored codes, units and the query language's words, which no list above holds.
  static let extra: Set<String> = [
    "kehu", "csv", "json", "svg", "markdown", "true", "false", "null", "refused", "exercise",
    // A command-line option (`--memory`), the manifest file `export all` writes, the name of
    // the route algorithm (2-opt), the value `none` a setting takes.
    "memory", "manifest", "opt", "none",
    // The channel of the warning signs read from the ledger, beside `bank`, `agency`, ….
    "records",
  ]
}
