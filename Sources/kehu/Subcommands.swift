import ArgumentParser
import Foundation
import KehuDomain
import KehuShell
import KehuStore
import KehuTraining
import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

/// The store's maintenance commands, dispatched by their first word.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu check", abstract: "Report what is intact in a store; changes nothing.")
  @Option(help: ArgumentHelp("The store directory.", valueName: "dir")) var store: String

  func run() throws {
    try checkingStandardOutput(report)
  }

  func report() throws {
    try storeErrors {
      let report = try checkStore(dir: store)
      for line in report.lines { writeOut(line + "\n") }
      if !report.intact { throw ExitCode(65) }
    }
  }
}

struct Recover: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu recover",
    abstract: "Write a new store from everything intact in a damaged one; the damaged store is not changed.")
  @Option(help: ArgumentHelp("The damaged store.", valueName: "dir")) var store: String
  @Option(help: ArgumentHelp("Where to write the new store (must not exist).", valueName: "newdir")) var to:
    String

  func run() throws {
    try checkingStandardOutput(recover)
  }

  func recover() throws {
    try storeErrors {
      let report = try recoverStore(from: store, to: to)
      for line in report.lines { writeOut(line + "\n") }
      // REPL.md promises recover says exactly what was lost: every loss on its own line.
      for line in report.lost { writeOut(tr("lost: {0}", line) + "\n") }
      if report.lost.isEmpty { writeOut(tr("nothing was lost") + "\n") }
    }
  }
}

struct Gen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu gen",
    abstract: "Write a generated store of realistic data (deterministic for a seed and date).",
    discussion: """
      A store that already holds data is refused (exit status 73) unless --replace is given; \
      then the old store is moved aside to DIR.replaced-N, named in the message, and stays \
      readable with --store or `kehu recover`.
      """)
  @Option(help: "Number of customers.") var customers: Int = 1000
  @Option(help: "Number of sales lines.") var sales: Int = 10000
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: ArgumentHelp("The store directory to write.", valueName: "dir")) var store: String
  @Option(help: "The generated data ends at this date (default today).") var today: String?
  @Flag(help: "Move a store that holds data aside (DIR.replaced-N) instead of refusing it.") var replace =
    false
  @Flag(help: "Show the progress line even when stderr is not a terminal.") var progress = false

  func validate() throws {
    if let today, Day(parsing: today) == nil {
      throw ValidationError("--today must be a date YYYY-MM-DD; not '\(today)'")
    }
    if customers < 1 || sales < 0 {
      throw ValidationError("--customers must be at least 1 and --sales at least 0")
    }
  }

  /// Ctrl-C stops the work and leaves no store behind: the data is made before any store is
  /// opened, and a store this run created is removed if Ctrl-C came while it was written. A
  /// store that holds data is refused (73) or, with --replace, replaced whole: the new store
  /// is written beside it (DIR.generating-N) and the two trade places in one step
  /// (`Store.replaceDirectory`), so a kill at any moment leaves DIR holding the old store
  /// or the new one, and the old one is moved aside to DIR.replaced-N.
  func run() throws {
    let day = today.flatMap { Day(parsing: $0) } ?? localNow().day
    var replacing = false
    try storeErrors {
      if try holdsData(store) {
        guard replace else {
          writeErr(
            "kehu: store \(store) already holds data; nothing was changed. Give --replace to move it "
              + "aside and generate a new one, or choose another --store\n")
          throw ExitCode(73)
        }
        replacing = true
      }
    }
    signal(SIGINT) { _ in genInterrupted = 1 }
    let target = replacing ? besideFree(store, "generating") : store
    let existed = FileManager.default.fileExists(atPath: target)
    let line = progress || isatty(2) == 1 ? progressLine() : nil
    let stop: @Sendable () -> Bool = { genInterrupted != 0 }
    let report = line?.progress(tr("generating"), stop: stop) ?? WorkProgress { _, _ in !stop() }
    guard let db = generate(customers: customers, sales: sales, seed: seed, today: day, progress: report)
    else {
      line?.end()
      writeErr("kehu: interrupted; no store was written\n")
      throw ExitCode(130)
    }
    line?.begin(tr("writing {0}", store))
    line?.update(done: db.rowCount, total: nil)
    try storeErrors {
      let (opened, _) = try Store.open(.directory(target))
      try opened.replaceAll(with: db)
      try opened.close()
    }
    line?.end()
    if genInterrupted != 0 && !existed {
      try? FileManager.default.removeItem(atPath: target)
      writeErr("kehu: interrupted; no store was written\n")
      throw ExitCode(130)
    }
    var movedTo: String?
    if replacing {
      do {
        movedTo = try storeErrors { try Store.replaceDirectory(store, with: target) }
      } catch {
        try? FileManager.default.removeItem(atPath: target)
        throw error
      }
    }
    if let movedTo {
      writeOut("moved the old store aside to \(movedTo) (open it with --store \(movedTo))\n")
    }
    writeOut("generated \(db.customers.count) customers and \(db["sales"].count) sales lines in \(store)\n")
  }

  /// True when the directory holds a store with any row or any change recorded; a missing or
  /// empty directory, or a store never written to, is free. Opening takes the lock, so a store
  /// in use by a writer is refused with 75 before anything moves.
  private func holdsData(_ dir: String) throws -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir), !entries.isEmpty else {
      return false
    }
    let (opened, _) = try Store.open(.directory(dir))
    defer { try? opened.close() }
    return opened.state.rowCount > 0 || opened.state.sequence > 0
  }

  /// The first free `DIR.WORD-N` beside the store directory.
  private func besideFree(_ dir: String, _ word: String) -> String {
    var trimmed = Substring(dir)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    var n = 1
    while FileManager.default.fileExists(atPath: "\(trimmed).\(word)-\(n)") { n += 1 }
    return "\(trimmed).\(word)-\(n)"
  }
}

/// `kehu lesson NAME [--handout FILE.md]`: a lesson on its case's scratch store, never the
/// user's; with --handout, written as Markdown with its charts beside it.
struct LessonRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu lesson",
    abstract: "Run a built-in lesson (pausing at a terminal), or write it as a Markdown handout.")
  @Argument(help: "The case: \(CaseLibrary.all.map(\.name).joined(separator: ", ")).") var name: String
  @Option(help: ArgumentHelp("Write the lesson as Markdown, charts beside it.", valueName: "file.md"))
  var handout: String?
  @Option(help: "Messages and narration in this language: en or zh (default from LANG).") var language:
    String?
  @Flag(help: "Run straight through: no pauses, exercises show their model answer.") var noPause = false

  func validate() throws {
    if CaseLibrary.named(name) == nil {
      throw ValidationError(
        "no case '\(name)'; cases: \(CaseLibrary.all.map(\.name).joined(separator: ", "))")
    }
    if let language, !["en", "zh"].contains(language) {
      throw ValidationError("--language must be en or zh")
    }
  }

  func run() throws {
    var settings = Settings()
    settings.language = language ?? languageFromEnvironment(ProcessInfo.processInfo.environment)
    settings.user = ProcessInfo.processInfo.environment["USER"] ?? "user"
    // At a terminal the lesson pauses and asks, as at the prompt; piped, it runs straight through.
    let atTerminal = handout == nil && !noPause && isatty(0) == 1 && isatty(1) == 1
    let editor = atTerminal ? LineEditor(programName: "kehu", historyPath: nil) : nil
    defer { editor?.close() }
    var options = SessionOptions(
      clock: { localNow() }, interrupted: takeInterrupt, interactive: atTerminal,
      settings: settings, storeName: "memory")
    options.terminalWidth = { isatty(1) == 1 ? terminalColumns(1) : nil }
    let session = Session(
      options: options, io: SessionIO(out: writeOut, err: writeErr, outBytes: writeOutBytes),
      commands: .withTraining)
    session.noPause = !atTerminal
    session.lessonEndsSession = true
    if atTerminal { session.readLine = editor.map(pauseReader) ?? plainPauseReader }
    var statement = "lesson \(name)"
    if let handout {
      statement +=
        " handout=\""
        + handout.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    if session.run(source: statement, file: "kehu lesson") != .ok { throw ExitCode(1) }
  }
}
