import KehuDomain
import KehuStore

/// The sales mix by product (§2.5 (1) 3–7).
enum ProductAnalysis {
  static func products(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (from, to) = try AnalyzeCommands.period(a)
    let mix = try ProductMix.analyse(s.db, from: from, to: to)
    var t = ResultTable(
      columns: [
        ResultColumn("product", .text), ResultColumn("name", .text), ResultColumn("sales", .money),
        ResultColumn("share", .percent), ResultColumn("cost", .money), ResultColumn("margin_rate", .percent),
        ResultColumn("avg_stock", .money), ResultColumn("turnover", .decimal),
        ResultColumn("cross_ratio", .decimal),
        ResultColumn("contribution", .percent),
      ],
      title: tr("Sales mix by product (不同商品的销售构成, §2.5 (1) 3–7)"))
    for row in mix.rows {
      let line = row.line
      t.rows.append([
        .text(row.product), row.name.map(Value.text) ?? .null, .money(line.sales),
        .percent(line.share.rounded(to: 4)),
        .money(line.cost), line.marginRate.map { .percent($0.rounded(to: 4)) } ?? .null,
        row.averageStock.map(Value.money) ?? .null,
        line.turnover.map { .decimal($0.rounded(to: 2)) } ?? .null,
        line.crossRatio.map { .decimal($0.rounded(to: 2)) } ?? .null,
        line.contribution.map { .percent($0.rounded(to: 4)) } ?? .null,
      ])
    }
    t.notes =
      ProductMix.rules + [
        tr("average stock = mean of the stock counts dated in the period × the product's unit cost"),
        tr(
          "the contributions add up to {0}, the overall gross margin rate",
          Value.percentText(mix.contribution.rounded(to: 4))),
        tr(
          "period: {0} to {1}", from?.description ?? tr("the first sale"),
          to?.description ?? tr("the last sale")),
      ]
    return .table(t)
  }
}
