import KehuStore

/// `join`: a hash join. The joined table's rows are hashed on RIGHT, then each pipeline
/// row looks up LEFT. Null keys never match; numbers match across types by value (an int
/// 5 matches 5.00). The result is not copied: it is a view that maps each output row to
/// a pipeline row and a joined row, and hands out composed column readers, so a summarize
/// after a join over millions of rows still takes the fast path.
extension Evaluator {
  func join(
    _ f: Frame, left: Bool, _ right: any RowSource, rightName: String, _ lk: TExpr, _ rk: TExpr,
    notes: inout [Message]
  ) throws(QueryError) -> any RowSource {
    if let dense = DenseKeys(right, rk, workers: context.workers), lk.type == rk.type,
      case .ints(let keys)? = try Kernels(evaluator: self, frame: f).vector(lk)
    {
      try context.checkCancelled()
      let (leftRows, rightRows, multiplied) = dense.pairs(
        keys, selection: f.selection, left: left, workers: context.workers)
      return joined(f, right, rightName: rightName, leftRows, rightRows, multiplied, notes: &notes)
    }
    let chains: Chains
    if let fast = fastChains(right, rk) {
      chains = fast
    } else {
      chains = try generalChains(right, rk)
    }
    var leftRows: [Int] = []
    var rightRows: [Int] = []
    leftRows.reserveCapacity(f.count)
    rightRows.reserveCapacity(f.count)
    var multiplied = 0
    let lookup = try leftLookup(f, lk, rightType: rk.type, chains)
    for i in 0..<f.count {
      if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
      let r = f.row(i)
      var m = try lookup(r)
      if m < 0 {
        if left {
          leftRows.append(r)
          rightRows.append(-1)
        }
        continue
      }
      var n = 0
      while m >= 0 {
        leftRows.append(r)
        rightRows.append(m)
        n += 1
        m = Int(chains.next[m])
      }
      if n > 1 { multiplied += 1 }
    }
    return joined(f, right, rightName: rightName, leftRows, rightRows, multiplied, notes: &notes)
  }

  func joined(
    _ f: Frame, _ right: any RowSource, rightName: String, _ leftRows: [Int]?, _ rightRows: [Int],
    _ multiplied: Int, notes: inout [Message]
  ) -> JoinedSource {
    if multiplied > 0 {
      notes.append(
        "join: \(multiplied) of \(f.count) rows matched more than one row of \(rightName), giving \(rightRows.count) rows"
      )
    }
    // Every pipeline row once, in order (an inner join on a key every row has): the
    // pipeline's columns can then be read in place, storage arrays and all.
    // (nil: the pairs already know it is so, and no list of pipeline rows was made.)
    guard let leftRows else {
      return JoinedSource(left: f.source, right: right, leftRows: [], rightRows: rightRows, leftInPlace: true)
    }
    let identity = leftRows.count == f.source.rowCount && leftRows.indices.allSatisfy { leftRows[$0] == $0 }
    return JoinedSource(
      left: f.source, right: right, leftRows: identity ? [] : leftRows, rightRows: rightRows,
      leftInPlace: identity)
  }

  /// The joined table's rows by key: `first` gives a key's first row, `next` the following
  /// row with the same key (-1 at the end), so rows come out in table order.
  struct Chains {
    enum First {
      /// Keys in a narrow range (ids): the first row of key k is at `k - lo`.
      case dense([Int32], lo: Int64)
      case raw([Int64: Int32])
      case values([Value: Int32])
    }
    var first: First
    var next: [Int32]
  }

  static let rawJoinTypes: Set<ValueType> = [.int, .date, .duration, .money, .bool]

  func fastChains(_ right: any RowSource, _ rk: TExpr) -> Chains? {
    guard case .column(let c) = rk.kind, Evaluator.rawJoinTypes.contains(rk.type),
      case .int64(let get, let isNull)? = right.closureReader(column: c)
    else { return nil }
    var lo = Int64.max
    var hi = Int64.min
    for r in 0..<right.rowCount where !(isNull?(r) ?? false) {
      let k = get(r)
      if k < lo { lo = k }
      if k > hi { hi = k }
    }
    var next = [Int32](repeating: -1, count: right.rowCount)
    let span = hi >= lo ? hi.subtractingReportingOverflow(lo) : (partialValue: 0, overflow: false)
    if hi >= lo, !span.overflow, span.partialValue < Int64(max(4 * right.rowCount, 1 << 16)) {
      var first = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
      for r in stride(from: right.rowCount - 1, through: 0, by: -1) {
        if let isNull, isNull(r) { continue }
        let k = Int(get(r) &- lo)
        next[r] = first[k]
        first[k] = Int32(r)
      }
      return Chains(first: .dense(first, lo: lo), next: next)
    }
    var first: [Int64: Int32] = [:]
    for r in stride(from: right.rowCount - 1, through: 0, by: -1) {
      if let isNull, isNull(r) { continue }
      let k = get(r)
      next[r] = first[k] ?? -1
      first[k] = Int32(r)
    }
    return Chains(first: .raw(first), next: next)
  }

  func generalChains(_ right: any RowSource, _ rk: TExpr) throws(QueryError) -> Chains {
    let fn = Compiler(source: right, context: context).compile(rk)
    var first: [Value: Int32] = [:]
    var next = [Int32](repeating: -1, count: right.rowCount)
    for r in stride(from: right.rowCount - 1, through: 0, by: -1) {
      guard let k = joinKey(try fn(r)) else { continue }
      next[r] = first[k] ?? -1
      first[k] = Int32(r)
    }
    return Chains(first: .values(first), next: next)
  }

  /// The first joined row for a pipeline row, or -1.
  func leftLookup(_ f: Frame, _ lk: TExpr, rightType: ValueType, _ chains: Chains) throws(QueryError) -> (Int)
    throws(QueryError) ->
    Int
  {
    if case .dense(let first, let lo) = chains.first {
      let find: (Int64) -> Int = { k in
        let i = k &- lo
        return i >= 0 && i < first.count ? Int(first[Int(i)]) : -1
      }
      if lk.type == rightType, case .column(let c) = lk.kind,
        case .int64(let get, let isNull)? = f.source.closureReader(column: c)
      {
        if let isNull { return { r in isNull(r) ? -1 : find(get(r)) } }
        return { r in find(get(r)) }
      }
      let fn = compiler(f).compile(lk)
      let comp = compiler(f)
      return { r throws(QueryError) in
        let v = try fn(r)
        guard !v.isNull, let raw = comp.rawInt(v, columnType: rightType) else { return -1 }
        return find(raw)
      }
    }
    if case .raw(let first) = chains.first {
      if lk.type == rightType, case .column(let c) = lk.kind,
        case .int64(let get, let isNull)? = f.source.closureReader(column: c)
      {
        return { r in
          if let isNull, isNull(r) { return -1 }
          return Int(first[get(r)] ?? -1)
        }
      }
      // The right key is raw but the left is not a typed column of the same type: read
      // values and map them into the right key's raw domain (money in fen, dates as days).
      let fn = compiler(f).compile(lk)
      let comp = compiler(f)
      return { r throws(QueryError) in
        let v = try fn(r)
        guard !v.isNull, let raw = comp.rawInt(v, columnType: rightType) else { return -1 }
        return Int(first[raw] ?? -1)
      }
    }
    guard case .values(let first) = chains.first else { return { _ in -1 } }
    let fn = compiler(f).compile(lk)
    return { r throws(QueryError) in
      guard let k = joinKey(try fn(r)) else { return -1 }
      return Int(first[k] ?? -1)
    }
  }

  func joinKey(_ v: Value) -> Value? {
    if v.isNull { return nil }
    switch v {
    case .int, .decimal, .money, .percent: return .decimal(v.decimalValue!.normalized)
    default: return v
    }
  }
}

/// The rows of a join as pairs of row numbers; a missing joined row (`left join`) is -1
/// and reads as null in every joined column.
struct JoinedSource: RowSource {
  let left: any RowSource
  let right: any RowSource
  /// Empty when `leftInPlace`.
  let leftRows: [Int]
  let rightRows: [Int]
  /// Row i of the join is row i of the pipeline, for every row.
  var leftInPlace = false

  var columns: [ResultColumn] { left.columns + right.columns }
  var rowCount: Int { rightRows.count }

  func value(row: Int, column: Int) -> Value {
    let lc = left.columns.count
    if column < lc { return left.value(row: leftInPlace ? row : leftRows[row], column: column) }
    let r = rightRows[row]
    return r < 0 ? .null : right.value(row: r, column: column - lc)
  }

  func reader(column: Int) -> ColumnReader? {
    let lc = left.columns.count
    if column < lc && leftInPlace { return left.reader(column: column) }
    let rows = column < lc ? leftRows : rightRows
    let inner = column < lc ? left.closureReader(column: column) : right.closureReader(column: column - lc)
    let missing = column >= lc && rows.contains { $0 < 0 }
    switch inner {
    case .int64(let get, let isNull)?:
      let nulls: ((Int) -> Bool)?
      if let isNull {
        nulls = missing ? { rows[$0] < 0 || isNull(rows[$0]) } : { isNull(rows[$0]) }
      } else {
        nulls = missing ? { rows[$0] < 0 } : nil
      }
      return .int64(get: { rows[$0] < 0 ? 0 : get(rows[$0]) }, isNull: nulls)
    case .codes(let get, let dict)?:
      return .codes(get: { rows[$0] < 0 ? -1 : get(rows[$0]) }, dictionary: dict)
    default:
      return nil
    }
  }
}
