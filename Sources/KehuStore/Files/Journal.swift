/// The append-only journal: the mutations made since the snapshot it follows.
///
///     header  "KEHUJRNL" · version u32 · reserved u32 · base sequence u64 · XXH64 of the 24 before
///     record  marker u32 · length u32 · sequence u64 · payload · XXH64 u64 of length..payload
///
/// The marker and the checksum let a reader tell a record boundary from damage: a bad record
/// with no valid record anywhere after it is a write torn by a crash (cut off), while a bad
/// record followed by a valid one is damage (refused), as in Redis's AOF loading rule.
enum JournalFile {
  static let magic: [UInt8] = Array("KEHUJRNL".utf8)
  static let version: UInt32 = 1
  static let headerSize = 32
  static let marker: UInt32 = 0x4B52_A55A
  static let recordOverhead = 24
  static let maxRecord = 1 << 30

  static func header(base: UInt64) -> [UInt8] {
    var w = ByteWriter()
    w.bytes.append(contentsOf: magic)
    w.u32(version)
    w.u32(0)
    w.u64(base)
    w.u64(XXH64.hash(w.bytes))
    return w.bytes
  }

  static func record(sequence: UInt64, _ batch: [Mutation]) -> [UInt8] {
    var w = ByteWriter()
    w.u32(marker)
    w.u32(0)
    w.u64(sequence)
    w.u32(UInt32(batch.count))
    for m in batch { encode(m, &w) }
    let len = w.bytes.count - 16
    w.bytes.withUnsafeMutableBytes {
      $0.storeBytes(of: UInt32(len).littleEndian, toByteOffset: 4, as: UInt32.self)
    }
    let sum = w.bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[4...])) }
    w.u64(sum)
    return w.bytes
  }

  struct Record {
    var sequence: UInt64
    var offset: Int
    var end: Int
    var mutations: [Mutation]
  }

  /// What reading a journal found.
  struct Scan {
    var base: UInt64
    var records: [Record] = []
    /// Offset just past the last good record.
    var goodEnd: Int
    /// The first bad byte and why, if the journal does not end cleanly.
    var damage: (offset: Int, reason: String)?
    /// The intact records found after the damage (sequence and byte offset): they cannot be
    /// replayed without the damaged one, and `recover` names them as lost.
    var intactAfterDamage: [(sequence: UInt64, offset: Int)] = []
    /// Whether a valid record follows the damage (then it is not a torn tail).
    var validAfterDamage: Bool { !intactAfterDamage.isEmpty }
    var size: Int
    /// The sequence the scan started after: the base, or the last record already read.
    var after: UInt64
    var lastSequence: UInt64 { records.last?.sequence ?? after }

    /// What replay leaves out from the damage on, in words: the bytes, whether they were a
    /// whole record, and the intact records after it (which cannot be replayed without it).
    var lossDescription: String {
      guard let d = damage else { return "nothing" }
      var text = "\(size - d.offset) bytes from byte \(d.offset) (\(d.reason))"
      if let first = intactAfterDamage.first, let last = intactAfterDamage.last {
        let n = intactAfterDamage.count
        text +=
          ": the damaged record and \(n) intact \(n == 1 ? "record" : "records") after it "
          + "(sequence \(first.sequence)\(n == 1 ? "" : "–\(last.sequence)"), from byte \(first.offset))"
      } else {
        text +=
          wholeFinalRecord
          ? ": a complete final record damaged after it was written" : ": an incomplete final record"
      }
      return text
    }

    /// Whether the bytes from the damage on have the length of one whole record: a record
    /// damaged after it was written, not a write cut short.
    var wholeFinalRecord = false
  }

  /// Reads every record; a bad header is an error, a bad record ends the scan. A reader
  /// following a writer passes where it stopped last time (`from`, past record `after`),
  /// so only what was appended since is decoded.
  static func scan(_ bytes: [UInt8], path: String, from: Int? = nil, after: UInt64? = nil) throws -> Scan {
    try bytes.withUnsafeBytes { buf in
      var r = ByteReader(buf)
      do {
        guard buf.count >= headerSize else { throw r.fail("journal header incomplete") }
        guard Array(try r.bytes(8)) == magic else { throw r.fail("not a kehu journal") }
        let v = try r.u32()
        _ = try r.u32()
        let base = try r.u64()
        let sum = try r.u64()
        guard sum == XXH64.hash(UnsafeRawBufferPointer(rebasing: buf[0..<24])) else {
          throw ReadFailure(offset: 0, reason: "journal header checksum mismatch")
        }
        guard v <= version else {
          throw ReadFailure(offset: 8, reason: "journal format \(v) is newer than this kehu reads")
        }
        let start = max(from ?? headerSize, headerSize)
        var scan = Scan(base: base, goodEnd: start, size: buf.count, after: after ?? base)
        var o = start
        while o < buf.count {
          switch frame(buf, at: o) {
          case .failure(let why):
            scan.damage = (o, why.description)
          case .success(let (seq, end)):
            if seq != scan.lastSequence + 1 {
              scan.damage = (o, "record \(seq) where \(scan.lastSequence + 1) was expected")
              break
            }
            do {
              let ms = try decodePayload(buf, from: o + 16, to: end - 8)
              scan.records.append(Record(sequence: seq, offset: o, end: end, mutations: ms))
              scan.goodEnd = end
              o = end
              continue
            } catch let f as ReadFailure {
              scan.damage = (o, "record \(seq) unreadable: \(f.reason)")
            }
          }
          break
        }
        if let d = scan.damage {
          scan.wholeFinalRecord = declaredEnd(buf, at: d.offset) == buf.count
          var p = d.offset + 1
          while p + recordOverhead <= buf.count {
            if case .success(let (seq, end)) = frame(buf, at: p) {
              scan.intactAfterDamage.append((seq, p))
              p = end
            } else {
              p += 1
            }
          }
        }
        return scan
      } catch let f as ReadFailure {
        throw StoreError.corrupt(file: path, offset: f.offset, reason: f.reason)
      }
    }
  }

  /// Where the record at `o` ends by its length field, if it has its marker.
  static func declaredEnd(_ buf: UnsafeRawBufferPointer, at o: Int) -> Int? {
    guard o + recordOverhead <= buf.count,
      buf.loadUnaligned(fromByteOffset: o, as: UInt32.self).littleEndian == marker
    else { return nil }
    return o + recordOverhead + Int(buf.loadUnaligned(fromByteOffset: o + 4, as: UInt32.self).littleEndian)
  }

  /// Checks the framing of the record at `o`: marker, length in bounds, checksum.
  static func frame(_ buf: UnsafeRawBufferPointer, at o: Int) -> Result<(UInt64, Int), FrameError> {
    guard o + recordOverhead <= buf.count else {
      return .failure(FrameError("incomplete record (\(buf.count - o) bytes)"))
    }
    guard buf.loadUnaligned(fromByteOffset: o, as: UInt32.self).littleEndian == marker else {
      return .failure(FrameError("no record marker"))
    }
    let len = Int(buf.loadUnaligned(fromByteOffset: o + 4, as: UInt32.self).littleEndian)
    guard len <= maxRecord, o + recordOverhead + len <= buf.count else {
      return .failure(FrameError("record length \(len) runs past the end"))
    }
    let end = o + recordOverhead + len
    let sum = buf.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self).littleEndian
    guard sum == XXH64.hash(UnsafeRawBufferPointer(rebasing: buf[(o + 4)..<(end - 8)])) else {
      return .failure(FrameError("record checksum mismatch"))
    }
    return .success((buf.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self).littleEndian, end))
  }

  struct FrameError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
  }

  // MARK: Mutation encoding

  enum Op: UInt8 { case insert = 1, update = 2, delete = 3 }

  static func encode(_ m: Mutation, _ w: inout ByteWriter) {
    switch m {
    case .insert(let t, let values):
      w.u8(Op.insert.rawValue)
      w.string(t)
      cells(values, &w)
    case .update(let t, let key, let values):
      w.u8(Op.update.rawValue)
      w.string(t)
      ValueCodec.write(key, &w)
      cells(values, &w)
    case .delete(let t, let keys):
      w.u8(Op.delete.rawValue)
      w.string(t)
      w.u32(UInt32(keys.count))
      for k in keys { ValueCodec.write(k, &w) }
    }
  }

  private static func cells(_ values: [String: Value], _ w: inout ByteWriter) {
    w.u32(UInt32(values.count))
    // Sorted, so the same batch always makes the same bytes.
    for (name, v) in values.sorted(by: { $0.key < $1.key }) {
      w.string(name)
      ValueCodec.write(v, &w)
    }
  }

  static func decodePayload(_ buf: UnsafeRawBufferPointer, from: Int, to: Int) throws -> [Mutation] {
    var r = ByteReader(UnsafeRawBufferPointer(rebasing: buf[from..<to]), base: from)
    let n = Int(try r.u32())
    var out: [Mutation] = []
    for _ in 0..<n {
      guard let op = Op(rawValue: try r.u8()) else { throw r.fail("unknown operation") }
      let t = try r.string()
      switch op {
      case .insert: out.append(.insert(table: t, values: try readCells(&r)))
      case .update:
        let key = try ValueCodec.read(&r)
        out.append(.update(table: t, key: key, values: try readCells(&r)))
      case .delete:
        let k = Int(try r.u32())
        var keys: [Value] = []
        for _ in 0..<k { keys.append(try ValueCodec.read(&r)) }
        out.append(.delete(table: t, keys: keys))
      }
    }
    if r.remaining != 0 { throw r.fail("unexpected bytes after the mutations") }
    return out
  }

  private static func readCells(_ r: inout ByteReader) throws -> [String: Value] {
    let n = Int(try r.u32())
    var values: [String: Value] = [:]
    for _ in 0..<n {
      let name = try r.string()
      values[name] = try ValueCodec.read(&r)
    }
    return values
  }
}

/// A `Value` as bytes: a tag, then its payload.
enum ValueCodec {
  static func write(_ v: Value, _ w: inout ByteWriter) {
    switch v {
    case .null: w.u8(0)
    case .bool(let b): w.u8(b ? 2 : 1)
    case .int(let i):
      w.u8(3)
      w.i64(i)
    case .decimal(let d), .percent(let d):
      w.u8(v.type == .decimal ? 4 : 5)
      w.u64(UInt64(truncatingIfNeeded: d.mantissa))
      w.u64(UInt64(truncatingIfNeeded: d.mantissa >> 64))
      w.u8(UInt8(clamping: d.scale))
    case .money(let m):
      w.u8(6)
      w.i64(m.fen)
    case .text(let s):
      w.u8(7)
      w.string(s)
    case .date(let d):
      w.u8(8)
      w.u32(UInt32(bitPattern: d.number))
    case .duration(let n):
      w.u8(9)
      w.u32(UInt32(bitPattern: n))
    case .timestamp(let t):
      w.u8(10)
      w.i64(t.seconds)
    }
  }

  static func read(_ r: inout ByteReader) throws -> Value {
    switch try r.u8() {
    case 0: return .null
    case 1: return .bool(false)
    case 2: return .bool(true)
    case 3: return .int(try r.i64())
    case let tag where tag == 4 || tag == 5:
      let lo = try r.u64()
      let hi = try r.u64()
      let m = Int128(Int64(bitPattern: hi)) << 64 | Int128(lo)
      let d = Dec(mantissa: m, scale: Int(try r.u8()))
      return tag == 4 ? .decimal(d) : .percent(d)
    case 6: return .money(Money(fen: try r.i64()))
    case 7: return .text(try r.string())
    case 8: return .date(Day(number: Int32(bitPattern: try r.u32())))
    case 9: return .duration(Int32(bitPattern: try r.u32()))
    case 10: return .timestamp(Timestamp(seconds: try r.i64()))
    default: throw r.fail("unknown value tag")
    }
  }
}
