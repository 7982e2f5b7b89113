/// What the interactive prompt needs from a session. The line editor lives in the
/// executable (it needs a terminal); the session behind this protocol never sees one.
public protocol ReplHost: AnyObject {
  /// The primary prompt, e.g. `kehu[demo]> ` or `kehu[demo|what-if]> ` inside a scenario.
  var prompt: String { get }
  /// The prompt for a statement's second and later lines: `...> `.
  var continuationPrompt: String { get }
  /// True while `text` (all lines typed so far, joined by "\n") is an unfinished statement:
  /// it ends with `|` or `\`, or a bracket or string is open.
  func isIncomplete(_ text: String) -> Bool
  /// Completion candidates for the word that ends at `cursor` (a count of Unicode scalars
  /// into `line`). `replaceFrom` is the scalar offset where that word starts.
  func complete(line: String, cursor: Int) -> Completion
  /// Runs one complete input (possibly several statements). Returns false when the
  /// user asked to leave (`quit`, `exit`).
  func execute(_ text: String) -> Bool
  /// Called when Ctrl-C arrives while a statement runs; the session stops at its next check.
  func interrupt()
  /// A one-line notice to show above a waiting prompt (others' changes on a shared store), or nil.
  var idleNotice: String? { get }
}

extension ReplHost {
  public var idleNotice: String? { nil }
}

public struct Completion: Equatable, Sendable {
  public var replaceFrom: Int
  public var candidates: [String]
  public init(replaceFrom: Int, candidates: [String]) {
    self.replaceFrom = replaceFrom
    self.candidates = candidates
  }
}
