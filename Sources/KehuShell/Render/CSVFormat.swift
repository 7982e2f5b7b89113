import Dispatch
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
/// order. With more than one worker, a wave of blocks (one per worker) is formatted at once,
/// each on its own thread into its own buffer, then written in order, so any number of
/// workers writes the same bytes; a million rows take what formatting on every core and one
/// `write` of the bytes take. `check` is called before each block is written: Ctrl-C
/// stops the printing there, after a whole row.
func writeCSV(
  _ t: ResultTable, workers: Int, blockRows: Int = 1 << 14, check: () throws -> Void,
  to write: ([UInt8]) throws -> Void
) rethrows {
  try write(Array(csvLine(t.columns.map(\.name)).utf8))
  let n = t.rowCount
  guard n > 0 else { return }
  let block = max(1, blockRows)
  let formatter = CSVRows(t)
  let k = max(1, min(workers, (n + block - 1) / block))
  var buffers = [CSVRows.Buffer](repeating: CSVRows.Buffer(), count: k)
  var lo = 0
  while lo < n {
    let parts = (0..<k).map { i in min(n, lo + i * block)..<min(n, lo + (i + 1) * block) }
    if k == 1 {
      formatter.format(parts[0], into: &buffers[0])
    } else {
      buffers.withUnsafeMutableBufferPointer { b in
        let work = CSVShared(value: (b, formatter, parts))
        DispatchQueue.concurrentPerform(iterations: k) { i in
          let (b, formatter, parts) = work.value
          formatter.format(parts[i], into: &b[i])
        }
      }
    }
    for i in 0..<k where !parts[i].isEmpty {
      try check()
      try write(buffers[i].out)
    }
    lo = parts[k - 1].upperBound
  }
}

/// Hands the buffers to the workers: each writes only its own.
private struct CSVShared<T>: @unchecked Sendable {
  let value: T
}

/// Rows of a result formatted as CSV lines, a block at a time, from any thread: the
/// columns' writers are made once (a dictionary's entries encoded once) and only read.
private struct CSVRows: Sendable {
  /// A worker's output and scratch, kept from block to block so no buffer is made twice.
  struct Buffer {
    var out: [UInt8] = []
    var fields: [UInt8] = []
    var ends: [Int] = []
  }

  let table: ResultTable
  /// The columns' writers, when the result is kept as columns (and has more than one).
  let writers: [CSVColumn]?

  init(_ t: ResultTable) {
    table = t
    if t.columns.count > 1, let cells = t.cells, cells.columns.count == t.columns.count {
      writers = cells.columns.map(CSVColumn.init)
    } else {
      writers = nil
    }
  }

  /// The lines of rows `range` into `b.out` (emptied first).
  func format(_ range: Range<Int>, into b: inout Buffer) {
    b.out.removeAll(keepingCapacity: true)
    let width = table.columns.count
    if let writers {
      // Each column writes its fields into `fields` in one loop over its own array
      // (ends[c * rows + r] is where field r of column c ends), then the rows are put
      // together from those pieces.
      let rows = range.count
      b.fields.removeAll(keepingCapacity: true)
      b.ends.removeAll(keepingCapacity: true)
      for w in writers { w.fields(range, into: &b.fields, ends: &b.ends) }
      b.out.reserveCapacity(b.fields.count + rows * (width + 1))
      b.fields.withUnsafeBufferPointer { f in
        b.ends.withUnsafeBufferPointer { e in
          for r in 0..<rows {
            for c in 0..<width {
              if c > 0 { b.out.append(UInt8(ascii: ",")) }
              let k = c * rows + r
              let start = k == 0 ? 0 : e[k - 1]
              b.out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<e[k]]))
            }
            b.out.append(13)
            b.out.append(10)
          }
        }
      }
    } else if width == 1 {
      // A lone empty field would make a blank line: `csvLine` quotes it.
      for r in range { b.out.append(contentsOf: csvLine([csvCell(table.value(row: r, column: 0))]).utf8) }
    } else {
      for r in range {
        for c in 0..<width {
          if c > 0 { b.out.append(UInt8(ascii: ",")) }
          appendCSVField(table.value(row: r, column: c), to: &b.out)
        }
        b.out.append(13)
        b.out.append(10)
      }
    }
  }
}

/// One column of a columnar result, written field by field without a `Value` for the
/// integers, money, codes (each dictionary entry encoded once) and plain text. The
/// column's arrays are taken out of their enum once, so writing a cell copies (and
/// retains) nothing.
private struct CSVColumn {
  enum Kind { case int, money, otherInt, codes, text, general }
  let column: ResultCells.Column
  let kind: Kind
  let type: ValueType
  let rows: [Int]?
  let ints: [Int64]
  let codes: [Int32]
  let bytes: [UInt8]
  let starts: [UInt32]
  /// Free text's cells, or a dictionary's entries as CSV fields, one after another.
  let lengths: [UInt32]

  init(_ column: ResultCells.Column) {
    self.column = column
    rows = column.rows
    var (ints, codes, bytes, starts, lengths) = ([Int64](), [Int32](), [UInt8](), [UInt32](), [UInt32]())
    var type = ValueType.null
    switch column.data {
    case .ints(let a, let t):
      ints = a
      type = t
      kind = t == .int ? .int : t == .money ? .money : .otherInt
    case .codes(let a, let dict):
      codes = a
      kind = .codes
      for entry in dict {
        starts.append(UInt32(bytes.count))
        appendCSVField(.text(entry), to: &bytes)
        lengths.append(UInt32(bytes.count) - starts[starts.count - 1])
      }
    case .text(let buffer):
      (bytes, starts, lengths) = (buffer.bytes, buffer.starts, buffer.lengths)
      kind = .text
    case .int32s, .values:
      kind = .general
    }
    (self.ints, self.codes, self.bytes, self.starts, self.lengths) = (ints, codes, bytes, starts, lengths)
    self.type = type
  }

  /// The fields of rows `range`, one after another, with the end of each in `ends`.
  func fields(_ range: Range<Int>, into out: inout [UInt8], ends: inout [Int]) {
    let rows = self.rows
    func each(_ body: (Int) -> Void) {
      if let rows {
        rows.withUnsafeBufferPointer { p in
          for r in range {
            let i = p[r]
            if i >= 0 { body(i) }
            ends.append(out.count)
          }
        }
      } else {
        for i in range {
          body(i)
          ends.append(out.count)
        }
      }
    }
    switch kind {
    case .int, .money, .otherInt:
      let kind = self.kind
      let type = self.type
      ints.withUnsafeBufferPointer { p in
        each { i in
          let v = p[i]
          if v == Int64.min { return }
          switch kind {
          case .int:
            if v < 0 { out.append(UInt8(ascii: "-")) }
            appendDigits(v.magnitude, to: &out)
          case .money: appendFen(v, to: &out)
          default: appendCSVField(Value(raw: v, type), to: &out)
          }
        }
      }
    case .codes:
      codes.withUnsafeBufferPointer { p in
        bytes.withUnsafeBufferPointer { bytes in
          starts.withUnsafeBufferPointer { starts in
            lengths.withUnsafeBufferPointer { lengths in
              each { i in
                let k = Int(p[i])
                if k < 0 { return }
                let start = Int(starts[k])
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + Int(lengths[k])]))
              }
            }
          }
        }
      }
    case .text:
      bytes.withUnsafeBufferPointer { bytes in
        starts.withUnsafeBufferPointer { starts in
          lengths.withUnsafeBufferPointer { lengths in
            each { i in
              let length = lengths[i]
              if length == UInt32.max { return }
              let start = Int(starts[i])
              let b = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(length)])
              if isPlainCSV(b) {
                out.append(contentsOf: b)
              } else {
                appendCSVField(.text(String(decoding: b, as: UTF8.self)), to: &out)
              }
            }
          }
        }
      }
    case .general:
      for r in range {
        appendCSVField(column.value(r), to: &out)
        ends.append(out.count)
      }
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
