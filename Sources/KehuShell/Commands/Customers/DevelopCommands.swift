import KehuStore

/// Customer development (§2.4 step 4): the sales department hands prospects to its staff
/// as development tasks with a due date, and follows up the ones running late.
enum DevelopCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "develop assign", summary: tr("hand a prospect to a member of staff to develop by a date"),
        arguments: [
          .positional("id", .customer), .key("to", .text, required: true), .key("due", .date, required: true),
          .key("note", .text),
        ],
        example: "develop assign 1057 to=张丽 due=2026-12-15 note=\"上门介绍新品\"", section: "§2.4 step 4",
        writes: true, handler: assign),
      CommandSpec(
        "develop done", summary: tr("mark a development task done"),
        arguments: [.positional("task", .int), .key("result", .text)],
        example: "develop done 3 result=\"已报价，待审批\"", section: "§2.4 step 4", writes: true, handler: done),
      CommandSpec(
        "develop list", summary: tr("open development tasks, by staff or overdue"),
        arguments: [
          .key("staff", .text), .key("overdue", .bool, help: tr("only tasks past their due date")),
          .key("all", .bool, help: tr("done tasks too")),
        ],
        example: "develop list staff=张丽 overdue", section: "§2.4 step 4", handler: list),
    ]
  }

  static func assign(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    if TradeStartCommands.status(s.db, id) == "ended" {
      throw a.error(tr("customer {0} has ended trading; it is not developed any more", id), at: "id")
    }
    let staff = a.text("to") ?? ""
    guard !staff.isEmpty else { throw a.error(tr("`to` needs a member of staff"), at: "to") }
    let due = a.date("due")!
    if due < s.today {
      throw a.error(
        tr("the due date {0} is already past (today is {1})", due.description, s.today.description), at: "due"
      )
    }
    var cells: [String: Value] = [
      "customer": .int(id), "staff": .text(staff), "assigned": .date(s.today), "due": .date(due),
      "assigned_by": .text(s.settings.user),
    ]
    if let n = a.text("note"), !n.isEmpty { cells["note"] = .text(n) }
    let keys = try s.change([.insert(table: "develop_tasks", values: cells)])
    return .message(
      tr(
        "development task {0}: {1} develops customer {2} by {3}", keys[0].plainText, staff, id,
        due.description))
  }

  static func done(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let task = a.int("task")!
    let t = DevelopTasks(s.db)
    guard let r = t.row(id: task) else { throw a.error(tr("no development task {0}", task), at: "task") }
    if let done = t.done[r] {
      throw a.error(tr("task {0} was already done on {1}", task, done.description), at: "task")
    }
    var values: [String: Value] = ["done": .date(s.today)]
    if let result = a.text("result"), !result.isEmpty { values["result"] = .text(result) }
    try s.change([.update(table: "develop_tasks", key: .int(task), values: values)])
    let due = t.due[r]
    let late = Int(s.today.number - due.number)
    return .message(
      late > 0
        ? tr("task {0} done, {1} days after its due date {2}", task, late, due.description)
        : tr("task {0} done", task))
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = DevelopTasks(s.db)
    let (staff, overdue, all) = (a.text("staff"), a.flag("overdue"), a.flag("all"))
    let card = Customers(s.db)
    var out = ResultTable(
      columns: [
        ResultColumn("task", .int), ResultColumn("customer", .int), ResultColumn("name", .text),
        ResultColumn("status", .text), ResultColumn("staff", .text), ResultColumn("assigned", .date),
        ResultColumn("due", .date), ResultColumn("overdue", .duration), ResultColumn("note", .text),
        ResultColumn("done", .date),
      ],
      title: overdue ? tr("Development tasks past their due date") : tr("Development tasks (§2.4 step 4)"),
      notes: [tr("overdue = today − due, for tasks not done; today is {0}.", s.today.description)])
    for r in t.rows {
      let isDone = !t.done.isNull(r)
      let due = t.due[r]
      let late = isDone ? 0 : Int32(s.today.number - due.number)
      if isDone && !all && !overdue { continue }
      if overdue && (isDone || late <= 0) { continue }
      if let staff, t.staff[r] != staff { continue }
      let cust = t.customer[r]
      let cr = card.row(cust)
      out.rows.append([
        t.id.value(r), .int(cust),
        cr.map { card.name.value($0) } ?? .null,
        cr.map { card.status.value($0) } ?? .null,
        t.staff.value(r), t.assigned.value(r), .date(due),
        late > 0 ? .duration(late) : .null, t.note.value(r), t.done.value(r),
      ])
    }
    return .table(out)
  }
}
