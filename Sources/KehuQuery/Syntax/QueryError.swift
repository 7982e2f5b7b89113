import KehuStore

/// Every error of the query layer: syntax, name, type, or one raised while rows are read
/// (overflow, division by zero). One value, with the range the shell underlines.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case syntax, name, type, runtime
  }

  public var kind: Kind
  public var message: Message
  public var range: SourceRange
  /// Extra lines: the columns in scope, a hint.
  public var notes: [Message]
  /// The input stopped in the middle of a statement (open bracket, string, trailing `|`):
  /// the prompt should read another line instead of reporting.
  public var isIncomplete: Bool

  public init(
    _ kind: Kind, _ message: Message, at range: SourceRange, notes: [Message] = [],
    incomplete: Bool = false
  ) {
    self.kind = kind
    self.message = message
    self.range = range
    self.notes = notes
    self.isIncomplete = incomplete
  }

  public var description: String { "\(range.line):\(range.column): error: \(message)" }
}

/// Edit distance, for "did you mean" suggestions here and in the shell: insertions,
/// deletions, substitutions and swaps of neighbours each count one.
public func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.unicodeScalars)
  let y = Array(b.unicodeScalars)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var before = [Int](repeating: 0, count: y.count + 1)
  var prev = Array(0...y.count)
  var cur = [Int](repeating: 0, count: y.count + 1)
  for i in 1...x.count {
    cur[0] = i
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      // Transposition (optimal string alignment): "custmoer" is one slip from "customer".
      if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
        cur[j] = min(cur[j], before[j - 2] + 1)
      }
    }
    (before, prev, cur) = (prev, cur, before)
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
    let d = editDistance(name.lowercased(), c.lowercased())
    if d <= budget { scored.append((c, d)) }
  }
  scored.sort { a, b in a.distance != b.distance ? a.distance < b.distance : a.name < b.name }
  return scored.prefix(limit).map { $0.name }
}

/// `; did you mean "area"?` or `; did you mean "area" or "areas"?`, or nothing.
func didYouMean(_ name: String, in candidates: [String], quote: String = "\"") -> Message {
  let n = nearest(name, in: candidates).map { quote + $0 + quote }
  guard var list = n.first.map(Message.init(verbatim:)) else { return "" }
  for other in n.dropFirst() { list = Message("{0} or {1}", list, other) }
  return Message("; did you mean {0}?", list)
}
