import KehuStore

// CSV per RFC 4180, for spreadsheets and programs: a header row, CRLF line ends, fields
// quoted only when they must be. Numbers are plain (1234.50, 0.3), dates ISO, null empty.
// Title and notes are for people and are not written.

func renderCSV(_ t: ResultTable) -> String {
  var out = Array(csvLine(t.columns.map(\.name)).utf8)
  let width = t.columns.count
  let n = t.rowCount
  // A million rows: fields go straight into one byte buffer, no string per cell for
  // the common types; a query's result is read straight from its columns.
  out.reserveCapacity(out.count + n * width * 10)
  if width == 1 {
    for r in 0..<n { out.append(contentsOf: csvLine([csvCell(t.value(row: r, column: 0))]).utf8) }
  } else if let cells = t.cells, cells.columns.count == width {
    let writers = cells.columns.map(CSVColumn.init)
    for r in 0..<n {
      for c in 0..<width {
        if c > 0 { out.append(UInt8(ascii: ",")) }
        writers[c].append(r, to: &out)
      }
      out.append(13)
      out.append(10)
    }
  } else {
    for row in t.rows {
      for c in 0..<width {
        if c > 0 { out.append(UInt8(ascii: ",")) }
        appendCSVField(c < row.count ? row[c] : .null, to: &out)
      }
      out.append(13)
      out.append(10)
    }
  }
  return String(decoding: out, as: UTF8.self)
}

/// One column of a columnar result, written field by field without a `Value` for the
/// integers, money, codes (each dictionary entry encoded once) and plain text.
private struct CSVColumn {
  let column: ResultCells.Column
  let entries: [[UInt8]]

  init(_ column: ResultCells.Column) {
    self.column = column
    if case .codes(_, let dict) = column.data {
      entries = dict.map { s in
        var b: [UInt8] = []
        appendCSVField(.text(s), to: &b)
        return b
      }
    } else {
      entries = []
    }
  }

  @inline(__always)
  func append(_ r: Int, to out: inout [UInt8]) {
    let i = column.rows?[r] ?? r
    if i < 0 { return }
    switch column.data {
    case .ints(let a, let type):
      let v = a[i]
      if v == Int64.min { return }
      switch type {
      case .int:
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(v.magnitude, to: &out)
      case .money: appendFen(v, to: &out)
      default: appendCSVField(Value(raw: v, type), to: &out)
      }
    case .codes(let a, _):
      let k = a[i]
      if k >= 0 { out.append(contentsOf: entries[Int(k)]) }
    case .text(let buffer):
      if buffer.isNull(i) { return }
      let plain = buffer.withBytes(i) { b -> Bool in
        guard isPlainCSV(b) else { return false }
        out.append(contentsOf: b)
        return true
      }
      if !plain { appendCSVField(.text(buffer.string(i) ?? ""), to: &out) }
    case .int32s, .values:
      appendCSVField(column.value(r), to: &out)
    }
  }
}

/// Text written as it is: no formula's first character, nothing that needs quotes.
@inline(__always)
private func isPlainCSV(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
  if let f = b.first, f == 61 || f == 43 || f == 45 || f == 64 || f == 39 || f == 9 || f == 13 {
    return false
  }
  return !b.contains(where: { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 })
}

private func appendFen(_ fen: Int64, to out: inout [UInt8]) {
  if fen < 0 { out.append(UInt8(ascii: "-")) }
  appendDigits(fen.magnitude / 100, to: &out)
  let cents = fen.magnitude % 100
  out.append(UInt8(ascii: "."))
  out.append(UInt8(48 + cents / 10))
  out.append(UInt8(48 + cents % 10))
}

/// One cell as `csvField(csvCell(v))` writes it, without building a string for the
/// numbers and the text that needs no quotes.
private func appendCSVField(_ v: Value, to out: inout [UInt8]) {
  switch v {
  case .null: return
  case .int(let i):
    if i < 0 { out.append(UInt8(ascii: "-")) }
    appendDigits(i.magnitude, to: &out)
  case .money(let m): appendFen(m.fen, to: &out)
  case .text(let s):
    var s = s
    let plain = s.withUTF8 { b -> Bool in
      // A formula's first character, or one that needs quotes: the general path.
      guard isPlainCSV(b) else { return false }
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
