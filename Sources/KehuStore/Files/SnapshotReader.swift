import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Reading a snapshot in two passes, so that the big arrays load on every core.
///
/// The walk goes through the file in order but reads only the header, each table's
/// description and each array's chunk header: it checks the layout and plans one job per
/// column. The jobs (read the column's arrays straight into place, check their checksums,
/// widen narrow integers, check codes and text lengths) then run in parallel, largest first.
///
/// Damage reads the same as in a one-pass reader: every check has its place in file order
/// (its step), a job stops at its first failure, and of all failures the one with the
/// earliest step is thrown, so which message a damaged file gives never depends on which
/// thread was faster.
extension SnapshotFile {
  /// Reads a snapshot (from byte `start` of the file: a cache puts a header before it);
  /// damage anywhere is an error naming the file and offset.
  static func read(fd: Int32, path: String, start: Int = 0) throws -> Database {
    let size = try FileIO.size(fd, path)
    var walk = SnapshotWalk(input: ChunkReader(fd: fd, path: path, size: size, offset: start))
    let sequence = try walk.header()
    walk.walk()
    let loaded = ColumnJob.runAll(walk.jobs, fd: fd, path: path)
    var first = walk.failure
    for case .failure(let f) in loaded where f.step < first?.step ?? .max { first = f }
    if let first { throw first.error }

    var db = Database()
    db.sequence = sequence
    for plan in walk.tables {
      var table = Table(Catalog.tables[plan.table])
      table.nextId = plan.nextId
      for j in plan.jobs {
        guard let ci = walk.jobs[j].target, case .success(let c) = loaded[j] else { continue }
        table.columns[ci] = c
      }
      // A column this version added stays all null.
      for ci in 0..<table.columns.count where !plan.jobs.contains(where: { walk.jobs[$0].target == ci }) {
        for _ in 0..<plan.rows { table.columns[ci].append(.null) }
      }
      db.tables[plan.table] = table
    }
    try buildKeyIndexes(&db, path: path)
    // Invoice totals are stored as written from memory and trusted (they are checksummed);
    // recomputing them from payments costs a hash lookup per payment on every open, so
    // only `check` does it (see `Database.invoiceTotalsAreConsistent`).
    return db
  }

  /// A table whose keys are in strictly increasing order (as ids and document numbers are
  /// handed out) cannot repeat one: its index is left to be built on first use. Any other
  /// table's index is built now, the tables side by side, and a key that repeats is damage.
  static func buildKeyIndexes(_ db: inout Database, path: String) throws {
    let tables = db.tables
    let built = Parallel.map(
      tables.count, order: tables.indices.sorted { tables[$0].count > tables[$1].count }
    ) {
      i -> (KeyIndex, duplicate: Int?)? in
      increasing(tables[i].keyColumn) ? nil : KeyIndex.build(tables[i].keyColumn)
    }
    for (i, result) in built.enumerated() {
      guard let (index, duplicate) = result else {
        db.tables[i].keys = KeyIndexCell(nil)
        continue
      }
      if let duplicate {
        throw StoreError.corrupt(
          file: path, offset: 0,
          reason: "\(tables[i].name): key of row \(duplicate + 1) repeats an earlier one")
      }
      db.tables[i].keys = KeyIndexCell(index)
    }
  }

  /// Whether every key is greater than the one before it (integers, or text byte by byte).
  static func increasing(_ c: Column) -> Bool {
    switch c.kind {
    case .int64:
      return c.ints.withUnsafeBufferPointer { k in
        var ok = true
        for r in k.indices.dropFirst() { ok = ok && k[r - 1] < k[r] }
        return ok
      }
    case .text:
      let t = c.text
      return t.bytes.withUnsafeBufferPointer { bytes in
        var previous: UnsafeBufferPointer<UInt8>? = nil
        for r in 0..<t.count {
          if t.isNull(r) { return false }
          let s = Int(t.starts[r])
          let key = UnsafeBufferPointer(rebasing: bytes[s..<s + Int(t.lengths[r])])
          if let p = previous, !p.lexicographicallyPrecedes(key) { return false }
          previous = key
        }
        return true
      }
    default: return false
    }
  }
}

/// A failure and its place in file order.
struct StepFailure: Error {
  var step: Int
  var error: StoreError
}

/// One data chunk, found by the walk: its payload is read later by a job.
struct PlannedArray {
  /// The chunk header's offset, which messages name.
  var at: Int
  var payload: Int
  var length: Int
  var sum: UInt64
  /// 0, or the narrow width (1, 2 or 4 bytes) an integer array was stored in.
  var width: Int
  /// The step of its checksum check.
  var step: Int
}

/// One table as the walk found it: which jobs hold its columns, in file order.
struct PlannedTable {
  var table: Int
  var nextId: Int64
  var rows: Int
  var jobs: [Int] = []
}

/// The first pass: the file's layout, checked in order, and the jobs it plans.
struct SnapshotWalk {
  var input: ChunkReader
  var jobs: [ColumnJob] = []
  var tables: [PlannedTable] = []
  var failure: StepFailure?
  /// Steps are numbered in file order; a check the walk makes itself takes the next one.
  var step = 0

  init(input: ChunkReader) { self.input = input }

  mutating func nextStep() -> Int {
    defer { step += 1 }
    return step
  }

  /// The header: its checks come before any other, so they throw at once.
  mutating func header() throws -> UInt64 {
    let path = input.path
    let header = try input.bytes(SnapshotFile.headerSize)
    let (version, sequence, tableCount): (UInt32, UInt64, Int)
    do {
      (version, sequence, tableCount) = try header.withUnsafeBytes { buf -> (UInt32, UInt64, Int) in
        var hr = ByteReader(buf)
        guard Array(try hr.bytes(8)) == SnapshotFile.magic else { throw hr.fail("not a kehu snapshot") }
        let v = try hr.u32()
        let mark = try hr.u32()
        let s = try hr.u64()
        let n = Int(try hr.u32())
        _ = try hr.u32()
        let sum = try hr.u64()
        if sum != XXH64.hash(UnsafeRawBufferPointer(rebasing: buf[0..<32])) {
          throw ReadFailure(offset: 0, reason: "header checksum mismatch")
        }
        if mark != SnapshotFile.endianMark {
          throw ReadFailure(offset: 12, reason: "written on a machine of other byte order")
        }
        return (v, s, n)
      }
    } catch let f as ReadFailure {
      throw StoreError.corrupt(file: path, offset: f.offset, reason: f.reason)
    }
    if version > Catalog.formatVersion {
      throw StoreError.corrupt(
        file: path, offset: 8,
        reason: "snapshot format \(version) is newer than this kehu reads (up to \(Catalog.formatVersion))")
    }
    tablesLeft = tableCount
    return sequence
  }

  private var tablesLeft = 0

  /// The tables and the trailer; the first damage met is kept in `failure`.
  mutating func walk() {
    do {
      for _ in 0..<tablesLeft { try table() }
      let path = input.path
      let at = input.offset
      let end = try input.chunk(SnapshotFile.tagEnd)
      let count = try end.withUnsafeBytes { b -> UInt64 in
        var er = ByteReader(b)
        return try er.u64()
      }
      if count != UInt64(input.chunks - 1) {
        throw StoreError.corrupt(file: path, offset: at, reason: "chunk count does not match")
      }
      if input.offset != input.size {
        throw StoreError.corrupt(file: path, offset: input.offset, reason: "unexpected bytes after the end")
      }
    } catch let e as StoreError {
      failure = StepFailure(step: step, error: e)
    } catch {
      failure = StepFailure(
        step: step, error: .corrupt(file: input.path, offset: input.offset, reason: "\(error)"))
    }
  }

  private mutating func table() throws {
    let at = input.offset
    let meta = try input.chunk(SnapshotFile.tagTable)
    let path = input.path
    func bad(_ why: String) -> StoreError { .corrupt(file: path, offset: at, reason: why) }
    var name = ""
    var rows = 0
    var nextId: Int64 = 1
    var cols: [(String, StorageKind, ValueType, [String])] = []
    do {
      try meta.withUnsafeBytes { b in
        var r = ByteReader(b, base: at + SnapshotFile.chunkHeaderSize)
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
    let def = Catalog.tables[ti]
    tables.append(PlannedTable(table: ti, nextId: nextId, rows: rows))
    for (cname, kind, type, dict) in cols {
      // A column this version no longer has is still read and checked, then dropped.
      let target = def.columnIndex(cname)
      let j = jobs.count
      jobs.append(
        ColumnJob(
          tableName: name, tableAt: at, name: cname, target: target, kind: kind, type: type, dictionary: dict,
          rows: rows))
      tables[tables.count - 1].jobs.append(j)
      switch kind {
      case .int64, .decimal: try plan(j, integers: 8, rows: rows)
      case .day, .coded: try plan(j, integers: 4, rows: rows)
      case .bool: break
      case .text: try plan(j, bytes: 1, rows: nil)
      }
      switch kind {
      case .decimal, .bool: try plan(j, bytes: 1, rows: rows)
      case .text: try plan(j, integers: 4, rows: rows)
      default: break
      }
      jobs[j].checkStep = nextStep()
      if let ci = target, def.columns[ci].storage != kind || def.columns[ci].type != type {
        throw bad("\(name).\(cname): stored as \(type.rawValue), expected \(def.columns[ci].type)")
      }
    }
  }

  /// An integer array, perhaps stored narrow: `stride` is its width in memory.
  private mutating func plan(_ j: Int, integers stride: Int, rows: Int) throws {
    let at = input.offset
    let (len, sum, width) = try input.header(SnapshotFile.tagData)
    guard width == 0 || len == rows * width else {
      throw input.damage(at, "array of \(len) bytes does not hold \(rows) rows of \(width) bytes")
    }
    try add(j, at: at, len: len, sum: sum, width: width, stride: width == 0 ? stride : width, rows: rows)
  }

  /// An array of bytes (or any elements of `stride` bytes), never narrowed.
  private mutating func plan(_ j: Int, bytes stride: Int, rows: Int?) throws {
    let at = input.offset
    let (len, sum, width) = try input.header(SnapshotFile.tagData)
    guard width == 0 else { throw input.damage(at + 4, "chunk header damaged") }
    try add(j, at: at, len: len, sum: sum, width: 0, stride: stride, rows: rows)
  }

  private mutating func add(_ j: Int, at: Int, len: Int, sum: UInt64, width: Int, stride: Int, rows: Int?)
    throws
  {
    guard len % stride == 0, rows == nil || len / stride == rows! else {
      throw input.damage(at, "array of \(len) bytes does not hold the expected rows")
    }
    jobs[j].arrays.append(
      PlannedArray(at: at, payload: input.offset, length: len, sum: sum, width: width, step: nextStep()))
    input.offset += len
  }
}
