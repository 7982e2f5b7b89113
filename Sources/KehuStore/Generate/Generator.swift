/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same sequence on every
/// machine, which `SystemRandomNumberGenerator` is not. The generator must be reproducible
/// from (seed, today).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// 0..<n without modulo bias worth caring about at these sizes (n ≪ 2^64).
  mutating func below(_ n: Int) -> Int { Int(truncatingIfNeeded: next() % UInt64(n)) }
  mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
}

/// Writes the columns of one table straight into its arrays: the generator makes millions
/// of rows, and a `[Value]` per row would cost more than the data.
struct TableFiller {
  var table: Table
  init(_ name: String) { table = Table(Catalog.table(named: name)!) }
  func col(_ name: String) -> Int { table.def.columnIndex(name)! }

  mutating func int(_ c: Int, _ v: Int64?) { table.columns[c].ints.append(v ?? Column.nullInt) }
  mutating func money(_ c: Int, _ fen: Int64?) { int(c, fen) }
  mutating func day(_ c: Int, _ d: Day?) { table.columns[c].int32s.append(d?.number ?? Column.nullDay) }
  mutating func text(_ c: Int, _ s: String?) { table.columns[c].text.append(s) }
  mutating func coded(_ c: Int, _ s: String?) {
    table.columns[c].int32s.append(s.map { table.columns[c].dictionary.code(for: $0) } ?? Column.nullCode)
  }
  mutating func percent(_ c: Int, _ d: Dec?) { table.columns[c].append(d.map { .percent($0) } ?? .null) }
  mutating func reserve(_ n: Int) { table.reserve(n) }

  /// Pads every column a row did not fill with nulls, then indexes the keys.
  mutating func finish() -> Table {
    let n = table.columns.map(\.count).max() ?? 0
    for c in 0..<table.columns.count {
      while table.columns[c].count < n { table.columns[c].append(.null) }
    }
    table.rebuildIndex()
    if table.def.generatesKeys, n > 0 { table.nextId = table.keyColumn.ints.max()! + 1 }
    return table
  }
}

/// A realistic demo firm, deterministic for (seed, today): both card types, Chinese names
/// and addresses, 20 areas, 200 owners, grades, sales over the 24 months before `today`,
/// invoices and payments (some late, some unpaid), bills receivable, visits, complaints.
public func generate(customers n: Int, sales m: Int, seed: UInt64, today: Day) -> Database {
  generate(customers: n, sales: m, seed: seed, today: today, progress: .none)!
}

/// The same firm, reporting customers and sales lines made (of `n + m`); nil when the
/// progress asked to stop (nothing is half-made: the caller has written nothing yet).
public func generate(customers n: Int, sales m: Int, seed: UInt64, today: Day, progress: WorkProgress)
  -> Database?
{
  let total = n + m
  guard progress.report(0, total) else { return nil }
  var rng = SplitMix64(seed: seed)
  var db = Database()
  let t = Timestamp(day: today, hour: 9)
  let start = today.adding(months: -24)
  let span = Int(today.number - start.number)
  let products = GenData.products(&rng)
  db.tables[Catalog.tableIndex("customers")!] = GenData.customers(n, &rng, today: today)
  db.tables[Catalog.tableIndex("products")!] = products.table
  guard progress.report(n, total) else { return nil }

  // Sales in date order, customers skewed so a few buy most (the ABC analysis needs that).
  var s = TableFiller("sales")
  s.reserve(m)
  let (sId, sCust, sDate, sProd, sQty, sAmt, sCost) = (
    s.col("id"), s.col("customer"), s.col("date"), s.col("product"), s.col("quantity"), s.col("amount"),
    s.col("cost")
  )
  let codes = products.codes.map { s.table.columns[sProd].dictionary.code(for: $0) }
  for i in 0..<m {
    if i & (WorkProgress.stride - 1) == 0 && i > 0 && !progress.report(n + i, total) { return nil }
    let u = rng.next() >> 32
    let cust = Int64((UInt64(n) * ((u * u) >> 32)) >> 32) + 1
    let p = rng.below(codes.count)
    let q = Int64(rng.range(1, 60))
    let amount = q * products.prices[p]
    s.int(sId, Int64(i + 1))
    s.int(sCust, min(cust, Int64(n)))
    s.table.columns[sDate].int32s.append(start.number + Int32(span * i / max(m, 1)))
    s.table.columns[sProd].int32s.append(codes[p])
    s.int(sQty, q)
    s.money(sAmt, amount)
    s.money(sCost, amount * Int64(rng.range(55, 85)) / 100)
  }
  db.tables[Catalog.tableIndex("sales")!] = s.finish()
  GenData.receivables(
    &db, customers: n, invoices: max(m / 10, n > 0 ? 1 : 0), &rng, today: today, start: start)
  GenData.activity(&db, customers: n, &rng, today: today, start: start, time: t)
  try? db.recomputeInvoiceTotals()
  guard progress.report(total, total) else { return nil }
  return db
}
