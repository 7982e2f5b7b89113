import KehuStore

/// One product in the sales mix: its code, catalogue name, the average stock at cost over
/// the period (nil without stock counts) and its figures.
public struct ProductMixRow: Sendable {
  public var product: String
  public var name: String?
  public var averageStock: Money?
  public var line: ProductMixLine
}

extension ProductMix {
  /// The sales mix by product over `from...to` (either end open), largest sales first, and
  /// the contributions' sum, which is the overall gross margin rate (§2.5 (1) 3–7).
  public static func analyse(_ db: Database, from: Day?, to: Day?) throws -> (
    rows: [ProductMixRow], contribution: Dec
  ) {
    let sales = Sales(db)
    let lo = from ?? Day(number: Int32.min + 1)
    let hi = to ?? Day(number: Int32.max)
    // By dictionary code, so a scan of millions of lines makes no String per line.
    let product = sales.product.column
    let codes = product.int32s
    let days = sales.date.column.int32s
    let amounts = sales.amount.column.ints
    let costs = sales.cost.column.ints
    var byCode = [(amount: Int64, cost: Int64)](repeating: (0, 0), count: product.dictionary.names.count + 1)
    for i in 0..<codes.count where days[i] >= lo.number && days[i] <= hi.number {
      let k = codes[i] == Column.nullCode ? byCode.count - 1 : Int(codes[i])
      byCode[k].amount &+= amounts[i]
      if costs[i] != Column.nullInt { byCode[k].cost &+= costs[i] }
    }
    var amount: [String: Int64] = [:]
    var cost: [String: Int64] = [:]
    for (k, v) in byCode.enumerated() where v != (0, 0) {
      let p = k < product.dictionary.names.count ? product.dictionary.names[k] : "—"
      amount[p, default: 0] += v.amount
      cost[p, default: 0] += v.cost
    }
    // Average stock at cost: the mean of the counts dated in the period.
    let products = Products(db)
    let counts = StockCounts(db)
    var stock: [String: (sum: Int64, n: Int)] = [:]
    for i in counts.rows {
      let d = counts.date[i]
      let p = counts.product[i]
      guard d >= lo && d <= hi, let pr = products.row(no: p) else { continue }
      let unitCost = products.cost[pr]?.fen ?? 0
      stock[p, default: (0, 0)].sum += counts.quantity[i] * unitCost
      stock[p, default: (0, 0)].n += 1
    }
    let total = amount.values.reduce(0, +)
    var rows: [ProductMixRow] = []
    var contribution = Dec.zero
    for p in amount.keys.sorted(by: { (amount[$1]!, $0) < (amount[$0]!, $1) }) {
      let avg = stock[p].map { Money(fen: $0.sum / Int64($0.n)) }
      let line = try ProductMix.line(
        sales: Money(fen: amount[p]!), cost: Money(fen: cost[p]!), total: Money(fen: total), averageStock: avg
      )
      if let c = line.contribution { contribution = try contribution.adding(c) }
      rows.append(
        ProductMixRow(
          product: p, name: products.row(no: p).flatMap { products.name[$0] }, averageStock: avg, line: line))
    }
    return (rows, contribution)
  }
}
