import Foundation
import KehuStore
import Synchronization

// The rows of a result as CSV bytes, a block at a time (see `writeCSV` in CSVFormat.swift).
// Each block is written into a worker's reused byte buffer by one cell writer per column,
// called once a cell in the row loop: integers and money from their raw integers two digits
// at a time, dictionary codes as their entries encoded once, free text copied when a test of
// eight bytes at a time finds nothing to quote. Everything else goes through `Value`, as the
// row-by-row path writes it. The bytes are those of `csvLine([csvCell(v), …])` for each row.

/// A worker's output, kept from block to block: raw bytes, grown when a block needs more.
final class CSVBlockBuffer: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  var count = 0
  /// A `Value`'s field, for the cells that are written through one.
  var scratch: [UInt8] = []

  init(capacity: Int = 1 << 16) {
    self.capacity = max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Room for `more` bytes after the first `count`.
  func grow(_ more: Int) {
    let wanted = max(capacity * 2, count + more)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = wanted
  }
}

/// Where the next byte of a block goes, and the end of the room for it.
struct CSVCursor {
  var p: UnsafeMutablePointer<UInt8>
  var end: UnsafeMutablePointer<UInt8>
  unowned(unsafe) let buffer: CSVBlockBuffer

  init(_ buffer: CSVBlockBuffer) {
    self.buffer = buffer
    p = buffer.base + buffer.count
    end = buffer.base + buffer.capacity
  }

  @inline(__always)
  mutating func reserve(_ n: Int) {
    if end - p < n { grow(n) }
  }

  @inline(never)
  mutating func grow(_ n: Int) {
    buffer.count = p - buffer.base
    buffer.grow(n)
    p = buffer.base + buffer.count
    end = buffer.base + buffer.capacity
  }

  @inline(__always)
  mutating func put(_ b: UInt8) {
    p.pointee = b
    p += 1
  }

  @inline(__always)
  mutating func put(_ from: UnsafePointer<UInt8>, _ n: Int) {
    p.update(from: from, count: n)
    p += n
  }
}

/// "00" "01" … "99": two digits a lookup.
nonisolated(unsafe) private let digitPairTable: UnsafePointer<UInt8> = {
  let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 200)
  for i in 0..<100 {
    p[2 * i] = UInt8(48 + i / 10)
    p[2 * i + 1] = UInt8(48 + i % 10)
  }
  return UnsafePointer(p)
}()

@inline(__always)
private func decimalLength(_ n: UInt64) -> Int {
  if n < 10_000 { return n < 100 ? (n < 10 ? 1 : 2) : (n < 1_000 ? 3 : 4) }
  if n < 100_000_000 { return n < 1_000_000 ? (n < 100_000 ? 5 : 6) : (n < 10_000_000 ? 7 : 8) }
  var length = 9
  var m = n / 1_000_000_000
  while m > 0 {
    length += 1
    m /= 10
  }
  return length
}

/// The decimal digits of `n` at `c`, two at a time (room reserved by the caller).
@inline(__always)
private func putDigits(_ n: UInt64, _ c: inout CSVCursor, _ pairs: UnsafePointer<UInt8>) {
  let length = decimalLength(n)
  var q = c.p + length
  var m = n
  while m >= 100 {
    let r = Int(m % 100)
    m /= 100
    q -= 2
    q[0] = pairs[2 * r]
    q[1] = pairs[2 * r + 1]
  }
  if m >= 10 {
    q[-2] = pairs[2 * Int(m)]
    q[-1] = pairs[2 * Int(m) + 1]
  } else {
    q[-1] = UInt8(truncatingIfNeeded: 48 &+ m)
  }
  c.p += length
}

private let csvBroadcast: UInt64 = 0x0101_0101_0101_0101
private let csvHigh: UInt64 = 0x8080_8080_8080_8080

/// Whether any byte of `w` is zero (exact as to whether; not as to which).
@inline(__always)
private func hasZeroByte(_ w: UInt64) -> Bool {
  (w &- csvBroadcast) & ~w & csvHigh != 0
}

/// Whether a byte of `w` is a comma, a quote, CR or LF.
@inline(__always)
private func hasQuotable(_ w: UInt64) -> Bool {
  hasZeroByte(w ^ (csvBroadcast &* 0x2C)) || hasZeroByte(w ^ (csvBroadcast &* 0x22))
    || hasZeroByte(w ^ (csvBroadcast &* 0x0D)) || hasZeroByte(w ^ (csvBroadcast &* 0x0A))
}

/// Whether the `n` bytes at `p` hold a byte that makes a field quoted, eight at a time.
@inline(__always)
func csvNeedsQuotes(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  let raw = UnsafeRawPointer(p)
  if n >= 8 {
    var i = 0
    while i + 8 <= n {
      if hasQuotable(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
      i += 8
    }
    // The last eight bytes, overlapping the ones already tested.
    return i < n && hasQuotable(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
  }
  for i in 0..<n {
    let b = p[i]
    if b == 44 || b == 34 || b == 13 || b == 10 { return true }
  }
  return false
}

/// A text cell's UTF-8 as `csvField(formulaEscaped(s))` writes it. Reserves its own room,
/// and `extra` more for the cells after it in the row.
@inline(__always)
private func putText(_ b: UnsafePointer<UInt8>, _ n: Int, _ c: inout CSVCursor, extra: Int) {
  c.reserve(2 * n + 3 + extra)
  let escaped = n > 0 && csvFormulaStart(b[0])
  if !csvNeedsQuotes(b, n) {
    if escaped { c.put(39) }
    c.put(b, n)
    return
  }
  c.put(34)
  if escaped { c.put(39) }
  for i in 0..<n {
    let x = b[i]
    if x == 34 { c.put(34) }
    c.put(x)
  }
  c.put(34)
}

/// One column's cells, written from the column's own arrays, pinned for one block (see
/// `CSVColumn.withWriter`).
struct CSVCellWriter {
  enum Kind { case int, money, codes, text, general }
  let kind: Kind
  /// The result's column, for the cells written through a `Value`.
  let column: Int
  /// Row i of the result is row `rows[i]` of the arrays (-1: null); nil when the same.
  let rows: UnsafePointer<Int>?
  let ints: UnsafePointer<Int64>?
  let codes: UnsafePointer<Int32>?
  let bytes: UnsafePointer<UInt8>?
  let starts: UnsafePointer<UInt32>?
  let lengths: UnsafePointer<UInt32>?
}

/// The arrays one column's cells are read from (a dictionary's entries already encoded as
/// CSV fields), and the most bytes a cell takes for the kinds whose cells have a bound.
struct CSVColumn {
  var kind: CSVCellWriter.Kind
  var column: Int
  var rows: [Int]? = nil
  var ints: [Int64]? = nil
  var codes: [Int32]? = nil
  var bytes: [UInt8]? = nil
  var starts: [UInt32]? = nil
  var lengths: [UInt32]? = nil
  var widest = 0

  /// `body` of a writer whose pointers are good for the call only.
  func withWriter<R>(_ body: (CSVCellWriter) -> R) -> R {
    func pinned<T, S>(_ a: [T]?, _ body: (UnsafePointer<T>?) -> S) -> S {
      guard let a else { return body(nil) }
      return a.withUnsafeBufferPointer { body($0.baseAddress) }
    }
    return pinned(rows) { rows in
      pinned(ints) { ints in
        pinned(codes) { codes in
          pinned(bytes) { bytes in
            pinned(starts) { starts in
              pinned(lengths) { lengths in
                body(
                  CSVCellWriter(
                    kind: kind, column: column, rows: rows, ints: ints, codes: codes, bytes: bytes,
                    starts: starts, lengths: lengths))
              }
            }
          }
        }
      }
    }
  }
}

/// Rows of a result formatted as CSV lines, a block at a time, from any thread: the
/// columns' arrays are gathered once (a dictionary's entries encoded once) and only read.
final class CSVRows: @unchecked Sendable {
  let table: ResultTable
  let columns: [CSVColumn]
  /// The room a row needs besides its text and `Value` cells.
  let rowRoom: Int
  private let pairs = digitPairTable

  init(_ t: ResultTable) {
    table = t
    var columns: [CSVColumn] = []
    let cells = t.cells.flatMap { $0.columns.count >= t.columns.count ? $0 : nil }
    for c in t.columns.indices {
      guard let column = cells?.columns[c] else {
        columns.append(CSVColumn(kind: .general, column: c))
        continue
      }
      let rows = column.rows
      switch column.data {
      case .ints(let a, let type) where type == .int || type == .money:
        columns.append(
          CSVColumn(kind: type == .int ? .int : .money, column: c, rows: rows, ints: a, widest: 24))
      case .codes(let a, let dict):
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        var lengths: [UInt32] = []
        var widest = 0
        for entry in dict {
          let start = bytes.count
          appendCSVField(.text(entry), to: &bytes)
          starts.append(UInt32(start))
          lengths.append(UInt32(bytes.count - start))
          widest = max(widest, bytes.count - start)
        }
        columns.append(
          CSVColumn(
            kind: .codes, column: c, rows: rows, codes: a, bytes: bytes, starts: starts, lengths: lengths,
            widest: widest))
      case .text(let buffer):
        columns.append(
          CSVColumn(
            kind: .text, column: c, rows: rows, bytes: buffer.bytes, starts: buffer.starts,
            lengths: buffer.lengths))
      default:
        columns.append(CSVColumn(kind: .general, column: c))
      }
    }
    self.columns = columns
    rowRoom = columns.reduce(t.columns.count + 2) { $0 + $1.widest }
  }

  /// `body` of every column's writer, the arrays pinned for the call.
  private func withWriters<R>(_ body: ([CSVCellWriter]) -> R) -> R {
    func pin(_ k: Int, _ got: inout [CSVCellWriter]) -> R {
      if k == columns.count { return body(got) }
      return columns[k].withWriter { w in
        got.append(w)
        return pin(k + 1, &got)
      }
    }
    var got: [CSVCellWriter] = []
    got.reserveCapacity(columns.count)
    return pin(0, &got)
  }

  /// The lines of rows `range` into `b` (emptied first).
  func format(_ range: Range<Int>, into b: CSVBlockBuffer) {
    b.count = 0
    var c = CSVCursor(b)
    let width = columns.count
    let room = rowRoom
    withWriters { writers in
      writers.withUnsafeBufferPointer { w in
        for r in range {
          c.reserve(room)
          let lineStart = c.p - c.buffer.base
          for k in 0..<width {
            if k > 0 { c.put(44) }
            write(w[k], row: r, to: &c)
          }
          // A lone empty field would make a blank line: it is quoted.
          if width == 1 && c.p - c.buffer.base == lineStart {
            c.put(34)
            c.put(34)
          }
          c.put(13)
          c.put(10)
        }
      }
    }
    b.count = c.p - b.base
  }

  /// Cell `r` of one column.
  @inline(__always)
  private func write(_ w: CSVCellWriter, row r: Int, to c: inout CSVCursor) {
    var i = r
    if let rows = w.rows {
      i = rows[r]
      if i < 0 { return }
    }
    switch w.kind {
    case .int:
      let v = w.ints.unsafelyUnwrapped[i]
      if v == Int64.min { return }
      if v < 0 { c.put(45) }
      putDigits(v.magnitude, &c, pairs)
    case .money:
      let v = w.ints.unsafelyUnwrapped[i]
      if v == Int64.min { return }
      if v < 0 { c.put(45) }
      let m = v.magnitude
      putDigits(m / 100, &c, pairs)
      let cents = Int(m % 100)
      c.put(46)
      c.put(pairs[2 * cents])
      c.put(pairs[2 * cents + 1])
    case .codes:
      let k = Int(w.codes.unsafelyUnwrapped[i])
      if k < 0 { return }
      c.put(
        w.bytes.unsafelyUnwrapped + Int(w.starts.unsafelyUnwrapped[k]), Int(w.lengths.unsafelyUnwrapped[k]))
    case .text:
      let n = w.lengths.unsafelyUnwrapped[i]
      if n == TextBuffer.nullLength { return }
      putText(w.bytes.unsafelyUnwrapped + Int(w.starts.unsafelyUnwrapped[i]), Int(n), &c, extra: rowRoom)
    case .general:
      let b = c.buffer
      b.scratch.removeAll(keepingCapacity: true)
      appendCSVField(table.value(row: r, column: w.column), to: &b.scratch)
      c.reserve(b.scratch.count + rowRoom)
      b.scratch.withUnsafeBufferPointer { c.put($0.baseAddress!, $0.count) }
    }
  }
}

/// The ring of buffers that workers format blocks into ahead of the caller, who writes
/// them in order: block b goes to slot b % slots, formatted by worker b % workers (so each
/// slot has one worker). `free` is signalled when a slot may be written, `filled` when
/// its block is ready.
final class CSVRing: @unchecked Sendable {
  let buffers: [CSVBlockBuffer]
  let free: [DispatchSemaphore]
  let filled: [DispatchSemaphore]
  let stopped = Atomic<Bool>(false)

  init(slots: Int) {
    buffers = (0..<slots).map { _ in CSVBlockBuffer() }
    // Made at zero and signalled: a semaphore freed below its starting value is an error.
    free = (0..<slots).map { _ in DispatchSemaphore(value: 0) }
    filled = (0..<slots).map { _ in DispatchSemaphore(value: 0) }
    for s in free { s.signal() }
  }

  /// Tells the workers to stop, waking any that waits for a slot.
  func stop() {
    stopped.store(true, ordering: .sequentiallyConsistent)
    for s in free { s.signal() }
  }
}

/// Writes the lines of `rows` (`n` rows, in blocks of `block`) to `write` in order: with one
/// worker on the calling thread, else formatted ahead on `workers` threads of their own while
/// the caller writes. `check` is called before each block is written; when it (or `write`)
/// throws, the workers stop and nothing more is written.
func writeCSVBlocks(
  _ rows: CSVRows, count n: Int, block: Int, workers: Int, check: () throws -> Void,
  to write: (UnsafeBufferPointer<UInt8>) throws -> Void
) rethrows {
  let blocks = (n + block - 1) / block
  guard blocks > 0 else { return }
  func range(_ b: Int) -> Range<Int> { b * block..<min(n, (b + 1) * block) }
  let k = max(1, min(workers, blocks))
  if k == 1 {
    let buffer = CSVBlockBuffer()
    for b in 0..<blocks {
      rows.format(range(b), into: buffer)
      try check()
      try write(buffer.bytes)
    }
    return
  }
  let slots = 2 * k
  let ring = CSVRing(slots: slots)
  let done = DispatchSemaphore(value: 0)
  for w in 0..<k {
    Thread.detachNewThread {
      for b in stride(from: w, to: blocks, by: k) {
        let s = b % slots
        ring.free[s].wait()
        if ring.stopped.load(ordering: .sequentiallyConsistent) { break }
        rows.format(b * block..<min(n, (b + 1) * block), into: ring.buffers[s])
        ring.filled[s].signal()
      }
      done.signal()
    }
  }
  defer {
    ring.stop()
    for _ in 0..<k { done.wait() }
  }
  for b in 0..<blocks {
    let s = b % slots
    ring.filled[s].wait()
    try check()
    try write(ring.buffers[s].bytes)
    ring.free[s].signal()
  }
}
