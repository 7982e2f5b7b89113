import CLineEdit
import Glibc

/// What one call to `LineEditor.readLine(prompt:)` brought back.
public enum ReadResult: Equatable, Sendable {
  /// A line the user finished with Enter, without its newline.
  case line(String)
  /// Ctrl-C: the line being typed was thrown away.
  case interrupted
  /// Ctrl-D on an empty line, or the terminal went away.
  case endOfInput
}

/// A line editor over libedit for a terminal: prompt, editing keys, persistent history and
/// Tab completion. Use it only when stdin and stdout are both terminals.
///
/// While an editor is open it owns SIGINT: Ctrl-C at the prompt cancels the line, and Ctrl-C
/// at any other time only raises a flag (`interruptRequested`) for long work to check.
public final class LineEditor {
  /// Completion for the word ending at `cursor`; offsets count Unicode scalars into `line`.
  /// Returns where the word to replace starts and the words that could replace it.
  public typealias Completer = (_ line: String, _ cursor: Int) -> (replaceFrom: Int, candidates: [String])

  public var completer: Completer?

  /// Asked about once a second while the prompt waits for a key: a notice to show above the
  /// prompt (the line typed so far is kept), or nil. Each notice is shown once per prompt.
  public var idle: (() -> String?)? {
    didSet {
      guard let editor else { return }
      if idle == nil {
        kehu_cle_set_idle(editor, nil, nil, 0)
        return
      }
      kehu_cle_set_idle(
        editor,
        { context in
          guard let context else { return nil }
          return Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue().idleNotice()
        }, Unmanaged.passUnretained(self).toOpaque(), Int32(Self.idleInterval))
    }
  }
  /// The last notice shown at this prompt.
  private var shown: String?
  static let idleInterval = 1000
  /// False when no UTF-8 locale could be set: then prompts are shown as ASCII, since libedit
  /// crashes on a non-ASCII prompt in a single-byte locale.
  public let isUTF8: Bool
  public let historyPath: String?
  private let historySize: Int

  private var editor: OpaquePointer?

  /// Opens the terminal. Returns nil when libedit cannot start (read lines plainly then).
  /// - Parameters:
  ///   - historyPath: the history file, loaded now and rewritten after each entry; nil keeps
  ///     history for this session only. A missing parent directory is created (mode 0700).
  ///   - historySize: the most entries kept.
  public init?(programName: String, historyPath: String?, historySize: Int = 5000) {
    isUTF8 = kehu_cle_setup_locale() != 0
    guard let editor = kehu_cle_open(programName, Int32(clamping: historySize)) else { return nil }
    self.editor = editor
    self.historyPath = historyPath
    self.historySize = historySize
    kehu_cle_set_completer(
      editor,
      { context, cle in
        guard let context, let cle else { return UInt8(CC_ERROR) }
        return Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue().complete(cle)
      }, Unmanaged.passUnretained(self).toOpaque())
    if let historyPath {
      Self.makeParentDirectory(of: historyPath)
      _ = kehu_cle_history_load(editor, historyPath)
    }
  }

  deinit { close() }

  /// Restores the terminal and frees libedit. Later calls to `readLine` return `.endOfInput`.
  public func close() {
    guard let editor else { return }
    kehu_cle_close(editor)
    self.editor = nil
  }

  /// Reads one line. Text between two `\u{1}` characters in `prompt` is taken as invisible
  /// (colour codes) when the cursor position is worked out.
  public func readLine(prompt: String) -> ReadResult {
    guard let editor else { return .endOfInput }
    kehu_cle_set_prompt(editor, isUTF8 ? prompt : Self.asciiOnly(prompt))
    // A Ctrl-C from before this prompt (acted upon while a statement ran) cancels nothing here.
    Self.forgetInterrupts()
    shown = nil
    var status: Int32 = 0
    let line = kehu_cle_gets(editor, &status)
    switch status {
    case 1:
      guard let line else { return .endOfInput }
      var text = String(cString: line)
      if text.hasSuffix("\n") { text.removeLast() }
      return .line(text)
    case -1:
      kehu_cle_clear_interrupted()
      // The cancelled text stays on screen; the next prompt starts below it.
      kehu_cle_write(editor, "\n")
      return .interrupted
    default:
      return .endOfInput
    }
  }

  /// Adds one entry (a multi-line statement stays one entry) and appends it to the history
  /// file at once, so a crash loses nothing already typed and a second session running at the
  /// same time keeps its lines too; the file is capped at `historySize` entries. Repeating the
  /// previous entry adds nothing. Returns false when the file could not be written.
  @discardableResult
  public func addHistory(_ entry: String) -> Bool {
    guard let editor, !entry.isEmpty else { return true }
    _ = kehu_cle_history_enter(editor, entry)
    guard let historyPath else { return true }
    return kehu_cle_history_append(historyPath, entry, Int32(clamping: historySize)) == 0
  }

  /// Entries held now, after the cap and dropped duplicates.
  public var historyCount: Int {
    guard let editor else { return 0 }
    return Int(kehu_cle_history_count(editor))
  }

  /// True when Ctrl-C was pressed since the last prompt (for example while a statement ran).
  public static var interruptRequested: Bool { kehu_cle_interrupted() != 0 }

  /// Forgets a Ctrl-C once it has been acted upon (the flag only: the wake-up the signal left
  /// for the prompt's key reader stays until the next prompt forgets it).
  public static func clearInterrupt() { kehu_cle_clear_interrupted() }

  /// Forgets every Ctrl-C so far: the flag and the wake-ups left for the key reader, which
  /// waits on the terminal and on those (Ctrl-C may be handled on any thread). Done before
  /// each prompt.
  public static func forgetInterrupts() { kehu_cle_forget_interrupts() }

  /// The idle notice as a malloc'd C string for the C layer, when it is news at this prompt.
  private func idleNotice() -> UnsafeMutablePointer<CChar>? {
    guard let text = idle?(), !text.isEmpty, text != shown else { return nil }
    shown = text
    return strdup((isUTF8 ? text : Self.asciiOnly(text)) + "\n")
  }

  // MARK: - Completion

  private func complete(_ cle: OpaquePointer) -> UInt8 {
    guard let completer else { return UInt8(CC_ERROR) }
    var length: Int32 = 0
    var cursorOffset: Int32 = 0
    guard let buffer = kehu_cle_line(cle, &length, &cursorOffset) else { return UInt8(CC_ERROR) }
    let scalars = (0..<Int(length)).map {
      Unicode.Scalar(UInt32(bitPattern: buffer[$0])) ?? "\u{FFFD}"
    }
    let cursor = min(max(Int(cursorOffset), 0), scalars.count)
    let result = completer(Self.string(scalars[...]), cursor)
    let from = min(max(result.replaceFrom, 0), cursor)
    let typed = Self.string(scalars[from..<cursor])
    let followedBySpace = cursor < scalars.count && scalars[cursor].properties.isWhitespace
    let plan = CompletionPlan.make(
      typed: typed, candidates: result.candidates, followedBySpace: followedBySpace)
    if plan.beep { return UInt8(CC_REFRESH_BEEP) }
    if let replacement = plan.replacement {
      _ = kehu_cle_replace(cle, Int32(cursor - from), replacement)
    }
    guard !plan.listed.isEmpty else { return UInt8(CC_REFRESH) }
    let shown = plan.listed.prefix(Self.mostListed)
    var lines = CandidateColumns.layout(Array(shown), width: Int(kehu_cle_columns(cle)) - 1)
    if plan.listed.count > shown.count { lines.append("(\(plan.listed.count - shown.count) more)") }
    kehu_cle_write(cle, "\n" + lines.joined(separator: "\n") + "\n")
    return UInt8(CC_REDISPLAY)
  }

  private static let mostListed = 200

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  static func asciiOnly(_ text: String) -> String {
    string(ArraySlice(text.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
  }

  private static func makeParentDirectory(of path: String) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/").dropLast() {
      current += "/" + part
      _ = mkdir(current, 0o700)
    }
  }
}
