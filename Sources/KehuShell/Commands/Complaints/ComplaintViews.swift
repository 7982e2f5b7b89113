import KehuDomain
import KehuStore

/// Keeping records and analysing them (留档分析, §4 principle 04): the complaint list, one
/// complaint's whole timeline, and the analysis by type, customer, product, month,
/// responsibility or owner.
enum ComplaintViews {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "complaint list", summary: tr("list complaints: all, open ones, overdue ones, by type or customer"),
        arguments: [
          .key("open", .bool, help: tr("only those not yet resolved")),
          .key("overdue", .bool, help: tr("only those past a deadline")),
          .key("type", .choice(ComplaintType.names)), .key("customer", .customer),
        ],
        example: "complaint list overdue", section: "§4 principle 04", handler: list),
      CommandSpec(
        "complaint show", summary: tr("one complaint and its whole timeline"),
        arguments: [ComplaintCommands.id], example: "complaint show 1", section: "§4", handler: show),
      CommandSpec(
        "complaint report",
        summary: tr(
          "complaint analysis: counts, times, breaches, claims paid and recovered, repeat complainers"),
        arguments: [
          .key("by", .choice(ComplaintGrouping.allCases.map(\.rawValue))), .key("from", .date),
          .key("to", .date), ChartRequestKind.argument,
        ],
        example: "complaint report by=type from=2026-01-01", section: "§4 principle 04", handler: report),
    ]
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    var rows = ComplaintArguments.all(s.db)
    var what: [String] = []
    if a.flag("open") {
      rows = rows.filter(\.isOpen)
      what.append(tr("open"))
    }
    if a.flag("overdue") {
      rows = rows.filter { $0.isOpen && $0.isOverdue(today: s.today) }
      what.append(tr("overdue"))
    }
    if let type = a.text("type") {
      rows = rows.filter { $0.type == type }
      what.append(type)
    }
    var summary: String? = nil
    if a.text("customer") != nil {
      let id = try ComplaintArguments.customer(s, a, "customer")
      rows = rows.filter { $0.customer == id }
      what.append(tr("of customer {0}", id))
      summary = customerSummary(s.db, customer: id, today: s.today).line
    }
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("customer", .int), ResultColumn("name", .text),
        ResultColumn("received", .date), ResultColumn("type", .text), ResultColumn("stage", .text),
        ResultColumn("owner", .text), ResultColumn("deadline", .text), ResultColumn("due", .date),
        ResultColumn("status", .text),
      ],
      title: what.isEmpty
        ? tr("Complaints (投诉管理表)") : tr("Complaints (投诉管理表): {0}", what.joined(separator: ", ")),
      notes: [
        tr("deadline: acknowledging until that is done, then resolving; status judged on {0}", s.today)
      ])
    for c in rows {
      let (which, due, status) = deadline(c, s.today)
      t.rows.append([
        .int(c.id), .int(c.customer), .text(ComplaintArguments.customerName(s.db, c.customer)),
        .date(c.received),
        .text(c.type), .text(c.stageText), c.owner.map(Value.text) ?? .null, .text(which), .date(due),
        .text(ComplaintArguments.describe(status)),
      ])
    }
    if let summary { t.notes.append(Message(verbatim: summary)) }
    return .table(t)
  }

  /// One customer's complaint record in a line, for its statement and its comprehensive
  /// evaluation (issue 9: "a customer's complaints appear in its statement and evaluation").
  static func customerSummary(_ db: Database, customer: Int64, today: Day) -> CustomerComplaints {
    var out = CustomerComplaints()
    for c in ComplaintArguments.all(db) where c.customer == customer {
      out.count += 1
      if c.isOpen { out.open += 1 }
      if c.isOpen && c.isOverdue(today: today) { out.overdue += 1 }
      out.paid = (try? out.paid.adding(c.compensation)) ?? out.paid
    }
    return out
  }

  /// The deadline that matters now: acknowledging until it is done, then resolving.
  static func deadline(_ c: ComplaintRecord, _ today: Day) -> (String, Day, DeadlineStatus) {
    if c.acknowledged == nil && c.isOpen { return (tr("acknowledge"), c.ackDue, c.ackStatus(today: today)) }
    return (tr("resolve"), c.resolveDue, c.resolveStatus(today: today))
  }

  static func show(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = try ComplaintArguments.find(s, a)
    let ev = ComplaintEvents(s.db)
    var t = ResultTable(
      columns: [
        ResultColumn("time", .timestamp), ResultColumn("actor", .text), ResultColumn("event", .text),
        ResultColumn("stage", .text), ResultColumn("note", .text), ResultColumn("amount", .money),
      ],
      title: tr(
        "Complaint {0}: customer {1} {2}, {3} ({4}), {5}", c.id, c.customer,
        ComplaintArguments.customerName(s.db, c.customer), c.type,
        ComplaintType(rawValue: c.type)?.chinese ?? "",
        c.stageText))
    var rows: [(Timestamp, Int64, [Value])] = []
    for r in ev.complaint.rows(equalTo: c.id) {
      rows.append(
        (
          ev.time[r], ev.id[r],
          [
            ev.time.value(r), ev.actor.value(r), ev.event.value(r), ev.stage.value(r), ev.note.value(r),
            ev.amount.value(r),
          ]
        ))
    }
    t.rows = rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    var notes = [tr("complaint: {0}", c.description)]
    var about: [String] = []
    if let i = c.invoice { about.append(tr("invoice {0}", i)) }
    if let p = c.product { about.append(tr("product {0}", p)) }
    if let m = c.amount { about.append(tr("claimed {0}", m)) }
    if !about.isEmpty { notes.append(about.joined(separator: ", ")) }
    notes.append(
      tr(
        "received {0}; acknowledge: {1}; resolve: {2}", c.received,
        ComplaintArguments.describe(c.ackStatus(today: s.today), due: c.ackDue),
        ComplaintArguments.describe(c.resolveStatus(today: s.today), due: c.resolveDue)))
    if let o = c.owner { notes.append(tr("handled by {0}", o)) }
    if let r = c.responsibility { notes.append(tr("responsibility: {0}", r.rawValue)) }
    if let r = c.resolution { notes.append(tr("solution: {0}", r)) }
    if let r = c.remedy {
      notes.append(
        c.compensation.fen > 0
          ? tr("remedy: {0}; paid to the customer {1}", r, c.compensation) : tr("remedy: {0}", r))
    }
    for claim in ComplaintBook.claims(s.db, complaint: c.id) {
      notes.append(
        tr(
          "recovery claim against the {0}, opened {1}: claimed {2}, recovered {3}", claim.against,
          claim.opened,
          claim.claimed, claim.recovered))
    }
    if let st = c.stage, !st.next.isEmpty {
      notes.append(tr("next: {0}", st.next.map { "complaint \($0.verb)" }.joined(separator: ", ")))
    } else if c.stage?.canReopen == true {
      notes.append(tr("next: complaint reopen"))
    }
    t.notes = notes.map(Message.init(verbatim:))
    return .table(t)
  }

  static func facts(_ db: Database) -> [ComplaintFacts] {
    var recovered: [Int64: Money] = [:]
    for claim in ComplaintBook.claims(db) {
      recovered[claim.complaint] =
        (try? (recovered[claim.complaint] ?? .zero).adding(claim.recovered)) ?? .zero
    }
    return ComplaintArguments.all(db).map { c in
      ComplaintFacts(
        id: c.id, customer: c.customer, type: c.type, product: c.product, owner: c.owner,
        responsibility: c.responsibility?.rawValue, received: c.received, ackDue: c.ackDue,
        resolveDue: c.resolveDue,
        acknowledged: c.acknowledged, resolved: c.resolved ?? c.closed, paid: c.compensation,
        recovered: recovered[c.id] ?? .zero)
    }
  }

  static func report(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let by = ComplaintGrouping(rawValue: a.text("by") ?? "type")!
    let from = a.date("from")
    let to = a.date("to")
    if let from, let to, from > to {
      throw a.error(tr("`from` {0} is after `to` {1}", from, to), at: "from")
    }
    let request = try ChartRequestKind.parse(a)
    let r: ComplaintReport
    do {
      r = try ComplaintAnalysis.report(facts(s.db), by: by, from: from, to: to, today: s.today)
    } catch { throw error.shell }
    var t = ResultTable(
      columns: [
        ResultColumn(by.rawValue, .text), ResultColumn("count", .int), ResultColumn("open", .int),
        ResultColumn("avg days to ack", .decimal), ResultColumn("avg days to resolve", .decimal),
        ResultColumn("ack breaches", .int), ResultColumn("resolve breaches", .int),
        ResultColumn("paid", .money),
        ResultColumn("recovered", .money),
      ],
      title: tr("Complaint analysis by {0} (留档分析, §4 principle 04)", by.rawValue))
    for (i, l) in (r.lines + [r.total]).enumerated() {
      var key = i == r.lines.count ? tr("total") : l.key
      if by == .customer, let id = Int64(key) { key += " " + ComplaintArguments.customerName(s.db, id) }
      t.rows.append([
        .text(key), .int(Int64(l.count)), .int(Int64(l.open)), l.averageAckDays.map(Value.decimal) ?? .null,
        l.averageResolveDays.map(Value.decimal) ?? .null, .int(Int64(l.ackBreaches)),
        .int(Int64(l.resolveBreaches)), .money(l.paid), .money(l.recovered),
      ])
    }
    let period =
      from == nil && to == nil
      ? tr("all complaints")
      : tr("received {0} to {1}", from?.description ?? "…", to?.description ?? "…")
    t.notes = [
      tr(
        "{0}; days are calendar days from receipt; breaches are judged on {1} (an open complaint past its deadline counts)",
        period, s.today),
      tr("paid: refunds and compensation to customers; recovered: from suppliers and carriers"),
    ]
    if r.repeatComplainers.isEmpty {
      t.notes.append(tr("repeat complainers: none"))
    } else {
      let list = r.repeatComplainers.map {
        tr(
          "{0} {1} ({2} complaints)", $0.customer, ComplaintArguments.customerName(s.db, $0.customer),
          $0.count)
      }
      t.notes.append(tr("repeat complainers: {0}", list.joined(separator: ", ")))
    }
    // The counts by type (or month, owner, …): the last row is the total.
    return try s.withChart(t, request, a) {
      TableChart.make(
        t, kind: by == .month ? .line : .bars, label: 0, values: [1], leaving: [tr("total")])
    }
  }
}

/// A customer's complaints in figures (see `ComplaintViews.customerSummary`).
struct CustomerComplaints: Equatable {
  var count = 0
  var open = 0
  var overdue = 0
  /// Refunds and compensation paid to the customer.
  var paid = Money.zero

  var line: String {
    tr("{0} complaints: {1} open, {2} overdue; paid to the customer {3}", count, open, overdue, paid)
  }
}
