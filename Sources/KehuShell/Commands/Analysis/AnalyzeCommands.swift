import KehuDomain
import KehuStore
import KehuText

/// What to analyse (§2.5) and the comprehensive evaluation table (§2.3).
enum AnalyzeCommands {
  static let compositions = CustomerGrouping.allCases.map(\.rawValue)

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "analyze composition",
        summary: tr("customer composition: customers, sales and share by a classification"),
        arguments: [
          .key("by", .choice(compositions), required: true), .key("from", .date), .key("to", .date),
        ],
        example: "analyze composition by=tier", section: "§2.5 (1) 1", handler: composition),
      CommandSpec(
        "analyze customer", summary: tr("a customer's trade with us: sales by month, orders, share, delays"),
        arguments: [.positional("id", .customer), .key("asof", .date)], example: "analyze customer 1001",
        section: "§2.5 (1) 2", handler: customer),
      CommandSpec(
        "analyze products", summary: tr("sales mix, gross margin, turnover, cross and contribution ratios"),
        arguments: [.key("from", .date), .key("to", .date)], example: "analyze products from=2026-01-01",
        section: "§2.5 (1) 3–7", handler: ProductAnalysis.products),
      CommandSpec(
        "analyze evaluation", summary: tr("the ten-item comprehensive customer evaluation table"),
        arguments: [.positional("id", .customer)], example: "analyze evaluation 1001", section: "§2.3",
        handler: Evaluation.evaluation),
      CommandSpec(
        "evaluation note",
        summary: tr(
          "write the comment, problem or measure of an evaluation item, or the figure of item 5 or 8"),
        arguments: [
          .positional("id", .customer), .key("item", .int, required: true), .key("comment", .text),
          .key("problem", .text), .key("measure", .text),
          .key(
            "expense", .money,
            help: tr("item 5: the sales expense spent on the customer over the last 12 months")),
          .key(
            "support", .int, help: tr("item 8: the customer's support for our sales, 1 (none) to 5 (strong)")),
        ],
        example: "evaluation note 1001 item=10 problem=\"两次延迟付款\" measure=\"改为月结\"", section: "§2.3",
        writes: true, handler: Evaluation.note),
      CommandSpec(
        "analyze starts-stops", summary: tr("customers whose trade started or stopped in a period"),
        arguments: [.key("from", .date, required: true), .key("to", .date, required: true)],
        example: "analyze starts-stops from=2026-09-01 to=2026-11-29", section: "§2.5 (2)",
        handler: startsStops),
    ]
  }

  static func period(_ a: ParsedArguments) throws -> (Day?, Day?) {
    let from = a.date("from")
    let to = a.date("to")
    if let from, let to, to < from { throw a.error(tr("`to` is before `from`"), at: "to") }
    return (from, to)
  }

  static func composition(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let by = a.text("by")!
    let (from, to) = try period(a)
    let c = Customers(s.db)
    let group = c.cells(CustomerGrouping(rawValue: by)!)
    let totals = SalesTotals.totals(s.db, from: from, to: to)
    var groups: [String: (n: Int, sales: Int64)] = [:]
    var n = 0
    var all: Int64 = 0
    for r in c.rows where c.status[r] != "ended" {
      let key = group[r] ?? "—"
      groups[key, default: (0, 0)].n += 1
      groups[key, default: (0, 0)].sales += totals[r]
      n += 1
      all += totals[r]
    }
    var t = ResultTable(
      columns: [
        ResultColumn(by, .text), ResultColumn("customers", .int), ResultColumn("customer_share", .percent),
        ResultColumn("sales", .money), ResultColumn("sales_share", .percent),
      ],
      title: tr("Customer composition by {0} (客户构成, §2.5 (1) 1)", by))
    for (key, g) in groups.sorted(by: { ($1.value.sales, $0.key) < ($0.value.sales, $1.key) }) {
      t.rows.append([
        .text(key), .int(Int64(g.n)), Analysis.share(Int64(g.n), Int64(n)), .money(Money(fen: g.sales)),
        Analysis.share(g.sales, all),
      ])
    }
    t.notes = [
      tr(
        "sales from {0} to {1}; ended customers left out; — means not classified",
        from?.description ?? tr("the first sale"), to?.description ?? tr("the last sale"))
    ]
    return .table(t)
  }

  static func customer(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let asof = a.date("asof") ?? s.today
    let w = MonthWindow(asof: asof.adding(months: 1), months: 12)
    let monthly = SalesTotals.monthly(s.db, customer: id, w)
    let (orders, _, quantity) = CustomerActivity.orders(s.db, customer: id, from: w.start, to: asof)
    var total = Money.zero
    for m in monthly { total = try total.adding(m) }
    let everyone = SalesTotals.totals(s.db, from: w.start, to: asof).reduce(0, &+)
    let delay = Ledger(s.db).daysPaidLate(customer: id, asof: s.today)

    let complaints = Complaints(s.db).customer.rows(equalTo: id).count
    var steps = zip(w.labels, monthly).map { WorkingLine("sales \($0)", "", .money($1)) }
    steps.append(WorkingLine("sales, 12 months", "sum of the months", .money(total)))
    steps.append(WorkingLine("orders", "sale lines", .int(Int64(orders))))
    steps.append(WorkingLine("quantity", "units on those lines", .int(quantity)))
    steps.append(
      WorkingLine(
        "average order", "sales ÷ orders",
        orders == 0 ? .null : .money(try total.decimal.divided(by: Dec(orders), scale: 2).toMoney())))
    steps.append(
      WorkingLine("share of our sales", "sales ÷ all customers' sales", Analysis.share(total.fen, everyone)))
    steps.append(
      WorkingLine(
        "average days paid late", "over \(delay.invoices) settled invoices",
        delay.average.map(Value.decimal) ?? .null))
    steps.append(
      WorkingLine(
        "invoices open past due", "on \(asof)",
        .int(Int64(Ledger(s.db).openPastDue(customer: id, asof: asof)))))
    steps.append(WorkingLine("complaints", "all recorded", .int(Int64(complaints))))
    let working = Working(
      title: tr("Trade of {0} {1} with us (交易业绩, §2.5 (1) 2)", id, Analysis.name(s, r)),
      rule: "§2.5 (1) 2: purchases, order count and buying timing, share of sales, delays",
      inputs: [], steps: Array(steps.dropLast()), result: steps.last!,
      convention: ["the 12 calendar months up to and including \(Analysis.monthLabel(asof)), to \(asof)"])
    // The months are the first twelve lines; a bar beside each shows the buying pattern.
    return s.tableWithBars(working.table, rows: 0..<12, lengths: monthly.map { Double($0.fen) })
  }

  static func startsStops(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (from, to) = try period(a)
    let first = SalesTotals.totals(s.db, from: nil, to: from!.adding(days: -1))
    let inside = SalesTotals.totals(s.db, from: from, to: to)
    let span = CustomerActivity.firstAndLastSale(s.db)
    var t = ResultTable(
      columns: [
        ResultColumn("change", .text), ResultColumn("id", .int), ResultColumn("name", .text),
        ResultColumn("first_sale", .date), ResultColumn("last_sale", .date),
        ResultColumn("sales_in_period", .money),
        ResultColumn("status", .text),
      ],
      title: tr("Trade started and stopped, {0} to {1} (§2.5 (2))", from!.description, to!.description))
    let c = Customers(s.db)
    for r in c.rows {
      guard let (f, l) = span[r] else { continue }
      let change: String
      if f >= from! && f <= to! {
        change = tr("started")
      } else if f < from! && first[r] != 0 && inside[r] == 0 {
        change = tr("stopped")
      } else {
        continue
      }
      t.rows.append([
        .text(change), .int(Analysis.id(s, r)), .text(Analysis.name(s, r)), .date(f), .date(l),
        .money(Money(fen: inside[r])), c.status.value(r),
      ])
    }
    func key(_ row: [Value]) -> (String, Int64) {
      if case .int(let i) = row[1] { return (row[0].plainText, i) }
      return (row[0].plainText, 0)
    }
    t.rows.sort { key($0) < key($1) }
    t.notes = [
      tr("started: the first sale falls in the period; stopped: bought before the period and nothing in it"),
      tr("§2.4 rule 4: a customer that stopped is ended with `customer end`, its records kept"),
    ]
    return .table(t)
  }
}
