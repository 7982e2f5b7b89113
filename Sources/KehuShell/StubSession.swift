import Foundation

/// A placeholder session until the real one lands: help, quit and exit.
public final class StubSession: ReplHost {
  let write: (String) -> Void
  public init(write: @escaping (String) -> Void) { self.write = write }
  public var prompt: String { "kehu[memory]> " }
  public var continuationPrompt: String { "...> " }
  static let commands = ["help", "quit", "exit", "customer", "credit", "tables"]
  public func isIncomplete(_ text: String) -> Bool {
    let t = text.trimmingCharacters(in: .whitespaces)
    return t.hasSuffix("|") || t.hasSuffix("\\")
  }
  public func complete(line: String, cursor: Int) -> Completion {
    let prefix = String(line.unicodeScalars.prefix(cursor))
    let start =
      prefix.unicodeScalars.lastIndex(of: " ").map {
        prefix.unicodeScalars.distance(from: prefix.unicodeScalars.startIndex, to: $0) + 1
      } ?? 0
    let word = String(prefix.unicodeScalars.dropFirst(start))
    return Completion(replaceFrom: start, candidates: StubSession.commands.filter { $0.hasPrefix(word) })
  }
  public func execute(_ text: String) -> Bool {
    let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if t == "quit" || t == "exit" { return false }
    if t == "help" {
      write(StubSession.commands.joined(separator: "\n") + "\n")
    } else if !t.isEmpty {
      write("you typed: \(t)\n")
    }
    return true
  }
  public func interrupt() {}
}
