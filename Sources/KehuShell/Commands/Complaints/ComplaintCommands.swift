import KehuDomain
import KehuStore

/// Complaint management (§4): recording a complaint, moving it through its stages, and the
/// per-type deadline policy. Claims are in ComplaintClaimCommands, lists and analysis in
/// ComplaintViews.
enum ComplaintCommands {
  static let id = ArgSpec.positional("id", .int, help: tr("the complaint id"))
  static let note = ArgSpec.key("note", .text, help: tr("what was done or said"))
  static let date = ArgSpec.key("date", .date, help: tr("the day it happened (default today)"))

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "complaint open",
        summary: tr("record a complaint received from a customer; prints its id and deadlines"),
        arguments: [
          .positional("customer", .customer),
          .key("type", .choice(ComplaintType.names), required: true),
          .key("text", .text, required: true, help: tr("the complaint in the customer's words")),
          .key("invoice", .text), .key("product", .text),
          .key("amount", .money, help: tr("the amount claimed")),
          .key("received", .date, help: tr("the day it was received (default today)")),
          .key("owner", .text, help: tr("who handles it (default the customer's owner)")),
        ],
        example: "complaint open 1001 type=quality text=\"两台笔记本电脑开机黑屏\" product=P01", section: "§4",
        writes: true, handler: open),
      step("ack", .acknowledged, tr("acknowledge a complaint (within the policy's deadline)")),
      step("investigate", .investigating, tr("start establishing the facts (§4 method 02)")),
      step("propose", .proposed, tr("put a solution to the customer (§4 method 03)")),
      step("resolve", .resolved, tr("record that the customer accepted the solution")),
      step("close", .closed, tr("close a resolved complaint")),
      CommandSpec(
        "complaint reopen",
        summary: tr("reopen a resolved or closed complaint; it goes back to investigating"),
        arguments: [id, .key("reason", .text, required: true), date],
        example: "complaint reopen 3 reason=\"更换后仍然黑屏\"", section: "§4", writes: true, handler: reopen),
      CommandSpec(
        "complaint policy",
        summary: tr("show or change the deadlines to acknowledge and resolve, per complaint type"),
        arguments: [
          .positional("type", .choice(ComplaintType.names), required: false),
          .key("ack", .int, help: tr("days allowed to acknowledge")),
          .key("ack_in", .choice(["working", "calendar"])),
          .key("resolve", .int, help: tr("days allowed to resolve")),
          .key("resolve_in", .choice(["working", "calendar"])),
        ],
        example: "complaint policy transport ack=2 resolve=10 resolve_in=working",
        section: "§4 principle 02 (handle promptly); the days: kehu default (editable)",
        writes: true, handler: policy),
    ]
      + ComplaintClaimCommands.commands + ComplaintViews.commands
  }

  /// Examples that work on the demo firm: its complaint 1 is under investigation, 3 closed, 4 resolved.
  static let exampleComplaint = ["close": 4]
  static let exampleNote = ["propose": "更换两台新机", "close": "客户确认满意", "resolve": "已更换"]

  static func step(_ verb: String, _ to: ComplaintStage, _ summary: Message) -> CommandSpec {
    CommandSpec(
      "complaint \(verb)", summary: summary, arguments: [id, note, date],
      example: "complaint \(verb) \(exampleComplaint[verb] ?? 1) note=\"\(exampleNote[verb] ?? "已电话致歉")\"",
      section: "§4", writes: true,
      handler: { s, a in try move(s, a, to: to) })
  }

  // MARK: handlers

  static func open(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let customer = try ComplaintArguments.customer(s, a, "customer")
    let type = a.text("type")!
    let received = a.date("received") ?? s.today
    if received > s.today {
      throw a.error(tr("`received` {0} is after today ({1})", received, s.today), at: "received")
    }
    var cells: [String: Value] = [
      "customer": .int(customer), "date": .date(received), "type": .text(type),
      "description": .text(a.text("text")!), "stage": .text(ComplaintStage.received.rawValue),
    ]
    if let no = a.text("invoice") {
      let inv = Invoices(s.db)
      guard let r = inv.row(no: no) else { throw a.error(tr("no invoice {0}", no), at: "invoice") }
      if inv.customer[r] != customer {
        throw a.error(tr("invoice {0} is not customer {1}'s", no, customer), at: "invoice")
      }
      cells["invoice"] = .text(no)
    }
    if let code = a.text("product") {
      let p = Products(s.db)
      guard p.row(no: code) != nil else {
        let codes = p.rows.map { p.code[$0] }
        throw a.error(
          tr("no product {0}", code), at: "product", hint: tr("products: {0}", codes.joined(separator: ", ")))
      }
      cells["product"] = .text(code)
    }
    if let m = a.money("amount") {
      guard m.fen > 0 else { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
      cells["amount"] = .money(m)
    }
    let owner = a.text("owner") ?? ownerOf(s.db, customer)
    if let owner { cells["owner"] = .text(owner) }
    let policy = ComplaintBook.policy(s.db, type)
    let due = policy.deadlines(received: received, calendar: HolidayCommands.calendar(s.db))
    cells["ack_due"] = .date(due.ack)
    cells["resolve_due"] = .date(due.resolve)
    let id = s.db["complaints"].nextId
    cells["id"] = .int(id)
    let record = ComplaintRecord(
      id: id, customer: customer, received: received, type: type, description: "", stageText: "received",
      ackDue: due.ack, resolveDue: due.resolve, compensation: .zero)
    let time = received == s.today ? s.now : Timestamp(day: received, hour: 9)
    try s.change([
      .insert(table: "complaints", values: cells),
      ComplaintBook.event(
        record, "received", time: time, actor: s.settings.user, stage: "received", note: a.text("text")),
    ])
    return .message(
      tr(
        "opened complaint {0} for customer {1} {2}: acknowledge by {3} ({4}), resolve by {5} ({6})", id,
        customer,
        ComplaintArguments.customerName(s.db, customer), due.ack,
        ComplaintPolicy.describe(policy.ackDays, working: policy.ackWorking), due.resolve,
        ComplaintPolicy.describe(policy.resolveDays, working: policy.resolveWorking)))
  }

  static func move(_ s: Session, _ a: ParsedArguments, to: ComplaintStage) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    guard let from = c.stage else {
      throw a.error(tr("complaint {0} is at an unknown stage `{1}`", c.id, c.stageText), at: "id")
    }
    do {
      _ = try ComplaintStages.transition(from: from, to: to)
    } catch {
      throw a.error(tr(error.message), at: "id")
    }
    let (day, time) = try ComplaintArguments.stepDay(s, a, c)
    var cells: [String: Value] = ["stage": .text(to.rawValue)]
    var tail = ""
    switch to {
    case .acknowledged:
      cells["acknowledged"] = .date(day)
      tail = ComplaintArguments.describe(
        ComplaintDeadlines.status(due: c.ackDue, done: day, today: day), due: c.ackDue)
    case .proposed:
      if let n = a.text("note") { cells["resolution"] = .text(n) }
    case .resolved:
      cells["resolved"] = .date(day)
      if let n = a.text("note") { cells["resolution"] = .text(n) }
      tail = ComplaintArguments.describe(
        ComplaintDeadlines.status(due: c.resolveDue, done: day, today: day), due: c.resolveDue)
    case .closed:
      cells["closed"] = .date(day)
    default: break
    }
    try s.change([
      .update(table: "complaints", key: .int(c.id), values: cells),
      ComplaintBook.event(
        c, to.rawValue, time: time, actor: s.settings.user, stage: to.rawValue, note: a.text("note")),
    ])
    let line = tr("complaint {0}: {1} → {2}", c.id, from.rawValue, to.rawValue)
    return .message(tail.isEmpty ? line : line + ", " + tail)
  }

  static func reopen(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    guard let from = c.stage else {
      throw a.error(tr("complaint {0} is at an unknown stage `{1}`", c.id, c.stageText), at: "id")
    }
    let to: ComplaintStage
    do {
      to = try ComplaintStages.reopen(from: from)
    } catch {
      throw a.error(tr(error.message), at: "id")
    }
    let (_, time) = try ComplaintArguments.stepDay(s, a, c)
    // The resolve deadline stays: a reopened complaint resolved late is a breach.
    try s.change([
      .update(
        table: "complaints", key: .int(c.id),
        values: ["stage": .text(to.rawValue), "resolved": .null, "closed": .null]),
      ComplaintBook.event(
        c, "reopened", time: time, actor: s.settings.user, stage: to.rawValue, note: a.text("reason")),
    ])
    return .message(
      tr(
        "complaint {0} reopened: {1} → {2} (resolve deadline stays {3})", c.id, from.rawValue, to.rawValue,
        c.resolveDue))
  }

  static func policy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let changing = ["ack", "ack_in", "resolve", "resolve_in"].filter { a[$0] != nil }
    if !changing.isEmpty {
      guard let type = a.text("type") else {
        throw a.error(
          tr("say which complaint type to change: {0}", ComplaintType.names.joined(separator: ", ")),
          at: changing[0])
      }
      var p = ComplaintBook.policy(s.db, type)
      for n in ["ack", "resolve"] {
        if let d = a.int(n), d < 0 || d > 365 {
          throw a.error(tr("`{0}` must be between 0 and 365 days", n), at: n)
        }
      }
      if let d = a.int("ack") { p.ackDays = Int(d) }
      if let d = a.int("resolve") { p.resolveDays = Int(d) }
      if let u = a.text("ack_in") { p.ackWorking = u == "working" }
      if let u = a.text("resolve_in") { p.resolveWorking = u == "working" }
      let cells: [String: Value] = [
        "ack_days": .int(Int64(p.ackDays)), "ack_working": .bool(p.ackWorking),
        "resolve_days": .int(Int64(p.resolveDays)), "resolve_working": .bool(p.resolveWorking),
      ]
      if ComplaintBook.policyEdited(s.db, type) {
        try s.change([.update(table: "complaint_policy", key: .text(type), values: cells)])
      } else {
        var row = cells
        row["type"] = .text(type)
        try s.change([.insert(table: "complaint_policy", values: row)])
      }
    }
    let shown = a.text("type").map { [$0] } ?? ComplaintType.names
    var t = ResultTable(
      columns: [
        ResultColumn("type", .text), ResultColumn("类型", .text), ResultColumn("acknowledge within", .text),
        ResultColumn("resolve within", .text), ResultColumn("source", .text),
      ],
      title: tr("Complaint deadlines by type (§4 principle 02, handle promptly 及时处理)"),
      notes: [
        tr(
          "working days skip Saturday, Sunday and the holidays of `holiday list`; deadlines are fixed when a complaint is received"
        ),
        tr(
          "the chapter asks only to handle promptly; the days are kehu's defaults (acknowledge within 1 working day, resolve within 7 days), editable here"
        ),
      ])
    for type in shown {
      let p = ComplaintBook.policy(s.db, type)
      t.rows.append([
        .text(type), .text(ComplaintType(rawValue: type)?.chinese ?? ""),
        .text(ComplaintPolicy.describe(p.ackDays, working: p.ackWorking)),
        .text(ComplaintPolicy.describe(p.resolveDays, working: p.resolveWorking)),
        .text(
          !ComplaintBook.policyEdited(s.db, type) ? tr("kehu default (editable)") : tr("edited")),
      ])
    }
    return .table(t)
  }

  static func ownerOf(_ db: Database, _ customer: Int64) -> String? {
    let t = Customers(db)
    guard let r = t.row(customer) else { return nil }
    return t.owner[r]
  }
}
