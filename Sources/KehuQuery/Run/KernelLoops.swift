import KehuStore

/// The loops under the kernels: the operands' shapes (vector or constant) are decided
/// once, outside the loop, so each loop runs over plain buffers with no switch per row;
/// the positions are split among the workers (`Morsels`).
extension Kernels {
  /// `body(i, x[i], y[i], &flag)` for every position, and whether any part raised its flag.
  /// A vector or stored column is read through its address; one part (a batch, or one
  /// worker) runs straight, with no `Morsels` around it.
  @inline(__always)
  func each(_ x: Operand, _ y: Operand, _ body: (Int, Int64, Int64, inout Bool) -> Int64) -> (
    values: [Int64], flagged: Bool
  ) {
    let n = self.n
    var flagged = false
    let values = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      count = n
      guard let out = buffer.baseAddress else { return }
      x.withBase { px, kx in
        y.withBase { py, ky in
          func run(_ part: Range<Int>) -> Bool {
            var flag = false
            switch (px, py) {
            case (let a?, let b?):
              for i in part { out[i] = body(i, a[i], b[i], &flag) }
            case (let a?, nil):
              for i in part { out[i] = body(i, a[i], ky, &flag) }
            case (nil, let b?):
              for i in part { out[i] = body(i, kx, b[i], &flag) }
            case (nil, nil):
              for i in part { out[i] = body(i, kx, ky, &flag) }
            }
            return flag
          }
          if Morsels.parts(n, evaluator.context.workers) == 1 {
            flagged = run(0..<n)
          } else {
            flagged = Morsels.map(n, workers: evaluator.context.workers, run).contains(true)
          }
        }
      }
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
