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
    let c = Customers(s.db)
    let areas = Areas(s.db)
    let yearStart = s.today.adding(months: -12).adding(days: 1)
    let sales = SalesTotals.totals(s.db, from: yearStart, to: s.today)
    let grades = ["A", "B", "C", "—"]
    var cells: [String: [Int]] = [:]
    var amount: [String: Int64] = [:]
    for r in c.rows where c.status[r] != "ended" {
      let area = c.area[r] ?? "—"
      let g = c.status[r] == "prospect" ? "—" : (c.abcGrade[r] ?? "—")
      cells[area, default: [0, 0, 0, 0, 0]][grades.firstIndex(of: g)!] += 1
      cells[area]![4] += c.status[r] == "prospect" ? 1 : 0
      amount[area, default: 0] += sales[r]
    }
    var t = ResultTable(
      columns: [
        ResultColumn("area", .text), ResultColumn("name", .text), ResultColumn("A", .int),
        ResultColumn("B", .int),
        ResultColumn("C", .int), ResultColumn("ungraded", .int), ResultColumn("of_which_prospects", .int),
        ResultColumn("total", .int), ResultColumn("sales_12m", .money),
      ],
      title: tr("Customer distribution (客户分布现状表, §2.6 step 7)"))
    for area in cells.keys.sorted() {
      let n = cells[area]!
      let name = areas.row(no: area).flatMap { areas.name[$0] }
      t.rows.append(
        [.text(area), name.map(Value.text) ?? .null] + n.map { .int(Int64($0)) }
          + [.int(Int64(n[0] + n[1] + n[2] + n[3])), .money(Money(fen: amount[area] ?? 0))])
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
    let end = month.adding(months: 1).adding(days: -1)
    let sales = SalesTotals.totals(s.db, from: month, to: min(end, s.today))
    let t = Targets(s.db)
    let map = CustomerRows(s.db.customers)
    var out = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("target", .money),
        ResultColumn("achieved", .money), ResultColumn("progress", .percent), ResultColumn("gap", .money),
      ],
      title: tr("Sales target and progress, {0} (客户销售预定及成绩进度表, §2.6 step 7)", label))
    var sumT: Int64 = 0
    var sumA: Int64 = 0
    for i in t.rows where t.month[i] == label {
      let id = t.customer[i]
      let r = map.row(id)
      guard r >= 0 else { continue }
      let target = t.amount[i].fen
      sumT += target
      sumA += sales[r]
      out.rows.append([
        .int(id), .text(Analysis.name(s, r)), .money(Money(fen: target)), .money(Money(fen: sales[r])),
        target == 0 ? .null : .percent(Grading.share(sales[r], of: target)),
        .money(Money(fen: max(0, target - sales[r]))),
      ])
    }
    out.rows.sort { Value.compare($0[0], $1[0]) < 0 }
    out.notes = [
      tr("progress = achieved ÷ target; sales counted to {0}", min(end, s.today).description),
      tr("all targets {0}, achieved {1}", Money(fen: sumT).formatted, Money(fen: sumA).formatted),
    ]
    return .table(out)
  }

  static func collections(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let month = try Analysis.month(a, "month", default: s.today)
    let figures = CustomerActivity.collections(s.db, month: month)
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("opening", .money),
        ResultColumn("invoiced", .money), ResultColumn("collected", .money), ResultColumn("closing", .money),
        ResultColumn("collection_rate", .percent),
      ],
      title: tr("Receivables collection, {0} (客户货款回收管理表, §2.6 step 7)", Analysis.monthLabel(month)))
    var tot: [Int64] = [0, 0, 0]
    for r in figures.keys.sorted(by: { Analysis.id(s, $0) < Analysis.id(s, $1) }) {
      let f = figures[r]!
      guard f[0] != 0 || f[1] != 0 || f[2] != 0 else { continue }
      for k in 0..<3 { tot[k] += f[k] }
      let due = f[0] + f[1]
      t.rows.append([
        .int(Analysis.id(s, r)), .text(Analysis.name(s, r)), .money(Money(fen: f[0])),
        .money(Money(fen: f[1])),
        .money(Money(fen: f[2])), .money(Money(fen: due - f[2])),
        due <= 0 ? .null : .percent(Grading.share(f[2], of: due)),
      ])
    }
    t.notes = [
      tr("closing = opening + invoiced − collected; collection rate = collected ÷ (opening + invoiced)"),
      tr(
        "all customers: opening {0}, invoiced {1}, collected {2}", Money(fen: tot[0]).formatted,
        Money(fen: tot[1]).formatted, Money(fen: tot[2]).formatted),
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
