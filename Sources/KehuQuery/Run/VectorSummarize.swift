import KehuStore

/// `summarize` and `distinct` over vectors: keys and arguments computed by the kernels,
/// groups by packed keys, aggregates into plain per-group arrays. nil when a key or an
/// argument has no kernel (decimal, free text, …): the caller then goes row by row.
extension Evaluator {
  func vectorSummarize(_ f: Frame, _ keys: [TExpr], _ aggs: [AggregateSpec], _ outputs: [TExpr])
    throws(QueryError) -> VecSource?
  {
    let k = Kernels(evaluator: self, frame: f)
    var keyVecs: [Vec] = []
    for key in keys {
      guard let v = try k.vector(key) else { return nil }
      keyVecs.append(v)
    }
    var args: [Vec?] = []
    for a in aggs {
      guard let arg = a.argument else {
        args.append(nil)
        continue
      }
      guard VectorAggregate.supports(a, arg), let v = try k.vector(arg) else { return nil }
      args.append(v)
    }
    let n = f.count
    let groups: Groups
    if keys.isEmpty {
      groups = Groups(single: n)
    } else {
      guard let g = Groups(keyVecs, rows: n, workers: context.workers) else { return nil }
      groups = g
    }
    try context.checkCancelled()
    var slots: [VecSource.Col] = []
    for (a, arg) in zip(aggs, args) {
      slots.append(try VectorAggregate(spec: a, groups: groups, workers: context.workers).run(arg))
      try context.checkCancelled()
    }
    return try summaryColumns(keys: keys, keyVecs: keyVecs, groups: groups, aggs, slots, outputs)
  }

  /// The summary's columns: the keys at each group's first row, then each output, a bare
  /// aggregate being its slot as it is.
  func summaryColumns(
    keys: [TExpr], keyVecs: [Vec], groups: Groups, _ aggs: [AggregateSpec], _ slots: [VecSource.Col],
    _ outputs: [TExpr]
  ) throws(QueryError) -> VecSource {
    var cols: [VecSource.Col] = keyVecs.map { .vec(VectorAggregate.pick($0, groups.first)) }
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

  /// `distinct` over vectors: the first row of every distinct combination, in order.
  func vectorDistinct(_ f: Frame) throws(QueryError) -> Frame? {
    var keys: [Vec] = []
    for c in f.source.columns.indices {
      guard let v = gather(f.source, c, rows: f.selection) else { return nil }
      keys.append(v)
    }
    try context.checkCancelled()
    guard let g = Groups(keys, rows: f.count, workers: context.workers) else { return nil }
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
