import KehuStore

/// `where`: the rows of the frame for which the condition is true, in order. `and` narrows
/// the selection term by term, so each later term is worked out only for the rows still
/// in; a comparison of a stored integer column with a constant runs over the storage
/// itself, writing positions; any other term runs batch by batch (`Batches`), so its kernels' vectors stay small and in the
/// cache, and a term with no kernel (decimal arithmetic, the chapter's functions) is asked
/// row by row. Same null rules everywhere: a null fails every comparison but `!=`.
extension Kernels {
  func select(_ cond: TExpr) throws(QueryError) -> [Int] {
    try evaluator.context.checkCancelled()
    if case .and(let a, let b) = cond.kind {
      let first = try select(a)
      let rest = Kernels(evaluator: evaluator, frame: Evaluator.Frame(source: frame.source, selection: first))
      return try rest.select(b)
    }
    if let kept = scan(cond) { return trimmed(kept) }
    if n > Batches.size {
      if let kept = try batched(cond) { return trimmed(kept) }
    } else if let kept = try kernelSelect(cond) {
      return trimmed(kept)
    }
    let p = Compiler(source: frame.source, context: evaluator.context).predicate(cond)
    var kept: [Int] = []
    for i in 0..<n {
      if i & 0xFFFF == 0xFFFF { try evaluator.context.checkCancelled() }
      let r = frame.row(i)
      if try p(r) { kept.append(r) }
    }
    return kept
  }

  /// `kernelSelect` batch by batch; nil when the condition has no kernel.
  func batched(_ cond: TExpr) throws(QueryError) -> [Int]? {
    let batches = Batches(frame, reading: [cond], evaluator: evaluator)
    guard
      let parts = try batches.run(
        workers: evaluator.context.workers, { [Int]() },
        { kept, k throws(QueryError) in
          guard let got = try k.kernelSelect(cond) else { return false }
          kept.append(contentsOf: got)
          return true
        })
    else { return nil }
    if parts.count == 1 { return parts[0] }
    var out: [Int] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for p in parts { out.append(contentsOf: p) }
    return out
  }

  /// The rows of the frame that pass, by kernels only; nil when the condition has none.
  func kernelSelect(_ cond: TExpr) throws(QueryError) -> [Int]? {
    try evaluator.context.checkCancelled()
    if let kept = scan(cond) { return kept }
    if let kept = try scanVector(cond) { return kept }
    guard let bits = try condition(cond) else { return nil }
    let rows = frame.rows
    return [Int](unsafeUninitializedCapacity: bits.count) { out, count in
      var k = 0
      bits.withUnsafeBufferPointer { b in
        for i in 0..<b.count {
          out[k] = rows[i]
          k &+= Int(b[i])
        }
      }
      count = k
    }
  }

  /// An expression compared with a constant: the expression's vector, then the positions
  /// that pass written straight out (no 0/1 vector between).
  func scanVector(_ t: TExpr) throws(QueryError) -> [Int]? {
    guard case .compare(var op, var a, var b) = t.kind else { return nil }
    if a.constantValue != nil {
      swap(&a, &b)
      op = op.flipped
    }
    guard a.type.isRaw, let k = b.constantValue, !k.isNull,
      let raw = Compiler(source: frame.source, context: evaluator.context).rawInt(k, columnType: a.type),
      case .vec(let x)? = try operand(a, a.type)
    else { return nil }
    let kept = Kernels.filterLoop(x, null: Vec.null, op: op, raw: raw, .range(0..<x.count), 1)
    let rows = frame.rows
    return rows.isIdentity ? kept : kept.map { rows[$0] }
  }

  /// The loops allocate room for every row; give back what a selective filter left over.
  func trimmed(_ kept: [Int]) -> [Int] {
    guard kept.count < kept.capacity / 4 else { return kept }
    var small: [Int] = []
    small.reserveCapacity(kept.count)
    small.append(contentsOf: kept)
    return small
  }

  /// A stored integer column compared with a constant, straight over its storage.
  func scan(_ t: TExpr) -> [Int]? {
    guard case .compare(var op, var a, var b) = t.kind else { return nil }
    if a.constantValue != nil {
      swap(&a, &b)
      op = op.flipped
    }
    guard case .column(let c) = a.kind, let k = b.constantValue, !k.isNull else { return nil }
    let comp = Compiler(source: frame.source, context: evaluator.context)
    let sel: Evaluator.Frame.Selection =
      frame.selection.map { .rows($0) } ?? .range(frame.span ?? 0..<frame.source.rowCount)
    let workers = evaluator.context.workers
    switch frame.source.reader(column: c) {
    case .int64s(let arr, let null)?:
      guard let raw = comp.rawInt(k, columnType: a.type) else { return nil }
      return Kernels.filterLoop(arr, null: null, op: op, raw: raw, sel, workers)
    case .int32s(let arr, let null)?:
      guard let raw64 = comp.rawInt(k, columnType: a.type), let raw = Int32(exactly: raw64) else {
        return nil
      }
      return Kernels.filterLoop(arr, null: null, op: op, raw: raw, sel, workers)
    default:
      return nil
    }
  }

  static func filterLoop<T: FixedWidthInteger>(
    _ a: [T], null: T?, op: BinaryOp, raw: T, _ sel: Evaluator.Frame.Selection, _ workers: Int
  )
    -> [Int]
  {
    guard let null else {
      switch op {
      case .eq: return loop(a, sel, workers) { $0 == raw }
      case .ne: return loop(a, sel, workers) { $0 != raw }
      case .lt: return loop(a, sel, workers) { $0 < raw }
      case .le: return loop(a, sel, workers) { $0 <= raw }
      case .gt: return loop(a, sel, workers) { $0 > raw }
      default: return loop(a, sel, workers) { $0 >= raw }
      }
    }
    switch op {
    case .eq: return loop(a, sel, workers) { $0 == raw && $0 != null }
    case .ne: return loop(a, sel, workers) { $0 != raw || $0 == null }
    case .lt: return loop(a, sel, workers) { $0 < raw && $0 != null }
    case .le: return loop(a, sel, workers) { $0 <= raw && $0 != null }
    case .gt: return loop(a, sel, workers) { $0 > raw && $0 != null }
    default: return loop(a, sel, workers) { $0 >= raw && $0 != null }
    }
  }

  /// Branch-free: every row's index is written and the count moves on only when the
  /// test holds, so a condition true for half the rows costs no mispredicted branches.
  /// Each worker scans its own part of the rows; the parts' positions join in order.
  @inline(__always)
  static func loop<T>(_ a: [T], _ sel: Evaluator.Frame.Selection, _ workers: Int, _ test: (T) -> Bool)
    -> [Int]
  {
    a.withUnsafeBufferPointer { p in
      switch sel {
      case .range(let range):
        let base = range.lowerBound
        return Morsels.positions(range.count, workers: workers) { part in
          [Int](unsafeUninitializedCapacity: part.count) { out, count in
            var k = 0
            for i in part {
              let r = base &+ i
              out[k] = r
              k &+= test(p[r]) ? 1 : 0
            }
            count = k
          }
        }
      case .rows(let rows):
        return rows.withUnsafeBufferPointer { rows in
          Morsels.positions(rows.count, workers: workers) { part in
            [Int](unsafeUninitializedCapacity: part.count) { out, count in
              var k = 0
              for i in part {
                let r = rows[i]
                out[k] = r
                k &+= test(p[r]) ? 1 : 0
              }
              count = k
            }
          }
        }
      }
    }
  }
}

extension Evaluator.Frame {
  enum Selection {
    /// The rows of the range, in order.
    case range(Range<Int>)
    case rows([Int])
  }
}
