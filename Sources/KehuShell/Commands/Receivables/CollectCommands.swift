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
        "collect letter",
        summary: tr(
          "write the reminder or formal demand of a collection step, bilingual Markdown, from the open items"),
        arguments: [
          .positional("id", .customer),
          .key(
            "step", .choice(CollectionLetterKind.allCases.map(\.rawValue)),
            help: tr("letter (default) or demand")),
          .key("file", .path, help: tr("write the letter to this Markdown file (default: print it)")),
          .key("asof", .date), .key("from", .text, help: tr("who signs it (default the user)")),
        ],
        example: "collect letter 1017 step=letter file=催款函-1017.md",
        section: "§5 collection procedure (收账程序)",
        handler: letter),
      CommandSpec(
        "collect promises",
        summary: tr("promises to pay: kept, open or broken (a broken one is warning sign P1)"),
        arguments: [.key("asof", .date)], example: "collect promises", section: "§5, §3.1", handler: promises),
      CommandSpec(
        "collect effectiveness", summary: tr("amount recovered after each step and method, per staff member"),
        example: "collect effectiveness", section: "§5", handler: effectiveness),
      CommandSpec(
        "collect ladder", summary: tr("the collection ladder: steps by days past due"),
        example: "collect ladder",
        section: "§5 collection procedure (收账程序); the steps and days: kehu default (editable)",
        handler: showLadder),
      CommandSpec(
        "collect ladder set", summary: tr("move a step of the ladder, or add one"),
        arguments: [
          .key("step", .text, required: true), .key("days", .int), .key("name", .text),
          .key("chinese", .text),
          .key("skip", .bool, help: tr("the plan may jump this step once a later step's day has come")),
        ],
        example: "collect ladder set step=phone days=10",
        section: "§5 collection procedure (收账程序); the steps and days: kehu default (editable)", writes: true,
        handler: setLadder),
    ]
  }

  // MARK: plan

  static func plan(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let overdue = Ledger(s.db).overdue(asof: asof)
    let wanted = a.text("owner")
    let done = stepsDone(s.db, asof: asof)
    let cards = Customers(s.db)
    let accounts: [OverdueAccount] = overdue.compactMap { id, v in
      let owner = cards.row(id).flatMap { cards.owner[$0] } ?? ""
      if let wanted, owner != wanted { return nil }
      // Only steps taken since the oldest overdue item fell due count for this episode.
      let taken = Set((done[id] ?? []).filter { $0.day >= v.oldestDue.number }.map(\.step))
      return OverdueAccount(
        customer: id, name: s.db.nameOrId(id), owner: owner, overdue: v.amount, oldestDue: v.oldestDue,
        done: taken)
    }
    var t = collectionPlan(
      accounts, asof: asof, ladder: CollectionLadder.stored(s.db), translating: tr,
      naming: { readsChinese ? $0.key : $0.name })
    t.notes.append(tr("record what was done with `collect log ID step=… method=…`"))
    return .table(t)
  }

  /// The collection steps logged per customer up to `asof`: (day number, step key).
  static func stepsDone(_ db: Database, asof: Day) -> [Int64: [(day: Int32, step: String)]] {
    let t = Collections(db)
    var out: [Int64: [(day: Int32, step: String)]] = [:]
    for r in t.rows where t.date[r] <= asof {
      guard let k = t.step[r] else { continue }
      out[t.customer[r], default: []].append((t.date[r].number, k))
    }
    return out
  }

  // MARK: log

  static func log(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let ladder = CollectionLadder.stored(s.db)
    let key = a.text("step")!
    guard let step = ladder.step(key: key) else {
      throw a.error(
        tr("`step` must be one of {0}, not `{1}`", ladder.steps.map(\.key).joined(separator: ", "), key),
        at: "step")
    }
    let date = a.date("date") ?? s.today
    if let inv = a.text("invoice") {
      guard let i = Ledger(s.db).invoice(inv) else {
        throw a.error(tr("no invoice {0}", inv), at: "invoice")
      }
      if i.customer != id {
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
    let actionId = Collections(s.db).table.nextId
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
      "logged {0} ({1}) for {2} {3}", readsChinese ? step.key : step.name, step.chinese, id,
      s.db.nameOrId(id))
    if let m = a.text("method").flatMap(CollectionMethod.init(rawValue:)) {
      msg += tr(" by {0}", bilingual(m.chinese, m.description))
    }
    if let promise, let amount { msg += tr("; promise to pay {0} by {1}", amount, promise) }
    return .message(msg)
  }

  // MARK: letter

  static func letter(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let kind = a.text("step").flatMap(CollectionLetterKind.init(rawValue:)) ?? .reminder
    let asof = a.date("asof") ?? s.today
    let letter = CollectionLetter(
      kind: kind, customer: String(id), customerName: s.db.nameOrId(id), asof: asof,
      sender: a.text("from") ?? s.settings.user, items: ComplaintBook.openInvoices(s.db, customer: id))
    guard !letter.overdue.isEmpty else {
      throw a.error(tr("customer {0} has nothing past due on {1}: no letter to write", id, asof), at: "id")
    }
    let md = try a.rule(at: "id") { () throws(DomainError) in try letter.markdown() }
    let hint = tr("record it with `collect log {0} step={1}` once it is sent", id, kind.rawValue)
    guard let path = a.text("file") else { return .message(md + "\n" + hint) }
    do {
      try writeFile(Array(md.utf8), to: s.outputPath(path))
    } catch {
      throw a.error(tr("cannot write `{0}`", path), at: "file")
    }
    return .message(
      tr(
        "{0} for customer {1} written to {2} ({3} items past due)", tr(kind.name) as String, id, path,
        letter.overdue.count
      )
        + "\n" + hint)
  }

  // MARK: promises

  static func promises(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let asof = a.date("asof") ?? s.today
    let receipts = Dictionary(grouping: Ledger(s.db).receipts(), by: \.customer)
    var t = ResultTable(
      columns: [
        ResultColumn("customer", .int), ResultColumn("name", .text), ResultColumn("made", .date),
        ResultColumn("due", .date),
        ResultColumn("amount", .money), ResultColumn("paid", .money), ResultColumn("status", .text),
        ResultColumn("warning", .text),
      ], title: tr("Promises to pay as of {0}", asof))
    var broken = 0
    let sign = WarningSign.missedPayment
    for (_, p) in Ledger(s.db).promises.sorted(by: {
      ($0.promise.due, $0.id) < ($1.promise.due, $1.id)
    }) {
      let st = try a.rule(at: "asof") { () throws(DomainError) in
        try promiseStatus(p, receipts: receipts[p.customer] ?? [], asof: asof)
      }
      if st.status == .broken { broken += 1 }
      t.rows.append([
        Int64(p.customer).map { .int($0) } ?? .text(p.customer),
        .text(s.db.nameOrId(Int64(p.customer) ?? 0)), .date(p.made),
        .date(p.due),
        .money(p.amount), .money(st.paid), .text(tr(Message(st.status.rawValue))),
        .text(st.status == .broken ? sign.id : ""),
      ])
    }
    t.notes = [
      tr(
        "kept: receipts from the day it was made to its date cover the amount; broken: its date has passed without that"
      ),
      tr(
        "{0} broken: each is warning sign {1} of §3.1 ({2})", broken, sign.id,
        bilingual(sign.chinese, "\(sign.chinese) / \(sign.english)")),
    ]
    return .table(t)
  }

  // MARK: effectiveness

  static func effectiveness(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = Collections(s.db)
    let actions = t.rows.map { r in
      let m = t.method[r] ?? ""
      return CollectionAction(
        customer: String(t.customer[r]), date: t.date[r], step: t.step[r] ?? "",
        method: CollectionMethod(rawValue: m) ?? CollectionMethod.allCases.first { $0.chinese == m },
        staff: t.owner[r] ?? "")
    }
    return .table(
      try a.rule(at: "") { () throws(DomainError) in
        try collectionEffectiveness(actions: actions, receipts: Ledger(s.db).receipts())
      })
  }

  // MARK: ladder

  static func ladderTable(_ l: CollectionLadder, title: Message, edited: Bool) -> ResultTable {
    let source: String = edited ? tr("edited") : tr("kehu default (editable)")
    // The English name is for English readers; a Chinese reader has the step's code and 步骤.
    let english = !readsChinese
    return ResultTable(
      columns: [ResultColumn("step", .text)] + (english ? [ResultColumn("name", .text)] : []) + [
        ResultColumn("步骤", .text), ResultColumn("from day", .int), ResultColumn("skip", .text),
        ResultColumn("source", .text),
      ],
      rows: l.steps.map {
        [.text($0.key)] + (english ? [.text($0.name)] : []) + [
          .text($0.chinese), .int(Int64($0.days)), .text($0.skippable ? tr("may be skipped") : ""),
          .text(source),
        ]
      },
      title: title,
      notes: [
        tr(
          "a step is due once the oldest overdue item is this many days past due and the steps before it are done; one whose day came while an earlier step waited is flagged late"
        ),
        tr(
          "the chapter names a reasonable collection procedure (收账程序, §5) but not its steps or days: these are kehu's, editable with `collect ladder set`"
        ),
      ])
  }

  static func showLadder(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let stored = LadderSteps(s.db).count > 0
    return .table(
      ladderTable(
        CollectionLadder.stored(s.db),
        title: stored
          ? tr("Collection ladder (收账程序), as edited") : tr("Collection ladder (收账程序), the default"),
        edited: stored))
  }

  static func setLadder(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let old = CollectionLadder.stored(s.db)
    let key = a.text("step")!
    let skip = a["skip"].map { $0 == .bool(true) }
    var new: CollectionLadder
    if let step = old.step(key: key) {
      let days = a.int("days").map(Int.init) ?? step.days
      if a["days"] == nil && skip == nil {
        throw a.error(tr("say what changes: days= or skip="), at: "step")
      }
      new = try a.rule(at: "days") { () throws(DomainError) in try old.moving(key, to: days)
      }
    } else {
      guard let days = a.int("days").map(Int.init) else {
        throw a.error(tr("a new step needs days="), at: "step")
      }
      guard let name = a.text("name") else {
        throw a.error(
          tr("no step `{0}`: give name= (and chinese=) to add it", key), at: "step",
          hint: tr("steps: {0}", old.steps.map(\.key).joined(separator: ", ")))
      }
      let added = CollectionStep(
        key: key, name: name, chinese: a.text("chinese") ?? "", days: days, skippable: skip ?? false)
      new = try a.rule(at: "days") { () throws(DomainError) in
        try CollectionLadder((old.steps + [added]).sorted { $0.days < $1.days })
      }
    }
    if let skip { new = new.marking(key, skippable: skip) }
    // The whole ladder is stored, so the default's other steps stay once one is edited.
    let current = LadderSteps(s.db)
    let keys = current.rows.map { current.step.value($0) }
    var batch: [Mutation] = keys.isEmpty ? [] : [.delete(table: "ladder", keys: keys)]
    for st in new.steps {
      batch.append(
        .insert(
          table: "ladder",
          values: [
            "step": .text(st.key), "name": .text(st.name), "chinese": .text(st.chinese),
            "days": .int(Int64(st.days)), "skip": .bool(st.skippable),
          ]))
    }
    try s.change(batch)
    return .table(ladderTable(new, title: tr("Collection ladder (收账程序), as edited"), edited: true))
  }
}
