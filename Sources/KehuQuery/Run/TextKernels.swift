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
      plain = TextKernels.plain(bytes)
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
      if plain && TextKernels.plain(cell) { return false }
      return nil
    }
  }

  /// Text made only of ASCII and the CJK ideographs U+4000–U+9FFF (UTF-8 lead bytes
  /// E4–E9) has no other spelling that is canonically equivalent (none of these
  /// characters decomposes or combines), so its bytes alone decide equality.
  /// `plain` over a cell's bytes, a character at a time.
  @inline(__always)
  static func plainRun(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        i &+= 1
      } else if c &- 0xE4 <= 5 {
        i &+= 3
      } else {
        return false
      }
    }
    return true
  }

  static func plain<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var skip = 0
    for b in bytes {
      if skip > 0 {
        skip -= 1
      } else if b >= 0xE4 && b <= 0xE9 {
        skip = 2
      } else if b >= 0x80 {
        return false
      }
    }
    return true
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

  /// `test` of every row's bytes (with a way to make the row's `String` when needed);
  /// `null` is the answer for a null cell.
  func textTest(
    _ buf: TextBuffer, _ null: Bool, _ test: (UnsafeBufferPointer<UInt8>, () -> String) -> Bool
  ) -> [Int64] {
    let sel = frame.rowList
    let n = self.n
    return [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      _ = Morsels.map(n, workers: evaluator.context.workers) { part in
        buf.bytes.withUnsafeBufferPointer { bytes in
          buf.starts.withUnsafeBufferPointer { starts in
            buf.lengths.withUnsafeBufferPointer { lengths in
              for i in part {
                guard let cell = TextKernels.cell(sel?[i] ?? i, bytes, starts, lengths) else {
                  out.value[i] = null ? 1 : 0
                  continue
                }
                out.value[i] = test(cell, { String(decoding: cell, as: UTF8.self) }) ? 1 : 0
              }
            }
          }
        }
      }
      count = n
    }
  }

  /// `==` (or `!=` when `equal` is false) of a free-text column with a plain constant, in
  /// one loop: a cell of the same bytes is equal, a plain cell of other bytes is not (see
  /// `plain`), and only the rest is compared as text by `slow`. A null cell is equal to
  /// nothing. Plainness is settled once per batch when the batch's cells lie back to back
  /// (one pass over its bytes; UTF-8 characters never straddle cells), else cell by cell.
  func textEquals(_ buf: TextBuffer, _ needle: TextKernels.Needle, _ equal: Bool, _ slow: (String) -> Bool)
    -> [Int64]
  {
    let sel = frame.rowList
    let n = self.n
    let m = needle.bytes.count
    let yes: Int64 = equal ? 1 : 0
    return [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      _ = Morsels.map(n, workers: evaluator.context.workers) { part in
        buf.bytes.withUnsafeBufferPointer { bytes in
          buf.starts.withUnsafeBufferPointer { starts in
            buf.lengths.withUnsafeBufferPointer { lengths in
              needle.bytes.withUnsafeBufferPointer { k in
                var lo = part.lowerBound
                while lo < part.upperBound {
                  let hi = min(lo + Batches.size, part.upperBound)
                  var plainBatch = false
                  if let b = TextKernels.block(lo..<hi, sel, starts, lengths, span: 4 * Batches.size) {
                    plainBatch = TextKernels.plainRun(UnsafeBufferPointer(rebasing: bytes[b.base..<b.end]))
                  }
                  for i in lo..<hi {
                    guard let cell = TextKernels.cell(sel?[i] ?? i, bytes, starts, lengths) else {
                      out.value[i] = 1 - yes
                      continue
                    }
                    if cell.count == m && (m == 0 || memcmp(cell.baseAddress!, k.baseAddress!, m) == 0) {
                      out.value[i] = yes
                      continue
                    }
                    if plainBatch {
                      out.value[i] = 1 - yes
                      continue
                    }
                    if TextKernels.plainRun(cell) {
                      out.value[i] = 1 - yes
                    } else {
                      out.value[i] = slow(String(decoding: cell, as: UTF8.self)) ? 1 : 0
                    }
                  }
                  lo = hi
                }
              }
            }
          }
        }
      }
      count = n
    }
  }
}

extension Kernels {
  /// `contains(column, needle)` of every row of a free-text column. Batch by batch, when
  /// the batch's rows are in order and their cells lie back to back in the store (as the
  /// store writes them), the batch's bytes are searched as one block: `memchr` finds the
  /// needle's last byte, `memcmp` the rest, and each match is mapped back to the cell it
  /// starts in (a match that runs over a cell's end is no match). Other batches, and the
  /// rows a selection skips over too sparsely, go cell by cell.
  func textContains(_ buf: TextBuffer, _ needle: [UInt8]) -> [Int64] {
    let sel = frame.rowList
    let n = self.n
    return [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      _ = Morsels.map(n, workers: evaluator.context.workers) { part in
        buf.bytes.withUnsafeBufferPointer { bytes in
          buf.starts.withUnsafeBufferPointer { starts in
            buf.lengths.withUnsafeBufferPointer { lengths in
              needle.withUnsafeBufferPointer { k in
                var hits = [UInt8](repeating: 0, count: 4 * Batches.size)
                var lo = part.lowerBound
                while lo < part.upperBound {
                  let hi = min(lo + Batches.size, part.upperBound)
                  let block = hits.withUnsafeMutableBufferPointer { hits in
                    TextKernels.containsBlock(
                      lo..<hi, sel, bytes, starts, lengths, k, hits, out.value)
                  }
                  if !block {
                    for i in lo..<hi {
                      let cell = TextKernels.cell(sel?[i] ?? i, bytes, starts, lengths)
                      out.value[i] = cell.map { TextKernels.find($0, needle) ? 1 : 0 } ?? 0
                    }
                  }
                  lo = hi
                }
              }
            }
          }
        }
      }
      count = n
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
    _ part: Range<Int>, _ sel: [Int]?, _ starts: UnsafeBufferPointer<UInt32>,
    _ lengths: UnsafeBufferPointer<UInt32>,
    span: Int
  ) -> (first: Int, last: Int, base: Int, end: Int)? {
    guard !part.isEmpty else { return nil }
    let first = sel?[part.lowerBound] ?? part.lowerBound
    let last = sel?[part.upperBound - 1] ?? part.upperBound - 1
    guard last >= first, last - first < span else { return nil }
    if let sel {
      for i in part.dropFirst() where sel[i] <= sel[i - 1] { return nil }
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
    _ part: Range<Int>, _ sel: [Int]?, _ bytes: UnsafeBufferPointer<UInt8>,
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
      let r = sel?[i] ?? i
      out[i] = Int64(hits[r - first])
    }
    return true
  }
}
