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
  /// untouched, when the condition or an argument has no kernel.
  func fusedTotals(_ cond: TExpr, _ aggs: [AggregateSpec], into totals: inout [Totals]) throws(QueryError)
    -> Bool
  {
    guard let mask = try condition(cond) else { return false }
    var args: [[Int64]?] = []
    for a in aggs {
      guard let arg = a.argument else {
        args.append(nil)
        continue
      }
      guard case .ints(let x)? = try vector(arg), x.count == mask.count else { return false }
      args.append(x)
    }
    var kept = 0
    mask.withUnsafeBufferPointer { m in
      for b in m { kept &+= Int(b) }
    }
    for j in aggs.indices {
      if let x = args[j] {
        totals[j].add(x, mask: mask)
      } else {
        totals[j].rows &+= kept
      }
    }
    return true
  }
}

extension Totals {
  /// `add` of the values whose mask is 1 (the mask is 0/1), branch-free: a dropped or
  /// null value adds 0 to the sum and leaves the least and greatest as they are. A sum
  /// passing 64 bits is carried as in `add`, so the result is exact.
  mutating func add(_ x: [Int64], mask: [Int64]) {
    var (c, s, k, lo, hi, r) = (count, sum, carry, least, most, rows)
    x.withUnsafeBufferPointer { x in
      mask.withUnsafeBufferPointer { m in
        for i in 0..<x.count {
          let v = x[i]
          let on = m[i]
          r &+= Int(on)
          let keep = on & (v == Vec.null ? 0 : 1)
          c &+= Int(keep)
          let w = v & (0 &- keep)
          let (t, o) = s.addingReportingOverflow(w)
          s = t
          if o { k &+= w < 0 ? -1 : 1 }
          lo = Swift.min(lo, keep != 0 ? v : Int64.max)
          hi = Swift.max(hi, keep != 0 ? v : Int64.min + 1)
        }
      }
    }
    (count, sum, carry, least, most, rows) = (c, s, k, lo, hi, r)
  }
}
