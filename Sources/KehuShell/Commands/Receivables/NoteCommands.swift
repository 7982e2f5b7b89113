import KehuDomain
import KehuStore

/// A note's life after it is received (§5): discounted at the bank, settled at maturity, or
/// dishonoured. Each step records its day, so the ledger shows the note as it stood on any day.
enum NoteCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "note discount",
        summary: tr("discount a held note at the bank: the discount interest and the proceeds"),
        arguments: [
          .positional("no", .text), .key("rate", .percent, required: true), .key("date", .date),
          .key("year", .choice(["360", "365"])),
          .key("recourse", .bool, help: tr("whether the bank can come back to us if it is not paid (yes)")),
        ],
        example: "note discount BN-001 rate=6% date=2026-11-29", section: "§5", writes: true,
        handler: discount),
      CommandSpec(
        "note settle", summary: tr("a note paid at maturity"),
        arguments: [.positional("no", .text), .key("date", .date)], example: "note settle BN-001",
        section: "§5", writes: true, handler: settle),
      CommandSpec(
        "note dishonour",
        summary: tr("a note not paid at maturity: the debt is owed again, with its original dates"),
        arguments: [.positional("no", .text), .key("date", .date)], example: "note dishonour BN-001",
        section: "§5", writes: true, handler: dishonour),
    ]
  }

  /// The note named by `no`, checked to be in one of `from`.
  static func note(_ s: Session, _ a: ParsedArguments, from: [NoteStatus], to: NoteStatus) throws -> (
    LedgerNote, Day
  ) {
    let no = a.text("no")!
    guard let n = Ledger(s.db).notes.first(where: { $0.no == no }) else {
      throw a.error(tr("no note {0}", no), at: "no")
    }
    guard from.contains(n.status) else {
      throw a.error(
        tr(
          "note {0} is {1}; only a {2} note can become {3}", no, n.status.rawValue,
          from.map(\.rawValue).joined(separator: " or "), to.rawValue),
        at: "no")
    }
    let date = a.date("date") ?? s.today
    if let issued = n.issued, date < issued {
      throw a.error(tr("{0} is before the note was issued ({1})", date, issued), at: "date")
    }
    if let d = n.discounted, date < d {
      throw a.error(tr("{0} is before the note was discounted ({1})", date, d), at: "date")
    }
    return (n, date)
  }

  static func discount(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (n, date) = try note(s, a, from: [.held], to: .discounted)
    guard case .percent(let rate)? = a["rate"] else { return .message("") }
    let year = a.dayCount(s)
    let recourse = a["recourse"] == nil ? true : a.flag("recourse")
    let d = try a.rule(at: "rate") { () throws(DomainError) in
      try noteDiscount(
        face: n.amount, rate: rate, discounted: date, matures: n.matures ?? date, year: year)
    }
    try s.change([
      .update(
        table: "notes", key: .text(n.no),
        values: [
          "status": .text("discounted"), "discounted": .date(date), "rate": .percent(rate),
          "year": .int(Int64(year.days)), "interest": .money(d.interest), "proceeds": .money(d.proceeds),
          "recourse": .bool(recourse),
        ])
    ])
    var t = d.working.table
    t.title = tr("Note {0} discounted on {1}", n.no, date)
    t.notes.append(
      recourse
        ? tr("with recourse: the note stays in the customer's exposure until it is settled")
        : tr("without recourse: the note leaves the customer's exposure"))
    return .table(t)
  }

  static func settle(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (n, date) = try note(s, a, from: [.held, .discounted], to: .settled)
    try s.change([
      .update(table: "notes", key: .text(n.no), values: ["status": .text("settled"), "closed": .date(date)])
    ])
    return .message(tr("note {0}: {1} → {2}", n.no, n.status.rawValue, "settled"))
  }

  /// The debt the note stood for is owed again, once: back on the invoice it was given for
  /// (which keeps its own dates), or as a `DH-` invoice dated and due as the note was, marked
  /// as reopening it so that it is not a new sale and is owed only from today.
  static func dishonour(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (n, date) = try note(s, a, from: [.held, .discounted], to: .dishonoured)
    let (batch, reopened) = Ledger.dishonouring(n, on: date)
    let extra: String
    switch reopened {
    case .onInvoice(let inv): extra = tr("; {0} is owed again on invoice {1}", n.amount, inv)
    case .asInvoice(let inv): extra = tr("; {0} is owed again as invoice {1}", n.amount, inv)
    }
    try s.change(batch)
    return .message(tr("note {0}: {1} → {2}", n.no, n.status.rawValue, "dishonoured") + extra)
  }
}
