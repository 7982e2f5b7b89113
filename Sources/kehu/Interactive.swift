import Foundation
import KehuShell
import LineEditor

/// The prompt loop for a terminal: reads statements with the line editor (continuing while the
/// host says a statement is unfinished), keeps them in history, and hands each to the host.
/// Returns the exit status: 0 at end of input or when the host asks to leave.
/// `started` hands the editor (nil when libedit could not start) to whoever else reads lines.
func runInteractive(host: ReplHost, historyPath: String?, started: (LineEditor?) -> Void = { _ in }) -> Int32
{
  guard let editor = LineEditor(programName: "kehu", historyPath: historyPath) else {
    started(nil)
    return runPlainLines(host: host)
  }
  defer { editor.close() }
  started(editor)
  var pending: [String] = []
  editor.completer = { line, cursor in
    // The host sees the whole statement so far, so context from earlier lines (a `|` at the
    // end of the previous one) still counts; offsets go back to the current line's terms.
    let before = pending.isEmpty ? "" : pending.joined(separator: "\n") + "\n"
    let shift = before.unicodeScalars.count
    let completion = host.complete(line: before + line, cursor: cursor + shift)
    return (max(completion.replaceFrom - shift, 0), completion.candidates)
  }
  // Others' changes to a shared store, told while the prompt waits (NOTIFY).
  editor.idle = { host.idleNotice }
  while true {
    let prompt = pending.isEmpty ? host.prompt : host.continuationPrompt
    switch editor.readLine(prompt: prompt) {
    case .endOfInput:
      print()
      return 0
    case .interrupted:
      pending.removeAll()
    case .line(let line):
      pending.append(line)
      let text = pending.joined(separator: "\n")
      if host.isIncomplete(text) { continue }
      pending.removeAll()
      if text.allSatisfy(\.isWhitespace) { continue }
      // Completion leaves a space after a word; the entry should not carry it.
      var entry = Substring(text)
      while entry.last?.isWhitespace == true { entry.removeLast() }
      editor.addHistory(String(entry))
      let goOn = InterruptWatch.run(host: host) { host.execute(text) }
      fflush(nil)
      if !goOn { return 0 }
    }
  }
}

/// A line for a lesson's pause or exercise from the editor (no history: these are answers,
/// not statements); nil at Ctrl-C or end of input, which stop the lesson.
func pauseReader(_ editor: LineEditor) -> (String) -> String? {
  { prompt in
    if case .line(let text) = editor.readLine(prompt: prompt) { return text }
    return nil
  }
}

/// Whether Ctrl-C was pressed since the last look (outside the editor's own reads).
@Sendable func takeInterrupt() -> Bool {
  guard LineEditor.interruptRequested else { return false }
  LineEditor.clearInterrupt()
  return true
}

/// The same without libedit.
func plainPauseReader(_ prompt: String) -> String? {
  writeOut(prompt)
  return Swift.readLine()
}

/// When libedit cannot start on a terminal: plain lines with the same prompts.
private func runPlainLines(host: ReplHost) -> Int32 {
  var pending: [String] = []
  while true {
    print(pending.isEmpty ? host.prompt : host.continuationPrompt, terminator: "")
    fflush(nil)
    guard let line = Swift.readLine() else {
      print()
      return 0
    }
    pending.append(line)
    let text = pending.joined(separator: "\n")
    if host.isIncomplete(text) { continue }
    pending.removeAll()
    if !host.execute(text) { return 0 }
  }
}

/// The history file: `KEHU_HISTORY` (`off` for none), else `$XDG_STATE_HOME/kehu/history`,
/// else `~/.local/state/kehu/history`; nil when history is off or no home is known.
/// Where a team store's local cache lives: `$XDG_CACHE_HOME/kehu`, else `~/.cache/kehu`.
func cacheDirectory(environment: [String: String]) -> String? {
  if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/kehu" }
  guard let home = environment["HOME"], !home.isEmpty else { return nil }
  return home + "/.cache/kehu"
}

func historyPath(environment: [String: String]) -> String? {
  if let chosen = environment["KEHU_HISTORY"], !chosen.isEmpty {
    return chosen == "off" ? nil : chosen
  }
  if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
    return state + "/kehu/history"
  }
  guard let home = environment["HOME"], !home.isEmpty else { return nil }
  return home + "/.local/state/kehu/history"
}

/// Passes a Ctrl-C that arrives while a statement runs on to the host. The statement runs on
/// this thread, so a second thread watches the flag the signal handler sets; `host.interrupt()`
/// is therefore called from that thread and must only set something the statement checks.
private final class InterruptWatch: @unchecked Sendable {
  private let lock = NSLock()
  private var done = false
  private let host: ReplHost

  private init(host: ReplHost) { self.host = host }

  static func run(host: ReplHost, _ body: () -> Bool) -> Bool {
    LineEditor.clearInterrupt()
    let watch = InterruptWatch(host: host)
    let thread = Thread { watch.watch() }
    thread.start()
    let result = body()
    watch.lock.withLock { watch.done = true }
    return result
  }

  private func watch() {
    while !lock.withLock({ done }) {
      if LineEditor.interruptRequested {
        LineEditor.clearInterrupt()
        host.interrupt()
      }
      usleep(50_000)
    }
  }
}
