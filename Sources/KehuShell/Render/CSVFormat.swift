import KehuStore

// CSV per RFC 4180, for spreadsheets and programs: a header row, CRLF line ends, fields
// quoted only when they must be. Numbers are plain (1234.50, 0.3), dates ISO, null empty.
// Title and notes are for people and are not written.

func renderCSV(_ t: ResultTable) -> String {
  var out = csvLine(t.columns.map(\.name))
  let width = t.columns.count
  // A million rows: fields go straight into one string, no array per row.
  out.reserveCapacity(out.utf8.count + t.rows.count * width * 10)
  for r in t.rows.indices {
    if width == 1 {
      out += csvLine([csvCell(t.cell(r, 0))])
      continue
    }
    for c in 0..<width {
      if c > 0 { out += "," }
      out += csvField(csvCell(t.cell(r, c)))
    }
    out += "\r\n"
  }
  return out
}

/// A cell as CSV text: a text that a spreadsheet would run as a formula gets a leading `'`
/// (see `formulaEscaped`), as `export` writes it; numbers are never escaped.
private func csvCell(_ v: Value) -> String {
  if case .text(let s) = v { return formulaEscaped(s) }
  return machineText(v)
}

private func csvLine(_ fields: [String]) -> String {
  // A lone empty field would make a blank line, which readers skip: quote it.
  if fields.count == 1 && fields[0].isEmpty { return "\"\"\r\n" }
  return fields.map(csvField).joined(separator: ",") + "\r\n"
}

/// A field quoted when it holds a comma, a quote, CR or LF, with its quotes doubled.
func csvField(_ s: String) -> String {
  let special = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
  guard special else { return s }
  var out = "\""
  for ch in s.unicodeScalars {
    if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
  }
  return out + "\""
}
