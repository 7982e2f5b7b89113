import KehuStore

/// The fast path of `summarize`: at most one key that is a typed column, and aggregates
/// that are `count()` or count/sum/avg/min/max of an int or money column. Groups are
/// found by direct indexing when the keys are dense (codes, or ids in a narrow range) and
/// by a dictionary of raw integers otherwise; sums stay raw integers with overflow checks.
/// No `Value` is built per row. Anything else takes the general path (returns nil).
extension Evaluator {
  struct RawAggregate {
    var kind: AggregateKind
    var get: ((Int) -> Int64)?
    var isNull: ((Int) -> Bool)?
    var type: ValueType
    var argumentType: ValueType
    var range: SourceRange?
  }

  func fastGroups(_ f: Frame, _ keys: [TExpr], _ aggs: [AggregateSpec]) throws(QueryError)
    -> ([[Value]], [[Value]])?
  {
    guard keys.count <= 1 else { return nil }
    var raws: [RawAggregate] = []
    for a in aggs {
      guard let arg = a.argument else {
        raws.append(RawAggregate(kind: .count, type: .int, argumentType: .int))
        continue
      }
      guard [.count, .sum, .avg, .min, .max].contains(a.kind), arg.type == .int || arg.type == .money,
        case .column(let c) = arg.kind, case .int64(let get, let isNull)? = f.source.reader(column: c)
      else { return nil }
      raws.append(
        RawAggregate(
          kind: a.kind, get: get, isNull: isNull, type: a.type, argumentType: arg.type, range: arg.range))
    }
    // Key: a raw integer per row, plus how to turn it back into a value.
    var keyOf: ((Int) -> Int64)?
    var keyNull: ((Int) -> Bool)?
    var makeKey: (Int64) -> Value = { _ in .null }
    var denseLimit: Int64?
    if let k = keys.first {
      guard case .column(let c) = k.kind else { return nil }
      switch f.source.reader(column: c) {
      case .int64(let get, let isNull)?:
        switch k.type {
        case .int: makeKey = { .int($0) }
        case .money: makeKey = { .money(Money(fen: $0)) }
        case .date: makeKey = { .date(Day(number: Int32(truncatingIfNeeded: $0))) }
        case .duration: makeKey = { .duration(Int32(truncatingIfNeeded: $0)) }
        case .bool: makeKey = { .bool($0 != 0) }
        default: return nil
        }
        keyOf = get
        keyNull = isNull
      case .codes(let get, let dict)?:
        let texts = dict.map { Value.text($0) }
        keyOf = { Int64(get($0)) }
        keyNull = { get($0) < 0 }
        makeKey = { texts[Int($0)] }
        denseLimit = Int64(dict.count)
      case nil:
        return nil
      }
    }

    let n = f.count
    // Group number per row position, in order of first appearance.
    var groupKeys: [Int64] = []
    var nullGroup: Int32 = -1
    var groupOf = [Int32](repeating: 0, count: keyOf == nil ? 0 : n)
    if let keyOf {
      var lo = Int64.max
      var hi = Int64.min
      if denseLimit == nil {
        for i in 0..<n {
          let r = f.row(i)
          if let keyNull, keyNull(r) { continue }
          let v = keyOf(r)
          if v < lo { lo = v }
          if v > hi { hi = v }
        }
      } else {
        lo = 0
        hi = denseLimit! - 1
      }
      let span = hi >= lo ? hi.subtractingReportingOverflow(lo) : (partialValue: 0, overflow: false)
      let dense =
        hi < lo
        || (!span.overflow && span.partialValue < Int64(max(4 * n, 1 << 16)) && span.partialValue < 1 << 26)
      var slot = [Int32](repeating: -1, count: dense && hi >= lo ? Int(span.partialValue) + 1 : 0)
      var table: [Int64: Int32] = [:]
      for i in 0..<n {
        let r = f.row(i)
        if let keyNull, keyNull(r) {
          if nullGroup < 0 {
            nullGroup = Int32(groupKeys.count)
            groupKeys.append(0)
          }
          groupOf[i] = nullGroup
          continue
        }
        let v = keyOf(r)
        var g: Int32
        if dense {
          g = slot[Int(v - lo)]
          if g < 0 {
            g = Int32(groupKeys.count)
            slot[Int(v - lo)] = g
            groupKeys.append(v)
          }
        } else if let e = table[v] {
          g = e
        } else {
          g = Int32(groupKeys.count)
          table[v] = g
          groupKeys.append(v)
        }
        groupOf[i] = g
      }
    } else {
      groupKeys = [0]
    }
    let groups = groupKeys.count
    var slots: [[Value]] = []
    for a in raws {
      var count = [Int](repeating: 0, count: groups)
      var acc = [Int64](repeating: a.kind == .min ? .max : (a.kind == .max ? .min : 0), count: groups)
      var overflow = false
      for i in 0..<n {
        let g = keyOf == nil ? 0 : Int(groupOf[i])
        guard let get = a.get else {
          count[g] += 1
          continue
        }
        let r = f.row(i)
        if let isNull = a.isNull, isNull(r) { continue }
        let v = get(r)
        count[g] += 1
        switch a.kind {
        case .sum, .avg:
          let (s, o) = acc[g].addingReportingOverflow(v)
          acc[g] = s
          overflow = overflow || o
        case .min: if v < acc[g] { acc[g] = v }
        case .max: if v > acc[g] { acc[g] = v }
        default: break
        }
      }
      if overflow {
        throw QueryError(.runtime, ArithmeticError.overflow.description, at: a.range ?? zeroRange)
      }
      let make: (Int64) -> Value = a.argumentType == .money ? { .money(Money(fen: $0)) } : { .int($0) }
      var col: [Value] = []
      col.reserveCapacity(groups)
      for g in 0..<groups {
        switch a.kind {
        case .count: col.append(.int(Int64(count[g])))
        case _ where count[g] == 0: col.append(.null)
        case .avg:
          do throws(ArithmeticError) {
            col.append(try Accumulator.mean(make(acc[g]), count[g], a.type))
          } catch {
            throw QueryError(.runtime, error.description, at: a.range ?? zeroRange)
          }
        default: col.append(make(acc[g]))
        }
      }
      slots.append(col)
    }
    let keyRows: [[Value]] =
      keyOf == nil ? [[]] : groupKeys.indices.map { [$0 == Int(nullGroup) ? .null : makeKey(groupKeys[$0])] }
    return (keyRows, slots)
  }
}
