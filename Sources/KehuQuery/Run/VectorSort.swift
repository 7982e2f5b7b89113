import KehuStore

/// `sort` over vectors: each key becomes an `Int64` whose order is the key's order (text
/// by the rank of its dictionary entry, worked out once per dictionary; nulls first; a
/// descending key bit-inverted, which also puts its nulls last). When the keys' ranges and
/// the row position fit in 64 bits together, rows sort as plain `UInt64`s; otherwise by
/// comparing the key arrays, position last, so the sort is stable either way. With
/// `take N` after it, a bounded heap keeps the best N.
extension Evaluator {
  func vectorSort(_ f: Frame, _ keys: [(TExpr, descending: Bool)], limit: Int?) throws(QueryError) -> [Int]? {
    let n = f.count
    if let limit, limit <= 0 { return [] }
    let kernels = Kernels(evaluator: self, frame: f)
    var ranks: [[Int64]] = []
    for (e, desc) in keys {
      guard let v = try kernels.vector(e) else { return nil }
      var key: [Int64]
      switch v {
      case .ints(let x): key = x
      case .codes(let c, let dict):
        let order = dict.indices.sorted { Value.compare(.text(dict[$0]), .text(dict[$1])) < 0 }
        // Entries equal as text share a rank, so they tie as the row path's compare says.
        var rank = [Int64](repeating: 0, count: dict.count)
        var r: Int64 = 0
        for (i, d) in order.enumerated() {
          if i > 0 && Value.compare(.text(dict[order[i - 1]]), .text(dict[d])) != 0 { r += 1 }
          rank[d] = r
        }
        key = c.map { $0 < 0 ? Vec.null : rank[Int($0)] }
      }
      if desc { key = key.map { ~$0 } }
      ranks.append(key)
    }
    try context.checkCancelled()
    let k = min(limit ?? n, n)
    let posBits = Evaluator.bits(UInt64(max(n - 1, 0)))
    if var packed = Evaluator.pack(ranks, rows: n, reserving: posBits) {
      for i in 0..<n { packed[i] |= UInt64(i) }
      let mask: UInt64 = (1 << UInt64(posBits)) &- 1
      let best = k < n ? Evaluator.smallest(k, of: packed) : packed.sorted()
      return best.map { f.row(Int($0 & mask)) }
    }
    // Keys that fit in 64 bits without the position: one array to compare, then position.
    let less: (Int, Int) -> Bool
    if let packed = Evaluator.pack(ranks, rows: n, reserving: 0) {
      less = { a, b in packed[a] != packed[b] ? packed[a] < packed[b] : a < b }
    } else {
      less = { a, b in
        for r in ranks where r[a] != r[b] { return r[a] < r[b] }
        return a < b
      }
    }
    if k < n {
      return Evaluator.smallest(k, n, less).map(f.row)
    }
    var order = Array(0..<n)
    order.sort(by: less)
    return order.map(f.row)
  }

  static func bits(_ x: UInt64) -> Int { x == 0 ? 0 : 64 - x.leadingZeroBitCount }

  /// The keys in one `UInt64` per row, above `low` bits left for the position, when
  /// their ranges fit.
  static func pack(_ ranks: [[Int64]], rows n: Int, reserving low: Int) -> [UInt64]? {
    var shifts: [(lo: Int64, shift: Int)] = []
    var used = low
    for r in ranks.reversed() {
      var lo = Int64.max
      var hi = Int64.min
      for v in r {
        lo = min(lo, v)
        hi = max(hi, v)
      }
      if n == 0 { (lo, hi) = (0, 0) }
      guard hi >= lo else { return nil }
      shifts.append((lo, used))
      used += bits(UInt64(bitPattern: hi &- lo))
      if used > 64 { return nil }
    }
    shifts.reverse()
    var out = [UInt64](repeating: 0, count: n)
    for (r, s) in zip(ranks, shifts) where s.shift < 64 {
      for i in 0..<n { out[i] |= UInt64(bitPattern: r[i] &- s.lo) << UInt64(s.shift) }
    }
    return out
  }

  /// The k smallest of `xs`, in order (a bounded max-heap).
  static func smallest(_ k: Int, of xs: [UInt64]) -> [UInt64] {
    smallest(k, xs.count) { xs[$0] < xs[$1] }.map { xs[$0] }
  }

  /// The k smallest positions of 0..<n by `less`, in order.
  static func smallest(_ k: Int, _ n: Int, _ less: (Int, Int) -> Bool) -> [Int] {
    guard k > 0 else { return [] }
    var heap: [Int] = []
    heap.reserveCapacity(k)
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var top = i
        if l < heap.count, less(heap[top], heap[l]) { top = l }
        if r < heap.count, less(heap[top], heap[r]) { top = r }
        if top == i { return }
        heap.swapAt(i, top)
        i = top
      }
    }
    for p in 0..<n {
      if heap.count < k {
        heap.append(p)
        var i = heap.count - 1
        while i > 0, less(heap[(i - 1) / 2], heap[i]) {
          heap.swapAt(i, (i - 1) / 2)
          i = (i - 1) / 2
        }
      } else if less(p, heap[0]) {
        heap[0] = p
        siftDown(0)
      }
    }
    return heap.sorted(by: less)
  }
}
