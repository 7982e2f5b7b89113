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

  /// Terminal cells a string takes: two for East Asian wide and fullwidth characters, none for
  /// combining marks. Only good enough for a candidate list; it does not ask the C library,
  /// whose answer depends on the locale.
  public static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
  }

  static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    let v = scalar.value
    for range in wideRanges where range.contains(v) { return 2 }
    return 1
  }

  // The East Asian Wide (W) and Fullwidth (F) blocks that matter for Chinese, Japanese, Korean.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
