import KehuDomain
import KehuStore

/// Prospect grades (§2.2) and the visit plan by grade and role (§2.6 step 6).
enum VisitCommands {
  static let roles = VisitPolicy.roles

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "prospect grade", summary: tr("grade a prospect A–D by how far it meets the conditions to buy"),
        arguments: [.positional("id", .customer), .positional("grade", .choice(["A", "B", "C", "D"]))],
        example: "prospect grade 1057 B", section: "§2.2", writes: true, handler: prospectGrade),
      CommandSpec(
        "prospect policy", summary: tr("the prospect table: visit frequency and expected purchase per grade"),
        arguments: [
          .positional("grade", .choice(["A", "B", "C", "D"]), required: false),
          .key("every", .text, help: tr("days between visits, or `none`")), .key("visits", .text),
          .key("purchase", .text),
        ],
        example: "prospect policy B every=10 visits=\"every ten days\"", section: "§2.2", writes: true,
        handler: prospectPolicy),
      CommandSpec(
        "prospect due", summary: tr("prospects whose next visit is due"),
        arguments: [.key("asof", .date)], example: "prospect due asof=2026-12-05", section: "§2.2",
        handler: prospectDue),
      CommandSpec(
        "visit policy", summary: tr("visits per grade and role (the visit plan table)"),
        arguments: [
          .positional("grade", .choice(["A", "B", "C"]), required: false),
          .positional("role", .choice(roles), required: false),
          .key("count", .text, help: tr("visits per period, or `none` for when needed")),
          .key("months", .int), .key("text", .text),
        ],
        example: "visit policy A manager count=1 months=1", section: "§2.6 step 6", writes: true,
        handler: visitPolicy),
      CommandSpec(
        "visit log", summary: tr("record a visit or call on a customer"),
        arguments: [
          .positional("id", .customer), .key("role", .choice(roles)),
          .key("kind", .choice(["visit", "call"])),
          .key("date", .date), .key("staff", .text), .key("note", .text),
        ],
        example: "visit log 1001 role=manager kind=visit note=\"年度回访\"", section: "§2.4 step 4, §2.6 step 6",
        writes: true, handler: log),
      CommandSpec(
        "visit plan", summary: tr("visits due per customer and role in a month"),
        arguments: [.key("month", .text), .key("staff", .text), .key("role", .choice(roles))],
        example: "visit plan month=2026-12 staff=李明", section: "§2.6 step 6", handler: plan),
      CommandSpec(
        "visit overdue", summary: tr("customers and roles behind their visit plan"),
        arguments: [.key("asof", .date), .key("staff", .text), .key("role", .choice(roles))],
        example: "visit overdue role=handler", section: "§2.6 step 6", handler: overdue),
    ]
  }

  // MARK: prospects

  static func rules(_ s: Session) -> [ProspectRule] {
    ProspectRule.stored(s.db)
  }

  static func prospectGrade(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let status = Customers(s.db).status[r]
    guard status == "prospect" else {
      throw a.error(tr("customer {0} is not a prospect (its status is {1})", id, status), at: "id")
    }
    let g = a.text("grade")!
    try s.change([
      .update(
        table: "customers", key: .int(id), values: ["prospect_grade": .text(g), "updated": .timestamp(s.now)])
    ])
    let rule = rules(s).first { $0.grade == g }!
    return .message(
      tr(
        "prospect {0} is now grade {1}: visit {2}; purchase expected {3}", id, g, trStored(rule.visits),
        trStored(rule.purchase))
    )
  }

  static func prospectPolicy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if let g = a.text("grade"), a["every"] != nil || a["visits"] != nil || a["purchase"] != nil {
      let current = rules(s).first { $0.grade == g }!
      var every: Value = current.everyDays.map { .int(Int64($0)) } ?? .null
      if let e = a.text("every") {
        if e == "none" {
          every = .null
        } else if let n = Int64(e), n > 0 {
          every = .int(n)
        } else {
          throw a.error(tr("`every` must be a number of days or `none`, not `{0}`", e), at: "every")
        }
      }
      let values: [String: Value] = [
        "grade": .text(g), "every": every, "visits": .text(a.text("visits") ?? current.visits),
        "purchase": .text(a.text("purchase") ?? current.purchase),
      ]
      let exists = s.db["prospect_policy"].row(forNo: g) != nil
      try s.change([
        exists
          ? .update(table: "prospect_policy", key: .text(g), values: values)
          : .insert(table: "prospect_policy", values: values)
      ])
    }
    var t = ResultTable(
      columns: [
        ResultColumn("grade", .text), ResultColumn("meaning", .text), ResultColumn("visits", .text),
        ResultColumn("every_days", .int), ResultColumn("purchase", .text),
      ],
      title: tr("Prospect grades A–D (准客户等级, §2.2)"))
    for r in rules(s) where a.text("grade") == nil || a.text("grade") == r.grade {
      t.rows.append([
        .text(r.grade), .text(trStored(r.meaning)), .text(trStored(r.visits)),
        r.everyDays.map { .int(Int64($0)) } ?? .null, .text(trStored(r.purchase)),
      ])
    }
    t.notes = [
      tr("every_days is the longest gap that still meets the visit frequency; empty means no schedule")
    ]
    return .table(t)
  }

  static func prospectDue(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("grade", .text),
        ResultColumn("last_visit", .date), ResultColumn("next_visit", .date), ResultColumn("days_late", .int),
        ResultColumn("purchase", .text),
      ],
      title: tr("Prospects due for a visit on {0} (§2.2)", asof.description))
    for p in ProspectRule.due(s.db, asof: asof) {
      t.rows.append([
        .int(Analysis.id(s, p.row)), .text(Analysis.name(s, p.row)), .text(p.grade),
        p.last.map(Value.date) ?? .null,
        p.next.map(Value.date) ?? .null, p.daysLate.map { .int(Int64($0)) } ?? .null,
        .text(trStored(p.rule.purchase)),
      ])
    }
    t.notes = [
      tr(
        "due when never visited, or when the last visit + the grade's gap is on or before {0}",
        asof.description)
    ]
    return .table(t)
  }

  // MARK: visit policy

  static func frequencies(_ s: Session) -> [String: [VisitFrequency]] {
    VisitPolicy.stored(s.db)
  }

  static func visitPolicy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if a["count"] != nil || a["months"] != nil || a["text"] != nil {
      guard let g = a.text("grade"), let role = a.text("role") else {
        throw a.error(tr("changing the visit table needs a grade and a role"), at: "count")
      }
      let current = frequencies(s)[g]![roles.firstIndex(of: role)!]
      var count: Value = current.count.map { .int(Int64($0)) } ?? .null
      if let c = a.text("count") {
        if c == "none" {
          count = .null
        } else if let n = Int64(c), n > 0 {
          count = .int(n)
        } else {
          throw a.error(tr("`count` must be a whole number of visits or `none`, not `{0}`", c), at: "count")
        }
      }
      let months = a.int("months") ?? Int64(current.months)
      guard (1...24).contains(months) else {
        throw a.error(tr("`months` must be from 1 to 24"), at: "months")
      }
      var text = a.text("text") ?? ""
      if text.isEmpty {
        if case .int(let n) = count {
          text = months == 1 ? "\(n) a month" : "\(n) per \(months) months"
        } else {
          text = "when needed"
        }
      }
      let key = "\(g):\(role)"
      let values: [String: Value] = [
        "key": .text(key), "grade": .text(g), "role": .text(role), "count": count, "months": .int(months),
        "text": .text(text),
      ]
      try s.change([
        s.db["visit_policy"].row(forNo: key) != nil
          ? .update(table: "visit_policy", key: .text(key), values: values)
          : .insert(table: "visit_policy", values: values)
      ])
    }
    let f = frequencies(s)
    var t = ResultTable(
      columns: [ResultColumn("grade", .text)]
        + zip(roles, VisitPolicy.roleNames).map { ResultColumn("\($0) \($1)", .text) },
      title: tr("Visit plan by grade and role (客户访问计划, §2.6 step 6)"))
    for g in ["A", "B", "C"] { t.rows.append([.text(g)] + f[g]!.map { .text(trStored($0.text)) }) }
    t.notes = [
      tr("a range keeps its lower bound: “2–3 a month” plans 2, “1 per 1–2 months” plans 1 every 2 months"),
      tr("a visit may be a call; a visit logged without a role counts as the handler's"),
    ]
    return .table(t)
  }

  // MARK: visits

  static func log(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let date = a.date("date") ?? s.today
    if date > s.today { throw a.error(tr("a visit cannot be logged in the future"), at: "date") }
    let staff = a.text("staff") ?? Customers(s.db).owner[r] ?? s.settings.user
    var values: [String: Value] = [
      "customer": .int(id), "date": .date(date), "owner": .text(staff),
      "kind": .text(a.text("kind") ?? "visit"),
      "role": .text(a.text("role") ?? "handler"),
    ]
    if let n = a.text("note") { values["purpose"] = .text(n) }
    let keys = try s.change([.insert(table: "visits", values: values)])
    return .message(
      tr(
        "visit {0} logged: customer {1}, {2}, {3}", keys[0].plainText, id, values["role"]!.plainText,
        date.description))
  }

  /// The visits owed by graded trading customers, as `staff=` and `role=` narrow them.
  static func owed(_ s: Session, _ a: ParsedArguments, windowStart: (VisitFrequency) -> Day, end: Day)
    -> [VisitOwed]
  {
    VisitPolicy.owed(s.db, staff: a.text("staff"), role: a.text("role"), windowStart: windowStart, end: end)
  }

  static func plan(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let month = try Analysis.month(a, "month", default: s.today)
    let end = month.adding(months: 1)
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("grade", .text),
        ResultColumn("role", .text), ResultColumn("rule", .text), ResultColumn("done", .int),
        ResultColumn("due", .int),
      ],
      title: tr("Visits due in {0} (客户访问计划, §2.6 step 6)", Analysis.monthLabel(month)))
    var total = 0
    for o in owed(
      s, a, windowStart: { VisitPolicy.window(endingWith: month, months: $0.months).start }, end: end)
    {
      let due = o.due
      guard due > 0 else { continue }
      total += due
      t.rows.append([
        .int(Analysis.id(s, o.row)), .text(Analysis.name(s, o.row)), .text(o.grade), .text(roles[o.role]),
        .text(trStored(o.rule.text)), .int(Int64(o.done)), .int(Int64(due)),
      ])
    }
    t.notes = [
      tr(
        "due = planned visits − visits already logged in the rule's months ending with {0}",
        Analysis.monthLabel(month)),
      tr(
        "{0} visits due; customers without a stored ABC grade are not planned (see `grade abc apply`)", total),
    ]
    return .table(t)
  }

  static func overdue(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let end = asof.adding(days: 1)
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("grade", .text),
        ResultColumn("role", .text), ResultColumn("rule", .text), ResultColumn("done", .int),
        ResultColumn("short", .int), ResultColumn("last_visit", .date),
      ],
      title: tr("Visits behind plan on {0} (§2.6 step 6)", asof.description))
    for o in owed(s, a, windowStart: { end.adding(months: -$0.months) }, end: end) {
      let short = o.due
      guard short > 0 else { continue }
      t.rows.append([
        .int(Analysis.id(s, o.row)), .text(Analysis.name(s, o.row)), .text(o.grade), .text(roles[o.role]),
        .text(trStored(o.rule.text)), .int(Int64(o.done)), .int(Int64(short)),
        o.last.map(Value.date) ?? .null,
      ])
    }
    t.notes = [
      tr(
        "behind when fewer visits than planned fall in the rule's months up to {0} (a rolling window)",
        asof.description)
    ]
    return .table(t)
  }
}
