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
      if let w = try? KehuDomain.dso(
        receivables: Money(fen: receivables), creditSales: Money(fen: sales), periodDays: days)
      {
        value = w.result.value
      } else {
        value = .null
      }
      t.rows.append([
        .text(String(start.description.prefix(7))), .money(Money(fen: receivables)),
        .money(Money(fen: sales)),
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

  /// Invoice balances as of `to`, and invoices dated from `from` to `to`, in fen.
  static func figures(_ db: Database, from: Day, to: Day) -> (Int64, Int64) {
    let scan = InvoiceScan(db, asof: to)
    let dates = scan.t.columns[scan.date].int32s
    let bals = scan.t.columns[scan.balance].ints
    let amounts = scan.t.columns[scan.amount].ints
    var receivables: Int64 = 0
    var sales: Int64 = 0
    for r in 0..<scan.count {
      guard let b = scan.balance(r, dates: dates, balances: bals) else { continue }
      receivables &+= b
      if dates[r] >= from.number { sales &+= amounts[r] }
    }
    return (receivables, sales)
  }
}
