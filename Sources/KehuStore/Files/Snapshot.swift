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

  // MARK: Reading

  /// Reads a snapshot (from byte `start` of the file: a cache puts a header before it);
  /// damage anywhere is an error naming the file and offset.
  static func read(fd: Int32, path: String, start: Int = 0) throws -> Database {
    let size = try FileIO.size(fd, path)
    var input = ChunkReader(fd: fd, path: path, size: size, offset: start)
    let header = try input.bytes(headerSize)
    var hr = ByteReader(UnsafeRawBufferPointer(start: nil, count: 0))
    let version: UInt32
    let sequence: UInt64
    let tableCount: Int
    do {
      let (v, s, n) = try header.withUnsafeBytes { buf -> (UInt32, UInt64, Int) in
        hr = ByteReader(buf)
        guard Array(try hr.bytes(8)) == magic else { throw hr.fail("not a kehu snapshot") }
        let v = try hr.u32()
        let mark = try hr.u32()
        let s = try hr.u64()
        let n = Int(try hr.u32())
        _ = try hr.u32()
        let sum = try hr.u64()
        if sum != XXH64.hash(UnsafeRawBufferPointer(rebasing: buf[0..<32])) {
          throw ReadFailure(offset: 0, reason: "header checksum mismatch")
        }
        if mark != endianMark {
          throw ReadFailure(offset: 12, reason: "written on a machine of other byte order")
        }
        return (v, s, n)
      }
      (version, sequence, tableCount) = (v, s, n)
    } catch let f as ReadFailure {
      throw StoreError.corrupt(file: path, offset: f.offset, reason: f.reason)
    }
    if version > Catalog.formatVersion {
      throw StoreError.corrupt(
        file: path, offset: 8,
        reason: "snapshot format \(version) is newer than this kehu reads (up to \(Catalog.formatVersion))")
    }
    var db = Database()
    db.sequence = sequence
    for _ in 0..<tableCount {
      try readTable(&db, &input)
    }
    let at = input.offset
    let end = try input.chunk(tagEnd)
    var er = ByteReader(UnsafeRawBufferPointer(start: nil, count: 0))
    let count = try end.withUnsafeBytes { b -> UInt64 in
      er = ByteReader(b)
      return try er.u64()
    }
    if count != UInt64(input.chunks - 1) {
      throw StoreError.corrupt(file: path, offset: at, reason: "chunk count does not match")
    }
    if input.offset != size {
      throw StoreError.corrupt(file: path, offset: input.offset, reason: "unexpected bytes after the end")
    }
    for (i, t) in db.tables.enumerated() {
      if let dup = db.tables[i].rebuildIndex() {
        throw StoreError.corrupt(
          file: path, offset: 0, reason: "\(t.name): key of row \(dup + 1) repeats an earlier one")
      }
    }
    // Invoice totals are stored as written from memory and trusted (they are checksummed);
    // recomputing them from payments costs a hash lookup per payment on every open, so
    // only `check` does it (see `Database.invoiceTotalsAreConsistent`).
    return db
  }

  private static func readTable(_ db: inout Database, _ input: inout ChunkReader) throws {
    let at = input.offset
    let meta = try input.chunk(tagTable)
    let path = input.path
    func bad(_ why: String) -> StoreError { .corrupt(file: path, offset: at, reason: why) }
    var name = ""
    var rows = 0
    var nextId: Int64 = 1
    var cols: [(String, StorageKind, ValueType, [String])] = []
    do {
      try meta.withUnsafeBytes { b in
        var r = ByteReader(b, base: at + chunkHeaderSize)
        name = try r.string()
        rows = Int(try r.u64())
        nextId = try r.i64()
        let n = Int(try r.u32())
        for _ in 0..<n {
          let cname = try r.string()
          guard let kind = StorageKind(rawValue: try r.u8()) else { throw r.fail("unknown storage kind") }
          guard let type = ValueType(rawValue: try r.string()) else { throw r.fail("unknown type") }
          let dn = Int(try r.u32())
          var dict: [String] = []
          for _ in 0..<dn { dict.append(try r.string()) }
          cols.append((cname, kind, type, dict))
        }
      }
    } catch let f as ReadFailure {
      throw StoreError.corrupt(file: path, offset: f.offset, reason: f.reason)
    }
    guard let ti = Catalog.tableIndex(name) else { throw bad("unknown table \(name)") }
    var table = Table(Catalog.tables[ti])
    table.nextId = nextId
    var loaded: [Int: Column] = [:]
    for (cname, kind, type, dict) in cols {
      var c = Column(kind: kind, type: type)
      switch kind {
      case .int64:
        c.ints = try input.integers(Int64.self, rows, null: Column.nullInt)
        // Only the customers' id keeps a dictionary here: its customer codes.
        c.dictionary = CodeDictionary(names: dict)
      case .day: c.int32s = try input.integers(Int32.self, rows, null: Column.nullDay)
      case .coded:
        c.int32s = try input.integers(Int32.self, rows, null: nil)
        c.dictionary = CodeDictionary(names: dict)
        if let badCode = c.int32s.first(where: { $0 < -1 || $0 >= Int32(dict.count) }) {
          throw bad("\(name).\(cname): code \(badCode) outside its dictionary")
        }
      case .decimal:
        c.ints = try input.integers(Int64.self, rows, null: Column.nullInt)
        c.bytes = try input.array(Int8.self, rows)
      case .bool: c.bytes = try input.array(Int8.self, rows)
      case .text:
        let bytesAt = input.offset
        let bytes = try input.array(UInt8.self, nil)
        let lengths = try input.integers(Int32.self, rows, null: nil).map { UInt32(bitPattern: $0) }
        var starts = [UInt32](repeating: 0, count: rows)
        var next: UInt64 = 0
        for r in 0..<rows {
          starts[r] = UInt32(truncatingIfNeeded: next)
          if lengths[r] != TextBuffer.nullLength { next += UInt64(lengths[r]) }
        }
        if next != UInt64(bytes.count) {
          throw StoreError.corrupt(
            file: path, offset: bytesAt, reason: "\(name).\(cname): text lengths do not add up to its bytes")
        }
        c.text = TextBuffer(bytes: bytes, starts: starts, lengths: lengths)
      }
      // A column this version no longer has is dropped; one it added stays all null.
      guard let ci = table.def.columnIndex(cname) else { continue }
      guard table.def.columns[ci].storage == kind && table.def.columns[ci].type == type else {
        throw bad("\(name).\(cname): stored as \(type.rawValue), expected \(table.def.columns[ci].type)")
      }
      loaded[ci] = c
    }
    for ci in 0..<table.columns.count {
      if let c = loaded[ci] {
        table.columns[ci] = c
      } else {
        for _ in 0..<rows { table.columns[ci].append(.null) }
      }
    }
    db.tables[ti] = table
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

  /// A data chunk read straight into a new array of `T`; `rows` checks the element count.
  mutating func array<T: BitwiseCopyable>(_: T.Type, _ rows: Int?) throws -> [T] {
    let at = offset
    let (len, sum, width) = try header(SnapshotFile.tagData)
    guard width == 0 else { throw damage(at + 4, "chunk header damaged") }
    return try payload(T.self, at: at, len: len, sum: sum, seed: 0, rows: rows)
  }

  /// Reads a data chunk's payload straight into a new array and checks it there.
  mutating func payload<T: BitwiseCopyable>(
    _: T.Type, at: Int, len: Int, sum: UInt64, seed: UInt64, rows: Int?
  )
    throws -> [T]
  {
    let stride = MemoryLayout<T>.stride
    guard len % stride == 0, rows == nil || len / stride == rows! else {
      throw damage(at, "array of \(len) bytes does not hold the expected rows")
    }
    let n = len / stride
    let a = try [T](unsafeUninitializedCapacity: n) { buf, made in
      try FileIO.readExact(fd, path, at: offset, into: UnsafeMutableRawBufferPointer(buf))
      made = n
    }
    if a.withUnsafeBytes({ XXH64.hash($0, seed: seed) }) != sum { throw damage(at, "checksum mismatch") }
    offset += len
    return a
  }
}
