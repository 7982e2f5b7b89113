import KehuStore

/// Sales summed per customer straight from the sales columns (customer ids, amounts in
/// fen, day numbers), into arrays indexed by customer row: no String or Value per sale, so
/// 10 million lines take well under a second in a release build.
public struct CustomerRows: Sendable {
  let base: Int64
  let dense: [Int32]
  let sparse: [Int64: Int32]

  /// Ids are mostly consecutive, so a flat array from the smallest id is the fast map;
  /// a dictionary when they are too spread out.
  public init(_ customers: Table) {
    let ids = customers.keyColumn.ints
    let lo = ids.min() ?? 0
    let hi = ids.max() ?? -1
    if !ids.isEmpty && hi - lo < Int64(ids.count) * 4 + 1024 {
      var d = [Int32](repeating: -1, count: Int(hi - lo + 1))
      for (r, id) in ids.enumerated() { d[Int(id - lo)] = Int32(r) }
      base = lo
      dense = d
      sparse = [:]
    } else {
      base = 0
      dense = []
      var s: [Int64: Int32] = [:]
      for (r, id) in ids.enumerated() { s[id] = Int32(r) }
      sparse = s
    }
  }

  @inline(__always) public func row(_ id: Int64) -> Int {
    if !dense.isEmpty {
      let k = id &- base
      return k >= 0 && k < Int64(dense.count) ? Int(dense[Int(k)]) : -1
    }
    return Int(sparse[id] ?? -1)
  }
}

public enum SalesTotals {
  /// The measure a ranking uses: sales, or gross margin (sales − cost; a sale without a cost counts as all margin).
  public enum Measure: String, Sendable { case sales, margin }

  /// One total per customer row for sales dated in `from...to` (either end open).
  public static func totals(_ db: Database, from: Day?, to: Day?, measure: Measure = .sales) -> [Int64] {
    let customers = db.customers
    let map = CustomerRows(customers)
    let sales = Sales(db)
    let cust = sales.customer.column.ints
    let days = sales.date.column.int32s
    let amounts = sales.amount.column.ints
    let costs = sales.cost.column.ints
    let lo = from?.number ?? Int32.min
    let hi = to?.number ?? Int32.max
    var out = [Int64](repeating: 0, count: customers.count)
    let margin = measure == .margin
    out.withUnsafeMutableBufferPointer { o in
      cust.withUnsafeBufferPointer { c in
        days.withUnsafeBufferPointer { d in
          amounts.withUnsafeBufferPointer { a in
            costs.withUnsafeBufferPointer { k in
              for i in 0..<c.count {
                let day = d[i]
                guard day >= lo && day <= hi else { continue }
                let r = map.row(c[i])
                guard r >= 0 else { continue }
                var v = a[i]
                if margin && k[i] != Column.nullInt { v &-= k[i] }
                o[r] &+= v
              }
            }
          }
        }
      }
    }
    return out
  }

  /// Each customer's sales over the window's months together (the sum the monthly
  /// average divides by N; ranking by it is ranking by the average).
  public static func windowSums(_ db: Database, _ w: MonthWindow) -> [Int64] {
    totals(db, from: w.start, to: w.end.adding(days: -1))
  }

  /// One customer's sales per month of the window.
  public static func monthly(_ db: Database, customer id: Int64, _ w: MonthWindow) -> [Money] {
    let sales = Sales(db)
    let cust = sales.customer.column.ints
    let days = sales.date.column.int32s
    let amounts = sales.amount.column.ints
    var out = [Int64](repeating: 0, count: w.count)
    for i in 0..<cust.count where cust[i] == id {
      if let m = w.month(of: days[i]) { out[m] &+= amounts[i] }
    }
    return out.map { Money(fen: $0) }
  }
}
