import Foundation
import KehuQuery
import KehuStore
import KehuText

/// Where a session's text goes. The executable points these at stdout and stderr;
/// transcript tests point both at one buffer.
public struct SessionIO: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// Output already in UTF-8 (a script's CSV result, a block of rows a call, from the
  /// writer's reused buffer: valid only during the call), written as it is; nil sends it
  /// through `out`.
  public var outBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)?
  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    outBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? = nil
  ) {
    self.out = out
    self.err = err
    self.outBytes = outBytes
  }
}

/// What a session is handed instead of reading the clock, the environment or the terminal.
public struct SessionOptions: Sendable {
  /// The local date and time now (only used when `today` is not fixed).
  public var clock: @Sendable () -> Timestamp
  /// A monotonic clock in nanoseconds, for `set timer on`.
  public var monotonic: @Sendable () -> UInt64
  /// True when Ctrl-C was pressed since the last call (read by long-running statements).
  public var interrupted: @Sendable () -> Bool
  public var interactive: Bool
  public var color: Bool
  public var keepGoing: Bool
  public var settings: Settings
  /// The store's name shown in the prompt.
  public var storeName: String
  /// `--set NAME=VALUE` bindings.
  public var variables: [String: Value]
  /// The terminal's width in columns now (it may be resized); nil when output is not a terminal.
  public var terminalWidth: @Sendable () -> Int? = { nil }
  /// The terminal's height in lines now; nil when output is not a terminal.
  public var terminalHeight: @Sendable () -> Int? = { nil }
  /// Shows a result through the user's pager and waits for it; false when it could not
  /// start (the text is then printed as usual). Nil where there is no terminal.
  public var pager: (@Sendable (String) -> Bool)? = nil
  /// Where long work reports how far it has got; the executable hands in a line on stderr
  /// when it is a terminal (or `--progress`), else nothing is shown.
  public var progress: ProgressLine? = nil
  /// Threads a query may split long loops among; the executable gives the machine's
  /// cores. Any number gives the same results.
  public var workers = 1

  public init(
    clock: @escaping @Sendable () -> Timestamp = { Timestamp(seconds: 0) },
    monotonic: @escaping @Sendable () -> UInt64 = { 0 },
    interrupted: @escaping @Sendable () -> Bool = { false },
    interactive: Bool = false, color: Bool = false, keepGoing: Bool = false,
    settings: Settings = Settings(), storeName: String = "memory", variables: [String: Value] = [:]
  ) {
    self.clock = clock
    self.monotonic = monotonic
    self.interrupted = interrupted
    self.interactive = interactive
    self.color = color
    self.keepGoing = keepGoing
    self.settings = settings
    self.storeName = storeName
    self.variables = variables
  }
}

/// One user's session: settings, variables, the open store and scenario, and the one
/// input path that the prompt, script files, `-c`, stdin, `source` and the init file share.
public final class Session: ReplHost {
  public var settings: Settings
  public let options: SessionOptions
  public var variables: [String: Value]
  /// Results bound with `let NAME = PIPELINE`, fixed when bound.
  var tables: [String: Binding] = [:]
  let io: SessionIO
  /// `output FILE` redirects results here; nil means the screen.
  var redirect: OutputFile?
  /// A write to `redirect` failed (a full disk, a size limit): reported after the statement.
  var redirectFailure: ShellError?
  /// Scripts being run, innermost last, for relative paths and cycle detection.
  var sourceStack: [SourceFrame] = []

  /// A script being run: where it is (for relative paths and cycles) and how errors name it.
  struct SourceFrame {
    var full: String
    var shown: String
  }

  /// Runs a script file's text; `source` inside it is relative to its folder. `shownAs`
  /// names it in errors (default: the path as given).
  public func runScript(_ text: String, path: String, shownAs: String? = nil) -> Outcome {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    let shown = shownAs ?? path
    sourceStack.append(SourceFrame(full: full, shown: shown))
    defer { sourceStack.removeLast() }
    return run(source: text, file: shown)
  }
  /// Statements run so far: the fixed clock advances one second per statement.
  var statementCount: Int64 = 0
  public package(set) var failures = 0
  let interruptFlag = InterruptFlag()
  public var commands: CommandTable
  /// The store the session works on: the user's, or a case's scratch store while one is open.
  public package(set) var workspace: Workspace
  /// The case opened with `case open` or `lesson`, and what to go back to on `case close`.
  package var openCase: OpenCase?
  /// How `pause` and `exercise` read a line at the prompt; nil where nobody can answer.
  public var readLine: ((String) -> String?)?
  /// `--no-pause`: lessons run through without waiting for Enter.
  public var noPause = false
  /// Set by `kehu lesson`, where the process ends with the lesson (no case stays open).
  public var lessonEndsSession = false
  /// Greater than zero while a lesson runs: its commands are echoed, its narration is not.
  package var lessonDepth = 0
  /// Where relative output files (charts) go; nil means the current directory.
  public var outputDirectory: String?
  /// True while a case's data script builds it: its statements' results are not shown.
  package var muted = false
  /// SVG files written by charts since the handout last looked, as their names were given.
  package var chartsWritten: [String] = []
  /// While a handout is written: every chart drawn as text is also written as SVG, named
  /// after this prefix and a count, so the handout can show the picture.
  package var textChartsAsSVG: String?

  public init(
    options: SessionOptions, io: SessionIO, workspace: Workspace = Workspace(),
    commands: CommandTable = .standard
  ) {
    self.options = options
    self.workspace = workspace
    self.settings = options.settings
    self.variables = options.variables
    self.io = io
    self.commands = commands
  }

  // MARK: language

  /// The catalogue of the session's `language` setting.
  public var catalogue: MessageCatalogue { .named(settings.language) }

  /// Runs `body` with the session's catalogue as the one `tr` reads: every text made or
  /// shown inside is in the session's language, whatever other sessions use.
  public func inLanguage<T>(_ body: () throws -> T) rethrows -> T {
    try MessageCatalogue.$current.withValue(catalogue, operation: body)
  }

  // MARK: time

  /// Today's date: the fixed one (`--today`, `set today`) or the clock's.
  public var today: Day { settings.today ?? options.clock().day }

  /// The time recorded on changes: with a fixed today, that date at 09:00:00 plus one
  /// second per statement, so audit times in transcripts are reproducible.
  public var now: Timestamp {
    if let d = settings.today {
      return Timestamp(seconds: Timestamp(day: d, hour: 9).seconds + statementCount)
    }
    return options.clock()
  }

  // MARK: ReplHost

  public var prompt: String {
    let scenario = workspace.scenarios.map { "|" + $0.name }.joined()
    let store = openCase.map { "case:" + $0.name } ?? options.storeName
    // A reader beside a writer says so, lest a refused change surprise.
    let readOnly = openCase == nil && workspace.readOnly ? " " + inLanguage { tr("read-only") as String } : ""
    return "kehu[\(store)\(readOnly)\(scenario)]> "
  }

  /// Applies a batch of changes as the session's user, at the session's time.
  @discardableResult
  public func change(_ batch: [Mutation]) throws -> [Value] {
    try workspace.change(batch, actor: settings.user, time: now)
  }

  /// Applies the batch `building` makes from the newest state (see `Workspace.change`): on a
  /// shared database, inside the writing transaction.
  @discardableResult
  func change(building: (Database) throws -> [Mutation]) throws -> [Value] {
    try workspace.change(actor: settings.user, time: now, building: building)
  }

  public var db: Database { workspace.db }

  /// Others' changes on a shared store, known at once (NOTIFY) while the prompt waits: they
  /// are applied at the next statement, as always.
  public var idleNotice: String? {
    let n = workspace.store.othersPending
    guard n > 0 else { return nil }
    return inLanguage {
      tr(
        n == 1
          ? "1 change by others: it shows at your next statement"
          : "{0} changes by others: they show at your next statement", n)
    }
  }

  /// How many rows a result shows in the table format (`set rows`); nil shows them all.
  /// Commands over a million rows build only these, and say how many more there are.
  var screenRows: Int? { settings.format == .table ? settings.rows : nil }
  public var continuationPrompt: String { "...> " }

  public func isIncomplete(_ text: String) -> Bool { Splitter.isIncomplete(text, continues: queryContinues) }

  /// Whether a query statement is unfinished by the query language's own rule (a trailing
  /// `,`, operator or `and`): one rule for the prompt and for scripts, the lexer's.
  package func queryContinues(_ text: String) -> Bool {
    let head = String(text.drop { $0.isWhitespace }.prefix { !$0.isWhitespace })
    return !commands.topWords.contains(head) && Session.startsQuery(head) && KehuQuery.isIncomplete(text)
  }

  public func complete(line: String, cursor: Int) -> Completion {
    inLanguage { Completer(session: self).complete(line: line, cursor: cursor) }
  }

  public func execute(_ text: String) -> Bool {
    let outcome = run(source: text, file: nil)
    return outcome != .quit
  }

  /// Ctrl-C while a statement runs (called from the prompt's watcher thread).
  public func interrupt() { interruptFlag.raise() }

  /// Long-running statements call this between chunks of work: Ctrl-C stops them here,
  /// before anything is changed.
  public func checkInterrupted() throws {
    if interruptFlag.take() || options.interrupted() { throw ShellError(tr("interrupted")) }
  }

  // MARK: running

  public enum Outcome: Equatable, Sendable {
    case ok
    case failed
    case quit
  }

  /// Runs every statement of `source`. `file` names it in errors (nil at the prompt).
  /// Stops at the first failure unless `keepGoing`.
  @discardableResult
  public func run(source: String, file: String?) -> Outcome {
    let split = Splitter.split(source, continues: queryContinues)
    var failed = false
    // An unfinished last statement is reported, never run (script mode; the prompt reads on).
    let runnable = split.incomplete ? split.statements.dropLast() : split.statements[...]
    for st in runnable {
      // Each statement in the language set when it starts: `set language zh; help` is Chinese.
      let end = inLanguage { () -> Outcome? in
        statementCount += 1
        // Narration prints its own text (an echoed `exercise` would show the answer first);
        // the command table says which commands narrate.
        let spec = commands.leading(st.text)
        if (lessonDepth > 0 || settings.echo) && spec?.narration == nil {
          let text = lessonDepth > 0 ? spec?.shownInLesson?(st.text) ?? st.text : st.text
          let shown = text.split(
            separator: "\n", omittingEmptySubsequences: false
          )
          .enumerated().map { ($0.offset == 0 ? prompt : continuationPrompt) + $0.element }
          .joined(separator: "\n")
          emit(shown + "\n")
        }
        _ = interruptFlag.take()
        let started = options.monotonic()
        do {
          // A shared store first takes in what others committed, and a read-only session
          // what the writer committed, so the statement reads it.
          try workspace.store.follow()
          let output = try runStatement(st)
          // Synced before the result is shown: a result on screen means the change is on disk
          // (at the prompt, or with `set sync statement`).
          if !syncIfDue(st, source: source, file: file) {
            failed = true
          } else {
            if case .quit = output { return Outcome.quit }
            try emitOutput(output)
            if let e = redirectFailure {
              redirectFailure = nil
              report(e, in: st, source: source, file: file)
              failed = true
            }
          }
        } catch let e as ShellError {
          if e != .alreadyReported { report(e, in: st, source: source, file: file) }
          failed = true
        } catch let e as MessageError {
          // A team store's refusals and faults, in the session's language.
          report(ShellError(tr(e.message)), in: st, source: source, file: file)
          failed = true
        } catch {
          report(ShellError(String(describing: error)), in: st, source: source, file: file)
          failed = true
        }
        if settings.timer {
          let ms = Double(options.monotonic() &- started) / 1_000_000
          emit(tr("Run time: {0} ms", String(format: "%.3f", ms)) + "\n")
        }
        if failed {
          failures += 1
          if !options.keepGoing && !options.interactive { return Outcome.failed }
        }
        return nil
      }
      if let end { return end }
    }
    if split.incomplete && !options.interactive, let last = split.statements.last {
      inLanguage {
        report(
          ShellError(
            tr(
              "the statement is not finished (an open bracket or string, or a trailing `|`, `,` or operator)")
          ),
          in: last, source: source, file: file)
      }
      failures += 1
      return .failed
    }
    return failed ? .failed : .ok
  }

  package func runStatement(_ st: Statement, variables scope: Environment? = nil) throws -> CommandOutput {
    if let kehu = Habits.kehuForm(of: st.text, view: settings.view) {
      var translated = st
      translated.text = kehu
      return try runStatement(translated, variables: scope)
    }
    // The first word decides: a command, or the query language (whose words follow other rules).
    let firstWord = String(st.text.prefix { !$0.isWhitespace })
    // An exercise's model answer and a refused statement are whole statements, which the
    // command words cannot hold.
    if let run = commands.leading(st.text)?.statementHandler { return try run(self, st) }
    if !commands.topWords.contains(firstWord) && Session.startsQuery(firstWord) { return try runQuery(st) }
    var words: [Word]
    do {
      words = try Words.split(st.text)
    } catch {
      throw ShellError(error.message, line: error.line, column: error.column)
    }
    guard let first = words.first, let head = first.plain else {
      throw ShellError(tr("a statement must start with a command or a table name"), at: words[0])
    }
    if let (spec, used) = commands.resolve(words) {
      words = try substitute(words, scope: scope ?? queryEngine.environment)
      let args = try ArgumentParser.parse(
        Array(words.dropFirst(used)), for: spec, commandEnd: words[used - 1])
      // A command that only writes with `apply` may still look on a read-only store.
      let looksOnly =
        spec.arguments.contains { $0.name == "apply" && $0.kind == .bool } && !args.flag("apply")
      // In a scenario a change stays in memory, so a reader may try things out; keeping the
      // outermost one would write the store.
      let intoScenario = workspace.scenarios.count > (spec.path == ["scenario", "keep"] ? 1 : 0)
      if spec.writes && workspace.readOnly && !looksOnly && !intoScenario {
        throw ShellError(
          tr("the store is open read-only (--read-only); `{0}` changes it", spec.name), at: first)
      }
      return try spec.handler(self, args)
    }
    if commands.group(head) != nil {
      // The deepest group the words name (`credit limit` in `credit limit bogus`).
      var depth = 1
      while depth < words.count, let w = words[depth].plain,
        commands.specs.contains(where: {
          $0.path.count > depth + 1
            && Array($0.path.prefix(depth + 1)) == words.prefix(depth).compactMap(\.plain) + [w]
        })
      {
        depth += 1
      }
      let prefix = words.prefix(depth).compactMap(\.plain)
      let group = commands.specs.filter { $0.path.count > depth && Array($0.path.prefix(depth)) == prefix }
      let groupName = prefix.joined(separator: " ")
      let subs = group.map { $0.path[depth] }
      let sub = words.count > depth ? words[depth] : nil
      if let sub, let name = sub.plain {
        var msg = tr("unknown subcommand `{0}` for `{1}`", name, groupName)
        if let near = nearest(name, in: subs) { msg += tr("; did you mean `{0} {1}`?", groupName, near) }
        throw ShellError(
          msg, at: sub, hint: tr("`{0}` has: {1}", groupName, Set(subs).sorted().joined(separator: ", ")))
      }
      throw ShellError(
        tr("`{0}` needs a subcommand: {1}", groupName, Set(subs).sorted().joined(separator: ", ")),
        at: words[depth - 1])
    }
    if Session.startsQuery(head) { return try runQuery(st) }
    var msg = tr("unknown command `{0}`", head)
    if let near = nearest(head, in: commands.topWords + Catalog.tableNames) {
      msg += tr("; did you mean `{0}`?", near)
    }
    throw ShellError(msg, at: first, hint: tr("type `help` for the list of commands"))
  }

  /// Whether a statement's first word starts the query language rather than a command.
  static func startsQuery(_ head: String) -> Bool {
    if Catalog.tableNames.contains(where: { head == $0 || head.hasPrefix($0 + "|") }) { return true }
    if Keyword.statementStarts.contains(where: { $0.rawValue == head }) || head.hasPrefix("$")
      || head.hasPrefix("range(")
      || head == "range"
    {
      return true
    }
    if Keyword.expressionStarts.contains(where: { $0.rawValue == head }) { return true }
    if let paren = head.firstIndex(of: "("), Session.functions[String(head[..<paren])] != nil { return true }
    guard let c = head.unicodeScalars.first else { return false }
    return "0123456789(-\"[".unicodeScalars.contains(c)
  }

  /// `$NAME` as a whole argument word takes the variable's value (commands in a `for` loop).
  func substitute(_ words: [Word], scope: Environment) throws -> [Word] {
    func value(_ text: String, _ w: Word) throws -> String? {
      guard text.hasPrefix("$"), text.count > 1 else { return nil }
      let name = String(text.dropFirst())
      guard case .value(let v)? = scope[name] else {
        throw ShellError(tr("no variable `${0}`", name), at: w)
      }
      return v.plainText
    }
    return try words.map { w in
      var out = w
      switch w.kind {
      case .plain(let t, let quoted) where !quoted:
        if let v = try value(t, w) { out.kind = .plain(v, quoted: true) }
      case .pair(let k, let t, let quoted) where !quoted:
        if let v = try value(t, w) { out.kind = .pair(key: k, value: v, quoted: true) }
      default: break
      }
      return out
    }
  }

  /// The store error that ended the run, if a journal write failed (exit status 74).
  public private(set) var storeFailure: StoreError?

  /// The policy in force: `set sync`, else `statement` at the prompt and `group` in scripts.
  var syncPolicy: SyncPolicy { settings.sync ?? (options.interactive ? .statement : .group) }

  /// A setting's value as `set` shows it: the sync policy in force, never "auto".
  func settingText(_ spec: SettingSpec) -> String {
    spec.name == SettingSpec.sync.name ? syncPolicy.rawValue : spec.get(settings, options.clock().day)
  }

  /// The commit policy: at the prompt every statement's changes are synced before the next
  /// prompt; a script syncs in groups of at least 1,000 changes (and at `save` and the end).
  func syncIfDue(_ st: Statement, source: String, file: String?) -> Bool {
    let store = workspace.store
    guard store.unsyncedMutations > 0 else { return true }
    guard syncPolicy == .statement || store.unsyncedMutations >= 1000 else { return true }
    do {
      try store.commit()
      return true
    } catch let e as StoreError {
      storeFailure = e
      report(ShellError(e.description), in: st, source: source, file: file)
      return false
    } catch {
      report(ShellError(String(describing: error)), in: st, source: source, file: file)
      return false
    }
  }

  // MARK: output

  /// Puts the results written since `output FILE` in place of FILE and sends results back
  /// to the screen. The executable calls it at the end of a run.
  public func closeOutput() throws {
    guard let file = redirect else { return }
    redirect = nil
    try file.commit()
  }

  /// Prints a statement's result. Ctrl-C while a long result is laid out or written stops it
  /// after a block of whole rows, as an interrupted statement.
  package func emitOutput(_ output: CommandOutput) throws {
    let text: String
    switch output {
    case .table(let t):
      // A script's CSV result goes out as the bytes it was written into, a block of rows
      // at a time, formatted on every core: a million rows are not made into a string and
      // checked again on the way out.
      if settings.format == .csv, !t.isMessageOnly, let bytes = io.outBytes, !options.interactive,
        redirect == nil, !muted, !db.hasTextCodes
      {
        try writeCSV(t, workers: options.workers, check: checkInterrupted, to: bytes)
        return
      }
      text = try render(db.showingCodes(t), renderOptions, check: checkInterrupted)
    case .tables(let ts): text = renderReport(ts.map(db.showingCodes), renderOptions)
    case .message(let m): text = renderMessage(m, fields: [], format: settings.format)
    case .text(let m): text = m.hasSuffix("\n") ? m : m + "\n"
    case .record(let m, let fields): text = renderMessage(m, fields: fields, format: settings.format)
    case .none, .quit: return
    }
    if !paged(text) { emit(text) }
  }

  /// At the prompt a result taller than the screen goes through `$PAGER` (`set pager`), as
  /// psql does; never in scripts, inside a lesson, or into an `output` file.
  func paged(_ text: String) -> Bool {
    guard options.interactive, lessonDepth == 0, redirect == nil, !muted, settings.pager != .off,
      let pager = options.pager, let height = options.terminalHeight(), let width = options.terminalWidth()
    else { return false }
    // One line is left for the prompt that follows.
    if settings.pager == .auto && screenLines(text, width: width) < height { return false }
    return pager(text)
  }

  package func emit(_ text: String) {
    if muted { return }
    let text = db.replacingKeys(in: text)
    if let redirect {
      do {
        try redirect.append(Array(text.utf8))
      } catch {
        // The file is left as it was; results go back to the screen from here on.
        redirectFailure = error as? ShellError ?? ShellError(String(describing: error))
        self.redirect = nil
      }
    } else if options.interactive && text.utf8.count > 8192 {
      // A long result at the prompt is written a piece at a time, so Ctrl-C can stop it.
      for piece in pieces(text, bytes: 4096) {
        if interruptFlag.take() || options.interrupted() {
          io.out(tr("… stopped (Ctrl-C)") + "\n")
          return
        }
        io.out(String(piece))
      }
    } else {
      io.out(text)
    }
  }

  func renderTable(_ t: ResultTable) -> String { render(t, renderOptions) }

  var renderOptions: RenderOptions {
    var o = RenderOptions(
      format: settings.format, view: settings.view, maxRows: settings.rows,
      color: options.color && redirect == nil, labels: .inLanguage(settings.language))
    if options.interactive && redirect == nil, let width = options.terminalWidth() {
      o.width = width
    }
    return o
  }

  /// `FILE:LINE:COL: error: MESSAGE`, the source line, a caret under the column.
  package func report(_ e: ShellError, in st: Statement, source: String, file: String?) {
    let (line, column) = st.sourcePosition(line: e.line, column: e.column)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let text = line - 1 < lines.count ? String(lines[line - 1]).replacingAll("\r", with: "") : ""
    let lead = String(text.prefix(max(0, column - 1)))
    let pad = String(repeating: " ", count: displayWidth(lead.replacingAll("\t", with: " ")))
    let marked = String(text.dropFirst(max(0, column - 1)).prefix(e.length))
    let caret = String(repeating: "^", count: max(1, displayWidth(marked)))
    var out = file.map { "\($0):\(line):\(column): " } ?? ""
    out += tr("error: {0}", db.replacingKeys(in: e.message)) + "\n"
    out += "    " + text + "\n" + "    " + pad + caret + "\n"
    if let hint = e.hint { out += db.replacingKeys(in: hint) + "\n" }
    io.err(out)
  }
}

/// A flag one thread raises and another takes.
final class InterruptFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false
  func raise() { lock.withLock { raised = true } }
  /// Whether a raise is pending, without taking it.
  func peek() -> Bool { lock.withLock { raised } }
  /// True once per raise.
  func take() -> Bool {
    lock.withLock {
      defer { raised = false }
      return raised
    }
  }
}
