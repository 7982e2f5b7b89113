import KehuStore

/// The loops under the kernels: the operands' shapes (vector or constant) are decided
/// once, outside the loop, so each loop runs over plain buffers with no switch per row.
extension Kernels {
  @inline(__always)
  func each(_ x: Operand, _ y: Operand, _ body: (Int, Int64, Int64) -> Int64) -> [Int64] {
    let n = self.n
    return [Int64](unsafeUninitializedCapacity: n) { out, count in
      switch (x, y) {
      case (.vec(let a), .vec(let b)):
        a.withUnsafeBufferPointer { pa in
          b.withUnsafeBufferPointer { pb in
            for i in 0..<n { out[i] = body(i, pa[i], pb[i]) }
          }
        }
      case (.vec(let a), .constant(let k)):
        let q = k ?? Vec.null
        a.withUnsafeBufferPointer { pa in
          for i in 0..<n { out[i] = body(i, pa[i], q) }
        }
      case (.constant(let k), .vec(let b)):
        let p = k ?? Vec.null
        b.withUnsafeBufferPointer { pb in
          for i in 0..<n { out[i] = body(i, p, pb[i]) }
        }
      case (.constant(let j), .constant(let k)):
        let p = j ?? Vec.null
        let q = k ?? Vec.null
        for i in 0..<n { out[i] = body(i, p, q) }
      }
      count = n
    }
  }

  /// `x op y` with nulls: `==` and `!=` compare null as a value (null == null), the
  /// order comparisons are false when either side is null. 1 for true, 0 otherwise.
  func compareLoop(_ op: BinaryOp, _ x: Operand, _ y: Operand) -> [Int64] {
    let null = Vec.null
    switch op {
    case .eq: return each(x, y) { _, p, q in p == q ? 1 : 0 }
    case .ne: return each(x, y) { _, p, q in p != q ? 1 : 0 }
    case .lt: return each(x, y) { _, p, q in p < q && p != null ? 1 : 0 }
    case .le: return each(x, y) { _, p, q in p <= q && p != null && q != null ? 1 : 0 }
    case .gt: return each(x, y) { _, p, q in p > q && q != null ? 1 : 0 }
    default: return each(x, y) { _, p, q in p >= q && p != null && q != null ? 1 : 0 }
    }
  }

  /// `x op y` on raw integers with overflow checks; null in, null out. nil on overflow
  /// (a result landing on the null marker counts as overflow too).
  func arithmeticLoop(_ op: BinaryOp, _ x: Operand, _ y: Operand) -> [Int64]? {
    let null = Vec.null
    var bad = false
    let out: [Int64]
    switch op {
    case .add:
      out = each(x, y) { _, p, q in
        if p == null || q == null { return null }
        let (v, o) = p.addingReportingOverflow(q)
        bad = bad || o || v == null
        return v
      }
    case .sub:
      out = each(x, y) { _, p, q in
        if p == null || q == null { return null }
        let (v, o) = p.subtractingReportingOverflow(q)
        bad = bad || o || v == null
        return v
      }
    default:
      out = each(x, y) { _, p, q in
        if p == null || q == null { return null }
        let (v, o) = p.multipliedReportingOverflow(by: q)
        bad = bad || o || v == null
        return v
      }
    }
    return bad ? nil : out
  }
}
