import KehuStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Predicates on free-text columns straight over the store's UTF-8 bytes: no `String` per
/// row, except that non-ASCII text whose bytes differ from the constant's is compared as
/// the row-at-a-time `==` compares it (Swift's `==` on strings also follows Unicode
/// canonical equivalence).
enum TextKernels {
  static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    let m = needle.count
    if m == 0 { return true }
    if m > hay.count { return false }
    let first = needle[0]
    var i = 0
    while i <= hay.count - m {
      if hay[i] == first {
        var j = 1
        while j < m && hay[i + j] == needle[j] { j += 1 }
        if j == m { return true }
      }
      i += 1
    }
    return false
  }

  static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    if needle.count > hay.count { return false }
    for j in 0..<needle.count where hay[j] != needle[j] { return false }
    return true
  }

  /// A constant to compare cells with, its bytes and plainness worked out once.
  struct Needle {
    var bytes: [UInt8]
    var plain: Bool

    init(_ s: String) {
      bytes = Array(s.utf8)
      plain = bytes.withUnsafeBufferPointer(TextBuffer.isPlain)
    }

    /// Whether the cell's bytes are the constant's: true or false when that settles it
    /// (the same bytes, or plain text on both sides), nil when the text comparison must
    /// decide.
    @inline(__always)
    func same(_ cell: UnsafeBufferPointer<UInt8>) -> Bool? {
      if cell.count == bytes.count {
        let equal = bytes.withUnsafeBufferPointer { b in
          b.count == 0 || memcmp(b.baseAddress!, cell.baseAddress!, b.count) == 0
        }
        if equal { return true }
      }
      if plain && TextBuffer.isPlain(cell) { return false }
      return nil
    }
  }
}

extension Kernels {
  /// The storage of a free-text column named directly in the frame's source.
  func freeText(_ t: TExpr) -> TextBuffer? {
    guard case .column(let c) = t.kind, case .text(let buf)? = frame.source.reader(column: c) else {
      return nil
    }
    return buf
  }

  /// A free-text column's storage and a constant's bytes, pinned for a loop.
  struct TextCells {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<UInt32>
    let lengths: UnsafeBufferPointer<UInt32>
    let needle: UnsafeBufferPointer<UInt8>

    /// Row `r`'s bytes; nil for a null cell.
    @inline(__always)
    func cell(_ r: Int) -> UnsafeBufferPointer<UInt8>? { TextKernels.cell(r, bytes, starts, lengths) }
  }

  /// A 0/1 value for every row of the frame: each worker's part of the positions written
  /// by `body(part, out, cells)`, with the column's storage and `needle` pinned.
  func overText(
    _ buf: TextBuffer, _ needle: [UInt8],
    _ body: (Range<Int>, UnsafeMutableBufferPointer<Int64>, TextCells) -> Void
  ) -> [Int64] {
    let n = self.n
    return [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      _ = Morsels.map(n, workers: evaluator.context.workers) { part in
        buf.bytes.withUnsafeBufferPointer { bytes in
          buf.starts.withUnsafeBufferPointer { starts in
            buf.lengths.withUnsafeBufferPointer { lengths in
              needle.withUnsafeBufferPointer { k in
                body(part, out.value, TextCells(bytes: bytes, starts: starts, lengths: lengths, needle: k))
              }
            }
          }
        }
      }
      count = n
    }
  }

  /// `test` of every row's bytes (with a way to make the row's `String` when needed);
  /// `null` is the answer for a null cell.
  func textTest(
    _ buf: TextBuffer, _ null: Bool, _ test: (UnsafeBufferPointer<UInt8>, () -> String) -> Bool
  ) -> [Int64] {
    let sel = frame.rows
    return overText(buf, []) { part, out, t in
      for i in part {
        guard let cell = t.cell(sel[i]) else {
          out[i] = null ? 1 : 0
          continue
        }
        out[i] = test(cell, { String(decoding: cell, as: UTF8.self) }) ? 1 : 0
      }
    }
  }

  /// `==` (or `!=` when `equal` is false) of a free-text column with a plain constant, in
  /// one loop: a cell of the same bytes is equal, a plain cell of other bytes is not (see
  /// `TextBuffer.isPlain`), and only the rest is compared as text by `slow`. A null cell is
  /// equal to nothing. When the whole column is plain (`TextBuffer.plain`, kept by the
  /// store) the bytes decide every cell; else plainness is settled once per batch when the
  /// batch's cells lie back to back (one pass over its bytes; UTF-8 characters never
  /// straddle cells), else cell by cell.
  func textEquals(_ buf: TextBuffer, _ needle: TextKernels.Needle, _ equal: Bool, _ slow: (String) -> Bool)
    -> [Int64]
  {
    let sel = frame.rows
    let m = needle.bytes.count
    let yes: Int64 = equal ? 1 : 0
    if buf.plain && needle.plain { return sameBytes(buf, needle.bytes, yes) }
    return overText(buf, needle.bytes) { part, out, t in
      var lo = part.lowerBound
      while lo < part.upperBound {
        let hi = min(lo + Batches.size, part.upperBound)
        var plainBatch = false
        if let b = TextKernels.block(lo..<hi, sel, t.starts, t.lengths, span: 4 * Batches.size) {
          plainBatch = TextBuffer.isPlain(UnsafeBufferPointer(rebasing: t.bytes[b.base..<b.end]))
        }
        for i in lo..<hi {
          guard let cell = t.cell(sel[i]) else {
            out[i] = 1 - yes
            continue
          }
          if cell.count == m && (m == 0 || memcmp(cell.baseAddress!, t.needle.baseAddress!, m) == 0) {
            out[i] = yes
          } else if plainBatch || TextBuffer.isPlain(cell) {
            out[i] = 1 - yes
          } else {
            out[i] = slow(String(decoding: cell, as: UTF8.self)) ? 1 : 0
          }
        }
        lo = hi
      }
    }
  }

  /// `yes` for each row whose cell holds exactly `needle`'s bytes, `1 - yes` for the rest
  /// (a null cell too): a length test first, then the first byte, then `memcmp`.
  func sameBytes(_ buf: TextBuffer, _ needle: [UInt8], _ yes: Int64) -> [Int64] {
    let sel = frame.rows
    let m = needle.count
    let length = UInt32(m)
    return overText(buf, needle) { part, out, t in
      // In locals, so the writes to `out` make the loop reload nothing.
      let (lengths, starts, k) = (t.lengths, t.starts, t.needle)
      guard m > 0, let bytes = t.bytes.baseAddress, let first = k.first else {
        for i in part { out[i] = lengths[sel[i]] == length ? yes : 1 - yes }
        return
      }
      for i in part {
        let r = sel[i]
        var same = lengths[r] == length
        if same {
          let at = bytes + Int(starts[r])
          same = at[0] == first && memcmp(at, k.baseAddress!, m) == 0
        }
        out[i] = same ? yes : 1 - yes
      }
    }
  }

  /// `contains(column, needle)` of every row of a free-text column. Batch by batch, when
  /// the batch's rows are in order and their cells lie back to back in the store (as the
  /// store writes them), the batch's bytes are searched as one block: `memchr` finds the
  /// needle's last byte, `memcmp` the rest, and each match is mapped back to the cell it
  /// starts in (a match that runs over a cell's end is no match). Other batches, and the
  /// rows a selection skips over too sparsely, go cell by cell.
  func textContains(_ buf: TextBuffer, _ needle: [UInt8]) -> [Int64] {
    let sel = frame.rows
    return overText(buf, needle) { part, out, t in
      var hits = [UInt8](repeating: 0, count: 4 * Batches.size)
      var lo = part.lowerBound
      while lo < part.upperBound {
        let hi = min(lo + Batches.size, part.upperBound)
        let block = hits.withUnsafeMutableBufferPointer { hits in
          TextKernels.containsBlock(lo..<hi, sel, t.bytes, t.starts, t.lengths, t.needle, hits, out)
        }
        if !block {
          for i in lo..<hi {
            out[i] = t.cell(sel[i]).map { TextKernels.find($0, needle) ? 1 : 0 } ?? 0
          }
        }
        lo = hi
      }
    }
  }
}

extension TextKernels {
  /// Row `r`'s bytes in a free-text column's storage; nil for a null cell.
  @inline(__always)
  static func cell(
    _ r: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<UInt32>,
    _ lengths: UnsafeBufferPointer<UInt32>
  ) -> UnsafeBufferPointer<UInt8>? {
    let length = lengths[r]
    if length == TextBuffer.nullLength { return nil }
    let start = Int(starts[r])
    return UnsafeBufferPointer(rebasing: bytes[start..<start + Int(length)])
  }

  /// The rows of the positions `part` (in order, the first and last) and the bytes their
  /// cells fill, when the rows ascend, lie within `span` rows of each other, and the cells
  /// of every row from the first to the last lie back to back; nil otherwise.
  @inline(__always)
  static func block(
    _ part: Range<Int>, _ sel: Evaluator.Frame.Rows, _ starts: UnsafeBufferPointer<UInt32>,
    _ lengths: UnsafeBufferPointer<UInt32>,
    span: Int
  ) -> (first: Int, last: Int, base: Int, end: Int)? {
    guard !part.isEmpty else { return nil }
    let first = sel[part.lowerBound]
    let last = sel[part.upperBound - 1]
    guard last >= first, last - first < span else { return nil }
    if let list = sel.list {
      for i in part.dropFirst() where list[i] <= list[i - 1] { return nil }
    }
    let nullLength = TextBuffer.nullLength
    var base = -1
    var end = 0
    for r in first...last {
      let length = lengths[r]
      if length == nullLength { continue }
      if base < 0 {
        base = Int(starts[r])
        end = base
      }
      if Int(starts[r]) != end { return nil }
      end += Int(length)
    }
    return base < 0 ? (first, last, 0, 0) : (first, last, base, end)
  }

  /// `contains` for the positions `part` searched as one block of bytes (see
  /// `Kernels.textContains`), written to `out`; false, with nothing written, when the
  /// rows are out of order, too sparse for `hits` (a mark per row of their range), or
  /// their cells are not back to back.
  static func containsBlock(
    _ part: Range<Int>, _ sel: Evaluator.Frame.Rows, _ bytes: UnsafeBufferPointer<UInt8>,
    _ starts: UnsafeBufferPointer<UInt32>,
    _ lengths: UnsafeBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt8>,
    _ hits: UnsafeMutableBufferPointer<UInt8>,
    _ out: UnsafeMutableBufferPointer<Int64>
  ) -> Bool {
    guard !part.isEmpty else { return true }
    guard let (first, last, base, end) = block(part, sel, starts, lengths, span: hits.count) else {
      return false
    }
    let nullLength = TextBuffer.nullLength
    let m = k.count
    for r in 0...(last - first) { hits[r] = 0 }
    if m == 0 {
      for r in first...last where lengths[r] != nullLength { hits[r - first] = 1 }
    } else if base < end {
      let p = bytes.baseAddress!
      let tail = Int32(k[m - 1])
      var row = first
      var from = base
      while from + m <= end {
        // The next place the needle's last byte occurs, then the rest compared.
        guard let q = memchr(p + from + m - 1, tail, end - from - m + 1) else { break }
        let at = UnsafeRawPointer(p).distance(to: UnsafeRawPointer(q)) - (m - 1)
        if m > 1 && memcmp(p + at, k.baseAddress!, m - 1) != 0 {
          from = at + 1
          continue
        }
        // The cell holding `at`: cells are in row order, so the row only moves forward.
        while lengths[row] == nullLength || Int(starts[row]) + Int(lengths[row]) <= at { row += 1 }
        let cellEnd = Int(starts[row]) + Int(lengths[row])
        if at + m <= cellEnd {
          hits[row - first] = 1
          from = cellEnd
        } else {
          from = at + 1
        }
      }
    }
    for i in part {
      let r = sel[i]
      out[i] = Int64(hits[r - first])
    }
    return true
  }
}
