import KehuStore

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

  /// Whether the cell's bytes are `s`'s: true or false when that settles it (the same
  /// bytes, or ASCII on both sides), nil when the text comparison must decide.
  static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ s: String) -> Bool? {
    var ascii = true
    var same = bytes.count == s.utf8.count
    var i = 0
    for b in s.utf8 {
      if b >= 0x80 { ascii = false }
      if same && bytes[i] != b { same = false }
      i += 1
    }
    if same { return true }
    if ascii && !bytes.contains(where: { $0 >= 0x80 }) { return false }
    return nil
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
    var out = [Int64](repeating: 0, count: n)
    let sel = frame.selection
    buf.bytes.withUnsafeBufferPointer { bytes in
      for i in 0..<n {
        let r = sel?[i] ?? i
        if buf.isNull(r) {
          out[i] = null ? 1 : 0
          continue
        }
        let cell = UnsafeBufferPointer(
          rebasing: bytes[Int(buf.starts[r])..<Int(buf.starts[r] + buf.lengths[r])])
        out[i] = test(cell, { String(decoding: cell, as: UTF8.self) }) ? 1 : 0
      }
    }
    return out
  }
}
