import KehuStore

// CSV per RFC 4180, for spreadsheets and programs: a header row, CRLF line ends, fields
// quoted only when they must be. Numbers are plain (1234.50, 0.3), dates ISO, null empty.
// Title and notes are for people and are not written.

func renderCSV(_ t: ResultTable) -> String { renderCSV(t) {} }

/// The same, calling `check` once a block of rows (Ctrl-C stops the printing there).
func renderCSV(_ t: ResultTable, check: () throws -> Void) rethrows -> String {
  var out: [UInt8] = []
  try writeCSV(t, workers: 1, check: check) { out.append(contentsOf: $0) }
  return String(decoding: out, as: UTF8.self)
}

/// The CSV as UTF-8 bytes (what `renderCSV` returns as text).
func renderCSVBytes(_ t: ResultTable, workers: Int = 1) -> [UInt8] {
  var out: [UInt8] = []
  writeCSV(t, workers: workers, check: {}) { out.append(contentsOf: $0) }
  return out
}

/// Writes the CSV of `t` to `write`: the header, then blocks of `blockRows` rows in their
/// order, each formatted into a reused buffer (see CSVRows.swift). With more than one
/// worker, workers on threads of their own format blocks ahead into a ring of buffers while
/// the caller writes them in order, so any number of workers writes the same bytes.
/// `check` is called before each block is written: Ctrl-C stops the printing there, after
/// a whole row.
func writeCSV(
  _ t: ResultTable, workers: Int, blockRows: Int = 1 << 14, check: () throws -> Void,
  to write: (UnsafeBufferPointer<UInt8>) throws -> Void
) rethrows {
  try Array(csvLine(t.columns.map(\.name)).utf8).withUnsafeBufferPointer { try write($0) }
  let n = t.rowCount
  guard n > 0 else { return }
  try writeCSVBlocks(
    CSVRows(t), count: n, block: max(1, blockRows), workers: workers, check: check, to: write)
}

/// Text written as it is: no formula's first character, nothing that needs quotes.
@inline(__always)
private func isPlainCSV(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let start = b.baseAddress, !b.isEmpty else { return true }
  return !csvFormulaStart(start[0]) && !csvNeedsQuotes(start, b.count)
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
func appendCSVField(_ v: Value, to out: inout [UInt8]) {
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

/// The decimal digits of `n`, written last to first into 24 bytes on the stack and appended
/// in one copy (reversing a slice of `out` in place copied it: an allocation a number).
@inline(__always)
private func appendDigits(_ n: UInt64, to out: inout [UInt8]) {
  var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
  withUnsafeMutableBytes(of: &digits) { raw in
    let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
    var i = 24
    var m = n
    repeat {
      i -= 1
      p[i] = UInt8(truncatingIfNeeded: 48 &+ m % 10)
      m /= 10
    } while m > 0
    out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: 24 - i))
  }
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
