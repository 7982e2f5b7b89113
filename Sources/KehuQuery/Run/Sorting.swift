import KehuStore

/// `sort`: keys compared in order, nulls first (last with `desc`), text by code point;
/// ties keep the earlier row first, so the sort is stable. A typed column key is compared
/// as raw integers. When `take N` follows, only the best N rows are kept while scanning.
extension Evaluator {
  enum SortColumn {
    case raw([Int64], nulls: [Bool]?)
    case values([Value])
  }

  func sortColumn(_ f: Frame, _ key: TExpr) throws(QueryError) -> SortColumn {
    let n = f.count
    if case .column(let c) = key.kind, case .int64(let get, let isNull)? = f.source.closureReader(column: c),
      [.int, .money, .date, .duration, .bool].contains(key.type)
    {
      var raw = [Int64](repeating: 0, count: n)
      var nulls: [Bool]?
      if let isNull {
        var ns = [Bool](repeating: false, count: n)
        for i in 0..<n {
          let r = f.row(i)
          if isNull(r) { ns[i] = true } else { raw[i] = get(r) }
        }
        nulls = ns
      } else {
        for i in 0..<n { raw[i] = get(f.row(i)) }
      }
      return .raw(raw, nulls: nulls)
    }
    let fn = compiler(f).compile(key)
    var vals: [Value] = []
    vals.reserveCapacity(n)
    for i in 0..<n {
      if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
      vals.append(try fn(f.row(i)))
    }
    return .values(vals)
  }

  func sort(_ f: Frame, _ keys: [(TExpr, descending: Bool)], limit: Int?) throws(QueryError) -> [Int] {
    if let v = try vectorSort(f, keys, limit: limit) { return v }
    var cols: [SortColumn] = []
    for k in keys { cols.append(try sortColumn(f, k.0)) }
    let desc = keys.map(\.descending)
    // Positions a, b of the frame: true when a goes first.
    func before(_ a: Int, _ b: Int) -> Bool {
      for j in 0..<cols.count {
        var o = 0
        switch cols[j] {
        case .raw(let raw, let nulls):
          if let nulls, nulls[a] || nulls[b] {
            o = nulls[a] == nulls[b] ? 0 : (nulls[a] ? -1 : 1)
          } else {
            o = raw[a] < raw[b] ? -1 : (raw[a] == raw[b] ? 0 : 1)
          }
        case .values(let v):
          o = Value.compare(v[a], v[b])
        }
        if o != 0 { return desc[j] ? o > 0 : o < 0 }
      }
      return a < b
    }
    let n = f.count
    // `take 0` keeps nothing; the bounded insertion below needs at least one place.
    if let k = limit, k <= 0 { return [] }
    if let k = limit, k < n, k <= 1000 {
      // Bounded insertion: the kept list stays sorted; most rows lose to its last entry.
      var best: [Int] = []
      best.reserveCapacity(k + 1)
      for p in 0..<n {
        if best.count == k, !before(p, best[k - 1]) { continue }
        var lo = 0
        var hi = best.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if before(best[mid], p) { lo = mid + 1 } else { hi = mid }
        }
        best.insert(p, at: lo)
        if best.count > k { best.removeLast() }
      }
      return best.map(f.row)
    }
    var order = Array(0..<n)
    order.sort(by: before)
    if let limit, limit < order.count { order.removeSubrange(limit...) }
    return order.map(f.row)
  }
}
