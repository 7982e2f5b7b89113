import KehuDomain
import KehuStore

/// §3.1 investigation and §3.2 management: warning signs, investigations, credit classes
/// and periodic reviews, emergency reports (watch) and the superior's instruction, and the
/// countermeasures of §3.2.
enum CreditReviewCommands {
  static let measureKinds = ["guarantor", "deposit", "notarize", "restrict", "subrogation", "in-kind"]

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "credit signs", summary: tr("the 48 warning signs of §3.1 with their ids (also `help signs`)"),
        arguments: [.positional("list", .choice(["O", "I", "F", "P"]), required: false)],
        example: "credit signs F", section: "§3.1", handler: { _, a in .table(signTable(a.text("list"))) }),
      CommandSpec(
        "credit investigate", summary: tr("record an investigation: channel, date, signs seen, note"),
        arguments: [
          .positional("id", .customer),
          .key("channel", .choice(["bank", "agency", "association", "internal"]), required: true),
          .key("date", .date), .key("signs", .text, help: tr("sign ids, e.g. O1,F3")), .key("note", .text),
        ],
        example: "credit investigate 1009 channel=bank signs=F2,F9 note=\"银行反映资金紧张\"", section: "§3.1",
        writes: true, handler: investigate),
      CommandSpec(
        "credit report", summary: tr("the written credit investigation report of a customer"),
        arguments: [.positional("id", .customer)], example: "credit report 1009", section: "§3.1, §3.3",
        handler: report),
      CommandSpec(
        "credit class", summary: tr("set a customer's credit class: A every 6 months, B every 3, C monthly"),
        arguments: [.positional("id", .customer), .positional("class", .choice(["A", "B", "C"]))],
        example: "credit class 1013 B", section: "§3.2", writes: true, handler: setClass),
      CommandSpec(
        "credit review due",
        summary: tr("customers due or overdue for a periodic credit report, oldest first"),
        arguments: [.key("asof", .date)], example: "credit review due asof=2026-12-31", section: "§3.2",
        handler: reviewDue),
      CommandSpec(
        "credit review", summary: tr("record a periodic credit report on a customer"),
        arguments: [.positional("id", .customer), .key("date", .date), .key("note", .text)],
        example: "credit review 1001 note=\"经营正常\"", section: "§3.2", writes: true, handler: review),
      CommandSpec(
        "credit alert", summary: tr("file an emergency report: the customer is on watch, no new credit"),
        arguments: [.positional("id", .customer), .key("reason", .text, required: true)],
        example: "credit alert 1020 reason=\"法人代表出走\"", section: "§3.2", writes: true, handler: alert),
      CommandSpec(
        "credit instruct",
        summary: tr("record a superior's instruction on an emergency report; lifts the watch"),
        arguments: [
          .positional("id", .customer), .key("by", .text, required: true),
          .key("measure", .text, required: true),
        ],
        example: "credit instruct 1019 by=王经理 measure=\"要求提供担保后恢复供货\"", section: "§3.2", writes: true,
        handler: instruct),
      CommandSpec(
        "credit measure",
        summary: tr("record a countermeasure: guarantor, deposit, notarize, restrict, subrogation, in-kind"),
        arguments: [
          .positional("id", .customer), .positional("kind", .choice(measureKinds)), .key("name", .text),
          .key("amount", .money), .key("contract", .text), .key("cap", .money), .key("from", .text),
          .key("asset", .text), .key("value", .money), .key("note", .text),
        ],
        example: "credit measure 1029 restrict cap=50000", section: "§3.2", writes: true, handler: measure),
      CommandSpec(
        "credit show", summary: tr("a customer's credit record: limit, class, reviews, alerts, measures"),
        arguments: [.positional("id", .customer)], example: "credit show 1009", section: "§3", handler: show),
    ]
  }

  // MARK: signs and investigations

  static func signTable(_ list: String?) -> ResultTable {
    // The English column is for English readers; a Chinese reader has the sign already.
    let english = !readsChinese
    return ResultTable(
      columns: [
        ResultColumn(tr("id"), .text), ResultColumn(tr("checklist"), .text), ResultColumn(tr("sign"), .text),
      ] + (english ? [ResultColumn(tr("in English"), .text)] : []),
      rows: WarningSign.all.filter { list == nil || $0.list.rawValue == list }.map {
        [.text($0.id), .text($0.list.chinese), .text($0.chinese)] + (english ? [.text($0.english)] : [])
      },
      title: tr("Warning signs to watch for in an investigation (§3.1 调查时应注意的事项)"),
      notes: [
        tr("O 经营者 the operator, I 企业内状况 the company's inside, F 资金状况 funds, P 支付情况 payment"),
        tr(
          "P9 (a dishonoured note) and P1 (a payment more than {0} days late) are read from the records",
          WarningSign.latePaymentDays),
      ])
  }

  static func investigate(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    var ids: [String] = []
    for part in (a.text("signs") ?? "").split(separator: ",") {
      let raw = String(part).trimmingSpaces
      guard let sign = WarningSign.named(raw) else {
        throw a.error(
          tr("`{0}` is not a warning sign id", raw), at: "signs",
          hint: tr("ids are O1–O12, I1–I13, F1–F13, P1–P10; `credit signs` lists them"))
      }
      if !ids.contains(sign.id) { ids.append(sign.id) }
    }
    let date = a.date("date") ?? s.today
    if date > s.today { throw a.error(tr("the investigation date {0} is after today", date), at: "date") }
    var values: [String: Value] = [
      "customer": .int(id), "date": .date(date), "channel": .text(a.text("channel")!),
      "by": .text(s.settings.user), "signs": .text(ids.joined(separator: ",")),
    ]
    if let n = a.text("note") { values["note"] = .text(n) }
    try s.change([.insert(table: "credit_investigations", values: values)])
    var msg = tr("investigation of customer {0} recorded ({1}, {2})", id, a.text("channel")!, date)
    for sid in ids {
      let sign = WarningSign.named(sid)!
      msg += "\n  \(sign.id)  " + bilingual(sign.chinese, "\(sign.chinese)  \(sign.english)")
    }
    if ids.isEmpty { msg += "\n  " + tr("no warning signs seen") }
    return .message(msg)
  }

  static func signsSeenTable(_ s: Session, _ id: Int64) -> ResultTable {
    ResultTable(
      columns: [
        ResultColumn(tr("date"), .date), ResultColumn(tr("sign"), .text),
        ResultColumn(tr("warning sign"), .text),
        ResultColumn(tr("channel"), .text), ResultColumn(tr("note"), .text),
      ],
      rows: s.creditFile.signsSeen(s.db, customer: id).map {
        let (channel, note): (String, String)
        switch $0.source {
        case .investigation(let c, let n): (channel, note) = (c, n)
        case .ledger(let cause): (channel, note) = ("records", SignWords.note(cause))
        }
        return [
          .date($0.date), .text($0.sign.id),
          .text(bilingual($0.sign.chinese, "\($0.sign.chinese) (\($0.sign.english))")),
          .text(channel), .text(note),
        ]
      },
      title: tr("Warning signs seen"),
      notes: [tr("channel “records”: read from notes and payments, not typed in")])
  }

  // MARK: classes and reviews

  static func setClass(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let cls = CreditClass(rawValue: a.text("class")!)!
    try s.change([
      .update(
        table: "customers", key: .int(id),
        values: ["credit_class": .text(cls.rawValue), "updated": .timestamp(s.now)])
    ])
    let next = s.creditFile.reviewAccount(id)!.nextReview
    return .message(
      tr(
        "customer {0} is credit class {1} ({2}): a report every {3} month(s); next due {4}", id, cls.rawValue,
        tr(cls.who), cls.reviewMonths, next?.description ?? tr("one period after the first trade")))
  }

  static func reviewDue(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let v = s.creditFile
    let accounts = v.trading.compactMap { v.reviewAccount($0) }
    var t = reviewsDue(accounts, asof: asof)
    let signs = v.ledger.warningSigns(asof: asof)
    t.columns.insert(ResultColumn(tr("name"), .text), at: 1)
    t.columns.append(ResultColumn(tr("warning signs"), .text))
    t.rows = t.rows.map { r in
      var r = r
      let id = Int64(r[0].plainText)
      r.insert(.text(id.map { s.creditName($0) } ?? ""), at: 1)
      r.append(.text(SignWords.list(id.flatMap { signs[$0] } ?? [])))
      return r
    }
    t.notes.append(tr("a report on a month's last day is next due on the last day of the target month"))
    t.notes.append(
      tr(
        "warning signs: what the ledger shows as of {0}; `credit review` keeps them in the credit file", asof)
    )
    return .table(t)
  }

  static func review(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    guard let account = s.creditFile.reviewAccount(id) else {
      throw a.error(
        tr("customer {0} is not trading and has no credit class: set one with `credit class {0} A|B|C`", id),
        at: "id")
    }
    let date = a.date("date") ?? s.today
    if date > s.today { throw a.error(tr("the review date {0} is after today", date), at: "date") }
    var values: [String: Value] = [
      "customer": .int(id), "date": .date(date), "class": .text(account.creditClass.rawValue),
      "by": .text(s.settings.user),
    ]
    if let n = a.text("note") { values["note"] = .text(n) }
    // The signs the ledger shows on the review's day go into the credit file with it: later
    // payments change what the ledger shows, not what the reviewer saw.
    let signs = Ledger(s.db).warningSigns(customer: id, asof: date)
    if !signs.isEmpty { values["signs"] = .text(SignWords.list(signs)) }
    var batch: [Mutation] = [.insert(table: "credit_reviews", values: values)]
    // The new-customer class becomes the customer's own once it is reviewed.
    if account.provisional {
      batch.append(
        .update(
          table: "customers", key: .int(id),
          values: ["credit_class": .text(account.creditClass.rawValue), "updated": .timestamp(s.now)]))
    }
    try s.change(batch)
    let next = s.creditFile.reviewAccount(id)!.nextReview
    var said = tr(
      "periodic report on customer {0} recorded ({1}, class {2}); next due {3}", id, date,
      account.creditClass.rawValue, next?.description ?? "—")
    if !signs.isEmpty { said += "\n" + tr("warning signs kept with it: {0}", SignWords.list(signs)) }
    return .message(said)
  }

  // MARK: emergency reports and countermeasures

  static func alert(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    if let open = s.creditFile.openAlert(id) {
      throw a.error(
        tr(
          "customer {0} is already on watch since {1} ({2}); record the instruction with `credit instruct`",
          id, open.date, open.reason),
        at: "id")
    }
    try s.change([
      .insert(
        table: "credit_alerts",
        values: [
          "customer": .int(id), "date": .date(s.today), "reason": .text(a.text("reason")!),
          "by": .text(s.settings.user),
        ])
    ])
    return .message(
      tr(
        "emergency report on customer {0} filed; the customer is on watch: no new credit until `credit instruct {0} by=NAME measure=…`",
        id))
  }

  static func instruct(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    guard let open = s.creditFile.openAlert(id) else {
      throw a.error(tr("customer {0} has no emergency report awaiting an instruction", id), at: "id")
    }
    try s.change([
      .update(
        table: "credit_alerts", key: .int(open.id),
        values: [
          "instructed": .date(s.today), "instructed_by": .text(a.text("by")!),
          "measure": .text(a.text("measure")!),
        ])
    ])
    return .message(
      tr(
        "instruction by {0} recorded on the report of {1}; customer {2} is off watch", a.text("by")!,
        open.date, id))
  }

  static func measure(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let kind = a.text("kind")!
    func need(_ name: String) throws -> Value {
      guard let v = a[name] else {
        throw a.error(
          tr("`credit measure … {0}` needs {1}=", kind, name), at: "kind", hint: tr("usage: {0}", usage(kind))
        )
      }
      if case .money(let m) = v, m.fen <= 0 {
        throw a.error(tr("`{0}` must be more than zero", name), at: name)
      }
      return v
    }
    var detail: String
    var amount: Value = .null
    switch kind {
    case "guarantor": detail = tr("guarantor {0}", try need("name").plainText)
    case "deposit":
      amount = try need("amount")
      detail = tr("deposit received")
    case "notarize": detail = tr("contract {0} notarized", try need("contract").plainText)
    case "restrict":
      amount = try need("cap")
      detail = tr("shipment cap: no single invoice or order above it")
    case "subrogation":
      let from = try need("from").plainText
      amount = try need("amount")
      detail = tr("claim on {0} taken over (代位求偿)", from)
    default:
      let asset = try need("asset").plainText
      amount = try need("value")
      detail = tr("paid in kind: {0}", asset)
    }
    if let n = a.text("note") { detail += "; " + n }
    try s.change([
      .insert(
        table: "credit_measures",
        values: [
          "customer": .int(id), "date": .date(s.today), "kind": .text(kind), "detail": .text(detail),
          "amount": amount, "by": .text(s.settings.user),
        ])
    ])
    if case .money(let m) = amount {
      return .message(tr("countermeasure recorded for customer {0} ({1}): {2}; {3}", id, kind, detail, m))
    }
    return .message(tr("countermeasure recorded for customer {0} ({1}): {2}", id, kind, detail))
  }

  static func usage(_ kind: String) -> String {
    switch kind {
    case "guarantor": return "credit measure ID guarantor name=NAME"
    case "deposit": return "credit measure ID deposit amount=AMOUNT"
    case "notarize": return "credit measure ID notarize contract=TEXT"
    case "restrict": return "credit measure ID restrict cap=AMOUNT"
    case "subrogation": return "credit measure ID subrogation from=NAME amount=AMOUNT"
    default: return "credit measure ID in-kind asset=TEXT value=AMOUNT"
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
