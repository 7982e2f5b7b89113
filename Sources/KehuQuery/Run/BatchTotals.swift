import KehuStore

/// `summarize` without `by` (after an optional `where`), batch by batch: each batch's rows
/// that pass are aggregated as soon as they are known (the filter fused into the totals'
/// loops where it can, see `FusedKernels`), so neither the selection of every
/// row nor a vector per argument over all of them is ever built. Each worker totals its
/// own run of batches; the partial totals merge in order, with the sums' carries (see
/// `VectorAggregate.sums`), so any number of workers gives what one gives.
extension Evaluator {
  /// nil when an aggregate or the condition has no kernel (the caller then filters and
  /// summarizes as two steps).
  func batchTotals(_ f: Frame, where cond: TExpr?, _ aggs: [AggregateSpec], _ outputs: [TExpr])
    throws(QueryError) -> VecSource?
  {
    for a in aggs {
      guard a.kind != .median, a.kind != .count_distinct else { return nil }
      if let arg = a.argument, !VectorAggregate.supports(a, arg) || !arg.type.isRaw { return nil }
    }
    let batches = Batches(
      f, reading: (cond.map { [$0] } ?? []) + aggs.compactMap(\.argument), evaluator: self)
    let parts = try batches.run(workers: context.workers, { aggs.map { _ in Totals() } }) {
      totals, batch throws(QueryError) in
      var k = batch
      if let cond {
        // Filter and totals in one loop; a refusal (an argument's overflow on a row the
        // filter may drop) sends the batch the unfused way, which decides it.
        var fused = totals
        if (try? batch.fusedTotals(cond, aggs, into: &fused)) == true {
          totals = fused
          return true
        }
        guard let kept = try batch.kernelSelect(cond) else { return false }
        // A batch that passed whole is still one block of rows.
        if kept.count < batch.n { k.frame = Frame(source: batch.frame.source, selection: kept) }
      }
      for (j, a) in aggs.enumerated() {
        guard let arg = a.argument else {
          totals[j].rows &+= k.n
          continue
        }
        guard case .ints(let x)? = try k.vector(arg) else { return false }
        totals[j].add(x)
      }
      return true
    }
    guard let parts else { return nil }
    var totals = aggs.map { _ in Totals() }
    for p in parts {
      for j in totals.indices { totals[j].merge(p[j]) }
    }
    var slots: [VecSource.Col] = []
    for (a, t) in zip(aggs, totals) {
      slots.append(try t.result(a))
    }
    return try summaryColumns(keys: [], keyCols: [], groups: Groups(single: 1), aggs, slots, outputs)
  }
}

/// One aggregate's running totals over raw integers: the non-null values' count, sum (with
/// its carry past 64 bits), least and greatest; `rows` counts rows for `count()`.
struct Totals {
  var rows = 0
  var count = 0
  var sum: Int64 = 0
  var carry: Int64 = 0
  var least = Int64.max
  var most = Int64.min + 1

  mutating func add(_ x: [Int64]) {
    var (c, s, k, lo, hi) = (count, sum, carry, least, most)
    x.withUnsafeBufferPointer { x in
      for v in x where v != Vec.null {
        c &+= 1
        let (r, o) = s.addingReportingOverflow(v)
        s = r
        if o { k &+= v < 0 ? -1 : 1 }
        lo = Swift.min(lo, v)
        hi = Swift.max(hi, v)
      }
    }
    (count, sum, carry, least, most) = (c, s, k, lo, hi)
    rows &+= x.count
  }

  mutating func merge(_ o: Totals) {
    rows &+= o.rows
    count &+= o.count
    let (r, over) = sum.addingReportingOverflow(o.sum)
    if over { carry &+= o.sum < 0 ? -1 : 1 }
    carry &+= o.carry
    sum = r
    least = Swift.min(least, o.least)
    most = Swift.max(most, o.most)
  }

  func result(_ a: AggregateSpec) throws(QueryError) -> VecSource.Col {
    let range = a.argument?.range ?? zeroRange
    func overflow() -> QueryError {
      QueryError(.runtime, Message(ArithmeticError.overflow.description), at: range)
    }
    switch a.kind {
    case .count: return .vec(.ints([Int64(a.argument == nil ? rows : count)]))
    case .min: return .vec(.ints([count == 0 ? Vec.null : least]))
    case .max: return .vec(.ints([count == 0 ? Vec.null : most]))
    case .sum, .avg:
      if carry != 0 || sum == Vec.null { throw overflow() }
      if count == 0 { return a.kind == .sum ? .vec(.ints([Vec.null])) : .values([.null]) }
      if a.kind == .sum { return .vec(.ints([sum])) }
      do throws(ArithmeticError) {
        return .values([try Accumulator.mean(Vec.value(sum, a.argument!.type), count, a.type)])
      } catch { throw QueryError(.runtime, Message(error.description), at: range) }
    case .median, .count_distinct:
      throw QueryError(.runtime, Message("no vector kernel for {0}", "\(a.kind)"), at: range)
    }
  }
}
