import KehuStore
import KehuText

extension Session {
  /// A table with small bars to the right of some of its rows (`analyze customer`'s twelve
  /// months): the figures stay where they are and the eye gets the shape. When the screen is
  /// too narrow, or the result is not a table on screen, the table is left as it is.
  func tableWithBars(_ t: ResultTable, rows: Range<Int>, lengths: [Double]) -> CommandOutput {
    guard settings.format == .table, settings.view != .vertical, !t.rows.isEmpty else { return .table(t) }
    let text = renderTable(t)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Title, header and rule come before the first row.
    let first = (t.title == nil ? 0 : 1) + 2
    // `view auto` shows a table too wide for the screen as cards: no bars beside those.
    guard lines.count > first, lines[first - 1].hasPrefix("─") else { return .table(t) }
    let tableWidth = lines[first - 1].withoutEscapes.displayWidth
    let style = chartStyle
    let cells = min(24, style.width - tableWidth - 2)
    guard cells >= 6 else { return .table(t) }
    let largest = lengths.max() ?? 0
    for (k, r) in rows.enumerated() where first + r < lines.count && k < lengths.count {
      // A cut table ends with its "more rows" line: rows past it were not drawn.
      guard r < (settings.rows ?? Int.max) else { break }
      let line = lines[first + r]
      let pad = String(repeating: " ", count: max(0, tableWidth - line.withoutEscapes.displayWidth))
      let bar = ChartText.blocks(lengths[k], of: largest, cells: cells, ascii: style.ascii)
      if !bar.isEmpty { lines[first + r] = line + pad + "  " + bar }
    }
    return .message(lines.joined(separator: "\n"))
  }
}

extension String {
  /// The text without ANSI colour codes, to measure what a terminal shows.
  var withoutEscapes: String {
    var out = ""
    var inEscape = false
    for ch in self {
      if inEscape {
        if ch.isLetter { inEscape = false }
      } else if ch == "\u{1B}" {
        inEscape = true
      } else {
        out.append(ch)
      }
    }
    return out
  }
}
