import KehuDomain
import KehuStore

/// Money on account applied to invoices (issue 14): each application is a pair of payments of
/// method `applied`, one on the invoice and one taking the amount off the account, so the
/// invoice's balance shows it and the money is counted as received once, when it came in.
enum PaymentApplyCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "payment apply", summary: tr("apply money on account to open invoices, oldest first"),
        arguments: [
          .positional("id", .customer), .key("invoice", .text), .key("amount", .money), .key("date", .date),
        ],
        example: "payment apply 1009 date=2026-11-29", section: "§5", writes: true, handler: apply)
    ]
  }

  static func apply(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let date = a.date("date") ?? s.today
    let lines = try a.rule(at: a.text("invoice") != nil ? "invoice" : "id") {
      () throws(DomainError) in
      try Ledger(s.db).applyOnAccount(
        customer: id, date: date, invoice: a.text("invoice"), amount: a.money("amount"))
    }
    var batch: [Mutation] = []
    for l in lines {
      for (invoice, fen) in [(Optional(l.invoice), l.applied.fen), (nil, -l.applied.fen)] {
        var v: [String: Value] = [
          "customer": .int(id), "date": .date(date), "amount": .money(Money(fen: fen)),
          "method": .text("applied"),
        ]
        if let invoice { v["invoice"] = .text(invoice) }
        batch.append(.insert(table: "payments", values: v))
      }
    }
    try s.change(batch)
    var t = ResultTable(
      columns: [
        ResultColumn("invoice", .text), ResultColumn("before", .money), ResultColumn("applied", .money),
        ResultColumn("after", .money),
      ],
      title: tr("Money on account of {0} {1} applied on {2}", id, s.db.nameOrId(id), date)
    )
    t.rows = lines.map { [.text($0.invoice), .money($0.before), .money($0.applied), .money($0.after)] }
    let left = Ledger(s.db).onAccount(customer: id, asof: date)
    t.notes = [Message(verbatim: tr("still on account: {0}", left))]
    if lines.isEmpty { t.notes.append(Message(verbatim: tr("no invoice open: everything stays on account"))) }
    return .table(t)
  }
}
