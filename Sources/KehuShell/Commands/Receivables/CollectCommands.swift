import KehuDomain
import KehuStore

/// The collection procedure (收账程序, §5): the ladder of steps by days past due, the plan of
/// what is due now, recorded actions with the five methods, promises to pay, and what each
/// step and method recovered.
enum CollectCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "collect plan", summary: tr("every overdue customer with the collection step due now"),
        arguments: [.key("asof", .date), .key("owner", .text)], example: "collect plan owner=李明",
        section: "§5",
        handler: plan),
      CommandSpec(
        "collect log", summary: tr("record a collection action, with any promise to pay"),
        arguments: [
          .positional("id", .customer), .key("step", .text, required: true),
          .key("method", .choice(CollectionMethod.allCases.map(\.rawValue))), .key("outcome", .text),
          .key("promise", .date), .key("amount", .money), .key("date", .date), .key("invoice", .text),
        ],
        example:
          "collect log 1010 step=phone method=reasoning outcome=\"答应月底付款\" promise=2026-12-10 amount=20000",
        section: "§5", writes: true, handler: log),
      CommandSpec(
        "collect promises",
        summary: tr("promises to pay: kept, open or broken (a broken one is warning sign P1)"),
        arguments: [.key("asof", .date)], example: "collect promises", section: "§5, §3.1", handler: promises),
      CommandSpec(
        "collect effectiveness", summary: tr("amount recovered after each step and method, per staff member"),
        example: "collect effectiveness", section: "§5", handler: effectiveness),
      CommandSpec(
        "collect ladder", summary: tr("the collection ladder: steps by days past due"),
        example: "collect ladder", section: "§5", handler: showLadder),
      CommandSpec(
        "collect ladder set", summary: tr("move a step of the ladder, or add one"),
        arguments: [
          .key("step", .text, required: true), .key("days", .int, required: true), .key("name", .text),
          .key("chinese", .text),
        ],
        example: "collect ladder set step=phone days=10", section: "§5", writes: true, handler: setLadder),
    ]
  }

  // MARK: plan

  static func plan(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    var overdue: [Int64: (fen: Int64, oldest: Int32)] = [:]
    for (i, b) in Ledger(s.db).openItems(asof: asof) where b.fen > 0 && i.due < asof {
      let was = overdue[i.customer] ?? (0, Int32.max)
      overdue[i.customer] = (was.fen &+ b.fen, min(was.oldest, i.due.number))
    }
    let wanted = a.text("owner")
    let accounts: [OverdueAccount] = overdue.compactMap { id, v in
      let owner = ReceivableData.customerField(s.db, id, "owner")
      if let wanted, owner != wanted { return nil }
      return OverdueAccount(
        customer: "\(id) \(ReceivableData.customerName(s.db, id))", owner: owner, overdue: Money(fen: v.fen),
        oldestDue: Day(number: v.oldest))
    }
    var t = collectionPlan(accounts, asof: asof, ladder: ReceivableData.ladder(s.db))
    t.notes.append(tr("record what was done with `collect log ID step=… method=…`"))
    return .table(t)
  }

  // MARK: log

  static func log(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let ladder = ReceivableData.ladder(s.db)
    let key = a.text("step")!
    guard let step = ladder.step(key: key) else {
      throw a.error(
        tr("`step` must be one of {0}, not `{1}`", ladder.steps.map(\.key).joined(separator: ", "), key),
        at: "step")
    }
    let date = a.date("date") ?? s.today
    if let inv = a.text("invoice") {
      guard let r = s.db["invoices"].row(forNo: inv) else {
        throw a.error(tr("no invoice {0}", inv), at: "invoice")
      }
      let t = s.db["invoices"]
      if t.columns[t.def.columnIndex("customer")!].ints[r] != id {
        throw a.error(tr("invoice {0} is not customer {1}'s", inv, id), at: "invoice")
      }
    }
    let promise = a.date("promise")
    let amount = a.money("amount")
    if promise != nil && amount == nil { throw a.error(tr("a promise needs amount= too"), at: "promise") }
    if promise == nil && amount != nil { throw a.error(tr("amount= goes with promise=DATE"), at: "amount") }
    if let promise, promise < date {
      throw a.error(tr("the promised date is before {0}", date), at: "promise")
    }
    if let amount, amount.fen <= 0 { throw a.error(tr("`amount` must be more than zero"), at: "amount") }
    let actionId = s.db["collections"].nextId
    var values: [String: Value] = [
      "id": .int(actionId), "customer": .int(id), "date": .date(date), "step": .text(step.key),
      "owner": .text(s.settings.user),
    ]
    if let m = a.text("method") { values["method"] = .text(m) }
    if let o = a.text("outcome") { values["remarks"] = .text(o) }
    if let amount { values["amount"] = .money(amount) }
    if let inv = a.text("invoice") { values["invoice"] = .text(inv) }
    var batch: [Mutation] = [.insert(table: "collections", values: values)]
    if let promise, let amount {
      batch.append(
        .insert(
          table: "promises",
          values: [
            "customer": .int(id), "made": .date(date), "due": .date(promise), "amount": .money(amount),
            "action": .int(actionId), "owner": .text(s.settings.user),
          ]))
    }
    try s.change(batch)
    var msg = tr(
      "logged {0} ({1}) for {2} {3}", step.name, step.chinese, id, ReceivableData.customerName(s.db, id))
    if let m = a.text("method").flatMap(CollectionMethod.init(rawValue:)) {
      msg += tr(" by {0}", m.description)
    }
    if let promise, let amount { msg += tr("; promise to pay {0} by {1}", amount, promise) }
    return .message(msg)
  }

  // MARK: promises

  static func promises(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let receipts = Dictionary(grouping: ReceivableData.receipts(s.db), by: \.customer)
    var t = ResultTable(
      columns: [
        ResultColumn("customer", .int), ResultColumn("name", .text), ResultColumn("made", .date),
        ResultColumn("due", .date),
        ResultColumn("amount", .money), ResultColumn("paid", .money), ResultColumn("status", .text),
        ResultColumn("warning", .text),
      ], title: tr("Promises to pay as of {0}", asof))
    var broken = 0
    let sign = WarningSign.missedPayment
    for (_, p, _) in ReceivableData.promises(s.db).sorted(by: {
      ($0.promise.due, $0.id) < ($1.promise.due, $1.id)
    }) {
      let st = try ReceivableData.domain(a, at: "asof") { () throws(DomainError) in
        try promiseStatus(p, receipts: receipts[p.customer] ?? [], asof: asof)
      }
      if st.status == .broken { broken += 1 }
      t.rows.append([
        Int64(p.customer).map { .int($0) } ?? .text(p.customer),
        .text(ReceivableData.customerName(s.db, Int64(p.customer) ?? 0)), .date(p.made),
        .date(p.due),
        .money(p.amount), .money(st.paid), .text(st.status.rawValue),
        .text(st.status == .broken ? sign.id : ""),
      ])
    }
    t.notes = [
      tr(
        "kept: receipts from the day it was made to its date cover the amount; broken: its date has passed without that"
      ),
      tr(
        "{0} broken: each is warning sign {1} of §3.1 ({2})", broken, sign.id,
        "\(sign.chinese) / \(sign.english)"),
    ]
    return .table(t)
  }

  // MARK: effectiveness

  static func effectiveness(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = s.db["collections"]
    let c = { (n: String) in t.columns[t.def.columnIndex(n)!] }
    let actions = (0..<t.count).map { r in
      let m = c("method").string(r) ?? ""
      return CollectionAction(
        customer: String(c("customer").ints[r]), date: c("date").day(r), step: c("step").string(r) ?? "",
        method: CollectionMethod(rawValue: m) ?? CollectionMethod.allCases.first { $0.chinese == m },
        staff: c("owner").string(r) ?? "")
    }
    return .table(
      try ReceivableData.domain(a, at: "") { () throws(DomainError) in
        try collectionEffectiveness(actions: actions, receipts: ReceivableData.receipts(s.db))
      })
  }

  // MARK: ladder

  static func ladderTable(_ l: CollectionLadder, title: Message) -> ResultTable {
    ResultTable(
      columns: [
        ResultColumn("step", .text), ResultColumn("name", .text), ResultColumn("步骤", .text),
        ResultColumn("from day", .int),
      ],
      rows: l.steps.map { [.text($0.key), .text($0.name), .text($0.chinese), .int(Int64($0.days))] },
      title: title,
      notes: [
        tr(
          "a step is due once the oldest overdue item is this many days past due; the last step reached applies"
        )
      ])
  }

  static func showLadder(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let stored = s.db["ladder"].count > 0
    return .table(
      ladderTable(
        ReceivableData.ladder(s.db),
        title: stored
          ? tr("Collection ladder (收账程序), as edited") : tr("Collection ladder (收账程序), the default")))
  }

  static func setLadder(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let old = ReceivableData.ladder(s.db)
    let key = a.text("step")!
    let days = Int(a.int("days")!)
    let new: CollectionLadder
    if old.step(key: key) != nil {
      new = try ReceivableData.domain(a, at: "days") { () throws(DomainError) in try old.moving(key, to: days)
      }
    } else {
      guard let name = a.text("name") else {
        throw a.error(
          tr("no step `{0}`: give name= (and chinese=) to add it", key), at: "step",
          hint: tr("steps: {0}", old.steps.map(\.key).joined(separator: ", ")))
      }
      let added = CollectionStep(key: key, name: name, chinese: a.text("chinese") ?? "", days: days)
      new = try ReceivableData.domain(a, at: "days") { () throws(DomainError) in
        try CollectionLadder((old.steps + [added]).sorted { $0.days < $1.days })
      }
    }
    // The whole ladder is stored, so the default's other steps stay once one is edited.
    let current = s.db["ladder"]
    let keys = (0..<current.count).map { current.value(row: $0, column: current.def.keyColumn) }
    var batch: [Mutation] = keys.isEmpty ? [] : [.delete(table: "ladder", keys: keys)]
    for st in new.steps {
      batch.append(
        .insert(
          table: "ladder",
          values: [
            "step": .text(st.key), "name": .text(st.name), "chinese": .text(st.chinese),
            "days": .int(Int64(st.days)),
          ]))
    }
    try s.change(batch)
    return .table(ladderTable(new, title: tr("Collection ladder (收账程序), as edited")))
  }
}
