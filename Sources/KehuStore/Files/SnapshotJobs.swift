import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// One column of a snapshot to load: its arrays as the walk planned them.
struct ColumnJob {
  var tableName: String
  /// The table chunk's offset, which messages about the column's cells name.
  var tableAt: Int
  var name: String
  /// The column's place in this version's table; nil for a column it no longer has.
  var target: Int?
  var kind: StorageKind
  var type: ValueType
  var dictionary: [String]
  var rows: Int
  var arrays: [PlannedArray] = []
  /// The step of the column's own checks (codes, text lengths); nil when the walk stopped
  /// inside the column, so only the checksums of the arrays before that are looked at.
  var checkStep: Int?

  /// Loads every job on every core, the largest first, so that neither core waits long
  /// for the other at the end.
  static func runAll(_ jobs: [ColumnJob], fd: Int32, path: String) -> [Result<Column, StepFailure>] {
    let order = jobs.indices.sorted { jobs[$0].size > jobs[$1].size }
    return Parallel.map(jobs.count, order: order) { jobs[$0].load(fd: fd, path: path) }
  }

  /// Bytes in memory once loaded (narrow arrays widen).
  var size: Int { rows * (kind == .int64 || kind == .decimal ? 8 : 4) + arrays.reduce(0) { $0 + $1.length } }

  func load(fd: Int32, path: String) -> Result<Column, StepFailure> {
    do {
      return .success(try column(ArrayLoader(fd: fd, path: path)))
    } catch let f as StepFailure {
      return .failure(f)
    } catch {
      return .failure(StepFailure(step: checkStep ?? 0, error: .io(file: path, reason: "\(error)")))
    }
  }

  private func column(_ loader: ArrayLoader) throws -> Column {
    var c = Column(kind: kind, type: type)
    guard let checkStep else {
      for a in arrays { try loader.verify(a) }
      return c
    }
    func bad(_ at: Int, _ why: String) -> StepFailure {
      StepFailure(step: checkStep, error: .corrupt(file: loader.path, offset: at, reason: why))
    }
    switch kind {
    case .int64:
      c.ints = try loader.integers(arrays[0], Int64.self, null: Column.nullInt)
      // Only the customers' id keeps a dictionary here: its customer codes.
      c.dictionary = CodeDictionary(names: dictionary)
    case .day: c.int32s = try loader.integers(arrays[0], Int32.self, null: Column.nullDay)
    case .coded:
      c.int32s = try loader.integers(arrays[0], Int32.self, null: nil)
      c.dictionary = CodeDictionary(names: dictionary)
      // One pass for the extremes (a loop the compiler can vectorise), then the first bad code.
      let count = Int32(dictionary.count)
      let (lo, hi) = c.int32s.withUnsafeBufferPointer { codes in
        var lo = Int32.max
        var hi = Int32.min
        for v in codes {
          lo = min(lo, v)
          hi = max(hi, v)
        }
        return (lo, hi)
      }
      if lo < -1 || hi >= count, let badCode = c.int32s.first(where: { $0 < -1 || $0 >= count }) {
        throw bad(tableAt, "\(tableName).\(name): code \(badCode) outside its dictionary")
      }
    case .decimal:
      c.ints = try loader.integers(arrays[0], Int64.self, null: Column.nullInt)
      c.bytes = try loader.integers(arrays[1], Int8.self, null: nil)
    case .bool: c.bytes = try loader.integers(arrays[0], Int8.self, null: nil)
    case .text:
      let bytes = try loader.integers(arrays[0], UInt8.self, null: nil)
      let lengths = try loader.integers(arrays[1], UInt32.self, null: nil)
      // Bytes in row order and the lengths; the starts follow from them.
      var next: UInt64 = 0
      let starts = [UInt32](unsafeUninitializedCapacity: rows) { out, made in
        lengths.withUnsafeBufferPointer { lengths in
          for r in 0..<rows {
            out[r] = UInt32(truncatingIfNeeded: next)
            let n = lengths[r]
            next &+= n == TextBuffer.nullLength ? 0 : UInt64(n)
          }
        }
        made = rows
      }
      if next != UInt64(bytes.count) {
        throw bad(arrays[0].at, "\(tableName).\(name): text lengths do not add up to its bytes")
      }
      c.text = TextBuffer(bytes: bytes, starts: starts, lengths: lengths)
    }
    return c
  }
}

/// Reads planned arrays straight into their final arrays and checks them there.
struct ArrayLoader {
  let fd: Int32
  let path: String

  /// Checks a data chunk's checksum only.
  func verify(_ a: PlannedArray) throws {
    var bytes = [UInt8](repeating: 0, count: a.length)
    try bytes.withUnsafeMutableBytes { try check(a, $0) }
  }

  /// Reads the payload of `a` into `into` and checks it there.
  func check(_ a: PlannedArray, _ into: UnsafeMutableRawBufferPointer) throws {
    do {
      try FileIO.readExact(fd, path, at: a.payload, into: into)
    } catch let e as StoreError {
      throw StepFailure(step: a.step, error: e)
    }
    if XXH64.hash(UnsafeRawBufferPointer(into), seed: UInt64(a.width)) != a.sum {
      throw StepFailure(step: a.step, error: .corrupt(file: path, offset: a.at, reason: "checksum mismatch"))
    }
  }

  /// A data chunk's payload as `T`s. A narrow array (1, 2 or 4 bytes an element) is read
  /// into the tail of the new array and widened forward in place: element i is read before
  /// its wide self is written, and the write never reaches an element not yet read. So the
  /// only copy is the one out of the file. The narrow minimum stands for `null`.
  func integers<T: FixedWidthInteger & BitwiseCopyable>(_ a: PlannedArray, _: T.Type, null: T?) throws -> [T]
  {
    let stride = MemoryLayout<T>.stride
    let n = a.length / (a.width == 0 ? stride : a.width)
    return try [T](unsafeUninitializedCapacity: n) { buf, made in
      let raw = UnsafeMutableRawBufferPointer(buf)
      let tail = n * stride - a.length
      Self.adviseHugePages(raw)
      try check(a, UnsafeMutableRawBufferPointer(rebasing: raw[tail...]))
      switch a.width {
      case 1 where stride > 1: Self.widen(raw, n, from: Int8.self, at: tail, null: null)
      case 2 where stride > 2: Self.widen(raw, n, from: Int16.self, at: tail, null: null)
      case 4 where stride > 4: Self.widen(raw, n, from: Int32.self, at: tail, null: null)
      default: break
      }
      made = n
    }
  }

  /// Big arrays ask for 2 MiB pages before the first write: filling half a gigabyte page by
  /// 4 KiB page costs more in page faults than the reading itself.
  static func adviseHugePages(_ raw: UnsafeMutableRawBufferPointer) {
    guard raw.count >= 4 << 20, let base = raw.baseAddress else { return }
    let page = 4096
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + raw.count) & ~(page - 1)
    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
  }

  static func widen<N: FixedWidthInteger, T: FixedWidthInteger>(
    _ raw: UnsafeMutableRawBufferPointer, _ n: Int, from: N.Type, at tail: Int, null: T?
  ) {
    guard n > 0, let p = raw.baseAddress else { return }
    // A block of narrow values is copied out before its wide values are written over it (the
    // write stays behind the block's end, as above), so both loops run on plain typed memory.
    let block = 4096
    let w = MemoryLayout<N>.stride
    let s = MemoryLayout<T>.stride
    withUnsafeTemporaryAllocation(of: N.self, capacity: block) { tmp in
      let src = tmp.baseAddress!
      var i = 0
      while i < n {
        let m = min(block, n - i)
        UnsafeMutableRawPointer(src).copyMemory(from: p + tail + i * w, byteCount: m * w)
        let dst = (p + i * s).assumingMemoryBound(to: T.self)
        if let null {
          for k in 0..<m { dst[k] = src[k] == N.min ? null : T(truncatingIfNeeded: src[k]) }
        } else {
          for k in 0..<m { dst[k] = T(truncatingIfNeeded: src[k]) }
        }
        i += m
      }
    }
  }
}

/// Work spread over every core.
enum Parallel {
  /// Hands a value to the workers; every use here writes disjoint positions or only reads.
  struct Shared<T>: @unchecked Sendable {
    let value: T
  }

  /// `body` of each of 0..<n, taken in `order`; the results by index.
  static func map<R>(_ n: Int, order: [Int], _ body: (Int) -> R) -> [R] {
    var results = [R?](repeating: nil, count: n)
    results.withUnsafeMutableBufferPointer { res in
      let out = Shared(value: res)
      withoutActuallyEscaping(body) { body in
        let work = Shared(value: body)
        DispatchQueue.concurrentPerform(iterations: n) { k in
          out.value[order[k]] = work.value(order[k])
        }
      }
    }
    return results.map { $0! }
  }
}
