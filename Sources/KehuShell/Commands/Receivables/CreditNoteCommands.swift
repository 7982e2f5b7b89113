import KehuDomain
import KehuStore

/// Credit notes (贷项通知, issue 14): a return, an allowance or a complaint's compensation.
/// They reduce what is owed, never count as money received, and are never rows of `payments`.
enum CreditNoteCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "credit note", summary: tr("record a credit note (return, allowance, complaint): owed less, no cash"),
        arguments: [
          .positional("id", .customer), .key("amount", .money, required: true), .key("date", .date),
          .key(
            "invoice", .text, help: tr("the invoice it reduces; without it the credit is kept on account")),
          .key("reason", .choice(["return", "allowance", "complaint"]), required: true), .key("no", .text),
          .key("note", .text),
        ],
        example: "credit note 1009 amount=1260 invoice=INV-00009 reason=allowance date=2026-11-29",
        section: "§5", writes: true, handler: add)
    ]
  }

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    guard amount.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let date = a.date("date") ?? s.today
    var values: [String: Value] = [
      "customer": .int(id), "amount": .money(amount), "date": .date(date), "reason": .text(a.text("reason")!),
    ]
    if let n = a.text("note") { values["note"] = .text(n) }
    var against = tr("kept on account")
    var no = ""
    // Numbered and checked on the newest rows: on a shared database, inside the writing
    // transaction, so two credit notes made at once never share a number nor together take
    // an invoice below zero.
    try s.change { current in
      if let inv = a.text("invoice") {
        guard let i = Ledger(current).invoice(inv) else {
          throw a.error(tr("no invoice {0}", inv), at: "invoice")
        }
        if i.customer != id {
          throw a.error(tr("invoice {0} belongs to customer {1}", inv, i.customer), at: "invoice")
        }
        if date < i.date {
          throw a.error(tr("{0} is before invoice {1} ({2})", date, inv, i.date), at: "date")
        }
        let open = Ledger.balance(i)
        if amount > open {
          throw a.error(
            tr("the credit note's {0} is more than the {1} open on invoice {2}", amount, open, inv),
            at: "amount")
        }
        values["invoice"] = .text(inv)
        against = tr(
          "against invoice {0} (balance {1} → {2})", inv, open, (try? open.subtracting(amount)) ?? open)
      }
      no = a.text("no") ?? DocumentNumbers.creditNotes(current).first
      if CreditNotes(current).row(no: no) != nil {
        throw a.error(tr("credit note {0} already exists", no), at: "no")
      }
      values["no"] = .text(no)
      return [.insert(table: "credit_notes", values: values)]
    }
    return .message(
      tr(
        "credit note {0} for {1} {2}: {3} ({4}), {5}", no, id, s.db.nameOrId(id), amount,
        a.text("reason")!, against))
  }
}
