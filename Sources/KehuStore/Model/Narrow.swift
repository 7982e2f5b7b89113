/// Integer arrays stored in the fewest bytes that hold every value: most ids, amounts,
/// dates and codes fit in 1, 2 or 4 bytes, and a smaller snapshot is a faster save and
/// open. The narrow type's minimum stands for the column's null sentinel.
enum Narrow {
  /// Bytes per element needed for `a` (1, 2, 4 or the full width).
  static func width<T: FixedWidthInteger>(_ a: [T], null: T?) -> Int {
    var lo = T.max
    var hi = T.min
    if let null {
      for v in a where v != null {
        lo = Swift.min(lo, v)
        hi = Swift.max(hi, v)
      }
    } else {
      for v in a {
        lo = Swift.min(lo, v)
        hi = Swift.max(hi, v)
      }
    }
    if lo > hi { return 1 }
    for w in [1, 2, 4] where w < MemoryLayout<T>.size {
      let bits = 8 * w - 1
      // The narrow minimum is kept for null, so the usable range is symmetric.
      if Int64(lo) > -(Int64(1) << bits) && Int64(hi) < (Int64(1) << bits) { return w }
    }
    return MemoryLayout<T>.size
  }

  static func narrowed<T: FixedWidthInteger, N: FixedWidthInteger>(_ a: [T], to: N.Type, null: T?) -> [N] {
    [N](unsafeUninitializedCapacity: a.count) { out, made in
      a.withUnsafeBufferPointer { src in
        for i in 0..<src.count {
          let v = src[i]
          out[i] = v == null ? N.min : N(truncatingIfNeeded: v)
        }
      }
      made = a.count
    }
  }
}

extension ChunkWriter {
  /// An integer array, narrowed when its values allow; the width goes in the chunk header
  /// and seeds the checksum, so a damaged width is caught like any other byte.
  mutating func integers<T: FixedWidthInteger & BitwiseCopyable>(_ a: [T], null: T?) throws {
    switch Narrow.width(a, null: null) {
    case 1: try array(Narrow.narrowed(a, to: Int8.self, null: null), width: 1)
    case 2: try array(Narrow.narrowed(a, to: Int16.self, null: null), width: 2)
    case 4 where MemoryLayout<T>.size > 4: try array(Narrow.narrowed(a, to: Int32.self, null: null), width: 4)
    default: try array(a)
    }
  }
}
