import KehuStore
import KehuText

// The table format, for people at a terminal, in the style of sqlite3's `.mode column`:
//
//   id    name    credit_limit
//   ────  ──────  ────────────
//   C001  张三        50,000.00
//   (1 row)
//
// Columns are two spaces apart, numbers right-aligned, widths counted in terminal cells.

private let bold = "\u{1B}[1m"
private let dim = "\u{1B}[2m"
private let reset = "\u{1B}[0m"
private let gap = "  "

/// One cell ready to lay out: its visible text, and whether it stands for null (to dim it).
private struct Cell {
  var text: String
  var isNull: Bool
}

private func tableCell(_ v: Value, _ o: RenderOptions) -> Cell {
  if v.isNull { return Cell(text: o.color ? "null" : "", isNull: true) }
  return Cell(text: visibleControls(humanText(v)), isNull: false)
}

/// Control characters would break the grid (a newline starts a new line, a tab has no
/// fixed width), so they are shown as escapes: `\n`, `\t`, `\r`, `\u{1B}`.
func visibleControls(_ s: String) -> String {
  guard s.unicodeScalars.contains(where: isControl) else { return s }
  var out = ""
  for u in s.unicodeScalars {
    switch u {
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    case _ where isControl(u):
      out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
    default: out.unicodeScalars.append(u)
    }
  }
  return out
}

private func isControl(_ u: Unicode.Scalar) -> Bool {
  u.value < 0x20 || (0x7F...0x9F).contains(u.value)
}

private func painted(_ s: String, _ code: String, _ on: Bool) -> String {
  on && !s.isEmpty ? code + s + reset : s
}

/// Drops the spaces that padding left at the end of a line.
private func trimmedRight(_ s: String) -> String {
  var t = Substring(s)
  while t.last == " " { t = t.dropLast() }
  return String(t)
}

/// How many rows `maxRows` lets the table show (a negative limit shows none).
private func shownRows(_ t: ResultTable, _ o: RenderOptions) -> Int {
  guard let limit = o.maxRows else { return t.rows.count }
  return min(max(limit, 0), t.rows.count)
}

/// The lines under the rows: the "more rows" line when cut, the count, then the notes.
private func footer(_ t: ResultTable, shown: Int, _ o: RenderOptions) -> [String] {
  var lines: [String] = []
  let total = max(t.totalRows ?? t.rows.count, t.rows.count)
  if shown < total { lines.append(o.labels.moreRows(total - shown)) }
  lines.append(o.labels.rowCount(total))
  return lines + t.notes
}

func renderHorizontal(_ t: ResultTable, _ o: RenderOptions) -> String {
  let shown = shownRows(t, o)
  let cut = max(o.maxCellWidth, 1)
  let headers = t.columns.map { visibleControls($0.name).truncated(toWidth: cut) }
  let cells: [[Cell]] = (0..<shown).map { r in
    t.columns.indices.map { c in
      var cell = tableCell(t.cell(r, c), o)
      cell.text = cell.text.truncated(toWidth: cut)
      return cell
    }
  }
  let right = t.columns.indices.map { t.isNumeric(column: $0) }
  var widths = headers.map(\.displayWidth)
  for row in cells {
    for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.text.displayWidth) }
  }

  // Padding goes outside any colour codes, so widths never count them and the
  // trailing padding of a line can still be trimmed.
  func pad(_ s: String, _ c: Int, paint code: String? = nil) -> String {
    let spaces = String(repeating: " ", count: max(widths[c] - s.displayWidth, 0))
    let text = code.map { painted(s, $0, true) } ?? s
    return right[c] ? spaces + text : text + spaces
  }

  var lines: [String] = []
  if let title = t.title { lines.append(title) }
  let header = trimmedRight(headers.indices.map { pad(headers[$0], $0) }.joined(separator: gap))
  lines.append(painted(header, bold, o.color))
  lines.append(painted(widths.map { String(repeating: "─", count: $0) }.joined(separator: gap), dim, o.color))
  for row in cells {
    let parts = row.indices.map { c in pad(row[c].text, c, paint: row[c].isNull && o.color ? dim : nil) }
    lines.append(trimmedRight(parts.joined(separator: gap)))
  }
  lines += footer(t, shown: shown, o)
  return lines.map { $0 + "\n" }.joined()
}

func renderVertical(_ t: ResultTable, _ o: RenderOptions) -> String {
  let shown = shownRows(t, o)
  let names = t.columns.map { visibleControls($0.name) + ":" }
  let nameWidth = names.map(\.displayWidth).max() ?? 0
  var cards: [[String]] = []
  var widest = 0
  for r in 0..<shown {
    var card: [String] = []
    for c in t.columns.indices {
      let cell = tableCell(t.cell(r, c), o)
      let label = names[c].padded(toWidth: nameWidth)
      widest = max(widest, nameWidth + 1 + cell.text.displayWidth)
      let value = painted(cell.text, dim, cell.isNull && o.color)
      card.append(trimmedRight(painted(label, bold, o.color) + " " + value))
    }
    cards.append(card)
  }

  var lines: [String] = []
  if let title = t.title { lines.append(title) }
  for (i, card) in cards.enumerated() {
    // psql's `\x` header, stretched with dashes to the widest line of any card.
    var header = "-[ " + o.labels.record(i + 1) + " ]-"
    let short = widest - header.displayWidth
    if short > 0 { header += String(repeating: "-", count: short) }
    lines.append(painted(header, dim, o.color))
    lines += card
  }
  lines += footer(t, shown: shown, o)
  return lines.map { $0 + "\n" }.joined()
}
