import KehuStore

/// A join on a raw key whose values on the joined side span a narrow range (ids): the
/// joined rows are laid out by key once (a counting sort, table order within a key), so
/// each pipeline row finds its matches as one run of that list, read in order, with no
/// hash table and no chain of links to follow through memory. When no key repeats (a join
/// on the id column), the layout is one array from key to row, so a lookup is one read.
struct DenseKeys {
  var lo: Int64
  /// The joined rows with key `lo + s` are `rows[start[s]..<start[s + 1]]`.
  var start: [Int32]
  var rows: [Int32]
  /// No key repeats on the joined side (ids): each pipeline row has at most one match.
  var unique = true
  /// When `unique`: the joined row of key `lo + s` at `direct[s]` (-1 for none), one read
  /// per lookup; `start` and `rows` are then left empty.
  var direct: [Int32] = []

  /// nil when the key is no raw column, its rows are too many for 32-bit positions, or
  /// its range is much wider than the table.
  init?(_ right: any RowSource, _ rk: TExpr, workers: Int = 1) {
    guard case .column(let c) = rk.kind, Evaluator.rawJoinTypes.contains(rk.type),
      right.rowCount < Int(Int32.max), case .ints(let keys)? = Vec.gather(right, c, rows: nil)
    else { return nil }
    var lo = Int64.max
    var hi = Int64.min
    for k in keys where k != Vec.null {
      lo = min(lo, k)
      hi = max(hi, k)
    }
    if hi < lo { (lo, hi) = (0, 0) }
    let span = hi.subtractingReportingOverflow(lo)
    guard !span.overflow, span.partialValue < Int64(max(4 * keys.count, 1 << 16)) else { return nil }
    let slots = Int(span.partialValue) + 1
    let n = keys.count
    // Each worker counts its part's keys; the parts' counts give every part its own place
    // in each key's run, so the parts fill the list at once, in table order within a key.
    let counts = keys.withUnsafeBufferPointer { k in
      Morsels.map(n, workers: workers) { part -> [Int32] in
        var h = [Int32](repeating: 0, count: slots)
        h.withUnsafeMutableBufferPointer { h in
          for r in part where k[r] != Vec.null { h[Int(k[r] &- lo)] &+= 1 }
        }
        return h
      }
    }
    self.lo = lo
    var start = [Int32](repeating: 0, count: slots + 1)
    var fills: [[Int32]] = []
    var isUnique = true
    start.withUnsafeMutableBufferPointer { s in
      for h in counts {
        h.withUnsafeBufferPointer { h in
          for j in 0..<slots { s[j + 1] &+= h[j] }
        }
      }
      for j in 0..<slots where s[j + 1] > 1 { isUnique = false }
    }
    if isUnique {
      // Ids: an array from key to row, each worker writing its own rows' keys (no key
      // repeats, so no two workers write one place).
      self.start = []
      self.rows = []
      self.direct = [Int32](unsafeUninitializedCapacity: slots) { buffer, count in
        buffer.initialize(repeating: -1)
        let out = Morsels.Shared(value: buffer)
        keys.withUnsafeBufferPointer { k in
          _ = Morsels.map(n, workers: workers) { part in
            for r in part where k[r] != Vec.null { out.value[Int(k[r] &- lo)] = Int32(truncatingIfNeeded: r) }
          }
        }
        count = slots
      }
      return
    }
    self.unique = false
    start.withUnsafeMutableBufferPointer { s in
      for j in 0..<slots { s[j + 1] &+= s[j] }
      var next = Array(s.dropLast())
      for h in counts {
        fills.append(next)
        next.withUnsafeMutableBufferPointer { f in
          h.withUnsafeBufferPointer { h in
            for j in 0..<slots { f[j] &+= h[j] }
          }
        }
      }
    }
    let total = Int(start[slots])
    let rows = [Int32](unsafeUninitializedCapacity: total) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      keys.withUnsafeBufferPointer { k in
        _ = Morsels.map(n, workers: workers) { w, part in
          var fill = fills[w]
          fill.withUnsafeMutableBufferPointer { f in
            for r in part where k[r] != Vec.null {
              let slot = Int(k[r] &- lo)
              out.value[Int(f[slot])] = Int32(truncatingIfNeeded: r)
              f[slot] &+= 1
            }
          }
        }
      }
      count = total
    }
    self.start = start
    self.rows = rows
  }

  /// The pairs (pipeline row, joined row) for pipeline keys `keys` (frame positions,
  /// mapped to pipeline rows by `selection`), a missing match as -1 when `left`; and how
  /// many pipeline rows matched more than one joined row. The pipeline rows are nil when
  /// they are every row in order (each matched once): no list of them is made.
  func pairs(_ keys: [Int64], selection: [Int]?, left: Bool, workers: Int = 1) -> (
    left: [Int]?, right: [Int], multiplied: Int
  ) {
    if unique { return uniquePairs(keys, selection: selection, left: left, workers: workers) }
    let n = keys.count
    let slots = start.count - 1
    // Each worker counts its part's pairs, then writes them from its own offset on.
    let counts = start.withUnsafeBufferPointer { s in
      keys.withUnsafeBufferPointer { keys in
        Morsels.map(n, workers: workers) { part -> (total: Int, multiplied: Int) in
          var total = 0
          var multiplied = 0
          for i in part {
            let k = keys[i]
            let slot = k &- lo
            let matches =
              k != Vec.null && slot >= 0 && slot < slots ? Int(s[Int(slot) + 1] - s[Int(slot)]) : 0
            total += left ? max(matches, 1) : matches
            if matches > 1 { multiplied += 1 }
          }
          return (total, multiplied)
        }
      }
    }
    var offsets: [Int] = []
    var total = 0
    for c in counts {
      offsets.append(total)
      total += c.total
    }
    var rightRows = [Int](repeating: -1, count: total)
    var leftRows = [Int](repeating: 0, count: total)
    start.withUnsafeBufferPointer { s in
      rows.withUnsafeBufferPointer { joined in
        keys.withUnsafeBufferPointer { keys in
          leftRows.withUnsafeMutableBufferPointer { lb in
            rightRows.withUnsafeMutableBufferPointer { rb in
              let l = Morsels.Shared(value: lb)
              let r = Morsels.Shared(value: rb)
              _ = Morsels.map(n, workers: workers) { w, part in
                var at = offsets[w]
                for i in part {
                  let k = keys[i]
                  let slot = k &- lo
                  var from = 0
                  var to = 0
                  if k != Vec.null && slot >= 0 && slot < slots {
                    from = Int(s[Int(slot)])
                    to = Int(s[Int(slot) + 1])
                  }
                  let p = selection?[i] ?? i
                  if from == to {
                    if left {
                      l.value[at] = p
                      at += 1
                    }
                    continue
                  }
                  for m in from..<to {
                    l.value[at] = p
                    r.value[at] = Int(joined[m])
                    at += 1
                  }
                }
              }
            }
          }
        }
      }
    }
    return (leftRows, rightRows, counts.reduce(0) { $0 + $1.multiplied })
  }

  /// At most one match per row: one pass writes every row's match (-1 for none); an
  /// inner join then keeps the rows that matched, and only when some did not.
  func uniquePairs(_ keys: [Int64], selection: [Int]?, left: Bool, workers: Int = 1) -> (
    left: [Int]?, right: [Int], multiplied: Int
  ) {
    let n = keys.count
    let slots = direct.count
    var misses = 0
    // Each worker looks up its own part of the rows (positions disjoint).
    let matched = [Int](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      misses = direct.withUnsafeBufferPointer { d in
        keys.withUnsafeBufferPointer { keys in
          Morsels.map(n, workers: workers) { part in
            var missed = 0
            for i in part {
              let k = keys[i]
              let slot = k &- lo
              // A null key (Int64.min) lands outside the slots, as any key out of range.
              let m = k != Vec.null && slot >= 0 && slot < slots ? Int(d[Int(slot)]) : -1
              out.value[i] = m
              if m < 0 { missed += 1 }
            }
            return missed
          }.reduce(0, +)
        }
      }
      count = n
    }
    if left || misses == 0 { return (selection, matched, 0) }
    var leftRows: [Int] = []
    var rightRows: [Int] = []
    leftRows.reserveCapacity(n - misses)
    rightRows.reserveCapacity(n - misses)
    for i in 0..<n where matched[i] >= 0 {
      leftRows.append(selection?[i] ?? i)
      rightRows.append(matched[i])
    }
    return (leftRows, rightRows, 0)
  }
}
