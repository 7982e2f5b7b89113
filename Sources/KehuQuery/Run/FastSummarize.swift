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

  /// The number of groups, the key column (empty without `by`) and one column per aggregate.
  func fastGroups(_ f: Frame, _ keys: [TExpr], _ aggs: [AggregateSpec]) throws(QueryError)
    -> (Int, [[Value]], [[Value]])?
  {
    guard keys.count <= 1 else { return nil }
    var raws: [RawAggregate] = []
    for a in aggs {
      guard let arg = a.argument else {
        raws.append(RawAggregate(kind: .count, type: .int, argumentType: .int))
        continue
      }
      guard [.count, .sum, .avg, .min, .max].contains(a.kind), arg.type == .int || arg.type == .money,
        case .column(let c) = arg.kind, case .int64(let get, let isNull)? = f.source.closureReader(column: c)
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
      switch f.source.closureReader(column: c) {
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
      default:
        return nil
      }
    }

    let n = f.count
    let sel = f.selection
    // Pass 1: the group of every row position, numbered in order of first appearance.
    var groupKeys: [Int64] = []
    var nullGroup: Int32 = -1
    var groupOf: [Int32] = []
    var counts: [[Int]] = []
    var accs: [[Int64]] = []
    var overflow = false
    var done = false
    if let keyOf {
      var lo = Int64.max
      var hi = Int64.min
      if let d = denseLimit {
        lo = 0
        hi = d - 1
      } else {
        for i in 0..<n {
          let r = sel?[i] ?? i
          if let keyNull, keyNull(r) { continue }
          let v = keyOf(r)
          if v < lo { lo = v }
          if v > hi { hi = v }
        }
      }
      let span = hi >= lo ? hi.subtractingReportingOverflow(lo) : (partialValue: 0, overflow: false)
      let dense =
        !span.overflow && span.partialValue < Int64(max(4 * n, 1 << 16)) && span.partialValue < 1 << 26
      if dense {
        let width = hi >= lo ? Int(span.partialValue) + 1 : 0
        (groupKeys, nullGroup, counts, accs, overflow) = denseGroups(
          n: n, sel: sel, keyOf: keyOf, keyNull: keyNull, lo: lo, width: width, raws: raws)
        done = true
      }
      var table: [Int64: Int32] = [:]
      if !done { groupOf = [Int32](repeating: 0, count: n) }
      var slot = [Int32]()
      if !done {
        slot.withUnsafeMutableBufferPointer { slot in
          groupOf.withUnsafeMutableBufferPointer { groupOf in
            for i in 0..<n {
              let r = sel?[i] ?? i
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
                g = slot[Int(v &- lo)]
                if g < 0 {
                  g = Int32(groupKeys.count)
                  slot[Int(v &- lo)] = g
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
          }
        }
      }
    } else {
      groupKeys = [0]
    }
    let groups = groupKeys.count
    // Pass 2: one tight loop per aggregate.
    for a in raws where !done {
      var count = [Int](repeating: 0, count: groups)
      var acc = [Int64](repeating: a.kind == .min ? .max : (a.kind == .max ? .min : 0), count: groups)
      let kind = a.kind
      count.withUnsafeMutableBufferPointer { count in
        acc.withUnsafeMutableBufferPointer { acc in
          groupOf.withUnsafeBufferPointer { groupOf in
            for i in 0..<n {
              let g = groupOf.isEmpty ? 0 : Int(groupOf[i])
              guard let get = a.get else {
                count[g] += 1
                continue
              }
              let r = sel?[i] ?? i
              if let isNull = a.isNull, isNull(r) { continue }
              let v = get(r)
              count[g] += 1
              switch kind {
              case .sum, .avg:
                let (s, o) = acc[g].addingReportingOverflow(v)
                acc[g] = s
                if o { overflow = true }
              case .min: if v < acc[g] { acc[g] = v }
              case .max: if v > acc[g] { acc[g] = v }
              default: break
              }
            }
          }
        }
      }
      counts.append(count)
      accs.append(acc)
    }
    var slots: [[Value]] = []
    for (ai, a) in raws.enumerated() {
      if overflow && (a.kind == .sum || a.kind == .avg) {
        throw QueryError(.runtime, Message(ArithmeticError.overflow.description), at: a.range ?? zeroRange)
      }
      let make: (Int64) -> Value = a.argumentType == .money ? { .money(Money(fen: $0)) } : { .int($0) }
      var col: [Value] = []
      col.reserveCapacity(groups)
      for g in 0..<groups {
        let c = counts[ai][g]
        switch a.kind {
        case .count: col.append(.int(Int64(c)))
        case _ where c == 0: col.append(.null)
        case .avg:
          do throws(ArithmeticError) { col.append(try Accumulator.mean(make(accs[ai][g]), c, a.type)) } catch
          {
            throw QueryError(.runtime, Message(error.description), at: a.range ?? zeroRange)
          }
        default: col.append(make(accs[ai][g]))
        }
      }
      slots.append(col)
    }
    if keyOf == nil { return (1, [], slots) }
    let keyColumn = groupKeys.indices.map { $0 == Int(nullGroup) ? Value.null : makeKey(groupKeys[$0]) }
    return (groups, [keyColumn], slots)
  }
}

extension Evaluator {
  /// Dense keys in one pass: each key's state (rows, then count and accumulator per
  /// aggregate) sits side by side, so a row touches one place in memory. The null key
  /// takes the slot after the last.
  func denseGroups(
    n: Int, sel: [Int]?, keyOf: (Int) -> Int64, keyNull: ((Int) -> Bool)?, lo: Int64, width: Int,
    raws: [RawAggregate]
  ) -> ([Int64], Int32, [[Int]], [[Int64]], Bool) {
    // With a million keys this loop is bound by memory, so a key's state is as small as
    // it can be: per aggregate an accumulator, plus a count of non-null values only when
    // the column has nulls; a row count only when `count()` or `avg` needs it. Whether a
    // key has been seen is a bit in a bitmap small enough to stay in cache.
    let needRows = raws.contains {
      $0.get == nil || ($0.kind == .avg && $0.isNull == nil) || $0.kind == .count
    }
    var accAt: [Int] = []
    var countAt: [Int?] = []
    var stride = needRows ? 1 : 0
    for raw in raws {
      if raw.get == nil {
        accAt.append(0)
        countAt.append(0)
        continue
      }
      accAt.append(stride)
      stride += 1
      if raw.isNull != nil {
        countAt.append(stride)
        stride += 1
      } else {
        countAt.append(needRows ? 0 : nil)
      }
    }
    var cells = [Int64](repeating: 0, count: (width + 1) * max(stride, 1))
    for (a, raw) in raws.enumerated() where raw.kind == .min || raw.kind == .max {
      for k in 0...width { cells[k * stride + accAt[a]] = raw.kind == .min ? .max : .min }
    }
    var seen = [UInt64](repeating: 0, count: (width + 1) / 64 + 1)
    var order: [Int] = []
    var overflow = false
    cells.withUnsafeMutableBufferPointer { cells in
      seen.withUnsafeMutableBufferPointer { seen in
        // The first pass notes the order keys appear in (and counts rows when needed);
        // then one pass per aggregate, its reader held in locals (reading closures out of
        // an array per row would cost a retain and release each time).
        for i in 0..<n {
          let r = sel?[i] ?? i
          let k = (keyNull?(r) ?? false) ? width : Int(keyOf(r) &- lo)
          let bit: UInt64 = 1 << UInt64(k & 63)
          if seen[k >> 6] & bit == 0 {
            seen[k >> 6] |= bit
            order.append(k)
          }
          if needRows { cells[k * stride] += 1 }
        }
      }
      for (a, raw) in raws.enumerated() {
        guard let get = raw.get else { continue }
        let isNull = raw.isNull
        let kind = raw.kind
        let acc = accAt[a]
        let cnt = countAt[a] ?? 0
        for i in 0..<n {
          let r = sel?[i] ?? i
          let k = (keyNull?(r) ?? false) ? width : Int(keyOf(r) &- lo)
          let base = k * stride
          if let isNull {
            if isNull(r) { continue }
            cells[base + cnt] += 1
          }
          let v = get(r)
          switch kind {
          case .sum, .avg:
            let (s, o) = cells[base + acc].addingReportingOverflow(v)
            cells[base + acc] = s
            if o { overflow = true }
          case .min: if v < cells[base + acc] { cells[base + acc] = v }
          case .max: if v > cells[base + acc] { cells[base + acc] = v }
          default: break
          }
        }
      }
    }
    let keys = order.map { $0 == width ? 0 : lo &+ Int64($0) }
    let nullGroup = order.firstIndex(of: width).map { Int32($0) } ?? -1
    // Without a count slot the column has no nulls, so every row of a seen key counted.
    let counts = raws.indices.map { a in
      order.map { k in countAt[a].map { Int(cells[k * stride + $0]) } ?? 1 }
    }
    let accs = raws.indices.map { a in order.map { cells[$0 * stride + accAt[a]] } }
    return (keys, nullGroup, counts, accs, overflow)
  }
}
