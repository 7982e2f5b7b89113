import KehuStore

/// Every error of the query layer: syntax, name, type, or one raised while rows are read
/// (overflow, division by zero). One value, with the range the shell underlines.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case syntax, name, type, runtime
  }

  public var kind: Kind
  public var message: String
  public var range: SourceRange
  /// Extra lines: the columns in scope, a hint.
  public var notes: [String]
  /// The input stopped in the middle of a statement (open bracket, string, trailing `|`):
  /// the prompt should read another line instead of reporting.
  public var isIncomplete: Bool

  public init(
    _ kind: Kind, _ message: String, at range: SourceRange, notes: [String] = [],
    incomplete: Bool = false
  ) {
    self.kind = kind
    self.message = message
    self.range = range
    self.notes = notes
    self.isIncomplete = incomplete
  }

  public var description: String { "\(range.line):\(range.column): error: \(message)" }

  /// `file:line:col: error: message`, the source line, and a caret underline under the
  /// offending token. Columns count characters; a wide (CJK) character takes two cells,
  /// so the underline is padded by display width.
  public func rendered(source: String, file: String? = nil) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var out = (file.map { "\($0):" } ?? "") + "\(range.line):\(range.column): error: \(message)"
    if range.line >= 1 && range.line <= lines.count {
      let line = Array(lines[range.line - 1])
      out += "\n" + String(line)
      let before = line.prefix(max(0, range.column - 1))
      let under = line.dropFirst(max(0, range.column - 1)).prefix(range.length)
      let pad = before.reduce(0) { $0 + QueryError.cells($1) }
      let width = max(1, under.reduce(0) { $0 + QueryError.cells($1) })
      out += "\n" + String(repeating: " ", count: pad) + "^" + String(repeating: "~", count: width - 1)
    }
    for n in notes { out += "\n" + "note: " + n }
    return out
  }

  /// Terminal cells a character takes: two for East Asian wide characters.
  static func cells(_ c: Character) -> Int {
    guard let s = c.unicodeScalars.first else { return 1 }
    switch s.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }
}

/// Edit distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.lowercased())
  let y = Array(b.lowercased())
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var prev = Array(0...y.count)
  var cur = [Int](repeating: 0, count: y.count + 1)
  for i in 1...x.count {
    cur[0] = i
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      let best: Int = Swift.min(prev[j] + 1, cur[j - 1] + 1)
      cur[j] = Swift.min(best, prev[j - 1] + cost)
    }
    swap(&prev, &cur)
  }
  return prev[y.count]
}

/// The candidates close enough to `name` to suggest, nearest first.
func nearest(_ name: String, in candidates: [String], limit: Int = 3) -> [String] {
  let budget = max(1, min(3, name.count / 3 + 1))
  var scored: [(name: String, distance: Int)] = []
  // Lengths further apart than the budget are never close: skipping them keeps a
  // megabyte-long unknown name from costing a megabyte times every candidate.
  for c in candidates where abs(c.count - name.count) <= budget {
    let d = editDistance(name, c)
    if d <= budget { scored.append((c, d)) }
  }
  scored.sort { a, b in a.distance != b.distance ? a.distance < b.distance : a.name < b.name }
  return scored.prefix(limit).map { $0.name }
}

/// `; did you mean "area"?` or `; did you mean "area" or "areas"?`, or nothing.
func didYouMean(_ name: String, in candidates: [String]) -> String {
  let n = nearest(name, in: candidates)
  if n.isEmpty { return "" }
  return "; did you mean " + n.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
}
