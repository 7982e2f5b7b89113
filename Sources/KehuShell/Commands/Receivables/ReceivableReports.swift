import KehuDomain
import KehuStore

/// Ageing, DSO, statements, the bad-debt provision and late-payment interest (§5, §2.6).
enum ReceivableReports {
  static let yearArg = ArgSpec.key("year", .choice(["360", "365"]), help: tr("days in a year"))
  static let edgesArg = ArgSpec.key("edges", .text, help: tr("bucket edges such as 30,60,90"))

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "ar ageing", summary: tr("receivables ageing by days past due; the buckets add up to the total"),
        arguments: [
          .key("asof", .date),
          .key("by", .choice(AgeingGroup.allCases.map(\.rawValue))), edgesArg,
          .key(
            "count", .choice(["due", "invoice"]),
            help: tr("count days from the due date (default) or the invoice date")),
          ChartRequestKind.argument,
        ],
        example: "ar ageing by=owner", section: "§2.6, §5", handler: ageing),
      CommandSpec(
        "ar dso", summary: tr("days sales outstanding over a period"),
        arguments: [
          .key("from", .date), .key("to", .date),
          .key("by", .choice(["month"]), help: tr("one DSO per calendar month, drawn as a line of bars")),
          ChartRequestKind.argument,
        ],
        example: "ar dso from=2026-09-01 to=2026-11-29", section: "§5", handler: dso),
      CommandSpec(
        "ar statement", summary: tr("a customer's statement: open items, ageing, notes, promises, total due"),
        arguments: [.positional("id", .customer), .key("asof", .date), edgesArg],
        example: "ar statement 1010", section: "§2.6, §5", handler: statement),
      CommandSpec(
        "ar provision", summary: tr("bad-debt provision: Σ ageing bucket × loss rate"),
        arguments: [.key("rates", .text), .key("asof", .date), edgesArg],
        example: "ar provision rates=1%,5%,10%,30%,50%", section: "§5", handler: provision),
      CommandSpec(
        "ar interest", summary: tr("late-payment interest on overdue items (added only with `apply`)"),
        arguments: [
          .key("rate", .percent, required: true), .key("asof", .date), .key("customer", .customer), yearArg,
          .key("apply", .bool),
        ],
        example: "ar interest rate=6% customer=1010", section: "§5", writes: true, handler: interest),
    ]
  }

  // MARK: ageing

  static func ageing(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let edges = try a.ageingEdges(s)
    let request = try ChartRequestKind.parse(a)
    let ledger = Ledger(s.db)
    // Counting from the invoice date ages by days outstanding instead of days past due.
    let fromInvoice = a.text("count") == "invoice"
    var notes: [String] = []
    let held = ledger.notesHeld(asof: asof)
    if held.count > 0 {
      notes.append(tr("notes held or discounted, not aged here: {0} ({1} notes)", held.total, held.count))
    }
    let countNote: Message = tr(
      "days counted from the invoice date (days outstanding); an item invoiced on {0} is current", asof)
    guard let by = a.text("by").flatMap(AgeingGroup.init(rawValue:)) else {
      var t = try a.rule(at: "asof") { () throws(DomainError) in
        try ledger.ageing(asof: asof, edges: edges, fromInvoiceDate: fromInvoice)
      }.table(translating: tr)
      if fromInvoice { t.notes[0] = countNote }
      t.notes +=
        [tr("edges: {0} (`set ageing` or edges=)", edges.edges.map(String.init).joined(separator: ","))]
        + notes.map(Message.init(verbatim:))
      // One bar per bucket: the buckets are the rows.
      return try s.withChart(t, request, a) {
        TableChart.make(t, kind: .bars, label: 0, values: [2], leaving: [tr("total")])
      }
    }
    var t = try a.rule(at: "by") { () throws(DomainError) in
      let groups = try ledger.ageing(
        asof: asof, edges: edges, fromInvoiceDate: fromInvoice, by: by, customers: Customers(s.db))
      return by == .customer
        ? try groups.tableByCustomer(translating: tr) { s.db.nameOrId($0) }
        : try groups.table(groupColumn: by.rawValue, translating: tr)
    }
    // The customer's name labels its bar; the id beside it is no amount.
    let label = by == .customer ? 1 : 0
    if fromInvoice { t.notes.insert(countNote, at: 0) }
    t.notes += notes.map(Message.init(verbatim:))
    // A stacked bar per group, a part per bucket, in the buckets' order.
    return try s.withChart(t, request, a) {
      TableChart.make(
        t, kind: .bars, label: label, values: Array((label + 1)..<(t.columns.count - 1)),
        leaving: [tr("total")])
    }
  }

  // MARK: DSO

  static func dso(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if a.text("by") == "month" { return try DSOByMonth.run(s, a) }
    if a["chart"] != nil { throw a.error(tr("`chart` draws the months of `by=month`"), at: "chart") }
    let to = a.date("to") ?? s.today
    let from = a.date("from") ?? to.adding(days: -89)
    if from > to { throw a.error(tr("`from` is after `to`"), at: "from") }
    let (receivables, sales) = DSOByMonth.figures(s.db, from: from, to: to)
    let days = Int(to.number - from.number) + 1
    var t = try a.rule(at: "from") { () throws(DomainError) in
      try KehuDomain.dso(receivables: receivables, creditSales: sales, periodDays: days)
    }.table
    t.title = tr("Days sales outstanding (DSO), {0} to {1}", from, to)
    t.notes.append(
      tr("credit sales: invoices dated in the period; receivables: invoice balances as of {0}", to))
    return .table(t)
  }

  // MARK: statement

  static func statement(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let asof = a.date("asof") ?? s.today
    let edges = try a.ageingEdges(s)
    let st = try a.rule(at: "id") { () throws(DomainError) in
      try Ledger(s.db).statement(customer: id, asof: asof, edges: edges)
    }
    var items = ResultTable(
      columns: [
        ResultColumn("invoice", .text), ResultColumn("date", .date), ResultColumn("due", .date),
        ResultColumn("terms", .text), ResultColumn("amount", .money), ResultColumn("balance", .money),
        ResultColumn("days past due", .int), ResultColumn("bucket", .text),
      ],
      title: tr("Statement of {0} {1} as of {2}", id, s.db.nameOrId(id), asof))
    let buckets = edges.buckets
    for it in st.items {
      let i = it.invoice
      items.rows.append([
        .text(i.no), .date(i.date), .date(i.due), i.terms.map(Value.text) ?? .null, .money(i.amount),
        .money(it.balance), .int(Int64(it.daysPastDue)), .text(buckets[it.bucket].label),
      ])
    }
    var notes = ResultTable(
      columns: [
        ResultColumn("note", .text), ResultColumn("amount", .money), ResultColumn("issued", .date),
        ResultColumn("matures", .date), ResultColumn("status", .text), ResultColumn("for invoice", .text),
      ], title: tr("Notes (commercial bills) held or discounted"))
    for (n, status) in st.notes {
      notes.rows.append([
        .text(n.no), .money(n.amount), n.issued.map(Value.date) ?? .null, n.matures.map(Value.date) ?? .null,
        .text(status.rawValue), n.invoice.map(Value.text) ?? .null,
      ])
    }
    var promises = ResultTable(
      columns: [
        ResultColumn("made", .date), ResultColumn("due", .date), ResultColumn("amount", .money),
        ResultColumn("paid", .money), ResultColumn("status", .text),
      ], title: tr("Promises to pay"))
    for (p, status, paid) in st.promises {
      promises.rows.append([
        .date(p.made), .date(p.due), .money(p.amount), .money(paid), .text(status.rawValue),
      ])
    }
    items.notes = [
      tr(
        "invoices open: {0}; on account (money and credit notes not applied): {1}; total due: {2}",
        st.ageing.total, st.onAccount, st.totalDue),
      tr(
        "notes held or discounted: {0} (already taken off their invoices, not counted twice)", st.notesTotal),
    ]
    var parts = [items, st.ageing.table(translating: tr)]
    if !notes.rows.isEmpty { parts.append(notes) }
    if !promises.rows.isEmpty { parts.append(promises) }
    return .tables(parts)
  }

  // MARK: provision

  /// An example scale of loss rates, used only when none are given (the firm's own belong here).
  static let exampleRates = ["1%", "5%", "10%", "30%", "50%"]

  static func provision(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let edges = try a.ageingEdges(s)
    let given = a.text("rates")
    if given == nil && edges.buckets.count != exampleRates.count {
      throw a.error(tr("give rates= with one loss rate per bucket ({0})", edges.buckets.count), at: "edges")
    }
    var rates: [Dec] = []
    for part in (given ?? exampleRates.joined(separator: ",")).split(separator: ",") {
      let text = String(part)
      let pct = text.hasSuffix("%")
      guard let d = Dec(parsing: pct ? String(text.dropLast()) : text),
        let r = pct ? try? d.divided(by: Dec(100)) : d
      else { throw a.error(tr("`{0}` is not a rate (write 5% or 0.05)", text), at: "rates") }
      rates.append(r)
    }
    let work = try a.rule(at: "rates") { () throws(DomainError) in
      try KehuDomain.provision(try Ledger(s.db).ageing(asof: asof, edges: edges), rates: rates)
    }
    var t = work.table
    if given == nil {
      t.notes.append(
        tr("rates not given: the example scale {0} was used", exampleRates.joined(separator: ", ")))
    }
    return .table(t)
  }

  // MARK: interest

  static func interest(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let year = a.dayCount(s)
    let rate = a["rate"].flatMap { if case .percent(let d) = $0 { return d } else { return nil } } ?? .zero
    var only: Int64? = nil
    if a.text("customer") != nil {
      var b = a
      b.values["id"] = a.values["customer"]
      b.positions["id"] = a.positions["customer"]
      only = try CustomerCommands.customerId(s, b)
    }
    var byCustomer: [Int64: [OpenItem]] = [:]
    var all: [OpenItem] = []
    for (id, it) in Ledger(s.db).overdueHistory(asof: asof, customer: only) {
      all.append(it)
      byCustomer[id, default: []].append(it)
    }
    let work = try a.rule(at: "rate") { () throws(DomainError) in
      try lateInterest(all, annualRate: rate, asof: asof, year: year)
    }
    var t = work.table
    guard a.flag("apply") else { return .table(t) }
    var batch: [Mutation] = []
    for id in byCustomer.keys.sorted() {
      let w = try a.rule(at: "rate") { () throws(DomainError) in
        try lateInterest(byCustomer[id]!, annualRate: rate, asof: asof, year: year)
      }
      guard case .money(let m) = w.result.value, m.fen > 0 else { continue }
      let no = DocumentNumbers.interest(asof: asof, customer: id)
      batch.append(
        .insert(
          table: "invoices",
          values: [
            "no": .text(no), "customer": .int(id), "date": .date(asof), "due": .date(asof),
            "amount": .money(m),
          ]))
    }
    // Checked on the newest rows: on a shared database, inside the writing transaction, so
    // interest applied twice at once is refused with this message, not by the database.
    try s.change { current in
      for case .insert(_, let values) in batch {
        guard case .text(let no)? = values["no"], case .int(let id)? = values["customer"],
          Invoices(current).row(no: no) != nil
        else { continue }
        throw a.error(
          tr("interest as of {0} was already applied to customer {1} ({2})", asof, id, no), at: "apply")
      }
      return batch
    }
    t.notes = t.notes.map { Message(verbatim: tr($0).replacingAll("; not added to any balance", with: "")) }
    t.notes.append(tr("applied: {0} interest invoice(s) INT-{1}-ID added to the balances", batch.count, asof))
    return .table(t)
  }
}
