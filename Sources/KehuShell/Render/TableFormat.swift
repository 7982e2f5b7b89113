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

private func tableCell(_ v: Value, _ o: RenderOptions, percentDecimals: Int = 0) -> Cell {
  if v.isNull { return Cell(text: o.color ? "null" : "", isNull: true) }
  if case .percent(let d) = v {
    return Cell(text: percentCellText(d, decimals: percentDecimals), isNull: false)
  }
  return Cell(text: visibleControls(humanText(v)), isNull: false)
}

/// The most decimals any percentage among the first `rows` of column `c` needs (at most 4),
/// so that a column reads `53.00%`, `65.50%`, not `53%`, `65.5%`. Machine formats keep
/// every digit; this is only how a column lines up for people.
private func percentDecimals(_ t: ResultTable, column c: Int, rows: Int) -> Int {
  var most = 0
  for r in 0..<rows {
    guard case .percent(let d) = t.cell(r, c), let hundred = try? d.multiplied(by: Dec(100)) else { continue }
    most = max(most, min(hundred.normalized.scale, 4))
    if most == 4 { break }
  }
  return most
}

/// 0.53 → `53.00%` with 2 decimals; 12.345 → `1,234.50%`: separators like every amount.
func percentCellText(_ d: Dec, decimals: Int) -> String {
  let hundred = (try? d.multiplied(by: Dec(100))) ?? d
  return hundred.formatted(decimals: decimals, separators: true) + "%"
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
  // An index scan: `dropLast()` measures the whole substring each time (quadratic).
  guard let last = s.lastIndex(where: { $0 != " " }) else { return "" }
  return String(s[...last])
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
  return lines + t.notes.map(tr)
}

/// Column widths narrowed so the table fits `width`: the widest text column gives up cells
/// first, never below 8 (or its header); numbers are never cut. Nil when even that does not
/// fit.
func fittedWidths(_ natural: [Int], headers: [Int], numeric: [Bool], width: Int) -> [Int]? {
  var widths = natural
  var total = widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
  while total > width {
    var widest = -1
    for c in widths.indices where !numeric[c] && widths[c] > max(8, headers[c]) {
      if widest < 0 || widths[c] > widths[widest] { widest = c }
    }
    guard widest >= 0 else { return nil }
    // Down to the next widest column at most, so the cut is shared among the wide ones.
    let floor = max(8, headers[widest])
    let next = widths.indices.filter { $0 != widest && !numeric[$0] }.map { widths[$0] }.max() ?? floor
    let cut = max(1, min(total - width, widths[widest] - max(next, floor)))
    widths[widest] -= cut
    total -= cut
  }
  return widths
}

/// Rows laid out between two calls of a renderer's `check` (Ctrl-C).
let renderCheckRows = 1 << 12

func renderHorizontal(
  _ t: ResultTable, _ o: RenderOptions, orVertical: Bool = false, check: () throws -> Void
) rethrows -> String {
  let shown = shownRows(t, o)
  let cut = o.width != nil ? Int.max : max(o.maxCellWidth, 1)
  let columns = t.columns.count
  let headers = t.columns.map { visibleControls($0.name).truncated(toWidth: cut) }
  // Every cell's text and width, measured once: a million-row result is laid out in one
  // pass over flat arrays, not a string per padding step.
  var texts = [String]()
  var cellWidths = [Int]()
  var nulls = [Bool]()
  texts.reserveCapacity(shown * columns)
  cellWidths.reserveCapacity(shown * columns)
  nulls.reserveCapacity(shown * columns)
  var widths = headers.map(\.displayWidth)
  let decimals = (0..<columns).map { percentDecimals(t, column: $0, rows: shown) }
  for r in 0..<shown {
    if r % renderCheckRows == 0 { try check() }
    for c in 0..<columns {
      let cell = tableCell(t.cell(r, c), o, percentDecimals: decimals[c])
      var text = cell.text
      var w = text.displayWidth
      if w > cut {
        text = text.truncated(toWidth: cut)
        w = text.displayWidth
      }
      texts.append(text)
      cellWidths.append(w)
      nulls.append(cell.isNull)
      if w > widths[c] { widths[c] = w }
    }
  }
  let right = t.columns.indices.map { t.isNumeric(column: $0) }
  if let width = o.width {
    guard
      let fitted = fittedWidths(widths, headers: headers.map(\.displayWidth), numeric: right, width: width)
    else {
      if orVertical { return try renderVertical(t, o, check: check) }
      var unfitted = o
      unfitted.width = nil
      // Its lines wrap on the screen: a screenful counts screen lines, not rows, so the
      // header stays in view (the header and rule wrap as the rows do).
      if let limit = o.maxRows {
        let perRow = max(1, (widths.reduce(0, +) + 2 * max(columns - 1, 0) + width - 1) / width)
        unfitted.maxRows = max(1, (limit + 2) / perRow - 2)
      }
      return try renderHorizontal(t, unfitted, check: check)
    }
    for i in texts.indices where cellWidths[i] > fitted[i % columns] {
      texts[i] = texts[i].truncated(toWidth: fitted[i % columns])
      cellWidths[i] = texts[i].displayWidth
    }
    widths = fitted
  }

  var out = ""
  out.reserveCapacity((widths.reduce(0, +) + 2 * columns + 1) * (shown + 2) + 256)
  func spaces(_ n: Int) {
    for _ in 0..<max(n, 0) { out.unicodeScalars.append(" ") }
  }
  // Padding goes outside any colour codes, so widths never count them; the spaces a line
  // would end with are never written.
  func line(_ cell: (Int) -> (text: String, width: Int, paint: String?)) {
    var pending = 0
    for c in 0..<columns {
      let (text, w, paint) = cell(c)
      if c > 0 { pending += 2 }
      let fill = widths[c] - w
      if right[c] { pending += fill }
      if !text.isEmpty {
        spaces(pending)
        pending = 0
        if let paint {
          out += paint
          out += text
          out += reset
        } else {
          out += text
        }
      }
      if !right[c] { pending += fill }
    }
    out += "\n"
  }

  if let title = t.title { out += tr(title) + "\n" }
  if o.color { out += bold }
  line { c in (headers[c], headers[c].displayWidth, nil) }
  if o.color {
    out.removeLast()
    out += reset + "\n"
  }
  let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: gap)
  out += painted(rule, dim, o.color) + "\n"
  for r in 0..<shown {
    if r % renderCheckRows == 0 { try check() }
    let base = r * columns
    line { c in
      let i = base + c
      return (texts[i], cellWidths[i], nulls[i] && o.color ? dim : nil)
    }
  }
  for l in footer(t, shown: shown, o) { out += l + "\n" }
  return out
}

func renderVertical(_ t: ResultTable, _ o: RenderOptions, check: () throws -> Void) rethrows -> String {
  var shown = shownRows(t, o)
  // At a terminal the row limit is a screenful of lines: a card takes a line per column.
  if o.width != nil, let limit = o.maxRows { shown = min(shown, max(1, limit / (t.columns.count + 1))) }
  let names = t.columns.map { visibleControls($0.name) + ":" }
  let nameWidth = names.map(\.displayWidth).max() ?? 0
  var cards: [[String]] = []
  var widest = 0
  let decimals = t.columns.indices.map { percentDecimals(t, column: $0, rows: shown) }
  for r in 0..<shown {
    if r % renderCheckRows == 0 { try check() }
    var card: [String] = []
    for c in t.columns.indices {
      let cell = tableCell(t.cell(r, c), o, percentDecimals: decimals[c])
      let label = names[c].padded(toWidth: nameWidth)
      widest = max(widest, nameWidth + 1 + cell.text.displayWidth)
      let value = painted(cell.text, dim, cell.isNull && o.color)
      card.append(trimmedRight(painted(label, bold, o.color) + " " + value))
    }
    cards.append(card)
  }

  var lines: [String] = []
  if let title = t.title { lines.append(tr(title)) }
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
