import KehuStore

/// Groups by key encoding: each key vector maps to a small slot (null first, then the
/// values from the smallest up, or the dictionary codes), the slots of all keys pack into
/// one 64-bit number, and packed keys find their group in a plain array when the range is
/// small, in an open-addressing table otherwise. Groups are numbered in order of first
/// appearance, as the row-at-a-time path numbers them.
struct Groups {
  /// The group of every frame position.
  var of: [Int32]
  /// The first frame position of every group.
  var first: [Int]
  var count: Int { first.count }

  /// nil when the keys' ranges together need more than 64 bits.
  init?(_ keys: [Vec], rows n: Int, workers: Int = 1) {
    if keys.count == 1, case .ints(let x) = keys[0], x.count == n, let g = Groups(direct: x) {
      self = g
      return
    }
    var packed = [UInt64](repeating: 0, count: n)
    var total: UInt64 = 1
    for k in keys {
      let width = Groups.width(k)
      guard case (let t, false) = total.multipliedReportingOverflow(by: width.slots) else { return nil }
      let mult = total
      total = t
      packed.withUnsafeMutableBufferPointer { buffer in
        let p = Morsels.Shared(value: buffer)
        // The slot written out per key kind: no closure call per row.
        _ = Morsels.map(n, workers: workers) { part in
          switch k {
          case .codes(let c, _):
            c.withUnsafeBufferPointer { c in
              if let same = width.canonical {
                for i in part { p.value[i] &+= (c[i] < 0 ? 0 : UInt64(same[Int(c[i])]) &+ 1) &* mult }
              } else {
                for i in part { p.value[i] &+= UInt64(bitPattern: Int64(c[i]) &+ 1) &* mult }
              }
            }
          case .ints(let x):
            let lo = width.lo
            x.withUnsafeBufferPointer { x in
              for i in part {
                p.value[i] &+= (x[i] == Vec.null ? 0 : UInt64(bitPattern: x[i] &- lo) &+ 1) &* mult
              }
            }
          }
        }
      }
    }
    of = [Int32](repeating: 0, count: n)
    first = []
    // A plain array while it is at most a few times the rows (and 256 MB): one
    // random access per row beats probing a table of packed keys.
    if total <= UInt64(max(8 * n, 1 << 16)) && total <= 1 << 26 {
      var table = [Int32](repeating: -1, count: Int(total))
      for i in 0..<n {
        let k = Int(packed[i])
        var g = table[k]
        if g < 0 {
          g = Int32(first.count)
          table[k] = g
          first.append(i)
        }
        of[i] = g
      }
    } else {
      var table = OpenTable(capacity: min(n, 1 << 16))
      for i in 0..<n {
        of[i] = table.find(packed[i], next: Int32(first.count))
        if Int(of[i]) == first.count { first.append(i) }
      }
    }
  }

  /// One integer key of a small range numbered straight from its values: the slot
  /// (null 0, else the value less the least, plus 1) indexes a plain table, with no
  /// packed keys written. The same numbers as the packed path gives; nil past its range.
  init?(direct x: [Int64]) {
    let n = x.count
    let w = Groups.width(.ints(x))
    guard w.slots <= UInt64(max(8 * n, 1 << 16)) && w.slots <= 1 << 26 else { return nil }
    var table = [Int32](repeating: -1, count: Int(w.slots))
    var first: [Int] = []
    let lo = w.lo
    of = [Int32](unsafeUninitializedCapacity: n) { of, count in
      x.withUnsafeBufferPointer { x in
        table.withUnsafeMutableBufferPointer { t in
          for i in 0..<n {
            let v = x[i]
            let k = v == Vec.null ? 0 : Int(truncatingIfNeeded: v &- lo) &+ 1
            var g = t[k]
            if g < 0 {
              g = Int32(truncatingIfNeeded: first.count)
              t[k] = g
              first.append(i)
            }
            of[i] = g
          }
        }
      }
      count = n
    }
    self.first = first
  }

  /// A key's number of slots (null is slot 0), and what its slots are worked out from:
  /// the least value of an integer key, the canonical entries of a dictionary.
  static func width(_ k: Vec) -> (slots: UInt64, lo: Int64, canonical: [Int32]?) {
    switch k {
    case .codes(_, let dict):
      return (UInt64(dict.count) + 1, 0, canonical(dict))
    case .ints(let x):
      var lo = Int64.max
      var hi = Int64.min
      for v in x where v != Vec.null {
        lo = min(lo, v)
        hi = max(hi, v)
      }
      if hi < lo { return (1, 0, nil) }
      let width = UInt64(bitPattern: hi &- lo) &+ 2
      return (width < 2 ? .max : width, lo, nil)
    }
  }

  /// A key's slot per position and its number of slots (null is slot 0).
  static func slots(_ k: Vec) -> ((Int) -> UInt64, UInt64) {
    let w = width(k)
    switch k {
    case .codes(let c, _):
      if let same = w.canonical {
        return ({ c[$0] < 0 ? 0 : UInt64(same[Int(c[$0])]) &+ 1 }, w.slots)
      }
      return ({ UInt64(bitPattern: Int64(c[$0]) &+ 1) }, w.slots)
    case .ints(let x):
      let lo = w.lo
      return ({ x[$0] == Vec.null ? 0 : UInt64(bitPattern: x[$0] &- lo) &+ 1 }, w.slots)
    }
  }
}

/// Dictionary entries that are equal as text (`==` on strings follows Unicode canonical
/// equivalence: "é" precomposed or not) map to the first of them; nil when all differ.
func canonical(_ dict: [String]) -> [Int32]? {
  var first: [String: Int32] = [:]
  var out: [Int32] = []
  var merged = false
  for (i, s) in dict.enumerated() {
    let f = first[s] ?? Int32(i)
    if first[s] == nil { first[s] = f } else { merged = true }
    out.append(f)
  }
  return merged ? out : nil
}

/// An open-addressing hash table from 64-bit keys to group numbers; linear probing, grown
/// at half full.
struct OpenTable {
  var keys: [UInt64]
  var values: [Int32]
  var used = 0
  var mask: Int

  init(capacity: Int) {
    var c = 16
    while c < 2 * capacity { c <<= 1 }
    keys = [UInt64](repeating: 0, count: c)
    values = [Int32](repeating: -1, count: c)
    mask = c - 1
  }

  @inline(__always)
  static func hash(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 17) }

  /// The value of `key`, inserting `next` when the key is new.
  mutating func find(_ key: UInt64, next: Int32) -> Int32 {
    var i = OpenTable.hash(key) & mask
    while values[i] >= 0 {
      if keys[i] == key { return values[i] }
      i = (i + 1) & mask
    }
    keys[i] = key
    values[i] = next
    used += 1
    if used * 2 > keys.count { grow() }
    return next
  }

  mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let c = keys.count * 2
    keys = [UInt64](repeating: 0, count: c)
    values = [Int32](repeating: -1, count: c)
    mask = c - 1
    for (k, v) in zip(oldKeys, oldValues) where v >= 0 {
      var i = OpenTable.hash(k) & mask
      while values[i] >= 0 { i = (i + 1) & mask }
      keys[i] = k
      values[i] = v
    }
  }
}
