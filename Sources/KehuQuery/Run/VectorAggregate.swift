import KehuStore

/// One aggregate over groups, on raw integers: per-group arrays, nulls skipped; a sum,
/// average, median, minimum or maximum of no values is null, a count of none is 0.
struct VectorAggregate {
  var spec: AggregateSpec
  var groups: Groups
  /// Threads the sums may use; any number gives exactly what one gives.
  var workers = 1

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

  /// `shared`: the sums of this argument already taken (with the rows of each group, see
  /// `sums`), so they are not taken again.
  func run(_ arg: Vec?, shared: Sums? = nil) throws(QueryError) -> VecSource.Col {
    let g = groups.count
    let of = groups.of
    guard let arg else {
      if let rows = shared?.rows { return .vec(.ints(rows)) }
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
      // A sum alone over values with no null counts nothing: every group has a row, so
      // every group has a value (the counts only tell a sum of none from 0).
      let counted = shared != nil || spec.kind == .avg || x.contains(Vec.null)
      let total = shared ?? VectorAggregate.sums(x, of, groups: g, workers: workers, counts: counted)
      var sums = total.sums
      let counts = total.counts
      if !total.fits || sums.contains(Vec.null) {
        throw QueryError(.runtime, Message(ArithmeticError.overflow.description), at: range)
      }
      if spec.kind == .sum {
        if counted { for k in 0..<g where counts[k] == 0 { sums[k] = Vec.null } }
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

  /// Per group: the sum and the count of the non-null values, and whether every sum fits
  /// in 64 bits. Each worker sums its own part of the rows; a sum that passes the 64-bit
  /// range is counted in a carry (its true value is sum + carry·2⁶⁴), so the totals, and
  /// whether they fit, do not depend on the order of adding nor on the number of workers.
  /// With `rows`, the same pass also counts each group's rows, nulls included (what
  /// `count()` asks), so a summarize with both takes one pass.
  /// Without `counts` (nor `rows`), the loop only sums, and `Sums.counts` is empty.
  static func sums(
    _ x: [Int64], _ of: [Int32], groups g: Int, workers: Int, rows: Bool = false, counts counted: Bool = true
  ) -> Sums {
    let parts = Morsels.map(x.count, workers: workers) { part in
      var sums = [Int64](repeating: 0, count: g)
      var counts = [Int64](repeating: 0, count: counted || rows ? g : 0)
      var carries = [Int64](repeating: 0, count: g)
      var all = [Int64](repeating: 0, count: rows ? g : 0)
      x.withUnsafeBufferPointer { x in
        of.withUnsafeBufferPointer { of in
          sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { c in
              carries.withUnsafeMutableBufferPointer { carry in
                all.withUnsafeMutableBufferPointer { all in
                  if rows {
                    for i in part {
                      let v = x[i]
                      let k = Int(of[i])
                      all[k] &+= 1
                      if v == Vec.null { continue }
                      let (r, o) = s[k].addingReportingOverflow(v)
                      s[k] = r
                      c[k] &+= 1
                      if o { carry[k] &+= v < 0 ? -1 : 1 }
                    }
                  } else if !counted {
                    for i in part {
                      let v = x[i]
                      let k = Int(of[i])
                      let (r, o) = s[k].addingReportingOverflow(v)
                      s[k] = r
                      if o { carry[k] &+= v < 0 ? -1 : 1 }
                    }
                  } else {
                    for i in part {
                      let v = x[i]
                      if v == Vec.null { continue }
                      let k = Int(of[i])
                      let (r, o) = s[k].addingReportingOverflow(v)
                      s[k] = r
                      c[k] &+= 1
                      if o { carry[k] &+= v < 0 ? -1 : 1 }
                    }
                  }
                }
              }
            }
          }
        }
      }
      return (sums, counts, carries, all)
    }
    var (sums, counts, carries, all) = parts[0]
    for p in parts.dropFirst() {
      for k in 0..<g {
        let (r, o) = sums[k].addingReportingOverflow(p.0[k])
        if o { carries[k] &+= p.0[k] < 0 ? -1 : 1 }
        carries[k] &+= p.2[k]
        sums[k] = r
      }
      for k in counts.indices { counts[k] &+= p.1[k] }
      if rows { for k in 0..<g { all[k] &+= p.3[k] } }
    }
    return Sums(sums: sums, counts: counts, fits: !carries.contains { $0 != 0 }, rows: rows ? all : nil)
  }

  /// Per group: the sum and count of the non-null values, whether every sum fits in 64
  /// bits, and (when asked) the count of rows.
  struct Sums {
    var sums: [Int64]
    var counts: [Int64]
    var fits: Bool
    var rows: [Int64]?
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

  /// Each group's values side by side (a counting sort by group), then in each run the
  /// middle one picked by selection (no full sort), or the mean of the middle two.
  func medians(_ x: [Int64]) throws(QueryError) -> [Value] {
    let g = groups.count
    let of = groups.of
    var start = [Int](repeating: 0, count: g + 1)
    for i in 0..<x.count where x[i] != Vec.null { start[Int(of[i]) + 1] += 1 }
    for k in 0..<g { start[k + 1] += start[k] }
    var fill = start
    var values = [Int64](repeating: 0, count: start[g])
    for i in 0..<x.count where x[i] != Vec.null {
      let k = Int(of[i])
      values[fill[k]] = x[i]
      fill[k] += 1
    }
    let type = spec.argument!.type
    var out: [Value] = []
    out.reserveCapacity(g)
    for k in 0..<g {
      let count = start[k + 1] - start[k]
      if count == 0 {
        out.append(.null)
        continue
      }
      let mid = count / 2
      var upper: Int64 = 0
      var lower: Int64?
      values.withUnsafeMutableBufferPointer { all in
        let run = UnsafeMutableBufferPointer(rebasing: all[start[k]..<start[k + 1]])
        upper = NthValue.nth(run, mid)
        // Everything before `mid` is now at most the middle value: the lower middle is
        // the largest of them.
        if count % 2 == 0 { lower = run[0..<mid].max() }
      }
      do throws(ArithmeticError) {
        out.append(
          try Accumulator.median(
            lower: lower.map { Vec.value($0, type) }, upper: Vec.value(upper, type),
            argumentType: type, type: spec.type))
      } catch { throw QueryError(.runtime, Message(error.description), at: range) }
    }
    return out
  }
}

/// Picking the k-th smallest of a run in place (quickselect, median-of-three pivots; a
/// run that keeps splitting badly is sorted instead): afterwards `run[k]` is that value,
/// with nothing larger before it and nothing smaller after it.
enum NthValue {
  static func nth(_ run: UnsafeMutableBufferPointer<Int64>, _ k: Int) -> Int64 {
    var lo = 0
    var hi = run.count - 1
    var budget = 2 * (Int.bitWidth - run.count.leadingZeroBitCount) + 8
    while hi - lo > 16 {
      budget -= 1
      if budget == 0 {
        var part = UnsafeMutableBufferPointer(rebasing: run[lo...hi])
        part.sort()
        return run[k]
      }
      let m = lo + (hi - lo) / 2
      if run[m] < run[lo] { run.swapAt(m, lo) }
      if run[hi] < run[lo] { run.swapAt(hi, lo) }
      if run[hi] < run[m] { run.swapAt(hi, m) }
      let pivot = run[m]
      var i = lo
      var j = hi
      while i <= j {
        while run[i] < pivot { i += 1 }
        while run[j] > pivot { j -= 1 }
        if i <= j {
          run.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      // lo...j ≤ pivot, i...hi ≥ pivot, and anything between equals the pivot.
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return run[k]
      }
    }
    var part = UnsafeMutableBufferPointer(rebasing: run[lo...hi])
    part.sort()
    return run[k]
  }
}
