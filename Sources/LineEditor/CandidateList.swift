import KehuText

/// What one press of Tab does to the line, worked out without a terminal so it can be tested.
public struct CompletionPlan: Equatable, Sendable {
  /// Text that replaces the word being completed, or nil to leave the line as it is.
  public var replacement: String?
  /// Candidates to list below the line (empty: list nothing).
  public var listed: [String]
  /// True when nothing matched: ring the bell.
  public var beep: Bool

  public init(replacement: String?, listed: [String], beep: Bool) {
    self.replacement = replacement
    self.listed = listed
    self.beep = beep
  }

  /// One candidate is inserted whole, with a space after it when it is a finished word; several
  /// share their common prefix and are listed, the way bash and sqlite3 do it.
  /// - Parameters:
  ///   - typed: the word before the cursor that the candidates would replace.
  ///   - followedBySpace: true when the character after the cursor is already white space.
  public static func make(typed: String, candidates: [String], followedBySpace: Bool) -> CompletionPlan {
    var unique: [String] = []
    var seen = Set<String>()
    for candidate in candidates where seen.insert(candidate).inserted { unique.append(candidate) }
    switch unique.count {
    case 0:
      return CompletionPlan(replacement: nil, listed: [], beep: true)
    case 1:
      let word = unique[0]
      let space = isFinishedWord(word) && !followedBySpace ? " " : ""
      return CompletionPlan(replacement: word + space, listed: [], beep: false)
    default:
      let prefix = commonPrefix(unique)
      // A prefix shorter than what was typed (candidates matched another way) must not eat input.
      let replacement = prefix.unicodeScalars.count > typed.unicodeScalars.count ? prefix : nil
      return CompletionPlan(replacement: replacement, listed: unique, beep: false)
    }
  }

  /// A directory, an `name=` argument or an open call still expects more text right after it.
  static func isFinishedWord(_ word: String) -> Bool {
    guard let last = word.unicodeScalars.last else { return false }
    return !["/", "=", "(", "."].contains(last)
  }

  /// The longest run of Unicode scalars every string starts with.
  static func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for string in strings.dropFirst() {
      let count = zip(prefix, string.unicodeScalars).prefix { $0.0 == $0.1 }.count
      prefix.removeLast(prefix.count - count)
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: prefix)
    return String(view)
  }
}

/// Lays candidates out in columns, filled top to bottom then left to right, as `ls` and bash do.
public enum CandidateColumns {
  /// Lines of text, without trailing newlines, that fit `width` terminal cells.
  public static func layout(_ items: [String], width: Int) -> [String] {
    guard !items.isEmpty else { return [] }
    let widths = items.map(displayWidth)
    let cell = widths.max()! + 2
    let columns = max(1, min(items.count, (width + 2) / cell))
    let rows = (items.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < items.count else { break }
        let isLast = column == columns - 1 || index + rows >= items.count
        line += items[index]
        if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
      }
      lines.append(line)
    }
    return lines
  }

  /// Terminal cells a string takes, by the same East Asian Width table as result tables.
  public static func displayWidth(_ text: String) -> Int { KehuText.displayWidth(text) }
}
