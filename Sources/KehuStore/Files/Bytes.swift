/// Little-endian binary writing for the snapshot and journal.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
  mutating func string(_ s: String) {
    u32(UInt32(s.utf8.count))
    bytes.append(contentsOf: s.utf8)
  }
  /// An array's raw memory: the machine is little-endian (checked at open), so this is the
  /// file layout too, and loading is one copy with no per-element work.
  mutating func raw<T: BitwiseCopyable>(_ a: [T]) {
    u64(UInt64(a.count))
    a.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

struct ReadFailure: Error {
  var offset: Int
  var reason: String
}

/// Bounds-checked little-endian reading; every failure names the offset.
struct ByteReader {
  let buf: UnsafeRawBufferPointer
  var at = 0
  /// Added to `at` in messages, when the buffer is a slice of a file.
  var base = 0

  init(_ buf: UnsafeRawBufferPointer, base: Int = 0) {
    self.buf = buf
    self.base = base
  }

  var remaining: Int { buf.count - at }

  func fail(_ why: String) -> ReadFailure { ReadFailure(offset: base + at, reason: why) }

  mutating func need(_ n: Int) throws {
    if n < 0 || n > remaining { throw fail("truncated (needed \(n) bytes, \(remaining) left)") }
  }
  mutating func u8() throws -> UInt8 {
    try need(1)
    defer { at += 1 }
    return buf[at]
  }
  mutating func u16() throws -> UInt16 {
    try need(2)
    defer { at += 2 }
    return UInt16(littleEndian: buf.loadUnaligned(fromByteOffset: at, as: UInt16.self))
  }
  mutating func u32() throws -> UInt32 {
    try need(4)
    defer { at += 4 }
    return UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: at, as: UInt32.self))
  }
  mutating func u64() throws -> UInt64 {
    try need(8)
    defer { at += 8 }
    return UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: at, as: UInt64.self))
  }
  mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
  mutating func string() throws -> String {
    let n = Int(try u32())
    try need(n)
    defer { at += n }
    return String(decoding: UnsafeRawBufferPointer(rebasing: buf[at..<at + n]), as: UTF8.self)
  }
  mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer {
    try need(n)
    defer { at += n }
    return UnsafeRawBufferPointer(rebasing: buf[at..<at + n])
  }
  mutating func raw<T: BitwiseCopyable>(_: T.Type) throws -> [T] {
    let count = try u64()
    let size = MemoryLayout<T>.stride
    guard count < UInt64(Int.max / size) else { throw fail("impossible element count \(count)") }
    let n = Int(count) * size
    try need(n)
    let src = UnsafeRawBufferPointer(rebasing: buf[at..<at + n])
    at += n
    return [T](unsafeUninitializedCapacity: Int(count)) { dst, made in
      UnsafeMutableRawBufferPointer(dst).copyMemory(from: src)
      made = Int(count)
    }
  }
}
