import KehuStore

/// Where a dishonoured note's debt is owed again.
public enum ReopenedDebt: Sendable, Equatable {
  /// Back on the invoice the note was given for, which keeps its own dates.
  case onInvoice(String)
  /// As a new invoice dated and due as the note was, marked as reopening it: not a sale.
  case asInvoice(String)
}

extension Ledger {
  /// What dishonouring `note` on `date` writes (§5): the note closed as dishonoured, and the
  /// debt it stood for owed again once, either on its invoice (a negative settlement of kind
  /// `dishonoured`) or as a `DH-` invoice that reopens the note. No new sale, no double count.
  public static func dishonouring(_ note: LedgerNote, on date: Day) -> (
    changes: [Mutation], reopened: ReopenedDebt
  ) {
    var batch: [Mutation] = [
      .update(
        table: "notes", key: .text(note.no), values: ["status": .text("dishonoured"), "closed": .date(date)])
    ]
    if let inv = note.invoice {
      batch.append(
        .insert(
          table: "payments",
          values: [
            "invoice": .text(inv), "customer": .int(note.customer), "date": .date(date),
            "amount": .money(Money(fen: -note.amount.fen)),
            "method": .text(SettlementKind.dishonoured.rawValue),
          ]))
      return (batch, .onInvoice(inv))
    }
    let inv = DocumentNumbers.reopening(note: note.no)
    let issued = note.issued ?? date
    batch.append(
      .insert(
        table: "invoices",
        values: [
          "no": .text(inv), "customer": .int(note.customer), "date": .date(issued),
          "due": .date(note.matures ?? issued), "amount": .money(note.amount), "note": .text(note.no),
        ]))
    return (batch, .asInvoice(inv))
  }
}
