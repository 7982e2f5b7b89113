import KehuDomain
import KehuStore

/// `ar dso by=month`: the DSO of each calendar month (§5), so a trend shows, drawn as a
/// line of bars under the table (or written as SVG with `chart=FILE.svg`).
enum DSOByMonth {
  static func run(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let to = a.date("to") ?? s.today
    // Twelve months unless a start is given: a trend needs more than the quarter of `ar dso`.
    let from = a.date("from") ?? Day(year: to.year, month: to.month, day: 1)!.adding(months: -11)
    if from > to { throw a.error(tr("`from` is after `to`"), at: "from") }
    let request = try ChartRequestKind.parse(a)
    var t = ResultTable(
      columns: [
        ResultColumn("month", .text), ResultColumn("receivables", .money),
        ResultColumn("credit sales", .money),
        ResultColumn("days", .int), ResultColumn("DSO", .decimal),
      ],
      title: tr("Days sales outstanding (DSO) by month, {0} to {1}", from, to))
    var start = from
    while start <= to {
      try s.checkInterrupted()
      let next = Day(year: start.year, month: start.month, day: 1)!.adding(months: 1)
      let end = min(to, next.adding(days: -1))
      let (receivables, sales) = figures(s.db, from: start, to: end)
      let days = Int(end.number - start.number) + 1
      let value: Value
      if let w = try? KehuDomain.dso(receivables: receivables, creditSales: sales, periodDays: days) {
        value = w.result.value
      } else {
        value = .null
      }
      t.rows.append([
        .text(String(start.description.prefix(7))), .money(receivables),
        .money(sales),
        .int(Int64(days)), value,
      ])
      start = next
    }
    t.notes = [
      tr("rule: DSO = receivables ÷ credit sales of the period × days in the period"),
      tr("each month on its own: receivables at its last day, credit sales invoiced in it; no sales, no DSO"),
    ]
    let picture = { TableChart.make(t, kind: .line, label: 0, values: [4]) }
    // The months are drawn whenever they are shown as a table: that is what `by=month` is for.
    return try s.withChart(t, request ?? .text, a, picture)
  }

  /// Receivables outstanding at `to`, and credit sales invoiced from `from` to `to`.
  static func figures(_ db: Database, from: Day, to: Day) -> (Money, Money) {
    let ledger = Ledger(db)
    return (ledger.outstanding(asof: to), ledger.creditSales(from: from, to: to))
  }
}
