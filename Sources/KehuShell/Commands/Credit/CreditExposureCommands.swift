import KehuDomain
import KehuStore

/// Who allowed new credit that the exposure check refused, and why (`override by=… reason=…`).
public struct CreditOverride: Sendable, Equatable {
  public var by: String
  public var reason: String
  public init(by: String, reason: String) {
    self.by = by
    self.reason = reason
  }
}

/// §3.3 exposure and blocking: what a customer owes against its limit, the customers over
/// their limit or on watch, and the check every new invoice or order passes.
enum CreditExposureCommands {
  static let overrideArgs: [ArgSpec] = [
    .key("override", .bool, help: tr("give the credit although the check refuses it")),
    .key("by", .text, help: tr("who allows the override")), .key("reason", .text),
  ]

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "credit exposure", summary: tr("limit, receivables, unsettled notes, available credit and use %"),
        arguments: [.positional("id", .customer, required: false)], example: "credit exposure 1001",
        section: "§3.3", handler: exposureCommand),
      CommandSpec(
        "credit check", summary: tr("customers over their credit limit, on watch, capped or suspended"),
        example: "credit check", section: "§3.3", handler: check),
      CommandSpec(
        "credit approve",
        summary: tr("check a new invoice or order of AMOUNT against the limit (override by=… reason=…)"),
        arguments: [.positional("id", .customer), .key("amount", .money, required: true), .key("ref", .text)]
          + overrideArgs,
        example: "credit approve 1001 amount=200000 override by=王经理 reason=\"年底大单\"", section: "§3.3",
        writes: true, handler: approve),
      CommandSpec(
        "credit overrides", summary: tr("credit given over a refusal: when, how much, by whom and why"),
        arguments: [.positional("id", .customer, required: false)], example: "credit overrides",
        section: "§3.3", handler: overrides),
    ]
  }

  static func exposureCommand(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if a.text("id") != nil {
      let id = try CustomerCommands.customerId(s, a)
      var t = try exposure(s.creditFile.exposureFigures(id)).working.table
      t.title = tr("Credit exposure of customer {0} {1}", id, s.creditName(id))
      return .table(t)
    }
    var t = ResultTable(
      columns: [
        ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text),
        ResultColumn(tr("limit"), .money),
        ResultColumn(tr("receivables"), .money), ResultColumn(tr("notes"), .money),
        ResultColumn(tr("open orders"), .money), ResultColumn(tr("exposure"), .money),
        ResultColumn(tr("available"), .money),
        ResultColumn(tr("use"), .percent),
      ],
      title: tr("Credit exposure of every customer with a limit (§3.3)"),
      notes: [tr("exposure = receivables + unsettled notes + open orders; use = exposure ÷ limit")])
    let v = s.creditFile
    for id in v.trading {
      let f = v.exposureFigures(id)
      guard f.limit != nil else { continue }
      let e = try exposure(f)
      t.rows.append([
        .int(id), .text(s.creditName(id)), .money(f.limit!), .money(f.receivables),
        .money(f.unsettledNotes), .money(f.openOrders), .money(e.total),
        e.available.map(Value.money) ?? .null,
        e.use.map(Value.percent) ?? .null,
      ])
    }
    return .table(t)
  }

  static func check(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    var t = ResultTable(
      columns: [
        ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text),
        ResultColumn(tr("limit"), .money),
        ResultColumn(tr("exposure"), .money), ResultColumn(tr("over by"), .money),
        ResultColumn(tr("why"), .text), ResultColumn(tr("warning signs"), .text),
      ],
      title: tr("Credit check: customers over their limit, held, or showing warning signs (§3.3)"),
      notes: [
        tr(
          "new credit is refused where `why` gives a reason, unless overridden (`credit approve … override`)"),
        tr(
          "warning signs from the ledger as of today (P1: more than {0} days past due or paid that late, a broken promise; P9: a dishonoured note); they do not refuse credit by themselves",
          WarningSign.latePaymentDays),
      ])
    let v = s.creditFile
    let ledgerSigns = v.ledger.warningSigns(asof: v.asof)
    for id in v.trading {
      try s.checkInterrupted()
      let f = v.exposureFigures(id)
      let e = try exposure(f)
      var why: [String] = []
      var over: Value = .null
      if let l = f.limit, e.total > l {
        why.append(tr("over limit"))
        over = .money(try e.total.subtracting(l))
      }
      if f.onWatch { why.append(tr("on watch")) }
      if let c = f.shipmentCap { why.append(tr("shipment cap {0}", c)) }
      if f.supplySuspended { why.append(tr("supply suspended")) }
      let signs = ledgerSigns[id] ?? []
      guard !why.isEmpty || !signs.isEmpty else { continue }
      t.rows.append([
        .int(id), .text(s.creditName(id)), f.limit.map(Value.money) ?? .null, .money(e.total), over,
        .text(why.joined(separator: "; ")), .text(SignWords.list(signs)),
      ])
    }
    if t.rows.isEmpty {
      t.notes.insert(tr("no customer is over its limit, held, or showing warning signs"), at: 0)
    }
    return .table(t)
  }

  static func approve(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let amount = a.money("amount")!
    guard amount.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let ov = try CreditCommands.overrideArgument(a)
    let batch: [Mutation]
    do {
      batch = try CreditCommands.checkNewInvoice(
        s, customer: id, amount: amount, override: ov, reference: a.text("ref"))
    } catch let e as ShellError {
      throw a.error(e.message, at: "amount", hint: e.hint)
    }
    if !batch.isEmpty { try s.change(batch) }
    let f = s.creditFile.exposureFigures(id)
    let after = try f.receivables.adding(f.unsettledNotes).adding(f.openOrders).adding(amount)
    if ov != nil && !batch.isEmpty {
      return .message(
        tr(
          "customer {0}: {1} allowed over the refusal by {2}; recorded in `credit overrides`", id, amount,
          ov!.by))
    }
    if let l = f.limit {
      return .message(
        tr("customer {0}: {1} may go on credit; exposure after it {2} of limit {3}", id, amount, after, l))
    }
    return .message(tr("customer {0}: {1} may go on credit (no credit limit set: not checked)", id, amount))
  }

  static func overrides(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let only: Int64? = a.text("id") == nil ? nil : try CustomerCommands.customerId(s, a)
    var t = ResultTable(
      columns: [
        ResultColumn(tr("date"), .date), ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text),
        ResultColumn(tr("amount"), .money), ResultColumn(tr("ref"), .text), ResultColumn(tr("by"), .text),
        ResultColumn(tr("reason"), .text), ResultColumn(tr("refused because"), .text),
        ResultColumn(tr("entered"), .timestamp), ResultColumn(tr("entered by"), .text),
      ],
      title: tr("Credit overrides (new credit given over a refusal)"),
      notes: [tr("entered, entered by: from the audit trail (the session user and time of the change)")])
    let audit = s.db["audit"]
    var entered: [String: (Value, Value)] = [:]
    for r in 0..<audit.count {
      let v = audit.rowValues(r)
      if v["table"]?.textValue == "credit_overrides", let row = v["row"]?.textValue, entered[row] == nil {
        entered[row] = (v["time"] ?? .null, v["actor"] ?? .null)
      }
    }
    let o = CreditOverrides(s.db)
    let text = { (t: String?) in t.map(Value.text) ?? .null }
    for r in o.rows {
      let c = o.customer[r]
      guard only == nil || only == c else { continue }
      let when = entered[String(o.id[r])]
      t.rows.append([
        .date(o.date[r]), .int(c), .text(s.creditName(c)), .money(o.amount[r]),
        text(o.reference[r]), .text(o.by[r]), text(o.reason[r]), text(o.blocks[r]), when?.0 ?? .null,
        when?.1 ?? .null,
      ])
    }
    return .table(t)
  }
}

extension CreditCommands {
  /// The `override by=NAME reason=TEXT` words of a command, checked: both are needed.
  static func overrideArgument(_ a: ParsedArguments) throws -> CreditOverride? {
    guard a.flag("override") else {
      if a.text("by") != nil || a.text("reason") != nil {
        throw a.error(tr("`by=` and `reason=` go with `override`"), at: a.text("by") != nil ? "by" : "reason")
      }
      return nil
    }
    guard let by = a.text("by"), !by.isEmpty else {
      throw a.error(tr("an override needs by=NAME (who allows it)"), at: "override")
    }
    guard let reason = a.text("reason"), !reason.isEmpty else {
      throw a.error(tr("an override needs reason=TEXT"), at: "override")
    }
    return CreditOverride(by: by, reason: reason)
  }

  /// The check before a new invoice (or order) of `amount` to `customer` (§3.3): refused,
  /// with the figures, when it would take the customer over its limit, or the customer is
  /// on watch, under a shipment cap it exceeds, or has supply suspended. With an override
  /// it passes and the returned mutations record it: put them in the same `s.change` batch
  /// as the invoice, so both happen or neither. Returns [] when nothing blocks it.
  public static func checkNewInvoice(
    _ s: Session, customer: Int64, amount: Money, override: CreditOverride?, reference: String? = nil,
    order: Bool = false
  ) throws -> [Mutation] {
    let f = s.creditFile.exposureFigures(customer)
    let blocks = try creditBlocks(f, newAmount: amount)
    guard !blocks.isEmpty else { return [] }
    // In the reader's language, as shown and as kept with an override (a note of the moment).
    let why = blocks.map { tr($0.message) as String }.joined(separator: "; ")
    guard let override else {
      let e = try exposure(f)
      let limit = f.limit.map { $0.description } ?? tr("none")
      var figures =
        order
        ? tr(
          "limit {0}, receivables {1}, unsettled notes {2}, open orders {3}, exposure {4}, this order {5}",
          limit, f.receivables, f.unsettledNotes, f.openOrders, e.total, amount)
        : tr(
          "limit {0}, receivables {1}, unsettled notes {2}, open orders {3}, exposure {4}, this invoice {5}",
          limit, f.receivables, f.unsettledNotes, f.openOrders, e.total, amount)
      if let c = f.shipmentCap { figures += tr(", shipment cap {0}", c) }
      throw ShellError(
        tr("credit refused for customer {0}: {1}", customer, why),
        hint: figures + "\n"
          + tr("to give it anyway: add `override by=NAME reason=TEXT` (recorded in `credit overrides`)"))
    }
    var values: [String: Value] = [
      "customer": .int(customer), "date": .date(s.today), "amount": .money(amount), "blocks": .text(why),
      "by": .text(override.by), "reason": .text(override.reason),
    ]
    if let reference { values["reference"] = .text(reference) }
    return [.insert(table: "credit_overrides", values: values)]
  }
}
