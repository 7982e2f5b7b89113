#if canImport(Glibc)
  import Glibc
#endif

/// The snapshot file: the whole database at one sequence number.
///
///     header   "KEHUSNAP" · version u32 · endian mark u32 · sequence u64 · tables u32 ·
///              reserved u32 · XXH64 of the 32 bytes before it
///     chunks   tag u32 · reserved u32 · length u64 · XXH64 u64 · payload
///              per table: a "TABL" chunk (name, rows, next id, columns and their
///              dictionaries), then one "DATA" chunk per array of each column
///     trailer  an "TEND" chunk whose payload is the chunk count
///
/// Each array is its own chunk so it can be read straight into its destination array and
/// checked there: no second copy of a half-gigabyte file in memory. Every byte is covered
/// by a checksum, the header's own or its chunk's, so any flipped byte is found.
enum SnapshotFile {
  static let magic: [UInt8] = Array("KEHUSNAP".utf8)
  static let endianMark: UInt32 = 0x0102_0304
  static let tagTable = UInt32(0x4C42_4154)  // "TABL"
  static let tagData = UInt32(0x4154_4144)  // "DATA"
  static let tagEnd = UInt32(0x444E_4554)  // "TEND"
  static let headerSize = 40
  static let chunkHeaderSize = 24

  // MARK: Writing

  static func write(_ db: Database, fd: Int32, path: String) throws {
    var out = ChunkWriter(fd: fd, path: path)
    var h = ByteWriter()
    h.bytes.append(contentsOf: magic)
    h.u32(Catalog.formatVersion)
    h.u32(endianMark)
    h.u64(db.sequence)
    h.u32(UInt32(db.tables.count))
    h.u32(0)
    h.u64(XXH64.hash(h.bytes))
    try out.emit(h.bytes)
    for table in db.tables {
      var t = ByteWriter()
      t.string(table.name)
      t.u64(UInt64(table.count))
      t.i64(table.nextId)
      t.u32(UInt32(table.columns.count))
      for (i, c) in table.columns.enumerated() {
        t.string(table.def.columns[i].name)
        t.u8(c.kind.rawValue)
        t.string(c.type.rawValue)
        t.u32(UInt32(c.dictionary.names.count))
        for n in c.dictionary.names { t.string(n) }
      }
      try out.chunk(tagTable, t.bytes)
      for c in table.columns {
        switch c.kind {
        case .int64: try out.integers(c.ints, null: Column.nullInt)
        case .day: try out.integers(c.int32s, null: Column.nullDay)
        case .coded: try out.integers(c.int32s, null: nil)
        case .decimal:
          try out.integers(c.ints, null: Column.nullInt)
          try out.array(c.bytes)
        case .bool: try out.array(c.bytes)
        case .text:
          // Bytes in row order and the lengths; the starts follow from them on reading.
          let text = c.text.isCompact ? c.text : c.text.compacted()
          try out.array(text.bytes)
          try out.integers(text.lengths.map { Int32(bitPattern: $0) }, null: nil)
        }
      }
    }
    var end = ByteWriter()
    end.u64(UInt64(out.chunks))
    try out.chunk(tagEnd, end.bytes)
    try out.flush()
  }
}

/// Buffered chunk output; big arrays go straight from their memory to the file.
struct ChunkWriter {
  let fd: Int32
  let path: String
  var buffer: [UInt8] = []
  var chunks = 0

  init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
    buffer.reserveCapacity(1 << 20)
  }

  mutating func emit(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  mutating func flush() throws {
    try FileIO.writeAll(fd, path, buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func header(_ tag: UInt32, length: Int, sum: UInt64, width: Int = 0) throws {
    var h = ByteWriter()
    h.u32(tag)
    h.u32(UInt32(width))
    h.u64(UInt64(length))
    h.u64(sum)
    try emit(h.bytes)
    chunks += 1
  }

  mutating func chunk(_ tag: UInt32, _ payload: [UInt8]) throws {
    try header(tag, length: payload.count, sum: XXH64.hash(payload))
    try emit(payload)
  }

  mutating func array<T: BitwiseCopyable>(_ a: [T], width: Int = 0) throws {
    try a.withUnsafeBytes { raw in
      try header(
        SnapshotFile.tagData, length: raw.count, sum: XXH64.hash(raw, seed: UInt64(width)), width: width)
      if raw.count < 1 << 16 {
        buffer.append(contentsOf: raw)
      } else {
        try flush()
        try FileIO.writeAll(fd, path, raw)
      }
    }
  }
}

/// Chunk input with positioned reads, each chunk checked against its checksum.
struct ChunkReader {
  let fd: Int32
  let path: String
  let size: Int
  var offset = 0
  var chunks = 0

  func damage(_ at: Int, _ why: String) -> StoreError { .corrupt(file: path, offset: at, reason: why) }

  mutating func bytes(_ n: Int) throws -> [UInt8] {
    guard n <= size - offset else { throw damage(offset, "file ends early") }
    let out = try [UInt8](unsafeUninitializedCapacity: n) { buf, made in
      try FileIO.readExact(fd, path, at: offset, into: UnsafeMutableRawBufferPointer(buf))
      made = n
    }
    offset += n
    return out
  }

  /// Reads a chunk header; returns payload length and checksum.
  mutating func header(_ tag: UInt32) throws -> (Int, UInt64, Int) {
    let at = offset
    let h = try bytes(SnapshotFile.chunkHeaderSize)
    let width = Int(h.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian })
    guard [0, 1, 2, 4].contains(width), width == 0 || tag == SnapshotFile.tagData else {
      throw damage(at + 4, "chunk header damaged")
    }
    let (t, len, sum) = h.withUnsafeBytes {
      (
        $0.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian,
        $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian,
        $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
      )
    }
    guard t == tag else { throw damage(at, "expected a chunk tagged \(tag), found \(t)") }
    guard len <= UInt64(size - offset) else { throw damage(at, "chunk length \(len) runs past the end") }
    chunks += 1
    return (Int(len), sum, width)
  }

  mutating func chunk(_ tag: UInt32) throws -> [UInt8] {
    let at = offset
    let (len, sum, width) = try header(tag)
    guard width == 0 else { throw damage(at + 4, "chunk header damaged") }
    let payload = try bytes(len)
    if XXH64.hash(payload) != sum { throw damage(at, "checksum mismatch") }
    return payload
  }
}
