import Synchronization

/// Key → row number for one table. It stores only row numbers and compares keys against the
/// key column itself, so a 10-million-row index costs 4 bytes a slot and no String per key.
/// Integer keys that are nearly dense (the usual case: generated ids) use a direct array
/// instead of hashing, which is both smaller and faster to build.
struct KeyIndex: Sendable {
  private var direct: [Int32] = []
  private var base: Int64 = 0
  private var isDirect = true
  private var slots: [Int32] = []
  private var used = 0

  static let empty: Int32 = -1

  init() {}

  /// Builds the index of every row of `column`; returns the first duplicate row, if any.
  static func build(_ column: Column) -> (KeyIndex, duplicate: Int?) {
    var ix = KeyIndex()
    let n = column.count
    if column.kind == .int64, n > 0 {
      var lo = Int64.max
      var hi = Int64.min
      for k in column.ints {
        lo = min(lo, k)
        hi = max(hi, k)
      }
      let (span, o) = hi.subtractingReportingOverflow(lo)
      if !o && span < Int64(2 * n + 1024) {
        ix.base = lo
        ix.direct = Array(repeating: empty, count: Int(span) + 1)
        for r in 0..<n {
          let at = Int(column.ints[r] - lo)
          if ix.direct[at] != empty { return (ix, r) }
          ix.direct[at] = Int32(r)
        }
        return (ix, nil)
      }
    }
    if column.kind == .int64 && n == 0 { return (ix, nil) }
    ix.isDirect = false
    ix.resize(capacity: max(16, (n * 2).nextPowerOf2), column: column, rows: 0)
    for r in 0..<n {
      if ix.insert(row: r, column: column) == false { return (ix, r) }
    }
    return (ix, nil)
  }

  // MARK: Lookups

  func find(_ key: Int64, in column: Column) -> Int? {
    if isDirect {
      let (d, o) = key.subtractingReportingOverflow(base)
      guard !o, d >= 0, d < Int64(direct.count) else { return nil }
      let r = direct[Int(d)]
      return r == KeyIndex.empty ? nil : Int(r)
    }
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: KeyIndex.hash(key)) & mask
    while true {
      let r = slots[i]
      if r == KeyIndex.empty { return nil }
      if column.ints[Int(r)] == key { return Int(r) }
      i = (i + 1) & mask
    }
  }

  func find(_ key: String, in column: Column) -> Int? {
    var key = key
    return key.withUTF8 { findBytes($0, in: column) }
  }

  func findBytes(_ k: UnsafeBufferPointer<UInt8>, in column: Column) -> Int? {
    guard !slots.isEmpty, column.kind == .text else { return nil }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: KeyIndex.hash(k)) & mask
    while true {
      let r = slots[i]
      if r == KeyIndex.empty { return nil }
      if !column.isNull(Int(r)) && column.withTextBytes(Int(r), { $0.elementsEqual(k) }) {
        return Int(r)
      }
      i = (i + 1) & mask
    }
  }

  func find(_ key: Value, in column: Column) -> Int? {
    switch key {
    case .int(let i): return column.kind == .int64 ? find(i, in: column) : nil
    case .text(let s): return column.kind == .text ? find(s, in: column) : nil
    default: return nil
    }
  }

  // MARK: Adding a row (the row must already be in `column`)

  /// Adds row `row`; false when its key is already present.
  @discardableResult
  mutating func insert(row: Int, column: Column) -> Bool {
    if isDirect && column.kind != .int64 { convertToHash(column, rows: row) }
    if isDirect {
      let key = column.ints[row]
      if direct.isEmpty && used == 0 { base = key }
      let (d, o) = key.subtractingReportingOverflow(base)
      if !o && d >= 0 && d < Int64(2 * (column.count + 1) + 1024) {
        let at = Int(d)
        if at >= direct.count {
          direct.append(contentsOf: repeatElement(KeyIndex.empty, count: at - direct.count + 1))
        }
        if direct[at] != KeyIndex.empty { return false }
        direct[at] = Int32(row)
        used += 1
        return true
      }
      convertToHash(column, rows: row)
    }
    if (used + 1) * 2 > slots.count {
      resize(capacity: max(16, slots.count * 2), column: column, rows: row)
    }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hashOf(row: row, column)) & mask
    while slots[i] != KeyIndex.empty {
      if sameKey(Int(slots[i]), row, column) { return false }
      i = (i + 1) & mask
    }
    slots[i] = Int32(row)
    used += 1
    return true
  }

  private mutating func convertToHash(_ column: Column, rows: Int) {
    isDirect = false
    direct = []
    used = 0
    resize(capacity: max(16, (rows * 2 + 2).nextPowerOf2), column: column, rows: rows)
  }

  /// Re-inserts rows 0..<rows into a table of `capacity` slots.
  private mutating func resize(capacity: Int, column: Column, rows: Int) {
    slots = Array(repeating: KeyIndex.empty, count: capacity)
    used = 0
    let mask = capacity - 1
    for r in 0..<rows {
      var i = Int(truncatingIfNeeded: hashOf(row: r, column)) & mask
      while slots[i] != KeyIndex.empty { i = (i + 1) & mask }
      slots[i] = Int32(r)
      used += 1
    }
  }

  private func hashOf(row: Int, _ column: Column) -> UInt64 {
    column.kind == .int64
      ? KeyIndex.hash(column.ints[row]) : column.withTextBytes(row) { KeyIndex.hash($0) }
  }

  private func sameKey(_ a: Int, _ b: Int, _ column: Column) -> Bool {
    if column.kind == .int64 { return column.ints[a] == column.ints[b] }
    return column.withTextBytes(a) { x in column.withTextBytes(b) { y in x.elementsEqual(y) } }
  }

  static func hash(_ k: Int64) -> UInt64 {
    let h = UInt64(bitPattern: k) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 29)
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: keys are short invoice and note numbers
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h ^ (h >> 32)
  }
}

/// A table's key index behind a lock, so that it can be left unbuilt until first use: a
/// snapshot whose keys are in strictly increasing order cannot repeat one, so opening it
/// need not build an index that `customers | count` never reads. The first lookup builds
/// it, once, whichever thread asks. A table copy shares the cell until one side writes.
final class KeyIndexCell: Sendable {
  private let state: Mutex<KeyIndex?>

  init(_ index: KeyIndex?) { state = Mutex(index) }

  func index(of column: Column) -> KeyIndex {
    state.withLock { ix in
      if let built = ix { return built }
      let built = KeyIndex.build(column).0
      ix = built
      return built
    }
  }

  /// A cell of its own for a table about to write (the arrays are shared until then).
  func copy() -> KeyIndexCell { KeyIndexCell(state.withLock { $0 }) }

  func insert(row: Int, column: Column) {
    state.withLock { ix in _ = ix?.insert(row: row, column: column) }
  }

  var isBuilt: Bool { state.withLock { $0 != nil } }
}

extension Int {
  var nextPowerOf2: Int {
    var p = 1
    while p < self { p <<= 1 }
    return p
  }
}
