import KehuDomain
import KehuStore

/// The trade-start workflow of §2.4 rule 5.1: the responsible person files the trade start
/// investigation form (交易开始调查书), the unit head approves it, then the chairman; only
/// then does the customer join the trading customer list.
enum TradeStartCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "customer propose",
        summary: tr("file the trade start investigation form (交易开始调查书); the prospect becomes pending"),
        arguments: [
          .positional("id", .customer),
          .key("direction", .choice(["sell", "buy"]), help: tr("we sell to it, or buy from it")),
          .key("expected", .money, help: tr("expected yearly trade")), .key("note", .text),
          .key("by", .text, help: tr("the responsible person; default the session's user")),
        ],
        example: "customer propose 1057 direction=sell expected=800000 note=\"展会客户，需求稳定\"",
        section: "§2.4 rule 5.1", writes: true, handler: propose),
      CommandSpec(
        "customer approve",
        summary: tr("approve a trade start form: the unit head first, then the chairman"),
        arguments: [
          .positional("id", .customer), .key("by", .text, required: true),
          .key("as", .choice(TradeStartStage.allCases.filter { $0 != .approved }.map(\.rawValue))),
        ],
        example: "customer approve 1058 by=赵董事长", section: "§2.4 rule 5.1", writes: true, handler: approve),
      CommandSpec(
        "customer form", summary: tr("show a customer's trade start investigation form and its approvals"),
        arguments: [.positional("id", .customer)], example: "customer form 1058", section: "§2.4 rule 5.1",
        handler: form),
    ]
  }

  /// The newest form of a customer, if any: (row, stage).
  static func latestForm(_ db: Database, _ id: Int64) -> Int? {
    TradeStarts(db).customer.rows(equalTo: id).last
  }

  static func status(_ db: Database, _ id: Int64) -> String {
    let t = Customers(db)
    return t.status[t.row(id)!]
  }

  static func propose(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    switch status(s.db, id) {
    case "pending":
      throw a.error(tr("customer {0} already has a trade start form awaiting approval", id), at: "id")
    case "trading":
      throw a.error(tr("customer {0} is already trading; no form is needed", id), at: "id")
    default: break
    }
    var cells: [String: Value] = [
      "customer": .int(id), "filed": .date(s.today), "filed_by": .text(a.text("by") ?? s.settings.user),
      "stage": .text(TradeStartStage.unitHead.rawValue),
    ]
    if let d = a.text("direction") { cells["direction"] = .text(d) }
    if let m = a.money("expected") { cells["expected"] = .money(m) }
    if let n = a.text("note"), !n.isEmpty { cells["note"] = .text(n) }
    let keys = try s.change([
      .insert(table: "trade_starts", values: cells),
      .update(
        table: "customers", key: .int(id), values: ["status": .text("pending"), "updated": .timestamp(s.now)]),
    ])
    return .message(
      tr(
        "filed trade start investigation form {0} for customer {1}; customer {1} is pending. Next: {2} approves (`customer approve {1} by=NAME`)",
        keys[0].plainText, id, TradeStartStage.unitHead.approver))
  }

  static func approve(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let t = TradeStarts(s.db)
    guard status(s.db, id) == "pending", let row = latestForm(s.db, id) else {
      let now = status(s.db, id)
      throw a.error(
        now == "trading"
          ? tr("customer {0} is already trading", id)
          : tr(
            "customer {0} has no trade start form awaiting approval; file one with `customer propose {0}`", id
          ),
        at: "id")
    }
    let stage = TradeStartStage(rawValue: t.stage[row]) ?? .unitHead
    let person = a.text("by") ?? ""
    guard !person.isEmpty else { throw a.error(tr("`by` needs the approver's name"), at: "by") }
    let decision = TradeStartApproval.decide(
      stage: stage, role: a.text("as").flatMap(TradeStartStage.init(rawValue:)), person: person,
      unitHead: t.unitHead[row])
    switch decision {
    case .refused(let why):
      let next = stage == .approved || why.contains(stage.approver) ? "" : tr("; next: {0}", stage.approver)
      let claimed = a.text("as").flatMap(TradeStartStage.init(rawValue:))
      let at = stage == .approved ? "id" : (claimed != nil && claimed != stage ? "as" : "by")
      throw a.error(tr(why) + next, at: at)
    case .recorded(let role, let next):
      let formId = t.id.value(row)
      let who = role == .unitHead ? "unit_head" : "chairman"
      var batch: [Mutation] = [
        .update(
          table: "trade_starts", key: formId,
          values: [who: .text(person), who + "_date": .date(s.today), "stage": .text(next.rawValue)])
      ]
      if next == .approved {
        batch.append(
          .update(
            table: "customers", key: .int(id),
            values: ["status": .text("trading"), "updated": .timestamp(s.now)]))
        try s.change(batch)
        return .message(
          tr(
            "{0} approved form {1} as {2}; customer {3} is now trading and on the trading customer list",
            person, formId.plainText, role.approver, id))
      }
      try s.change(batch)
      return .message(
        tr(
          "{0} approved form {1} as {2}. Next: {3} approves", person, formId.plainText, role.approver,
          next.approver))
    }
  }

  static func form(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    guard let row = latestForm(s.db, id) else {
      throw a.error(
        tr("customer {0} has no trade start form; file one with `customer propose {0}`", id), at: "id")
    }
    let t = TradeStarts(s.db)
    let stage = TradeStartStage(rawValue: t.stage[row]) ?? .unitHead
    let name = Value.text(s.db.customerName(id) ?? "")
    let lines: [(String, Value)] = [
      (tr("Form 调查书编号"), t.id.value(row)), (tr("Customer 客户"), .int(id)), (tr("Name 名称"), name),
      (tr("Filed 填写日期"), t.filed.value(row)), (tr("Responsible person 负责人"), t.filedBy.value(row)),
      (tr("Buying or selling 交易方向"), t.direction.value(row)),
      (tr("Expected trade 预计交易额"), t.expected.value(row)), (tr("Note 说明"), t.note.value(row)),
      (tr("Unit head 单位负责人"), t.unitHead.value(row)),
      (tr("Unit head approved 批准日期"), t.unitHeadDate.value(row)),
      (tr("Chairman 董事长"), t.chairman.value(row)),
      (tr("Chairman approved 批准日期"), t.chairmanDate.value(row)),
    ]
    var out = ResultTable(
      columns: [ResultColumn(tr("field"), .text), ResultColumn(tr("value"), .text)],
      title: tr("Trade start investigation form (交易开始调查书)"),
      notes: [
        stage == .approved
          ? tr("Approved by the unit head and the chairman: the customer is on the trading list.")
          : tr("Waiting for {0}.", stage.approver)
      ])
    out.rows = lines.map { [.text($0.0), .text(humanText($0.1))] }
    return .table(out)
  }
}
