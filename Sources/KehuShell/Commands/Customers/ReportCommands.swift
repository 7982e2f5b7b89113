import KehuDomain
import KehuStore

/// The customer management forms of §2.6 step 7, as named reports.
enum ReportCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "report card", summary: tr("the customer management card (客户管理卡)"),
        arguments: [.positional("id", .customer)], example: "report card 1001", section: "§2.6 step 7",
        handler: card),
      CommandSpec(
        "report distribution", summary: tr("customers by area and grade (客户分布现状表)"),
        example: "report distribution", section: "§2.6 step 7", handler: distribution),
      CommandSpec(
        "report targets", summary: tr("sales target against sales achieved per customer"),
        arguments: [.key("month", .text)], example: "report targets month=2026-11", section: "§2.6 step 7",
        handler: targets),
      CommandSpec(
        "target set", summary: tr("set a customer's sales target for a month"),
        arguments: [
          .positional("id", .customer), .key("month", .text, required: true),
          .key("amount", .money, required: true),
        ],
        example: "target set 1001 month=2026-12 amount=500000", section: "§2.6 step 7", writes: true,
        handler: targetSet),
      CommandSpec(
        "report collections", summary: tr("invoiced, collected and owed per customer in a month"),
        arguments: [.key("month", .text)], example: "report collections month=2026-10",
        section: "§2.6 step 7",
        handler: collections),
    ]
  }

  static func card(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let c = Customers(s.db)
    let yearStart = s.today.adding(months: -12).adding(days: 1)
    let sales = SalesTotals.totals(s.db, from: yearStart, to: s.today)[r]
    let span = CustomerActivity.saleSpan(s.db, customer: id)
    let balance = CustomerActivity.receivableBalance(s.db, customer: id)
    let lastVisit = Analysis.visits(s)[r]?.map(\.day).max()
    let fields: [(String, Value)] = [
      ("Customer id 客户编号", .int(id)), ("Name 名称", c.name.value(r)), ("Kind 类别", c.kind.value(r)),
      ("Status 状态", c.status.value(r)), ("ABC grade 等级", c.abcGrade.value(r)),
      ("Prospect grade 准客户等级", c.prospectGrade.value(r)), ("Industry 行业", c.industry.value(r)),
      ("Area 区域", c.area.value(r)), ("Route position 路序", c.routeSeq.value(r)),
      ("Responsible person 负责人", c.owner.value(r)), ("Phone 电话", c.phone.value(r)),
      ("Credit class 信用等级", c.creditClass.value(r)), ("Credit limit 信用限度", c.creditLimit.value(r)),
      ("Sales, 12 months 近12个月销售额", .money(Money(fen: sales))),
      ("First sale 首次交易", span.map { .date($0.0) } ?? .null),
      ("Last sale 最近交易", span.map { .date($0.1) } ?? .null),
      ("Receivable balance 应收余额", .money(balance)),
      ("Last visit 最近访问", lastVisit.map(Value.date) ?? .null),
    ]
    return .table(
      ResultTable(
        columns: [ResultColumn("field", .text), ResultColumn("value", .text)],
        // Each label is the English name, then the Chinese after the last space.
        rows: fields.map { [.text(bilingual(String($0.0.split(separator: " ").last!), $0.0)), $0.1] },
        title: tr("Customer management card (客户管理卡, §2.6 step 7)")))
  }

  static func distribution(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let lines = ManagementForms.distribution(s.db, today: s.today)
    var t = ResultTable(
      columns: [
        ResultColumn("area", .text), ResultColumn("name", .text), ResultColumn("A", .int),
        ResultColumn("B", .int),
        ResultColumn("C", .int), ResultColumn("ungraded", .int), ResultColumn("of_which_prospects", .int),
        ResultColumn("total", .int), ResultColumn("sales_12m", .money),
      ],
      title: tr("Customer distribution (客户分布现状表, §2.6 step 7)"))
    for l in lines {
      t.rows.append(
        [.text(l.area), l.name.map(Value.text) ?? .null] + (l.grades + [l.prospects]).map { .int(Int64($0)) }
          + [.int(Int64(l.total)), .money(l.sales)])
    }
    t.notes = [
      tr(
        "grades are the stored ABC grades; prospects count as ungraded; sales over the 12 months to {0}",
        s.today.description)
    ]
    return .table(t)
  }

  static func targetSet(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, _) = try Analysis.customerRow(s, a)
    let month = Analysis.monthLabel(try Analysis.month(a, "month", default: s.today))
    let amount = a.money("amount")!
    guard amount.fen >= 0 else { throw a.error(tr("a target cannot be negative"), at: "amount") }
    let t = Targets(s.db)
    let existing = t.customer.rows(equalTo: id).first { t.month[$0] == month }
    if let r = existing {
      try s.change([
        .update(table: "targets", key: .int(t.id[r]), values: ["amount": .money(amount)])
      ])
    } else {
      try s.change([
        .insert(
          table: "targets", values: ["customer": .int(id), "month": .text(month), "amount": .money(amount)])
      ])
    }
    return .message(tr("target of customer {0} for {1}: {2}", id, month, amount.formatted))
  }

  static func targets(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let month = try Analysis.month(a, "month", default: s.today)
    let label = Analysis.monthLabel(month)
    let form = ManagementForms.targets(s.db, month: month, today: s.today)
    var out = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("target", .money),
        ResultColumn("achieved", .money), ResultColumn("progress", .percent), ResultColumn("gap", .money),
      ],
      title: tr("Sales target and progress, {0} (客户销售预定及成绩进度表, §2.6 step 7)", label))
    out.rows = form.lines.map { l in
      [
        .int(l.customer), .text(Analysis.name(s, l.row)), .money(l.target), .money(l.achieved),
        l.progress.map { .percent($0) } ?? .null, .money(l.gap),
      ]
    }
    out.notes = [
      tr("progress = achieved ÷ target; sales counted to {0}", form.countedTo.description),
      tr("all targets {0}, achieved {1}", form.target.formatted, form.achieved.formatted),
    ]
    return .table(out)
  }

  static func collections(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let month = try Analysis.month(a, "month", default: s.today)
    let form = ManagementForms.collections(s.db, month: month)
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("opening", .money),
        ResultColumn("invoiced", .money), ResultColumn("collected", .money), ResultColumn("closing", .money),
        ResultColumn("collection_rate", .percent),
      ],
      title: tr("Receivables collection, {0} (客户货款回收管理表, §2.6 step 7)", Analysis.monthLabel(month)))
    t.rows = form.lines.map { l in
      [
        .int(l.customer), .text(Analysis.name(s, l.row)), .money(l.opening), .money(l.invoiced),
        .money(l.collected), .money(l.closing), l.rate.map { .percent($0) } ?? .null,
      ]
    }
    t.notes = [
      tr("closing = opening + invoiced − collected; collection rate = collected ÷ (opening + invoiced)"),
      tr(
        "all customers: opening {0}, invoiced {1}, collected {2}", form.opening.formatted,
        form.invoiced.formatted, form.collected.formatted),
      tr("invoiced trade only: cash sales paid at once never become receivables"),
    ]
    return .table(t)
  }
}

/// Every command of customer analysis (issue 8), in the order `help` lists them.
enum AnalysisCommands {
  static var commands: [CommandSpec] {
    GradeCommands.commands + VisitCommands.commands + RouteCommands.commands + AnalyzeCommands.commands
      + ReportCommands.commands
  }
}
