import Foundation
import KehuStore

// The CSV that `export` writes for spreadsheets (RFC 4180, CRLF, UTF-8). Numbers are plain
// (no separators), so a spreadsheet reads them as numbers. A text cell that begins with
// = + - @ TAB or CR is prefixed with ' so that a spreadsheet shows it instead of running it as a
// formula (CSV injection); a text beginning with ' gets one too, so that `import`, which
// takes one leading ' off every text cell, gives back exactly what was exported. Numbers
// are never prefixed: -12.50 stays a negative amount. Null is an empty field and an empty
// text is `""`, which `import` tells apart.

/// The bytes of `t` as CSV; `excel` adds a UTF-8 byte order mark, without which Excel on a
/// Chinese system reads UTF-8 as the local code page and shows the Chinese garbled.
func csvBytes(_ t: ResultTable, excel: Bool) -> [UInt8] { csvBytes(t, excel: excel) {} }

/// The same, counting each row toward the command's progress (Ctrl-C stops it there).
func csvBytes(_ t: ResultTable, excel: Bool, counter: WorkCounter?) throws -> [UInt8] {
  try csvBytes(t, excel: excel) { try counter?.tick() }
}

func csvBytes(_ t: ResultTable, excel: Bool, each: () throws -> Void) rethrows -> [UInt8] {
  var out: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
  func line(_ fields: [String]) {
    out.append(contentsOf: fields.joined(separator: ",").utf8)
    out.append(contentsOf: [13, 10])
  }
  line(t.columns.map { csvField($0.name) })
  for r in t.rows.indices {
    try each()
    line(t.columns.indices.map { exportField(t.cell(r, $0)) })
  }
  return out
}

/// Writes `t` as CSV to `path` (replacing the file in one step, so a reader never sees half
/// of it); returns the absolute path written. The query pipeline's `| export "FILE.csv"`
/// calls this too.
@discardableResult
func writeCSV(_ t: ResultTable, to path: String, excel: Bool, counter: WorkCounter? = nil) throws -> String {
  try writeFile(csvBytes(t, excel: excel, counter: counter), to: path)
}

/// See `OutputFile`: a regular file replaced in one step, anything else refused.
@discardableResult
func writeFile(_ bytes: [UInt8], to path: String) throws -> String {
  try OutputFile.write(bytes, to: path)
}

/// One cell as an exported field.
func exportField(_ v: Value) -> String {
  switch v {
  case .null: return ""
  case .text(let s):
    if s.isEmpty { return "\"\"" }
    return csvField(formulaEscaped(s))
  default: return csvField(machineText(v))
  }
}

/// `=SUM(A1)` → `'=SUM(A1)`: the characters that start a formula in a spreadsheet, with TAB
/// and CR, which spreadsheets skip before looking for one (OWASP's CSV injection list).
func formulaEscaped(_ s: String) -> String {
  guard let first = s.utf8.first, csvFormulaStart(first) else { return s }
  return "'" + s
}

/// Whether a text whose UTF-8 starts with byte `b` gets a leading `'` (`formulaEscaped`):
/// = + - @ ' TAB CR (all ASCII, so the first byte decides).
@inline(__always)
func csvFormulaStart(_ b: UInt8) -> Bool {
  // Bits 9, 13, 39, 43, 45 and 61; 64 is '@'.
  let mask: UInt64 = (1 << 9) | (1 << 13) | (1 << 39) | (1 << 43) | (1 << 45) | (1 << 61)
  return b < 64 ? (mask >> UInt64(b)) & 1 != 0 : b == 64
}
