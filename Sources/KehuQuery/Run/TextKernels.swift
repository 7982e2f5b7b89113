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
    let sel = frame.selection
    let n = self.n
    return [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      _ = Morsels.map(n, workers: evaluator.context.workers) { part in
        buf.bytes.withUnsafeBufferPointer { bytes in
          buf.starts.withUnsafeBufferPointer { starts in
            buf.lengths.withUnsafeBufferPointer { lengths in
              for i in part {
                let r = sel?[i] ?? i
                let length = lengths[r]
                // UInt32.max is the store's mark of a null cell (TextBuffer.nullLength).
                if length == UInt32.max {
                  out.value[i] = null ? 1 : 0
                  continue
                }
                let start = Int(starts[r])
                let cell = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(length)])
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
  /// nothing.
  func textEquals(_ buf: TextBuffer, _ needle: TextKernels.Needle, _ equal: Bool, _ slow: (String) -> Bool)
    -> [Int64]
  {
    let sel = frame.selection
    let n = self.n
    let m = needle.bytes.count
    let yes: Int64 = equal ? 1 : 0
    return [Int64](unsafeUninitializedCapacity: n) { out, count in
      buf.bytes.withUnsafeBufferPointer { bytes in
        buf.starts.withUnsafeBufferPointer { starts in
          buf.lengths.withUnsafeBufferPointer { lengths in
            needle.bytes.withUnsafeBufferPointer { k in
              for i in 0..<n {
                let r = sel?[i] ?? i
                let length = lengths[r]
                if length == UInt32.max {
                  out[i] = 1 - yes
                  continue
                }
                let start = Int(starts[r])
                if Int(length) == m && (m == 0 || memcmp(bytes.baseAddress! + start, k.baseAddress!, m) == 0)
                {
                  out[i] = yes
                  continue
                }
                let cell = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(length)])
                if TextKernels.plainRun(cell) {
                  out[i] = 1 - yes
                } else {
                  out[i] = slow(String(decoding: cell, as: UTF8.self)) ? 1 : 0
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
