import KehuDomain
import KehuStore

/// Invoices, payments and notes (§5). Balances are derived from payments, never typed in:
/// a cash discount granted is a payment of method `discount`, and a note given for an invoice
/// a payment of method `note`, so the note's amount leaves the invoice and is counted once.
enum ReceivableCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "invoice add", summary: tr("record a credit sale's invoice (its balance is derived from payments)"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true), .key("date", .date),
          .key("due", .date), .key("terms", .text, help: tr("credit terms such as 2/10 n/30")),
          .key("no", .text),
        ] + CreditExposureCommands.overrideArgs,
        example: "invoice add 1001 amount=11700 date=2026-11-20 terms=\"2/10 n/30\"", section: "§5, §3.3",
        writes: true, handler: addInvoice),
      CommandSpec(
        "payment add", summary: tr("record a payment, applied oldest first with any cash discount"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true), .key("date", .date),
          .key("invoice", .text), .key("method", .text), .key("on_account", .bool),
        ],
        example: "payment add 1001 amount=5000 date=2026-11-25", section: "§5", writes: true,
        handler: addPayment),
      CommandSpec(
        "note add", summary: tr("record a commercial bill (note) received, optionally for an invoice"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true),
          .key("issued", .date, required: true), .key("matures", .date, required: true),
          .key("invoice", .text), .key("no", .text),
        ],
        example: "note add 1001 amount=50000 issued=2026-11-29 matures=2027-02-27 invoice=INV-00441",
        section: "§5", writes: true, handler: addNote),
    ]
  }

  static func addInvoice(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    if amount.fen < 0 {
      throw a.error(
        tr("an invoice cannot be negative: a return or allowance is a credit note (use `credit note`)"),
        at: "amount",
        hint: tr("credit note {0} amount={1} reason=return invoice=NO", id, Money(fen: -amount.fen)))
    }
    guard amount.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let date = a.date("date") ?? s.today
    let (terms, due) = try termsAndDue(
      a, date: date, missing: tr("`invoice add` needs due= or terms= to know when it is due"), at: "amount")
    var no = ""
    // Numbered and checked on the newest rows: on a shared database, inside the writing
    // transaction (the session's view is then the same rows as `current`).
    try s.change { current in
      no = try a.text("no") ?? DocumentNumbers.invoices(current).first
      if Invoices(current).row(no: no) != nil {
        throw a.error(tr("invoice {0} already exists", no), at: "no")
      }
      var values: [String: Value] = [
        "no": .text(no), "customer": .int(id), "date": .date(date), "due": .date(due),
        "amount": .money(amount),
      ]
      if let terms { values["terms"] = .text(terms.description) }
      // The credit exposure check (§3.3): over the limit, on watch, over a shipment cap or with
      // supply suspended is refused with the figures, unless overridden (audited).
      let extra = try CreditCommands.checkNewInvoice(
        s, customer: id, amount: amount, override: try CreditCommands.overrideArgument(a), reference: no)
      return [.insert(table: "invoices", values: values)] + extra
    }
    return .message(
      tr(
        "invoice {0} for {1} {2}: {3}, dated {4}, due {5}", no, id, s.db.nameOrId(id),
        amount, date, due))
  }

  static func addPayment(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    let date = a.date("date") ?? s.today
    // Today's balances (every payment already recorded counts, whatever its date), over the
    // invoices issued by the payment's date: a back-dated payment never reopens a paid invoice.
    let ledger = Ledger(s.db)
    let open = ledger.openItems(asof: max(date, s.today), customer: id).filter { $0.invoice.date <= date }.map
    {
      i, bal in
      OpenInvoice(
        no: i.no, date: i.date, due: i.due, balance: bal,
        terms: i.terms.flatMap { try? CashDiscountTerms(parsing: $0) })
    }
    if let no = a.text("invoice"), let i = ledger.invoice(no), i.customer != id {
      throw a.error(tr("invoice {0} belongs to customer {1}", no, i.customer), at: "invoice")
    }
    let applied = try a.rule(at: a.text("invoice") != nil ? "invoice" : "amount") {
      () throws(DomainError) in
      try applyPayment(
        amount: amount, date: date, invoice: a.text("invoice"), onAccount: a.flag("on_account"),
        openItems: open)
    }
    let method = a.text("method") ?? "transfer"
    var batch: [Mutation] = []
    func pay(_ invoice: String?, _ m: Money, _ how: String) {
      var v: [String: Value] = [
        "customer": .int(id), "date": .date(date), "amount": .money(m), "method": .text(how),
      ]
      if let invoice { v["invoice"] = .text(invoice) }
      batch.append(.insert(table: "payments", values: v))
    }
    for al in applied.allocations {
      if al.applied.fen > 0 { pay(al.invoice, al.applied, method) }
      if al.discount.fen > 0 { pay(al.invoice, al.discount, "discount") }
    }
    if applied.onAccount.fen > 0 { pay(nil, applied.onAccount, "on_account") }
    try s.change(batch)
    var t = applied.table
    t.title = tr(
      "Payment of {0} from {1} {2} on {3}", amount, id, s.db.nameOrId(id), date)
    t.notes.append(tr("a discount is recorded as a payment of method `discount`; balances are derived"))
    return .table(t)
  }

  static func addNote(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    guard amount.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let issued = a.date("issued")!
    let matures = a.date("matures")!
    if matures < issued { throw a.error(tr("`matures` is before `issued`"), at: "matures") }
    var no = ""
    var moved = ""
    // Numbered and checked on the newest rows, as `invoice add` is: on a shared database,
    // inside the writing transaction, so two clerks adding notes at once never share a number
    // and a note never takes more than what is still open on its invoice.
    try s.change { current in
      no = try a.text("no") ?? DocumentNumbers.notes(current).first
      if Notes(current).row(no: no) != nil { throw a.error(tr("note {0} already exists", no), at: "no") }
      var values: [String: Value] = [
        "no": .text(no), "customer": .int(id), "amount": .money(amount), "issued": .date(issued),
        "matures": .date(matures), "status": .text("held"),
      ]
      var batch: [Mutation] = []
      if let inv = a.text("invoice") {
        let ledger = Ledger(current)
        guard let i = ledger.invoice(inv) else { throw a.error(tr("no invoice {0}", inv), at: "invoice") }
        if i.customer != id {
          throw a.error(tr("invoice {0} belongs to customer {1}", inv, i.customer), at: "invoice")
        }
        let open = Ledger.balance(i)
        if amount > open {
          throw a.error(
            tr("the note's {0} is more than the {1} open on invoice {2}", amount, open, inv), at: "amount")
        }
        values["invoice"] = .text(inv)
        batch.append(
          .insert(
            table: "payments",
            values: [
              "invoice": .text(inv), "customer": .int(id), "date": .date(issued), "amount": .money(amount),
              "method": .text("note"),
            ]))
        moved = tr(
          "; {0} moved from invoice {1} (balance {2} → {3})", amount, inv, open,
          (try? open.subtracting(amount)) ?? open)
      }
      return [.insert(table: "notes", values: values)] + batch
    }
    return .message(tr("note {0} held from {1}: {2}, matures {3}", no, id, amount, matures) + moved)
  }

  /// An invoice's terms (`terms=`) and due date: `due=`, or the terms' net period after `date`;
  /// refused with `missing` (at argument `at`) when neither is given, or when due before `date`.
  static func termsAndDue(_ a: ParsedArguments, date: Day, missing: String, at: String) throws -> (
    CashDiscountTerms?, Day
  ) {
    var terms: CashDiscountTerms? = nil
    if let text = a.text("terms") {
      terms = try a.rule(at: "terms") { () throws(DomainError) in
        try CashDiscountTerms(parsing: text)
      }
    }
    guard let due = a.date("due") ?? terms.map({ date.adding(days: $0.netDays) }) else {
      throw a.error(missing, at: at)
    }
    if due < date { throw a.error(tr("`due` is before the invoice date {0}", date), at: "due") }
    return (terms, due)
  }
}
