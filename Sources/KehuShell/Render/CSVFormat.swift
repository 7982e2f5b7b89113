import KehuStore

// CSV per RFC 4180, for spreadsheets and programs: a header row, CRLF line ends, fields
// quoted only when they must be. Numbers are plain (1234.50, 0.3), dates ISO, null empty.
// Title and notes are for people and are not written.

func renderCSV(_ t: ResultTable) -> String {
  var out = Array(csvLine(t.columns.map(\.name)).utf8)
  let width = t.columns.count
  // A million rows: fields go straight into one byte buffer, no string per cell for
  // the common types.
  out.reserveCapacity(out.count + t.rows.count * width * 10)
  for row in t.rows {
    if width == 1 {
      out.append(contentsOf: csvLine([csvCell(row.first ?? .null)]).utf8)
      continue
    }
    for c in 0..<width {
      if c > 0 { out.append(UInt8(ascii: ",")) }
      appendCSVField(c < row.count ? row[c] : .null, to: &out)
    }
    out.append(13)
    out.append(10)
  }
  return String(decoding: out, as: UTF8.self)
}

/// One cell as `csvField(csvCell(v))` writes it, without building a string for the
/// numbers and the text that needs no quotes.
private func appendCSVField(_ v: Value, to out: inout [UInt8]) {
  switch v {
  case .null: return
  case .int(let i):
    if i < 0 { out.append(UInt8(ascii: "-")) }
    appendDigits(i.magnitude, to: &out)
  case .money(let m):
    if m.fen < 0 { out.append(UInt8(ascii: "-")) }
    appendDigits(m.fen.magnitude / 100, to: &out)
    let cents = m.fen.magnitude % 100
    out.append(UInt8(ascii: "."))
    out.append(UInt8(48 + cents / 10))
    out.append(UInt8(48 + cents % 10))
  case .text(let s):
    var s = s
    let plain = s.withUTF8 { b -> Bool in
      // A formula's first character, or one that needs quotes: the general path.
      if let f = b.first, f == 61 || f == 43 || f == 45 || f == 64 || f == 39 || f == 9 || f == 13 {
        return false
      }
      if b.contains(where: { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }) { return false }
      out.append(contentsOf: b)
      return true
    }
    if !plain { out.append(contentsOf: csvField(csvCell(v)).utf8) }
  default:
    out.append(contentsOf: csvField(csvCell(v)).utf8)
  }
}

private func appendDigits(_ n: UInt64, to out: inout [UInt8]) {
  let start = out.count
  var m = n
  repeat {
    out.append(UInt8(48 + m % 10))
    m /= 10
  } while m > 0
  out[start...].reverse()
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
