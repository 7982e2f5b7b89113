import KehuStore

/// One product's line of the sales-mix analysis (§2.5 (1) 3–7).
public struct ProductMixLine: Sendable, Equatable {
  public var sales: Money
  public var cost: Money
  public var share: Dec
  public var marginRate: Dec?
  /// Cost of goods sold ÷ average inventory at cost; nil without stock counts.
  public var turnover: Dec?
  public var crossRatio: Dec?
  public var contribution: Dec?
}

public enum ProductMix {
  public static let rules: [Message] = [
    "gross margin rate (毛利率) = (sales − cost) ÷ sales",
    "inventory turnover (商品周转率) = cost of goods sold ÷ average inventory at cost (the accounting convention)",
    "cross ratio (交叉比率) = gross margin rate × inventory turnover",
    "contribution ratio (贡献比率) = gross margin rate × share of sales; the contributions add up to the overall margin rate",
  ]

  /// `averageStock` is the average of the stock counts at cost, nil when there are none.
  public static func line(sales: Money, cost: Money, total: Money, averageStock: Money?) throws
    -> ProductMixLine
  {
    let share = total.fen == 0 ? Dec.zero : try sales.decimal.divided(by: total.decimal, scale: 6)
    var out = ProductMixLine(
      sales: sales, cost: cost, share: share, marginRate: nil, turnover: nil, crossRatio: nil,
      contribution: nil)
    guard sales.fen != 0 else { return out }
    let margin = try sales.subtracting(cost)
    let rate = try margin.decimal.divided(by: sales.decimal, scale: 6)
    out.marginRate = rate
    out.contribution = try rate.multiplied(by: share).rounded(to: 6)
    if let stock = averageStock, stock.fen > 0 {
      let turns = try cost.decimal.divided(by: stock.decimal, scale: 4)
      out.turnover = turns
      out.crossRatio = try rate.multiplied(by: turns).rounded(to: 4)
    }
    return out
  }
}
