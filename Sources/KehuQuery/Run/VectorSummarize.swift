import KehuStore

/// `summarize` and `distinct`, one path: keys and arguments computed by the kernels,
/// groups by packed keys, aggregates into plain per-group arrays. A key with no kernel
/// (a decimal, a chapter function) is worked out row by row and numbered by first
/// appearance, so it groups as a vector too; an aggregate with no kernel is a per-group
/// accumulator fed row by row over the same groups.
extension Evaluator {
  func vectorSummarize(_ f: Frame, _ keys: [TExpr], _ aggs: [AggregateSpec], _ outputs: [TExpr])
    throws(QueryError) -> VecSource
  {
    let k = Kernels(evaluator: self, frame: f)
    var keyVecs: [Vec] = []
    var keyValues: [[Value]?] = []
    for key in keys {
      if let v = try k.vector(key) {
        keyVecs.append(v)
        keyValues.append(nil)
      } else {
        let fn = compiler(f).compile(key)
        var values: [Value] = []
        values.reserveCapacity(f.count)
        for i in 0..<f.count {
          if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
          values.append(try fn(f.row(i)))
        }
        keyVecs.append(Evaluator.ordinals(values))
        keyValues.append(values)
      }
    }
    var args: [Vec?] = []
    var vectorised: [Bool] = []
    for a in aggs {
      guard let arg = a.argument else {
        args.append(nil)
        vectorised.append(true)
        continue
      }
      let v = VectorAggregate.supports(a, arg) ? try k.vector(arg) : nil
      args.append(v)
      vectorised.append(v != nil)
    }
    let n = f.count
    let groups: Groups
    if keys.isEmpty {
      groups = Groups(single: n)
    } else if let g = Groups(keyVecs, rows: n, workers: context.workers) {
      groups = g
    } else {
      // Keys whose ranges together pass 64 bits: the combinations numbered first.
      groups = Groups([Evaluator.ordinals(keyVecs, rows: n)], rows: n)!
    }
    try context.checkCancelled()
    // A sum (or average) and `count()` together: the sum's pass counts the rows too.
    var shared: VectorAggregate.Sums?
    var sharedArg = -1
    if aggs.contains(where: { $0.kind == .count && $0.argument == nil }),
      let j = aggs.indices.first(where: { vectorised[$0] && [.sum, .avg].contains(aggs[$0].kind) }),
      case .ints(let x)? = args[j]
    {
      shared = VectorAggregate.sums(x, groups.of, groups: groups.count, workers: context.workers, rows: true)
      sharedArg = j
    }
    var slots: [VecSource.Col] = []
    for (j, a) in aggs.enumerated() {
      if vectorised[j] {
        let reuse = j == sharedArg || (a.kind == .count && a.argument == nil) ? shared : nil
        slots.append(
          try VectorAggregate(spec: a, groups: groups, workers: context.workers).run(args[j], shared: reuse))
      } else {
        slots.append(.values(try accumulate(f, a, groups)))
      }
      try context.checkCancelled()
    }
    let keyCols: [VecSource.Col] = zip(keyVecs, keyValues).map { v, values in
      guard let values else { return .vec(VectorAggregate.pick(v, groups.first)) }
      return .values(groups.first.map { values[$0] })
    }
    return try summaryColumns(keys: keys, keyCols: keyCols, groups: groups, aggs, slots, outputs)
  }

  /// An aggregate with no kernel: its argument row by row into one accumulator per group.
  func accumulate(_ f: Frame, _ a: AggregateSpec, _ groups: Groups) throws(QueryError) -> [Value] {
    let arg = a.argument!
    let fn = compiler(f).compile(arg)
    var accs = [Accumulator](repeating: Accumulator(a), count: groups.count)
    for i in 0..<f.count {
      if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
      let v = try fn(f.row(i))
      if v.isNull { continue }
      do throws(ArithmeticError) { try accs[Int(groups.of[i])].add(v) } catch {
        throw QueryError(.runtime, Message(error.description), at: arg.range)
      }
    }
    var out: [Value] = []
    out.reserveCapacity(groups.count)
    for acc in accs {
      do throws(ArithmeticError) { out.append(try acc.result()) } catch {
        throw QueryError(.runtime, Message(error.description), at: arg.range)
      }
    }
    return out
  }

  /// Values numbered by first appearance (null stays null), as a key vector.
  static func ordinals(_ values: [Value]) -> Vec {
    var seen: [Value: Int64] = [:]
    return .ints(
      values.map { v in
        if v.isNull { return Vec.null }
        if let o = seen[v] { return o }
        let o = Int64(seen.count)
        seen[v] = o
        return o
      })
  }

  /// The combinations of several key vectors numbered by first appearance.
  static func ordinals(_ keys: [Vec], rows n: Int) -> Vec {
    var seen: [[Int64]: Int64] = [:]
    var out = [Int64](repeating: 0, count: n)
    // Codes of entries equal as text stand for one key (see `canonical`).
    let same = keys.map { v -> [Int32]? in
      if case .codes(_, let dict) = v { return canonical(dict) }
      return nil
    }
    for i in 0..<n {
      let k = keys.indices.map { j -> Int64 in
        switch keys[j] {
        case .ints(let x): return x[i]
        case .codes(let c, _): return c[i] < 0 ? Vec.null : Int64(same[j]?[Int(c[i])] ?? c[i])
        }
      }
      if let o = seen[k] {
        out[i] = o
      } else {
        out[i] = Int64(seen.count)
        seen[k] = out[i]
      }
    }
    return .ints(out)
  }

  /// The summary's columns: the keys at each group's first row, then each output, a bare
  /// aggregate being its slot as it is.
  func summaryColumns(
    keys: [TExpr], keyCols: [VecSource.Col], groups: Groups, _ aggs: [AggregateSpec],
    _ slots: [VecSource.Col], _ outputs: [TExpr]
  ) throws(QueryError) -> VecSource {
    var cols = keyCols
    var valueSlots: [[Value]]?
    for o in outputs {
      if case .aggregate(let i) = o.kind {
        cols.append(slots[i])
        continue
      }
      if valueSlots == nil {
        valueSlots = zip(slots, aggs).map { s, a in
          VecSource(columns: [ResultColumn("", a.type)], cols: [s], rowCount: groups.count).valuesOf(0)
        }
      }
      let fn = Compiler(
        source: TableSource(columns: [], cells: [], rowCount: groups.count), context: context,
        slots: valueSlots!
      ).compile(o)
      var col: [Value] = []
      col.reserveCapacity(groups.count)
      for g in 0..<groups.count { col.append(try fn(g)) }
      cols.append(.values(col))
    }
    let columns = (keys + outputs).map { ResultColumn("", $0.type) }
    return VecSource(columns: columns, cols: cols, rowCount: groups.count)
  }

  /// `distinct` over vectors: the first row of every distinct combination, in order. A
  /// column with no fast reader is numbered by first appearance of its values.
  func vectorDistinct(_ f: Frame) throws(QueryError) -> Frame {
    var keys: [Vec] = []
    for c in f.source.columns.indices {
      if let v = gather(f.source, c, rows: f.selection) {
        keys.append(v)
      } else {
        keys.append(Evaluator.ordinals((0..<f.count).map { f.source.value(row: f.row($0), column: c) }))
      }
    }
    try context.checkCancelled()
    let g =
      Groups(keys, rows: f.count, workers: context.workers)
      ?? Groups([Evaluator.ordinals(keys, rows: f.count)], rows: f.count)!
    return Frame(source: f.source, selection: g.first.map(f.row))
  }
}

extension Groups {
  /// Every row in one group (a summarize without `by`), which exists even with no rows.
  init(single n: Int) {
    of = [Int32](repeating: 0, count: n)
    first = [0]
  }
}

extension VecSource {
  func valuesOf(_ c: Int) -> [Value] { (0..<rowCount).map { value(row: $0, column: c) } }
}
