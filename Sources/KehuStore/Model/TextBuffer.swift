/// A text column's cells as UTF-8 in one byte buffer: a String per cell would cost an
/// allocation each, which dominates load time at a million rows. An update appends the new
/// bytes and leaves the old ones as garbage until `compacted()` (done when saving).
public struct TextBuffer: Sendable {
  public internal(set) var bytes: [UInt8] = []
  public internal(set) var starts: [UInt32] = []
  /// `nullLength` marks a null cell.
  public internal(set) var lengths: [UInt32] = []
  public static let nullLength = UInt32.max
  /// Longest single cell accepted (a remark, an address): keeps offsets in 32 bits sane.
  public static let maxCell = 1 << 20
  /// Every cell is plain text (`isPlain`), so two cells hold the same text exactly when
  /// they hold the same bytes. Kept as cells are written; once a cell that is not plain
  /// is written it stays false until the column is read back from disk.
  public internal(set) var plain = true

  public init() {}
  init(bytes: [UInt8], starts: [UInt32], lengths: [UInt32]) {
    self.bytes = bytes
    self.starts = starts
    self.lengths = lengths
    // The bytes are the cells back to back, and UTF-8 characters never straddle cells.
    self.plain = bytes.withUnsafeBufferPointer(TextBuffer.isPlain)
  }

  /// Text made only of ASCII and the CJK ideographs U+4000–U+9FFF (UTF-8 lead bytes
  /// E4–E9) has no other spelling that is canonically equivalent (none of these
  /// characters decomposes or combines), so its bytes alone decide equality with other
  /// plain text.
  @inlinable
  public static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
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

  public var count: Int { lengths.count }
  public func isNull(_ row: Int) -> Bool { lengths[row] == TextBuffer.nullLength }

  public func slice(_ row: Int) -> ArraySlice<UInt8>? {
    let n = lengths[row]
    if n == TextBuffer.nullLength { return nil }
    let s = Int(starts[row])
    return bytes[s..<s + Int(n)]
  }

  public func withBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let n = lengths[row]
    let len = n == TextBuffer.nullLength ? 0 : Int(n)
    let s = Int(starts[row])
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<s + len])) }
  }

  public func string(_ row: Int) -> String? {
    let n = lengths[row]
    if n == TextBuffer.nullLength { return nil }
    let s = Int(starts[row])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[s..<s + Int(n)]), as: UTF8.self)
    }
  }

  /// Bytes no row points at any more.
  public var garbage: Int {
    var live = 0
    for n in lengths where n != TextBuffer.nullLength { live += Int(n) }
    return bytes.count - live
  }

  mutating func append(_ s: String?) {
    starts.append(UInt32(0))
    lengths.append(TextBuffer.nullLength)
    set(count - 1, s)
  }

  mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
    ensureRoom(utf8.count)
    starts.append(UInt32(bytes.count))
    lengths.append(UInt32(utf8.count))
    bytes.append(contentsOf: utf8)
    if plain { plain = TextBuffer.isPlain(utf8) }
  }

  mutating func set(_ row: Int, _ s: String?) {
    guard let s else {
      starts[row] = 0
      lengths[row] = TextBuffer.nullLength
      return
    }
    let n = s.utf8.count
    ensureRoom(n)
    starts[row] = UInt32(bytes.count)
    lengths[row] = UInt32(n)
    let from = bytes.count
    bytes.append(contentsOf: s.utf8)
    if plain {
      plain = bytes.withUnsafeBufferPointer { TextBuffer.isPlain(UnsafeBufferPointer(rebasing: $0[from...])) }
    }
  }

  /// Offsets are 32 bits: when appends would pass 4 GiB, drop the garbage first.
  private mutating func ensureRoom(_ n: Int) {
    if bytes.count + n >= Int(UInt32.max) { self = compacted() }
    precondition(bytes.count + n < Int(UInt32.max), "text column larger than 4 GiB")
  }

  mutating func reserve(rows: Int) {
    starts.reserveCapacity(rows)
    lengths.reserveCapacity(rows)
  }

  mutating func remove(where doomed: [Bool]) {
    var w = 0
    for r in 0..<count where !doomed[r] {
      starts[w] = starts[r]
      lengths[w] = lengths[r]
      w += 1
    }
    starts.removeLast(count - w)
    lengths.removeLast(lengths.count - w)
  }

  /// The same cells with the bytes laid out in row order and no garbage.
  func compacted() -> TextBuffer {
    var out = TextBuffer()
    out.plain = plain
    out.reserve(rows: count)
    out.bytes.reserveCapacity(bytes.count - garbage)
    bytes.withUnsafeBufferPointer { buf in
      for r in 0..<count {
        let n = lengths[r]
        if n == TextBuffer.nullLength {
          out.starts.append(UInt32(out.bytes.count))
          out.lengths.append(n)
        } else {
          let s = Int(starts[r])
          out.starts.append(UInt32(out.bytes.count))
          out.lengths.append(n)
          out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[s..<s + Int(n)]))
        }
      }
    }
    return out
  }

  /// Whether the bytes are already in row order without gaps (then saving writes them as is).
  var isCompact: Bool {
    var next: UInt32 = 0
    for r in 0..<count {
      let n = lengths[r]
      if n == TextBuffer.nullLength { continue }
      if starts[r] != next { return false }
      next += n
    }
    return Int(next) == bytes.count
  }
}
