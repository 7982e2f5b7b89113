import KehuDomain
import KehuStore

/// Responsibility and claims (§4 claims rules): who caused it, the meeting when we are not
/// at fault, the remedy given to the customer (a credit note against what it owes, or money
/// paid out), and the recovery claim against a supplier or carrier.
enum ComplaintClaimCommands {
  static var commands: [CommandSpec] {
    let id = ComplaintCommands.id
    return [
      CommandSpec(
        "complaint responsibility", summary: tr("record who is responsible (§4 principle 03)"),
        arguments: [
          id, .positional("party", .choice(ComplaintResponsibility.allCases.map(\.rawValue))),
          ComplaintCommands.note, ComplaintCommands.date,
        ],
        example: "complaint responsibility 1 supplier note=\"屏幕批次缺陷\"", section: "§4 principle 03",
        writes: true, handler: responsibility),
      CommandSpec(
        "complaint meeting",
        summary: tr(
          "record the meeting that settles responsibility when we are not at fault (claims rule 4)"),
        arguments: [
          id, .key("attendees", .text, required: true), .key("outcome", .text, required: true),
          ComplaintCommands.date,
        ],
        example: "complaint meeting 2 attendees=\"客户,顺达物流,王强\" outcome=\"承运人承担运费损失\"",
        section: "§4 claims rule 4", writes: true, handler: meeting),
      CommandSpec(
        "complaint remedy",
        summary: tr(
          "give a remedy: apology, replacement, refund or compensation (settled as a credit note or paid out)"
        ),
        arguments: [
          id, .positional("remedy", .choice(ComplaintRemedy.allCases.map(\.rawValue))),
          .key("amount", .money), .key("settle", .choice(["credit-note", "pay-out"])), ComplaintCommands.note,
          ComplaintCommands.date,
        ],
        example: "complaint remedy 4 compensate amount=2000 settle=credit-note",
        section: "§4 claims rules 3, 6",
        writes: true, handler: remedy),
      CommandSpec(
        "complaint recover",
        summary: tr("record money recovered from the supplier or carrier (claims rule 6)"),
        arguments: [id, .key("amount", .money, required: true), ComplaintCommands.date],
        example: "complaint recover 1 amount=2000 date=2026-12-10", section: "§4 claims rule 6", writes: true,
        handler: recover),
    ]
  }

  static func responsibility(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    try refuseClosed(c, a)
    let party = ComplaintResponsibility(rawValue: a.text("party")!)!
    let (day, time) = try ComplaintArguments.stepDay(s, a, c)
    var batch: [Mutation] = [
      .update(table: "complaints", key: .int(c.id), values: ["responsibility": .text(party.rawValue)]),
      ComplaintBook.event(
        c, "responsibility", time: time, actor: s.settings.user, note: join(party.rawValue, a.text("note"))),
    ]
    var lines = [tr("complaint {0}: responsibility {1}", c.id, party.rawValue)]
    // Money already paid to the customer is claimed back as soon as a supplier or carrier is found at fault.
    if party.claimsRecovery, c.compensation.fen > 0 {
      batch += try claimMutations(s, c, against: party, amount: c.compensation, day: day, time: time)
      lines.append(
        tr("recovery claim of {0} opened against the {1} (claims rule 6)", c.compensation, party.rawValue))
    }
    if party.callsMeeting {
      lines.append(
        tr(
          "not plainly ours: record the meeting of everyone involved with `complaint meeting` (claims rule 4)"
        ))
    }
    try s.change(batch)
    return .message(lines.joined(separator: "\n"))
  }

  static func meeting(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    try refuseClosed(c, a)
    if c.responsibility == .ours {
      throw a.error(
        tr(
          "complaint {0} is ours: apologise and act at once; no meeting is needed (claims rules 2, 4)", c.id),
        at: "id")
    }
    let (_, time) = try ComplaintArguments.stepDay(s, a, c)
    let note = tr("attendees: {0}; outcome: {1}", a.text("attendees")!, a.text("outcome")!)
    try s.change([ComplaintBook.event(c, "meeting", time: time, actor: s.settings.user, note: note)])
    return .message(tr("complaint {0}: meeting recorded", c.id))
  }

  static func remedy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    try refuseClosed(c, a)
    let kind = ComplaintRemedy(rawValue: a.text("remedy")!)!
    let amount = a.money("amount")
    if let amount, amount.fen <= 0 { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    if kind.paysMoney && amount == nil {
      throw a.error(tr("a {0} needs `amount=`", kind.rawValue), at: "remedy")
    }
    if !kind.paysMoney, a.text("settle") != nil {
      throw a.error(
        tr("only a refund or compensation is settled; `{0}` pays the customer nothing", kind.rawValue),
        at: "settle")
    }
    if kind.paysMoney, let stage = c.stage,
      let bar = ComplaintClaims.settlementBar(stage: stage, responsibility: c.responsibility)
    {
      throw a.error(refusal(bar, c, kind), at: "remedy")
    }
    let (day, time) = try ComplaintArguments.stepDay(s, a, c)
    var batch: [Mutation] = []
    var creditNotes: (Database) -> [Mutation] = { _ in [] }
    var cells: [String: Value] = ["remedy": .text(kind.rawValue)]
    var out: CommandOutput = .message(tr("complaint {0}: {1} recorded", c.id, kind.rawValue))
    var note = join(kind.rawValue, a.text("note"))
    if kind.paysMoney, let amount {
      let open = ComplaintBook.openInvoices(s.db, customer: c.customer)
      let settle = a.text("settle") ?? (open.isEmpty ? "pay-out" : "credit-note")
      if settle == "credit-note" && open.isEmpty {
        throw a.error(
          tr(
            "customer {0} owes nothing: a credit note has nothing to settle against; use settle=pay-out",
            c.customer),
          at: "settle")
      }
      cells["compensation"] = .money(try c.compensation.adding(amount))
      if settle == "credit-note" {
        let credit = try settlement(amount, day, open)
        // One credit note per invoice credited (issue 14): never a payment, so it keeps no
        // promise, credits no collection call and makes no invoice "paid late". Numbered on
        // the newest rows (on a shared database, inside the writing transaction).
        creditNotes = { current in
          var numbers = DocumentNumbers.creditNotes(current)
          return credit.allocations.map { line in
            .insert(
              table: "credit_notes",
              values: [
                "no": .text(numbers.next()), "invoice": .text(line.invoice), "customer": .int(c.customer),
                "date": .date(day), "amount": .money(line.applied), "reason": .text("complaint"),
                "complaint": .int(c.id),
              ])
          }
        }
        out = .table(creditNoteTable(c, kind, credit))
      } else {
        out = .message(
          tr("complaint {0}: {1} of {2} paid out to customer {3}", c.id, kind.rawValue, amount, c.customer))
      }
      note += " (" + settle + ")"
    }
    // What we give the customer for a fault of the supplier or carrier is claimed from them at once.
    if let party = c.responsibility, party.claimsRecovery, let amount {
      batch += try claimMutations(s, c, against: party, amount: amount, day: day, time: time)
    }
    batch.insert(.update(table: "complaints", key: .int(c.id), values: cells), at: 0)
    batch.insert(
      ComplaintBook.event(c, "remedy", time: time, actor: s.settings.user, note: note, amount: amount), at: 1
    )
    try s.change { current in Array(batch[..<2]) + creditNotes(current) + batch[2...] }
    return out
  }

  static func recover(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    guard let claim = ComplaintBook.claims(s.db, complaint: c.id).first else {
      throw a.error(
        tr(
          "complaint {0} has no recovery claim: one is opened when the supplier or carrier is responsible and a remedy is given",
          c.id),
        at: "id")
    }
    let amount = a.money("amount")!
    let outstanding: Money
    do {
      outstanding = try ComplaintClaims.recover(
        claimed: claim.claimed, recoveredSoFar: claim.recovered, amount: amount)
    } catch {
      throw a.error(tr(error.message), at: "amount")
    }
    let (day, time) = try ComplaintArguments.stepDay(s, a, c)
    try s.change([
      .update(
        table: "complaint_claims", key: .int(claim.id),
        values: ["recovered": .money(try claim.recovered.adding(amount)), "recovered_on": .date(day)]),
      ComplaintBook.event(
        c, "recovery", time: time, actor: s.settings.user, note: claim.against, amount: amount),
    ])
    return .message(
      outstanding.fen == 0
        ? tr(
          "complaint {0}: {1} recovered from the {2}; the claim is fully recovered", c.id, amount,
          claim.against)
        : tr(
          "complaint {0}: {1} recovered from the {2}; {3} still outstanding", c.id, amount, claim.against,
          outstanding))
  }

  // MARK: helpers

  static func settlement(_ amount: Money, _ day: Day, _ open: [OpenInvoice]) throws -> CreditNoteSettlement {
    do {
      return try ComplaintClaims.creditNote(amount: amount, date: day, openItems: open)
    } catch { throw error.shell }
  }

  /// Opens the claim against `party`, or adds to the one already open.
  static func claimMutations(
    _ s: Session, _ c: ComplaintRecord, against party: ComplaintResponsibility, amount: Money, day: Day,
    time: Timestamp
  ) throws -> [Mutation] {
    let event = ComplaintBook.event(
      c, "claim", time: time, actor: s.settings.user, note: party.rawValue, amount: amount)
    if let claim = ComplaintBook.claims(s.db, complaint: c.id).first {
      return [
        .update(
          table: "complaint_claims", key: .int(claim.id),
          values: ["claimed": .money(try claim.claimed.adding(amount)), "against": .text(party.rawValue)]),
        event,
      ]
    }
    return [
      .insert(
        table: "complaint_claims",
        values: [
          "complaint": .int(c.id), "customer": .int(c.customer), "against": .text(party.rawValue),
          "opened": .date(day), "claimed": .money(amount), "recovered": .money(.zero),
        ]),
      event,
    ]
  }

  static func creditNoteTable(_ c: ComplaintRecord, _ kind: ComplaintRemedy, _ n: CreditNoteSettlement)
    -> ResultTable
  {
    var t = ResultTable(
      columns: [
        ResultColumn("invoice", .text), ResultColumn("before", .money), ResultColumn("credited", .money),
        ResultColumn("after", .money),
      ],
      title: tr(
        "Credit note of {0} for complaint {1} ({2}), against customer {3}'s open invoices", n.amount, c.id,
        kind.rawValue, c.customer),
      notes: [
        tr("applied oldest first, as credit notes (reason complaint); a credit note earns no cash discount")
      ])
    t.rows = n.allocations.map {
      [.text($0.invoice), .money($0.balanceBefore), .money($0.applied), .money($0.balanceAfter)]
    }
    if n.paidOut.fen > 0 {
      t.rows.append([.text(tr("paid out")), .null, .money(n.paidOut), .null])
      t.notes.append(tr("{0} more than the customer owes is paid out", n.paidOut))
    }
    return t
  }

  static func refusal(_ bar: SettlementBar, _ c: ComplaintRecord, _ kind: ComplaintRemedy) -> String {
    switch bar {
    case .investigating:
      return tr(
        "complaint {0} is being investigated: no {1} while investigating (§4 claims rule 2, 不可在调查的阶段里轻易与客户妥协); record who is responsible and propose a solution first",
        c.id, kind.rawValue)
    case .noResponsibility:
      return tr(
        "complaint {0} has no responsibility recorded: `complaint responsibility {0} ours|supplier|carrier|customer` comes before a {1} (§4 principle 03, claims rule 4)",
        c.id, kind.rawValue)
    case .noProposal:
      return tr(
        "complaint {0} has no proposed solution: `complaint propose {0} note=…` comes before a {1} (§4 methods 03, 04)",
        c.id, kind.rawValue)
    }
  }

  static func refuseClosed(_ c: ComplaintRecord, _ a: ParsedArguments) throws {
    if c.stage == .closed {
      throw a.error(tr("complaint {0} is closed: reopen it first", c.id), at: "id")
    }
  }

  static func join(_ head: String, _ note: String?) -> String {
    guard let note, !note.isEmpty else { return head }
    return head + ": " + note
  }
}
