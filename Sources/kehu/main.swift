import ArgumentParser
import Foundation
import KehuDomain
import KehuPostgres
import KehuShell
import KehuStore
import KehuTraining

#if canImport(Glibc)
  import Glibc
#endif

/// `kehu [options] [FILE…]`: the prompt, or script mode. Subcommands `check`, `recover`
/// and `gen` are dispatched by their first word so that script file names never clash.
struct Kehu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu",
    abstract: "Kehu (客户): customer, credit and receivables management at a prompt.",
    discussion: """
      Also:
        kehu check --store DIR
        kehu recover --store DIR --to NEWDIR
        kehu gen --customers N --sales M [--seed S] [--today DATE] [--replace] --store DIR
        kehu lesson NAME [--handout FILE.md] [--language en|zh] [--no-pause]
        kehu pg init URL [--schema S] | pg push --store DIR URL | pg pull URL --store DIR
      (their options are listed below)

      Exit statuses: 0 success, 1 a statement failed, 64 usage error, 65 the store's files \
      are corrupt, 66 a script cannot be read, 74 the store cannot be read or written, \
      75 the store is locked, 73 `gen` would overwrite a store holding data, 70 an internal \
      error. See REPL.md.
      """,
    version: kehuVersion
  )

  @Argument(help: "Script files to run, in order.") var files: [String] = []
  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run these statements and leave (repeatable; run in order with the files).", valueName: "statements"))
  var commands: [String] = []
  @Option(help: "Output format: table, csv, json or markdown.") var format: String?
  @Option(help: "Fix today's date (YYYY-MM-DD) and make the clock deterministic.") var today: String?
  @Flag(help: "Print each statement behind the prompt before its output.") var echo = false
  @Flag(help: "Run lessons through without waiting at their pauses and exercises.") var noPause = false
  @Flag(help: "Run on after a failing statement (the exit status is still 1).") var keepGoing = false
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Bind a script variable: NAME=VALUE (repeatable).", valueName: "name=value"))
  var bindings: [String] = []
  @Option(
    name: .customLong("init"),
    help: ArgumentHelp("A start-up file (default $XDG_CONFIG_HOME/kehu/init.kehu).", valueName: "file"))
  var initFile: String?
  @Flag(help: "Do not run the start-up file.") var noInit = false
  @Flag(help: "Show the progress line of long work even when stderr is not a terminal.") var progress = false
  @Flag(help: "Use a throwaway in-memory store that writes nothing.") var memory = false
  @Flag(help: "Open an in-memory store preloaded with the demo firm.") var demo = false
  @Option(
    help: ArgumentHelp(
      "The store directory (default $KEHU_STORE, else $XDG_DATA_HOME/kehu/default).", valueName: "dir"))
  var store: String?
  @Flag(help: "Open the store without changing it, beside a writer.") var readOnly = false
  @Flag(help: "On a team store, read the database in full, not through the local cache.") var noCache = false
  @Option(
    help: ArgumentHelp(
      "Run a script inside a scenario that is discarded at the end; print what it changed.",
      valueName: "script"))
  var whatIf: String?
  @Option(
    help: ArgumentHelp(
      "Run a script inside a scenario kept only if every statement succeeds.", valueName: "script"))
  var atomic: String?

  func validate() throws {
    if let format, OutputFormat(rawValue: format) == nil {
      throw ValidationError("--format must be one of table, csv, json, markdown; not '\(format)'")
    }
    if let today, Day(parsing: today) == nil {
      throw ValidationError("--today must be a date YYYY-MM-DD; not '\(today)'")
    }
    if whatIf != nil && atomic != nil { throw ValidationError("--what-if and --atomic cannot be combined") }
    for b in bindings where !b.contains("=") || b.hasPrefix("=") {
      throw ValidationError("--set takes NAME=VALUE; not '\(b)'")
    }
  }

  func run() throws { try checkingStandardOutput(runSession) }

  func runSession() throws {
    let env = ProcessInfo.processInfo.environment
    let interactive =
      files.isEmpty && commands.isEmpty && whatIf == nil && atomic == nil && isatty(0) == 1 && isatty(1) == 1
    var settings = Settings()
    if let format { settings.format = OutputFormat(rawValue: format)! }
    if let today { settings.today = Day(parsing: today) }
    settings.echo = echo
    settings.user = env["USER"] ?? env["LOGNAME"] ?? "user"
    settings.language = languageFromEnvironment(env)
    if interactive { settings.rows = max(5, terminalRows() - 6) }
    var variables: [String: Value] = [:]
    for b in bindings {
      let eq = b.firstIndex(of: "=")!
      variables[String(b[..<eq])] = ScriptBinding.value(String(b[b.index(after: eq)...]))
    }
    // Progress only where a person watches: stderr at a terminal, and not beside JSON meant for programs.
    let line = progress || (isatty(2) == 1 && settings.format != .json) ? progressLine() : nil
    let (workspace, storeName) = try openWorkspace(env: env, today: settings.today, progress: line)
    defer { closeStore(workspace.store) }
    // On a team store the audit names the database login, not a name the user typed.
    if case .database(let display) = workspace.store.location,
      let address = try? DatabaseAddress(url: display)
    {
      settings.user = address.user
    }
    var options = SessionOptions(
      clock: { localNow() }, monotonic: { DispatchTime.now().uptimeNanoseconds },
      interactive: interactive, color: isatty(1) == 1 && env["NO_COLOR"] == nil,
      keepGoing: keepGoing, settings: settings, storeName: storeName, variables: variables)
    options.workers = ProcessInfo.processInfo.activeProcessorCount
    options.terminalWidth = { isatty(1) == 1 ? terminalColumns(1) : nil }
    if interactive, let command = pagerCommand(env) {
      options.terminalHeight = { isatty(1) == 1 ? terminalRows() : nil }
      options.pager = { text in runPager(command, text) }
    }
    options.progress = line
    // The training commands join the shell's one table here, above the shell.
    let session = Session(
      options: options, io: SessionIO(out: writeOut, err: writeErr, outBytes: writeOutBytes),
      workspace: workspace,
      commands: .withTraining)
    session.noPause = noPause

    if !noInit, let path = initFile ?? defaultInitFile(env) {
      if let text = try? String(contentsOfFile: path, encoding: .utf8) {
        if session.runScript(text, path: path) == .failed { throw ExitCode(1) }
      } else if initFile != nil {
        throw ValidationError("cannot read --init file '\(path)'")
      }
    }
    if interactive {
      let status = runInteractive(host: session, historyPath: historyPath(environment: env)) { editor in
        // Lessons' pauses and exercises read a line between statements, when the editor is
        // idle; Ctrl-C there stops the lesson, as `q` does.
        session.readLine = editor.map(pauseReader) ?? plainPauseReader
      }
      let written = closeOutput(session)
      try finish(workspace.store)
      throw ExitCode(status != 0 ? status : written ? 0 : 1)
    }
    var failed = false
    if let path = whatIf ?? atomic {
      let text = try readScript(path)
      failed =
        (whatIf != nil
          ? session.runWhatIf(source: text, file: path) : session.runAtomic(source: text, file: path))
        == .failed
    } else if files.isEmpty && commands.isEmpty {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      failed = session.run(source: try scriptText([UInt8](data), file: "<stdin>"), file: "<stdin>") == .failed
    } else {
      for script in ScriptOrder.arrange(CommandLine.arguments.dropFirst(), commands: commands, files: files) {
        let outcome: Session.Outcome
        switch script {
        case .statements(let text): outcome = session.run(source: text, file: "-c")
        case .file(let file):
          outcome = session.runScript(try readScript(file), path: file)
        }
        if outcome == .quit { break }
        if outcome == .failed {
          failed = true
          if !keepGoing { break }
        }
      }
    }
    if !closeOutput(session) { failed = true }
    if let e = session.storeFailure { throw ExitCode(e.exitStatus) }
    try finish(workspace.store)
    if failed || session.failures > 0 { throw ExitCode(1) }
  }

  /// Puts an `output FILE` still open in place; false (with the error shown) if it failed.
  func closeOutput(_ session: Session) -> Bool {
    do {
      try session.closeOutput()
      return true
    } catch {
      writeErr("kehu: \(error)\n")
      return false
    }
  }

  /// `--memory` and `--demo` are throwaway stores; otherwise a directory, created on first use.
  func openWorkspace(env: [String: String], today: Day?, progress: ProgressLine?) throws -> (
    Workspace, String
  ) {
    if memory || demo {
      if store != nil || readOnly {
        throw ValidationError("--\(demo ? "demo" : "memory") cannot be combined with --store or --read-only")
      }
      guard demo else { return (Workspace(), "memory") }
      do {
        return (Workspace(try DemoFirm.database(today: today ?? localNow().day)), "demo")
      } catch {
        writeErr("kehu: the demo firm could not be built: \(error)\n")
        throw ExitCode(70)
      }
    }
    let location = StoreLocation.resolve(memory: false, store: store, environment: env)
    if case .database(let url) = location {
      return try databaseErrors {
        let address = try DatabaseAddress(url: url, environment: env)
        let cache = noCache ? nil : cacheDirectory(environment: env).map { LocalCache(directory: $0) }
        let opened = try opening(progress, tr("opening the store")) {
          try PostgresBackend.open(address, readOnly: readOnly, cache: cache)
        }
        for w in opened.warnings { writeErr("kehu: warning: \(tr(w))\n") }
        return (Workspace(store: opened.store), address.database)
      }
    }
    return try storeErrors {
      let (opened, warnings) = try opening(progress, tr("opening the store")) {
        try Store.open(location, readOnly: readOnly)
      }
      for w in warnings { writeErr("kehu: warning: \(tr(w))\n") }
      return (Workspace(store: opened), opened.name)
    }
  }

  /// Syncs what is left in the journal; a run never exits 0 with a change unsynced.
  func finish(_ store: Store) throws {
    try storeErrors {
      try store.close()
    }
  }
}

/// `zh` when the locale (LC_ALL, else LC_MESSAGES, else LANG) is Chinese; else `en`.
func languageFromEnvironment(_ env: [String: String]) -> String {
  let locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
  return locale.hasPrefix("zh") ? "zh" : "en"
}

func closeStore(_ store: Store) { try? store.close() }

/// A store error becomes its message on stderr and its exit status (65, 74 or 75).
func storeErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let e as StoreError {
    writeErr("kehu: \(e.description)\n")
    throw ExitCode(e.exitStatus)
  }
}

/// A script file's text; one that cannot be read, or is not UTF-8, exits 66 (the message
/// gives the line and column of the first bad byte).
func readScript(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    writeErr("kehu: cannot read script '\(path)'\n")
    throw ExitCode(66)
  }
  return try scriptText([UInt8](data), file: path)
}

func scriptText(_ bytes: [UInt8], file: String) throws -> String {
  switch ScriptText.decode(bytes) {
  case .success(let text): return text
  case .failure(let bad):
    writeErr("\(file):\(bad.message)\n")
    throw ExitCode(66)
  }
}

func defaultInitFile(_ env: [String: String]) -> String? {
  let base =
    env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
    ?? (env["HOME"].map { $0 + "/.config" } ?? "")
  guard !base.isEmpty else { return nil }
  let path = base + "/kehu/init.kehu"
  return FileManager.default.fileExists(atPath: path) ? path : nil
}

func localNow() -> Timestamp {
  var t = time(nil)
  var parts = tm()
  localtime_r(&t, &parts)
  let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  return Timestamp(day: day, hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
}

func terminalColumns(_ fd: Int32) -> Int {
  var ws = winsize()
  return ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Int(ws.ws_col) : 80
}

/// The progress line on stderr, timed by the monotonic clock, fitted to stderr's width.
func progressLine() -> ProgressLine {
  ProgressLine(
    write: writeErr, clock: { DispatchTime.now().uptimeNanoseconds }, width: { terminalColumns(2) },
    ascii: !(ProcessInfo.processInfo.environment["LANG"] ?? "").lowercased().contains("utf"))
}

/// Opening a large store reads its snapshot and journal at once, with nothing to count: past
/// half a second the line says what is happening and for how long.
func opening<T>(_ line: ProgressLine?, _ what: String, _ body: () throws -> T) rethrows -> T {
  guard let line else { return try body() }
  line.begin(what, delaySeconds: 0.5)
  let ticker = Thread {
    while !Thread.current.isCancelled {
      line.update(done: 0, total: nil)
      usleep(100_000)
    }
  }
  ticker.start()
  defer {
    ticker.cancel()
    line.end()
  }
  return try body()
}

/// Set by Ctrl-C while `kehu gen` works; the generator stops at its next report.
nonisolated(unsafe) var genInterrupted: sig_atomic_t = 0

func terminalRows() -> Int {
  var ws = winsize()
  return ioctl(1, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_row > 0 ? Int(ws.ws_row) : 24
}

@Sendable func writeOut(_ s: String) { writeAll(1, s) }
@Sendable func writeErr(_ s: String) { writeAll(2, s) }

/// The first failed write to standard output (errno), such as ENOSPC on `/dev/full`.
nonisolated(unsafe) var standardOutputFailure: Int32?

/// Writes all bytes, retrying on EINTR (Ctrl-C's handler is installed without SA_RESTART).
/// A failure on standard output is remembered: the run then exits 74, never 0 with its
/// results lost.
func writeAll(_ fd: Int32, _ s: String) {
  // Straight from the string's own UTF-8 storage: a million-row result is not copied first.
  var s = s
  s.withUTF8 { writeAll(fd, $0) }
}

@Sendable func writeOutBytes(_ b: UnsafeBufferPointer<UInt8>) { writeAll(1, b) }

func writeAll(_ fd: Int32, _ all: UnsafeBufferPointer<UInt8>) {
  var rest = all
  while !rest.isEmpty {
    let n = write(fd, rest.baseAddress, rest.count)
    if n < 0 {
      if errno == EINTR { continue }
      if fd == 1 && standardOutputFailure == nil { standardOutputFailure = errno }
      return
    }
    rest = UnsafeBufferPointer(rebasing: rest[n...])
  }
}

/// Runs `body`, then turns a failed write to standard output into exit status 74 (EX_IOERR).
func checkingStandardOutput(_ body: () throws -> Void) throws {
  var thrown: Error?
  do { try body() } catch { thrown = error }
  if let code = standardOutputFailure {
    writeErr("kehu: cannot write standard output: \(String(cString: strerror(code)))\n")
    throw ExitCode(74)
  }
  if let thrown { throw thrown }
}

/// `kehu --version`: the program and the store format it writes.
let kehuVersion = "kehu 0.9.0 (store format \(Catalog.formatVersion))"

/// `kehu --help` shows the subcommands' options too, so one page answers "what can I type".
func fullHelp() -> String {
  let parts: [String] = [
    Kehu.helpMessage(), Check.helpMessage(), Recover.helpMessage(), Gen.helpMessage(),
    LessonRun.helpMessage(),
  ]
  return parts.joined(separator: "\n\n") + "\n"
}

// A file-size limit (`ulimit -f`) must fail the write with EFBIG, which kehu reports, not
// kill the process with SIGXFSZ.
signal(SIGXFSZ, SIG_IGN)

/// glibc's `mallopt` (malloc.h is not in the Glibc module) and the parameters set here.
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
let mallocTrimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
let mallocMmapMax: Int32 = -4  // M_MMAP_MAX
let mallocArenaMax: Int32 = -8  // M_ARENA_MAX

// Memory for the engine's column buffers (issue 16), a setting of the process and so made
// here, never in the libraries. With glibc's defaults every buffer over 32 MB (a 10M-row
// column) is mmapped, faulted in page by page and unmapped at free, and memory freed at the
// top of the heap is given back and faulted in again by the next query: with no mmap and
// a 1 GiB trim threshold a query reuses the pages the last one freed. Two arenas (not 8 a
// core) let the workers' freed buffers be reused too. Measured on the 1M/10M bench store:
// the query suite's geometric mean went from 0.58 to 0.43 of DuckDB's time, peak RSS 1.6
// GiB. A user's own GLIBC_TUNABLES win.
if getenv("GLIBC_TUNABLES") == nil {
  _ = mallopt(mallocMmapMax, 0)
  _ = mallopt(mallocTrimThreshold, 1 << 30)
  _ = mallopt(mallocArenaMax, 2)
}

let mainArguments = CommandLine.arguments.dropFirst().prefix { $0 != "--" }
if !["check", "recover", "gen", "lesson", "pg"].contains(mainArguments.first ?? ""),
  mainArguments.contains("--help") || mainArguments.contains("-h")
{
  writeOut(fullHelp())
  exit(0)
}

switch CommandLine.arguments.dropFirst().first {
case "check": Check.main(Array(CommandLine.arguments.dropFirst(2)))
case "recover": Recover.main(Array(CommandLine.arguments.dropFirst(2)))
case "gen": Gen.main(Array(CommandLine.arguments.dropFirst(2)))
case "lesson": LessonRun.main(Array(CommandLine.arguments.dropFirst(2)))
case "pg": Pg.main(Array(CommandLine.arguments.dropFirst(2)))
default: Kehu.main()
}
