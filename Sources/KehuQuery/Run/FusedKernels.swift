import KehuStore

/// A `where` fused into the totals of the `summarize` after it (no `by`): per batch, the
/// condition as a 0/1 mask and each aggregate's argument over the whole batch, then one
/// loop per aggregate that adds the rows the mask keeps. No selection is written and no
/// argument is gathered through one. Any condition and any argument with a kernel fuse
/// this way; nothing depends on the query's shape.
///
/// The arguments are computed for rows the filter drops too, so a kernel that refuses one
/// of them (an overflow on a dropped row) must not decide the query: the caller then runs
/// the batch the unfused way (filter, then the arguments at the rows kept), which throws
/// only for a row that is kept.
extension Kernels {
  /// Adds the batch's kept rows to `totals` (one per aggregate); false, with `totals`
  /// untouched, when the condition or an argument has no kernel. A stored argument is
  /// read in place.
  func fusedTotals(_ cond: TExpr, _ aggs: [AggregateSpec], into totals: inout [Totals]) throws(QueryError)
    -> Bool
  {
    guard let mask = try condition(cond), mask.count == n else { return false }
    var args: [Operand?] = []
    for a in aggs {
      guard let arg = a.argument else {
        args.append(nil)
        continue
      }
      guard let x = try operand(arg, arg.type, inPlace: true) else { return false }
      if case .constant = x { return false }
      if case .vec(let v) = x, v.count != n { return false }
      args.append(x)
    }
    var kept = 0
    mask.withUnsafeBufferPointer { m in
      for b in m { kept &+= Int(b) }
    }
    mask.withUnsafeBufferPointer { m in
      guard let m = m.baseAddress else { return }
      for j in aggs.indices {
        if let x = args[j] {
          x.withBase { p, _ in if let p { totals[j].add(p, mask: m, n, Totals.Need(aggs[j].kind)) } }
        } else {
          totals[j].rows &+= kept
        }
      }
    }
    return true
  }
}

extension Totals {
  /// `add` of the values whose mask is 1 (the mask is 0/1), branch-free: a dropped or
  /// null value adds 0 to the sum and leaves the least and greatest as they are.
  mutating func add(_ x: UnsafePointer<Int64>, mask m: UnsafePointer<Int64>, _ n: Int, _ need: Need) {
    var (c, s, lo, hi, r) = (count, sum, least, most, rows)
    switch need {
    case .count:
      for i in 0..<n {
        r &+= Int(m[i])
        c &+= Int(m[i] & (x[i] == Vec.null ? 0 : 1))
      }
    case .sum:
      for i in 0..<n {
        let v = x[i]
        let keep = m[i] & (v == Vec.null ? 0 : 1)
        r &+= Int(m[i])
        c &+= Int(keep)
        s &+= Int128(v & (0 &- keep))
      }
    case .range:
      for i in 0..<n {
        let v = x[i]
        let keep = m[i] & (v == Vec.null ? 0 : 1)
        r &+= Int(m[i])
        c &+= Int(keep)
        lo = Swift.min(lo, keep != 0 ? v : Int64.max)
        hi = Swift.max(hi, keep != 0 ? v : Int64.min + 1)
      }
    }
    (count, sum, least, most, rows) = (c, s, lo, hi, r)
  }
}
