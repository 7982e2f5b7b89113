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
        guard let x = try k.operand(arg, arg.type, inPlace: true) else { return false }
        guard case .constant = x else {
          x.withBase { p, _ in if let p { totals[j].add(p, k.n, Totals.Need(a.kind)) } }
          continue
        }
        return false
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

/// One aggregate's running totals over raw integers: the non-null values' count, exact
/// sum (in 128 bits, so no add can overflow; whether it fits 64 bits is decided once, at
/// the end), least and greatest; `rows` counts rows for `count()`. A loop works out only
/// what its aggregate reads (`Need`), branch-free.
struct Totals {
  var rows = 0
  var count = 0
  var sum: Int128 = 0
  var least = Int64.max
  var most = Int64.min + 1

  /// What an aggregate reads of its values: their count always (a sum of none is null),
  /// the sum for `sum` and `avg`, the least and greatest for `min` and `max`.
  enum Need {
    case count, sum, range

    init(_ kind: AggregateKind) {
      switch kind {
      case .sum, .avg: self = .sum
      case .min, .max: self = .range
      default: self = .count
      }
    }
  }

  /// Adds the values at x[0..<n] (all rows).
  mutating func add(_ x: UnsafePointer<Int64>, _ n: Int, _ need: Need) {
    var (c, s, lo, hi) = (count, sum, least, most)
    switch need {
    case .count:
      for i in 0..<n { c &+= x[i] == Vec.null ? 0 : 1 }
    case .sum:
      for i in 0..<n {
        let v = x[i]
        let keep: Int64 = v == Vec.null ? 0 : 1
        c &+= Int(keep)
        s &+= Int128(v & (0 &- keep))
      }
    case .range:
      for i in 0..<n {
        let v = x[i]
        let on = v != Vec.null
        c &+= on ? 1 : 0
        lo = Swift.min(lo, on ? v : Int64.max)
        hi = Swift.max(hi, on ? v : Int64.min + 1)
      }
    }
    (count, sum, least, most) = (c, s, lo, hi)
    rows &+= n
  }

  mutating func add(_ x: [Int64], _ need: Need) {
    x.withUnsafeBufferPointer { p in
      if let b = p.baseAddress { add(b, p.count, need) }
    }
  }

  mutating func merge(_ o: Totals) {
    rows &+= o.rows
    count &+= o.count
    sum &+= o.sum
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
      guard let sum = Int64(exactly: sum), sum != Vec.null else { throw overflow() }
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
