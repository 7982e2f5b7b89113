import KehuDomain
import KehuStore

/// Orders taken on credit (issue 14). The credit check runs once, when the order is taken;
/// invoicing it later is no new credit, so it is not checked again. While open the order
/// counts in the customer's exposure; once invoiced the invoice counts instead.
enum OrderCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "order add",
        summary: tr("take an order on credit: checked against the limit once, now (override by=… reason=…)"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true), .key("date", .date),
          .key("no", .text),
        ] + CreditExposureCommands.overrideArgs,
        example: "order add 1001 amount=30000 date=2026-11-29", section: "§3.3", writes: true,
        handler: add),
      CommandSpec(
        "order invoice", summary: tr("turn an open order into an invoice, without a second credit check"),
        arguments: [
          .positional("no", .text), .key("date", .date), .key("due", .date),
          .key("terms", .text, help: tr("credit terms such as 2/10 n/30")),
          .key("invoice", .text, help: tr("the new invoice's number")),
        ],
        example: "order invoice SO-00001 date=2026-12-01 due=2026-12-31", section: "§5, §3.3",
        writes: true, handler: invoice),
      CommandSpec(
        "order cancel", summary: tr("cancel an open order: it no longer counts in exposure"),
        arguments: [.positional("no", .text), .key("date", .date)], example: "order cancel SO-00001",
        section: "§3.3", writes: true, handler: cancel),
      CommandSpec(
        "order list", summary: tr("orders taken, open first, with the invoice each became"),
        arguments: [.positional("id", .customer, required: false)], example: "order list",
        section: "§3.3", handler: list),
    ]
  }

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    guard amount.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let date = a.date("date") ?? s.today
    var no = ""
    var extra: [Mutation] = []
    // The number and the credit check are taken on the newest rows: on a shared database,
    // inside the writing transaction, so two clerks cannot both take the customer past its
    // limit (the session's view is then the same rows as `current`).
    try s.change { current in
      let orders = Orders(current)
      no = try a.text("no") ?? DocumentNumbers.orders(current).first
      if orders.row(no: no) != nil { throw a.error(tr("order {0} already exists", no), at: "no") }
      do {
        extra = try CreditCommands.checkNewInvoice(
          s, customer: id, amount: amount, override: try CreditCommands.overrideArgument(a), reference: no,
          order: true)
      } catch let e as ShellError {
        throw a.error(e.message, at: "amount", hint: e.hint)
      }
      let values: [String: Value] = [
        "no": .text(no), "customer": .int(id), "date": .date(date), "amount": .money(amount),
        "status": .text("open"),
      ]
      return [.insert(table: "orders", values: values)] + extra
    }
    var said = tr(
      "order {0} from {1} {2}: {3}, taken {4}; open until invoiced or cancelled", no, id,
      s.db.nameOrId(id), amount, date)
    if !extra.isEmpty { said += "\n" + tr("allowed over the refusal; recorded in `credit overrides`") }
    return .message(said)
  }

  static func invoice(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let no = a.text("no")!
    let date = a.date("date") ?? s.today
    let o = try a.rule(at: "no") { () throws(DomainError) in
      try Ledger(s.db).openOrder(no, closing: date)
    }
    let (terms, due) = try ReceivableCommands.termsAndDue(
      a, date: date, missing: tr("`order invoice` needs due= or terms= to know when the invoice is due"),
      at: "no")
    var inv = ""
    // Numbered on the newest rows: on a shared database, inside the writing transaction, so
    // two orders invoiced at once never share an invoice number.
    try s.change { current in
      inv = a.text("invoice") ?? DocumentNumbers.invoices(current).first
      if Invoices(current).row(no: inv) != nil {
        throw a.error(tr("invoice {0} already exists", inv), at: "invoice")
      }
      var values: [String: Value] = [
        "no": .text(inv), "customer": .int(o.customer), "date": .date(date), "due": .date(due),
        "amount": .money(o.amount),
      ]
      if let terms { values["terms"] = .text(terms.description) }
      // The order's credit was checked when it was taken; its amount moves to the invoice on
      // the invoice's date, so exposure counts it once.
      return [
        .insert(table: "invoices", values: values),
        .update(
          table: "orders", key: .text(no),
          values: ["status": .text("invoiced"), "invoice": .text(inv), "closed": .date(date)]),
      ]
    }
    return .message(
      tr(
        "order {0} invoiced as {1}: {2}, dated {3}, due {4} (credit checked when the order was taken on {5})",
        no, inv, o.amount, date, due, o.date))
  }

  static func cancel(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let no = a.text("no")!
    let date = a.date("date") ?? s.today
    let o = try a.rule(at: "no") { () throws(DomainError) in
      try Ledger(s.db).openOrder(no, closing: date)
    }
    try s.change([
      .update(table: "orders", key: .text(no), values: ["status": .text("cancelled"), "closed": .date(date)])
    ])
    return .message(tr("order {0} of {1} cancelled on {2}: no longer in exposure", no, o.amount, date))
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let only: Int64? = a.text("id") == nil ? nil : try CustomerCommands.customerId(s, a)
    var t = ResultTable(
      columns: [
        ResultColumn(tr("order"), .text), ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text),
        ResultColumn(tr("date"), .date), ResultColumn(tr("amount"), .money),
        ResultColumn(tr("status"), .text),
        ResultColumn(tr("invoice"), .text), ResultColumn(tr("closed"), .date),
      ],
      title: tr("Orders taken on credit"),
      notes: [tr("an open order counts in exposure until it is invoiced or cancelled")])
    let orders = Ledger(s.db).orders.filter { only == nil || $0.customer == only }.sorted {
      ($0.status == .open ? 0 : 1, $0.date, $0.no) < ($1.status == .open ? 0 : 1, $1.date, $1.no)
    }
    for o in orders {
      t.rows.append([
        .text(o.no), .int(o.customer), .text(s.db.nameOrId(o.customer)), .date(o.date),
        .money(o.amount), .text(tr(o.status.rawValue)), o.invoice.map(Value.text) ?? .null,
        o.closed.map(Value.date) ?? .null,
      ])
    }
    return .table(t)
  }
}
