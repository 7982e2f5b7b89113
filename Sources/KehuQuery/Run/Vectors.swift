import KehuStore

/// One column of a frame, computed for every position at once. Integer-backed types keep
/// their raw domain (int, money in fen, date as day number, duration in days, bool 0/1)
/// with `Int64.min` for null, as the store does, so a store column is used as it is;
/// text is dictionary codes (negative for null).
enum Vec {
  case ints([Int64])
  case codes([Int32], [String])

  static let null = Int64.min

  /// The value at position i, given the column's type.
  static func value(_ raw: Int64, _ type: ValueType) -> Value {
    if raw == Vec.null { return .null }
    switch type {
    case .int: return .int(raw)
    case .money: return .money(Money(fen: raw))
    case .date: return .date(Day(number: Int32(truncatingIfNeeded: raw)))
    case .duration: return .duration(Int32(truncatingIfNeeded: raw))
    case .bool: return .bool(raw != 0)
    default: return .null
    }
  }

  func value(_ i: Int, _ type: ValueType) -> Value {
    switch self {
    case .ints(let a): return Vec.value(a[i], type)
    case .codes(let c, let dict): return c[i] < 0 ? .null : .text(dict[Int(c[i])])
    }
  }
}

extension ValueType {
  /// Types whose values the vector kernels keep as raw integers.
  var isRaw: Bool { self == .int || self == .money || self == .date || self == .duration || self == .bool }
}

/// A result held as columns: typed vectors where the engine could compute them, values
/// otherwise. The readers hand the vectors out whole, so the next verb runs on them too.
struct VecSource: RowSource {
  enum Col {
    case vec(Vec)
    case values([Value])
    /// A column of another source at a selection of its rows, read in place: `select`
    /// and `derive` copy no column they pass through.
    case view(any RowSource, Int, [Int]?)
    /// Exact decimals (percent or decimal): mantissas at one scale, `Int64.min` for null.
    case decimals([Int64], scale: Int)
  }
  var columns: [ResultColumn]
  var cols: [Col]
  var rowCount: Int

  func value(row: Int, column: Int) -> Value {
    switch cols[column] {
    case .vec(let v): return v.value(row, columns[column].type)
    case .values(let vs): return vs[row]
    case .view(let src, let c, let rows): return src.value(row: rows?[row] ?? row, column: c)
    case .decimals(let m, let scale):
      if m[row] == Vec.null { return .null }
      let d = Dec(mantissa: Int128(m[row]), scale: scale)
      return columns[column].type == .percent ? .percent(d) : .decimal(d)
    }
  }

  func reader(column: Int) -> ColumnReader? {
    switch cols[column] {
    case .vec(.ints(let a)): return .int64s(a, null: Vec.null)
    case .vec(.codes(let c, let dict)): return .codeArray(c, dictionary: dict)
    case .values, .decimals: return nil
    case .view(let src, let c, let rows):
      if rows == nil, case .text? = src.reader(column: c) { return src.reader(column: c) }
      switch Vec.gather(src, c, rows: rows) {
      case .ints(let a)?: return .int64s(a, null: Vec.null)
      case .codes(let codes, let dict)?: return .codeArray(codes, dictionary: dict)
      case nil: return nil
      }
    }
  }
}

extension Evaluator {
  func gather(_ source: any RowSource, _ c: Int, rows: [Int]?) -> Vec? {
    Vec.gather(source, c, rows: rows, workers: context.workers)
  }
}

extension Vec {
  /// Column c of `source` at `rows` (all rows when nil; -1 reads as null), as a vector,
  /// or nil when the column has no fast reader. A whole store column is not copied.
  static func gather(_ source: any RowSource, _ c: Int, rows: [Int]?, workers: Int = 1) -> Vec? {
    let type = source.columns[c].type
    guard type.isRaw || type == .text else { return nil }
    if let j = source as? JoinedSource {
      let lc = j.left.columns.count
      if c < lc, j.leftInPlace { return gather(j.left, c, rows: rows, workers: workers) }
      let map = c < lc ? j.leftRows : j.rightRows
      let composed = rows.map { rs in rs.map { $0 < 0 ? -1 : map[$0] } } ?? map
      return c < lc
        ? gather(j.left, c, rows: composed, workers: workers)
        : gather(j.right, c - lc, rows: composed, workers: workers)
    }
    let n = rows?.count ?? source.rowCount
    switch source.reader(column: c) {
    case .int64s(let a, let null)?:
      guard let rows else {
        if null == nil || null == Vec.null { return .ints(a) }
        return .ints(a.map { $0 == null ? Vec.null : $0 })
      }
      return .ints(
        a.withUnsafeBufferPointer { p in
          picked(rows, workers) { r in r < 0 || p[r] == null ? Vec.null : p[r] }
        })
    case .int32s(let a, let null)?:
      return .ints(
        a.withUnsafeBufferPointer { p in
          guard let rows else { return p.map { $0 == null ? Vec.null : Int64($0) } }
          return picked(rows, workers) { r in r < 0 || p[r] == null ? Vec.null : Int64(p[r]) }
        })
    case .codeArray(let a, let dict)?:
      guard let rows else { return .codes(a, dict) }
      return .codes(a.withUnsafeBufferPointer { p in picked(rows, workers) { r in r < 0 ? -1 : p[r] } }, dict)
    case .int64(let get, let isNull)?:
      var out = [Int64](repeating: 0, count: n)
      for i in 0..<n {
        let r = rows?[i] ?? i
        out[i] = r < 0 || (isNull?(r) ?? false) ? Vec.null : get(r)
      }
      return .ints(out)
    case .codes(let get, let dict)?:
      var out = [Int32](repeating: -1, count: n)
      for i in 0..<n {
        let r = rows?[i] ?? i
        out[i] = r < 0 ? -1 : get(r)
      }
      return .codes(out, dict)
    case .text?, nil:
      return nil
    }
  }
}

extension Vec {
  /// `f` of every row, the rows split among the workers (each writes its own positions).
  @inline(__always)
  static func picked<T>(_ rows: [Int], _ workers: Int, _ f: (Int) -> T) -> [T] {
    [T](unsafeUninitializedCapacity: rows.count) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      rows.withUnsafeBufferPointer { rows in
        _ = Morsels.map(rows.count, workers: workers) { part in
          for i in part { (out.value.baseAddress! + i).initialize(to: f(rows[i])) }
        }
      }
      count = rows.count
    }
  }
}
