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

  static func widened<N: FixedWidthInteger, T: FixedWidthInteger>(_ a: [N], to: T.Type, null: T?) -> [T] {
    [T](unsafeUninitializedCapacity: a.count) { out, made in
      a.withUnsafeBufferPointer { src in
        if let null {
          for i in 0..<src.count { out[i] = src[i] == N.min ? null : T(truncatingIfNeeded: src[i]) }
        } else {
          for i in 0..<src.count { out[i] = T(truncatingIfNeeded: src[i]) }
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

extension ChunkReader {
  mutating func integers<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type, _ rows: Int, null: T?) throws
    -> [T]
  {
    let at = offset
    let (len, sum, width) = try header(SnapshotFile.tagData)
    guard width == 0 || len == rows * width else {
      throw damage(at, "array of \(len) bytes does not hold \(rows) rows of \(width) bytes")
    }
    switch width {
    case 0: return try payload(T.self, at: at, len: len, sum: sum, seed: 0, rows: rows)
    case 1:
      let a = try payload(Int8.self, at: at, len: len, sum: sum, seed: 1, rows: rows)
      return Narrow.widened(a, to: T.self, null: null)
    case 2:
      let a = try payload(Int16.self, at: at, len: len, sum: sum, seed: 2, rows: rows)
      return Narrow.widened(a, to: T.self, null: null)
    default:
      let a = try payload(Int32.self, at: at, len: len, sum: sum, seed: 4, rows: rows)
      return Narrow.widened(a, to: T.self, null: null)
    }
  }
}
