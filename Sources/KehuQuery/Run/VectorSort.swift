import KehuStore

/// `sort` over vectors: each key reads as an `Int64` whose order is the key's order (text
/// by the rank of its dictionary entry, worked out once per dictionary; nulls first; a
/// descending key bit-inverted, which also puts its nulls last). With `take N` after it,
/// a bounded heap keeps the best N in one pass over the key vectors, never building a
/// key per row. A full sort packs the keys into one `UInt64` per row when their ranges
/// fit and sorts them by radix (stable, so ties keep their order); otherwise it compares
/// the key arrays, position last, so the sort is stable either way.
extension Evaluator {
  func vectorSort(_ f: Frame, _ keys: [(TExpr, descending: Bool)], limit: Int?) throws(QueryError) -> [Int]? {
    let n = f.count
    if let limit, limit <= 0 { return [] }
    let kernels = Kernels(evaluator: self, frame: f)
    var sortKeys: [RankedKey] = []
    for (e, desc) in keys {
      guard let v = try kernels.vector(e) else { return nil }
      sortKeys.append(RankedKey(v, descending: desc))
    }
    try context.checkCancelled()
    let k = min(limit ?? n, n)
    // A heap of a few thousand stays in cache; beyond that sorting everything is as quick.
    if k < n && k <= 4096 {
      return Evaluator.topN(k, sortKeys, rows: n, workers: context.workers).map(f.row)
    }
    let ranks = sortKeys.map { $0.materialized(n) }
    if let (packed, width) = Evaluator.pack(ranks, rows: n) {
      try context.checkCancelled()
      var order = Evaluator.radixOrder(packed, bits: width, workers: context.workers)
      if k < n { order.removeSubrange(k...) }
      return order.map { f.row(Int($0)) }
    }
    let less: (Int, Int) -> Bool = { a, b in
      for r in ranks where r[a] != r[b] { return r[a] < r[b] }
      return a < b
    }
    var order = Array(0..<n)
    order.sort(by: less)
    if k < n { order.removeSubrange(k...) }
    return order.map(f.row)
  }

  static func bits(_ x: UInt64) -> Int { x == 0 ? 0 : 64 - x.leadingZeroBitCount }

  /// The keys in one `UInt64` per row, and how many low bits they use, when their
  /// ranges fit in 64 bits together. The extremes `Int64.min` and `Int64.max` (a null,
  /// first, and a descending key's null, last) take their own places below and above the
  /// other values' range, so a key with nulls packs as tightly as one without.
  static func pack(_ ranks: [[Int64]], rows n: Int) -> ([UInt64], Int)? {
    var shifts: [(lo: Int64, low: Bool, top: UInt64, shift: Int)] = []
    var used = 0
    for r in ranks.reversed() {
      var lo = Int64.max
      var hi = Int64.min
      var low = false
      var high = false
      r.withUnsafeBufferPointer { r in
        for v in r {
          if v == Int64.min {
            low = true
          } else if v == Int64.max {
            high = true
          } else {
            lo = min(lo, v)
            hi = max(hi, v)
          }
        }
      }
      if hi < lo { (lo, hi) = (0, 0) }
      // Places: 0 for Int64.min when present, then lo...hi, then one for Int64.max.
      let span = UInt64(bitPattern: hi &- lo)
      guard span < UInt64.max - 2 else { return nil }
      let top = span + (low ? 1 : 0) + 1
      shifts.append((lo, low, top, used))
      used += bits(high ? top : top - 1)
      if used > 64 { return nil }
    }
    shifts.reverse()
    var out = [UInt64](repeating: 0, count: n)
    out.withUnsafeMutableBufferPointer { out in
      for (r, s) in zip(ranks, shifts) where s.shift < 64 {
        let shift = UInt64(s.shift)
        let base: UInt64 = s.low ? 1 : 0
        r.withUnsafeBufferPointer { r in
          for i in 0..<n {
            let v = r[i]
            let place: UInt64 =
              v == Int64.min ? 0 : v == Int64.max ? s.top : UInt64(bitPattern: v &- s.lo) &+ base
            out[i] |= place << shift
          }
        }
      }
    }
    return (out, used)
  }

  /// Positions 0..<n in the order of `keys` (only the low `bits` matter), equal keys in
  /// position order: a least-significant-digit radix sort, 11 bits a pass, skipping
  /// digits every key shares. With several workers each pass splits the positions into
  /// parts: each part counts its digits, a part's keys of one digit go after those of the
  /// parts before it, and each part moves its own keys, so the order is the one a single
  /// worker gives.
  static func radixOrder(_ keys: [UInt64], bits: Int, workers: Int = 1) -> [Int32] {
    let n = keys.count
    let digit = 11
    let buckets = 1 << digit
    let mask = UInt64(buckets - 1)
    let passes = (bits + digit - 1) / digit
    let k = Morsels.parts(n, workers)
    // Per part and pass, the count of each digit among the keys in their first places;
    // their sums tell which passes every key shares (and so are skipped).
    let firstCounts = Morsels.map(n, workers: workers) { part -> [Int] in
      var c = [Int](repeating: 0, count: max(passes, 1) * buckets)
      keys.withUnsafeBufferPointer { x in
        c.withUnsafeMutableBufferPointer { c in
          for i in part {
            let v = x[i]
            for p in 0..<passes { c[p &* buckets &+ Int((v >> UInt64(p &* digit)) & mask)] &+= 1 }
          }
        }
      }
      return c
    }
    let todo = (0..<passes).filter { p in
      (0..<buckets).allSatisfy { d in firstCounts.reduce(0) { $0 + $1[p * buckets + d] } != n }
    }
    var srcKeys = keys
    var srcPos = [Int32](unsafeUninitializedCapacity: n) { p, c in
      for i in 0..<n { p[i] = Int32(truncatingIfNeeded: i) }
      c = n
    }
    if todo.isEmpty { return srcPos }
    var dstKeys = [UInt64](repeating: 0, count: n)
    var dstPos = [Int32](repeating: 0, count: n)
    for (t, p) in todo.enumerated() {
      let shift = UInt64(p * digit)
      // The first pass's counts are known; later passes count the keys where they now are.
      let counts: [[Int]] =
        t == 0
        ? firstCounts.map { Array($0[p * buckets..<(p + 1) * buckets]) }
        : srcKeys.withUnsafeBufferPointer { x in
          Morsels.map(n, workers: workers) { part -> [Int] in
            var c = [Int](repeating: 0, count: buckets)
            c.withUnsafeMutableBufferPointer { c in
              for i in part { c[Int((x[i] >> shift) & mask)] &+= 1 }
            }
            return c
          }
        }
      // Where each part's keys of each digit start.
      var starts = [[Int]](repeating: [Int](repeating: 0, count: buckets), count: k)
      var sum = 0
      for d in 0..<buckets {
        for w in 0..<k {
          starts[w][d] = sum
          sum += counts[w][d]
        }
      }
      srcKeys.withUnsafeBufferPointer { sk in
        srcPos.withUnsafeBufferPointer { sp in
          dstKeys.withUnsafeMutableBufferPointer { dk in
            dstPos.withUnsafeMutableBufferPointer { dp in
              let out = Morsels.Shared(value: (dk, dp))
              _ = Morsels.map(n, workers: workers) { w, part in
                var o = starts[w]
                o.withUnsafeMutableBufferPointer { o in
                  let (dk, dp) = out.value
                  for i in part {
                    let d = Int((sk[i] >> shift) & mask)
                    let at = o[d]
                    dk[at] = sk[i]
                    dp[at] = sp[i]
                    o[d] = at &+ 1
                  }
                }
              }
            }
          }
        }
      }
      swap(&srcKeys, &dstKeys)
      swap(&srcPos, &dstPos)
    }
    return srcPos
  }

  /// The k first positions of 0..<n in key order, ties by position: each worker keeps
  /// the best k of its part, and the best k of those are the best k of all.
  static func topN(_ k: Int, _ keys: [RankedKey], rows n: Int, workers: Int = 1) -> [Int] {
    guard k > 0, !keys.isEmpty else { return [] }
    let parts = Morsels.map(n, workers: workers) { topN(k, keys, $0) }
    if parts.count == 1 { return parts[0] }
    return Array(parts.joined().sorted { RankedKey.less(keys, $0, $1) }.prefix(k))
  }

  /// The k first positions of `part` (a bounded max-heap). Most rows lose to the heap's
  /// worst on the first key alone, so they cost one read.
  static func topN(_ k: Int, _ keys: [RankedKey], _ part: Range<Int>) -> [Int] {
    let first = keys[0]
    @inline(__always) func less(_ a: Int, _ b: Int) -> Bool { RankedKey.less(keys, a, b) }
    var heap: [Int] = []
    heap.reserveCapacity(k)
    func siftDown() {
      var i = 0
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
    var worst = Int64.max
    for p in part {
      if heap.count < k {
        heap.append(p)
        var i = heap.count - 1
        while i > 0, less(heap[(i - 1) / 2], heap[i]) {
          heap.swapAt(i, (i - 1) / 2)
          i = (i - 1) / 2
        }
        if heap.count == k { worst = first.at(heap[0]) }
        continue
      }
      // A later row equal on every key loses to the kept one: only a smaller first key,
      // or an equal one that wins later, gets in.
      if first.at(p) > worst || !less(p, heap[0]) { continue }
      heap[0] = p
      siftDown()
      worst = first.at(heap[0])
    }
    return heap.sorted(by: less)
  }
}

/// One sort key read in order: a raw integer or a dictionary code's rank, inverted for
/// a descending key (which also moves nulls, `Int64.min`, to the end).
struct RankedKey {
  var raw: [Int64] = []
  var codes: [Int32] = []
  var rank: [Int64] = []
  var flip: Int64

  init(_ v: Vec, descending: Bool) {
    flip = descending ? -1 : 0
    switch v {
    case .ints(let x): raw = x
    case .codes(let c, let dict):
      codes = c
      rank = RankedKey.ranks(dict)
    }
  }

  /// Entries equal as text share a rank, so they tie as the row path's compare says.
  static func ranks(_ dict: [String]) -> [Int64] {
    let order = dict.indices.sorted { Value.compare(.text(dict[$0]), .text(dict[$1])) < 0 }
    var rank = [Int64](repeating: 0, count: dict.count)
    var r: Int64 = 0
    for (i, d) in order.enumerated() {
      if i > 0 && Value.compare(.text(dict[order[i - 1]]), .text(dict[d])) != 0 { r += 1 }
      rank[d] = r
    }
    return rank
  }

  /// Row a before row b: the keys in order, then the position.
  @inline(__always)
  static func less(_ keys: [RankedKey], _ a: Int, _ b: Int) -> Bool {
    for key in keys {
      let x = key.at(a)
      let y = key.at(b)
      if x != y { return x < y }
    }
    return a < b
  }

  @inline(__always)
  func at(_ i: Int) -> Int64 {
    if codes.isEmpty { return raw[i] ^ flip }
    let c = codes[i]
    return (c < 0 ? Vec.null : rank[Int(c)]) ^ flip
  }

  func materialized(_ n: Int) -> [Int64] {
    if codes.isEmpty && flip == 0 { return raw }
    return (0..<n).map(at)
  }
}
