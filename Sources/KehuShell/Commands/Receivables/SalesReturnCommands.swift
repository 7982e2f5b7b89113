import KehuDomain
import KehuStore

/// Sales lines, and returns entered as negative ones (issue 14): a return linked to the
/// invoice it was sold on (`invoice=`) is also a credit note (reason `return`) against that
/// invoice; without the link it stays in the sales figures only.
enum SalesReturnCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "sale add",
        summary: tr("record a sales line; a negative one with invoice= is a return credited on that invoice"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true), .key("date", .date),
          .key("product", .text), .key("quantity", .int), .key("cost", .money),
          .key("invoice", .text, help: tr("the invoice the goods were sold on")),
        ],
        example: "sale add 1009 amount=-1260 product=打印机 quantity=-1 invoice=INV-00009 date=2026-11-29",
        section: "§2.5, §5", writes: true, handler: add)
    ]
  }

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    guard amount.fen != 0 else { throw a.error(tr("`amount` must not be zero"), at: "amount") }
    let date = a.date("date") ?? s.today
    var values: [String: Value] = ["customer": .int(id), "date": .date(date), "amount": .money(amount)]
    if let p = a.text("product") { values["product"] = .text(p) }
    if let q = a.int("quantity") { values["quantity"] = .int(q) }
    if let c = a.money("cost") { values["cost"] = .money(c) }
    if let no = a.text("invoice") {
      guard let i = Ledger(s.db).invoice(no) else { throw a.error(tr("no invoice {0}", no), at: "invoice") }
      if i.customer != id {
        throw a.error(tr("invoice {0} belongs to customer {1}", no, i.customer), at: "invoice")
      }
      values["invoice"] = .text(no)
    }
    var credits: [Credit] = []
    var returns = (linked: 0, unlinked: 0)
    // A return's credit note is numbered and checked on the newest rows: on a shared
    // database, inside the writing transaction.
    try s.change { current in
      (credits, returns) = try returnCredits(current, [.insert(table: "sales", values: values)]) {
        _, e throws(ShellError) in
        if case .invalidFigure(let name, _, _) = e, a.positions[name] != nil {
          throw a.error(e.description, at: name)
        }
        throw a.error(e.description, at: "amount")
      }
      return [.insert(table: "sales", values: values)] + credits.map(\.mutation)
    }
    var said = tr(
      "sales line for {0} {1}: {2} on {3}", id, s.db.nameOrId(id), amount, date)
    for c in credits {
      said +=
        "\n"
        + tr("credit note {0} against invoice {1} (balance {2} → {3})", c.no, c.invoice, c.before, c.after)
    }
    if returns.unlinked > 0 {
      said +=
        "\n"
        + tr(
          "a return with no invoice: in the sales figures only, not in receivables (give invoice= to credit it)"
        )
    }
    return .message(said)
  }

  /// A credit note made for a linked return, with the invoice's balance around it.
  struct Credit {
    var no: String
    var invoice: String
    var before: Money
    var after: Money
    var mutation: Mutation
    /// The position in `batch` of the sales line it came from.
    var line: Int
  }

  /// The credit notes the negative sales lines of `batch` make (those with an invoice), and
  /// how many returns there were with and without an invoice. A return the ledger refuses
  /// (unknown invoice, another customer's, dated before it, more than is open) goes to
  /// `refuse` with the position of its sales line in `batch`.
  static func returnCredits(
    _ db: Database, _ batch: [Mutation], refuse: (Int, DomainError) throws(ShellError) -> Never
  ) throws(ShellError) -> ([Credit], (linked: Int, unlinked: Int)) {
    var returns: [SalesReturn] = []
    var lines: [Int] = []
    var unlinked = 0
    for (k, m) in batch.enumerated() {
      guard case .insert("sales", let v) = m, case .money(let amount)? = v["amount"], amount.fen < 0,
        case .int(let customer)? = v["customer"], case .date(let date)? = v["date"]
      else { continue }
      guard case .text(let invoice)? = v["invoice"] else {
        unlinked += 1
        continue
      }
      returns.append(
        SalesReturn(customer: customer, date: date, amount: Money(fen: -amount.fen), invoice: invoice))
      lines.append(k)
    }
    guard !returns.isEmpty else { return ([], (0, unlinked)) }
    let checked: [SalesReturn]
    do {
      checked = try Ledger(db).checkReturns(returns)
    } catch {
      try refuse(lines[error.index], error.error)
    }
    var numbers = DocumentNumbers.creditNotes(db)
    var out: [Credit] = []
    for (r, line) in zip(checked, lines) {
      let no = numbers.next()
      let values: [String: Value] = [
        "no": .text(no), "customer": .int(r.customer), "date": .date(r.date), "amount": .money(r.amount),
        "invoice": .text(r.invoice), "reason": .text("return"),
      ]
      out.append(
        Credit(
          no: no, invoice: r.invoice, before: r.before, after: r.after,
          mutation: .insert(table: "credit_notes", values: values), line: line))
    }
    return (out, (returns.count, unlinked))
  }

  /// An import of sales lines: each return with an invoice becomes a credit note in the same
  /// batch (a refused one stops the import at its row); the import says how many returns
  /// had no invoice and so stay in the sales figures only.
  static func creditReturns(_ plan: inout ImportPlan, _ db: Database) throws(ShellError) {
    let rows = plan.rows
    let (credits, returns) = try returnCredits(db, plan.batch) { k, e throws(ShellError) in
      throw ShellError(TableImport.place(rows[k].row, rows[k].line) + ": " + e.description)
    }
    for c in credits {
      plan.batch.append(c.mutation)
      plan.rows.append(rows[c.line])
    }
    if returns.linked > 0 {
      plan.notes.append(
        tr(
          "{0} returns credited on their invoices as credit notes ({1})", returns.linked,
          credits.map(\.no).joined(separator: ", ")))
    }
    if returns.unlinked > 0 {
      plan.notes.append(
        tr("{0} returns with no invoice: in the sales figures only, not in receivables", returns.unlinked))
    }
  }
}
