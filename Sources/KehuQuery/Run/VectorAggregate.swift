import KehuStore

/// One aggregate over groups, on raw integers: per-group arrays, nulls skipped; a sum,
/// average, median, minimum or maximum of no values is null, a count of none is 0.
struct VectorAggregate {
  var spec: AggregateSpec
  var groups: Groups

  static func supports(_ a: AggregateSpec, _ arg: TExpr) -> Bool {
    switch a.kind {
    case .count, .count_distinct: return arg.type.isRaw || arg.type == .text
    case .sum, .avg, .median: return arg.type == .int || arg.type == .money
    case .min, .max: return arg.type.isRaw
    }
  }

  /// The rows of `v` at `positions`.
  static func pick(_ v: Vec, _ positions: [Int]) -> Vec {
    switch v {
    case .ints(let x): return .ints(positions.map { x[$0] })
    case .codes(let c, let dict): return .codes(positions.map { c[$0] }, dict)
    }
  }

  var range: SourceRange { spec.argument?.range ?? zeroRange }

  func run(_ arg: Vec?) throws(QueryError) -> VecSource.Col {
    let g = groups.count
    let of = groups.of
    guard let arg else {
      var counts = [Int64](repeating: 0, count: g)
      for x in of { counts[Int(x)] += 1 }
      return .vec(.ints(counts))
    }
    switch (spec.kind, arg) {
    case (.count, _):
      var counts = [Int64](repeating: 0, count: g)
      for i in of.indices where !VectorAggregate.isNull(arg, i) { counts[Int(of[i])] += 1 }
      return .vec(.ints(counts))
    case (.count_distinct, _):
      return .vec(.ints(distinctCounts(arg)))
    case (.sum, .ints(let x)), (.avg, .ints(let x)):
      var sums = [Int64](repeating: 0, count: g)
      var counts = [Int64](repeating: 0, count: g)
      var overflow = false
      for i in 0..<x.count where x[i] != Vec.null {
        let k = Int(of[i])
        let (s, o) = sums[k].addingReportingOverflow(x[i])
        sums[k] = s
        counts[k] += 1
        overflow = overflow || o
      }
      if overflow || sums.contains(Vec.null) {
        throw QueryError(.runtime, Message(ArithmeticError.overflow.description), at: range)
      }
      if spec.kind == .sum {
        for k in 0..<g where counts[k] == 0 { sums[k] = Vec.null }
        return .vec(.ints(sums))
      }
      let type = spec.argument!.type
      var out: [Value] = []
      out.reserveCapacity(g)
      for k in 0..<g {
        if counts[k] == 0 {
          out.append(.null)
          continue
        }
        do throws(ArithmeticError) {
          out.append(try Accumulator.mean(Vec.value(sums[k], type), Int(counts[k]), spec.type))
        } catch { throw QueryError(.runtime, Message(error.description), at: range) }
      }
      return .values(out)
    case (.min, .ints(let x)), (.max, .ints(let x)):
      let isMin = spec.kind == .min
      var best = [Int64](repeating: Vec.null, count: g)
      for i in 0..<x.count where x[i] != Vec.null {
        let k = Int(of[i])
        if best[k] == Vec.null || (isMin ? x[i] < best[k] : x[i] > best[k]) { best[k] = x[i] }
      }
      return .vec(.ints(best))
    case (.median, .ints(let x)):
      return .values(try medians(x))
    default:
      throw QueryError(.runtime, Message("no vector kernel for {0}", "\(spec.kind)"), at: range)
    }
  }

  static func isNull(_ v: Vec, _ i: Int) -> Bool {
    switch v {
    case .ints(let x): return x[i] == Vec.null
    case .codes(let c, _): return c[i] < 0
    }
  }

  /// Distinct non-null values per group: a bitmap over (group, slot) when it is small,
  /// an open-addressing table of packed pairs otherwise.
  func distinctCounts(_ v: Vec) -> [Int64] {
    let g = groups.count
    let of = groups.of
    var counts = [Int64](repeating: 0, count: g)
    let (slot, width) = Groups.slots(v)
    let n = of.count
    let (cells, o) = UInt64(g).multipliedReportingOverflow(by: width)
    if !o && cells <= 1 << 30 {
      var bits = [UInt64](repeating: 0, count: Int(cells >> 6) + 1)
      for i in 0..<n where !VectorAggregate.isNull(v, i) {
        let k = Int(UInt64(of[i]) &* width &+ slot(i))
        let b: UInt64 = 1 << UInt64(k & 63)
        if bits[k >> 6] & b == 0 {
          bits[k >> 6] |= b
          counts[Int(of[i])] += 1
        }
      }
      return counts
    }
    var seen = Set<[UInt64]>()
    for i in 0..<n where !VectorAggregate.isNull(v, i) {
      if seen.insert([UInt64(of[i]), slot(i)]).inserted { counts[Int(of[i])] += 1 }
    }
    return counts
  }

  /// Each group's values side by side (a counting sort by group), each run sorted, then
  /// the middle one, or the mean of the middle two.
  func medians(_ x: [Int64]) throws(QueryError) -> [Value] {
    let g = groups.count
    let of = groups.of
    var start = [Int](repeating: 0, count: g + 1)
    for i in 0..<x.count where x[i] != Vec.null { start[Int(of[i]) + 1] += 1 }
    for k in 0..<g { start[k + 1] += start[k] }
    var fill = start
    var sorted = [Int64](repeating: 0, count: start[g])
    for i in 0..<x.count where x[i] != Vec.null {
      let k = Int(of[i])
      sorted[fill[k]] = x[i]
      fill[k] += 1
    }
    let type = spec.argument!.type
    var out: [Value] = []
    out.reserveCapacity(g)
    for k in 0..<g {
      let run = sorted[start[k]..<start[k + 1]].sorted()
      if run.isEmpty {
        out.append(.null)
        continue
      }
      let mid = run.count / 2
      let upper = Vec.value(run[mid], type)
      do throws(ArithmeticError) {
        out.append(
          try Accumulator.median(
            lower: run.count % 2 == 1 ? nil : Vec.value(run[mid - 1], type), upper: upper,
            argumentType: type, type: spec.type))
      } catch { throw QueryError(.runtime, Message(error.description), at: range) }
    }
    return out
  }
}
