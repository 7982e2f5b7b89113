import KehuStore

/// The loops under the kernels: the operands' shapes (vector or constant) are decided
/// once, outside the loop, so each loop runs over plain buffers with no switch per row;
/// the positions are split among the workers (`Morsels`).
extension Kernels {
  /// `body(i, x[i], y[i], &flag)` for every position, and whether any part raised its flag.
  @inline(__always)
  func each(_ x: Operand, _ y: Operand, _ body: (Int, Int64, Int64, inout Bool) -> Int64) -> (
    values: [Int64], flagged: Bool
  ) {
    let n = self.n
    var flagged = false
    let values = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      let flags = Morsels.map(n, workers: evaluator.context.workers) { part in
        var flag = false
        switch (x, y) {
        case (.vec(let a), .vec(let b)):
          a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
              for i in part { out.value[i] = body(i, pa[i], pb[i], &flag) }
            }
          }
        case (.vec(let a), .constant(let k)):
          let q = k ?? Vec.null
          a.withUnsafeBufferPointer { pa in
            for i in part { out.value[i] = body(i, pa[i], q, &flag) }
          }
        case (.constant(let k), .vec(let b)):
          let p = k ?? Vec.null
          b.withUnsafeBufferPointer { pb in
            for i in part { out.value[i] = body(i, p, pb[i], &flag) }
          }
        case (.constant(let j), .constant(let k)):
          let p = j ?? Vec.null
          let q = k ?? Vec.null
          for i in part { out.value[i] = body(i, p, q, &flag) }
        }
        return flag
      }
      flagged = flags.contains(true)
      count = n
    }
    return (values, flagged)
  }

  /// `x op y` with nulls: `==` and `!=` compare null as a value (null == null), the
  /// order comparisons are false when either side is null. 1 for true, 0 otherwise.
  func compareLoop(_ op: BinaryOp, _ x: Operand, _ y: Operand) -> [Int64] {
    let null = Vec.null
    switch op {
    case .eq: return each(x, y) { _, p, q, _ in p == q ? 1 : 0 }.values
    case .ne: return each(x, y) { _, p, q, _ in p != q ? 1 : 0 }.values
    case .lt: return each(x, y) { _, p, q, _ in p < q && p != null ? 1 : 0 }.values
    case .le: return each(x, y) { _, p, q, _ in p <= q && p != null && q != null ? 1 : 0 }.values
    case .gt: return each(x, y) { _, p, q, _ in p > q && q != null ? 1 : 0 }.values
    default: return each(x, y) { _, p, q, _ in p >= q && p != null && q != null ? 1 : 0 }.values
    }
  }

  /// `x op y` on raw integers with overflow checks; null in, null out. nil on overflow
  /// (a result landing on the null marker counts as overflow too).
  func arithmeticLoop(_ op: BinaryOp, _ x: Operand, _ y: Operand) -> [Int64]? {
    let null = Vec.null
    let out: (values: [Int64], flagged: Bool)
    switch op {
    case .add:
      out = each(x, y) { _, p, q, bad in
        if p == null || q == null { return null }
        let (v, o) = p.addingReportingOverflow(q)
        bad = bad || o || v == null
        return v
      }
    case .sub:
      out = each(x, y) { _, p, q, bad in
        if p == null || q == null { return null }
        let (v, o) = p.subtractingReportingOverflow(q)
        bad = bad || o || v == null
        return v
      }
    default:
      out = each(x, y) { _, p, q, bad in
        if p == null || q == null { return null }
        let (v, o) = p.multipliedReportingOverflow(by: q)
        bad = bad || o || v == null
        return v
      }
    }
    return out.flagged ? nil : out.values
  }
}
