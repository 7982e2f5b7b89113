import KehuStore
import KehuText

// Markdown (GitHub pipe tables) for handouts and reports: the title as a paragraph above,
// the table, the notes as paragraphs below. Cells are padded by display width so the
// source reads well too; numeric columns are right-aligned with `---:`.

func renderMarkdown(_ t: ResultTable) -> String {
  let right = t.columns.indices.map { t.isNumeric(column: $0) }
  let headers = t.columns.map { markdownCell($0.name) }
  let rows = t.rows.indices.map { r in t.columns.indices.map { markdownCell(humanText(t.cell(r, $0))) } }
  // Three dashes is the shortest rule GitHub accepts.
  var widths = headers.map { max($0.displayWidth, 3) }
  for row in rows {
    for (c, text) in row.enumerated() { widths[c] = max(widths[c], text.displayWidth) }
  }

  func line(_ cells: [String]) -> String {
    let padded = cells.indices.map { c in
      right[c] ? cells[c].leftPadded(toWidth: widths[c]) : cells[c].padded(toWidth: widths[c])
    }
    return "| " + padded.joined(separator: " | ") + " |"
  }

  var blocks: [String] = []
  if let title = t.title { blocks.append(markdownText(tr(title))) }
  var table = [line(headers)]
  table.append(
    "| "
      + widths.indices.map { c in
        right[c]
          ? String(repeating: "-", count: widths[c] - 1) + ":" : String(repeating: "-", count: widths[c])
      }.joined(separator: " | ") + " |")
  table += rows.map(line)
  blocks.append(table.joined(separator: "\n"))
  // Separate paragraphs, so that notes written as lines stay lines.
  blocks += t.notes.map { markdownText(tr($0)) }
  return blocks.joined(separator: "\n\n") + "\n"
}

/// A cell's text: `\` and `|` escaped (an unescaped pipe ends the cell), line breaks as
/// `<br>`, since a table row must stay on one line.
func markdownCell(_ s: String) -> String {
  var out = ""
  var previousCR = false
  for u in s.unicodeScalars {
    switch u {
    case "\\": out += "\\\\"
    case "|": out += "\\|"
    case "\n": if !previousCR { out += "<br>" }
    case "\r": out += "<br>"
    default: out.unicodeScalars.append(u)
    }
    previousCR = u == "\r"
  }
  return out
}

/// Title and notes are text for people, but a line starting with `#`, `-` or `|` would
/// turn into a heading, list or table; escaping the first character keeps it a paragraph.
func markdownText(_ s: String) -> String {
  guard let first = s.first, "#-+*>|=".contains(first) else { return s }
  return "\\" + s
}
