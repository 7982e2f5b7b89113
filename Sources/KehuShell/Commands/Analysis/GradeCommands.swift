import Foundation
import KehuDomain
import KehuStore

/// Sales performance analysis and ABC grading (§2.6 steps 2–3, Figure 4-1, Tables 4-12 and 4-13).
enum GradeCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "pareto", summary: tr("customers ranked by sales or margin, with cumulative share and A/B/C bands"),
        arguments: [
          .key("by", .choice(["sales", "margin"])), .key("from", .date), .key("to", .date),
          .key("owner", .text), .key("area", .text),
          .key("a", .percent, help: tr("the A line of cumulative share (default 80%)")),
          .key("b", .percent, help: tr("the B line of cumulative share (default 95%)")),
          rule,
          .key("chart", .path, help: tr("`text` draws the Pareto chart under the table; FILE.svg writes it")),
          .key("bars", .bool, help: tr("print the bar chart also outside the prompt")),
        ],
        example: "pareto by=sales from=2026-01-01 chart=pareto.svg", section: "§2.6 step 2", handler: pareto),
      CommandSpec(
        "grade abc",
        summary: tr("grade customers A/B/C by monthly average sales over full months"),
        arguments: [
          .key("months", .int), .key("asof", .date),
          .key("a", .percent, help: tr("the A line of cumulative share (default 80%)")),
          .key("b", .percent, help: tr("the B line of cumulative share (default 95%)")),
          rule,
          .key("standard", .text, help: tr("grade standard amounts A,B (monthly averages)")),
          .key("apply", .bool, help: tr("store the grades (one audited change)")),
          ChartRequestKind.argument,
        ],
        example: "grade abc months=3 apply", section: "§2.6 step 3", writes: true, handler: gradeABC),
      CommandSpec(
        "grade abc explain", summary: tr("the working of a customer's monthly average"),
        arguments: [.positional("ids", .text, rest: true), .key("months", .int), .key("asof", .date)],
        example: "grade abc explain 1001 1002", section: "§2.6 step 3 (1), Table 4-12", handler: explain),
    ]
  }

  static let rule = ArgSpec.key(
    "rule", .choice(BandRule.allCases.map(\.rawValue)),
    help: tr(
      "before: in a band while the share before the customer is below the line (default); through: up to and including it"
    ))

  static func lines(_ a: ParsedArguments) throws -> GradeLines {
    if let std = a.text("standard") {
      let parts = std.split(separator: ",").map {
        Money(parsing: String($0).trimmingCharacters(in: .whitespaces))
      }
      guard parts.count == 2, let hi = parts[0], let lo = parts[1], hi >= lo, lo.fen >= 0 else {
        throw a.error(
          tr("`standard` must be two amounts A,B with A ≥ B, e.g. standard=50000,10000"), at: "standard")
      }
      if a["a"] != nil || a["b"] != nil {
        throw a.error(tr("give either a=/b= or standard=, not both"), at: "standard")
      }
      if a["rule"] != nil {
        throw a.error(
          tr("`rule` is for share lines; standard amounts compare each customer alone"), at: "rule")
      }
      return .standard(a: hi, b: lo)
    }
    var la = GradeLines.paretoA
    var lb = GradeLines.paretoB
    if case .percent(let p)? = a["a"] { la = p }
    if case .percent(let p)? = a["b"] { lb = p }
    for (name, v) in [("a", la), ("b", lb)] where v <= .zero || v > .one {
      throw a.error(tr("`{0}` must be a share between 0% and 100%", name), at: name)
    }
    if !(la < lb) && a["a"] != nil { throw a.error(tr("the A line must be below the B line"), at: "a") }
    if !(la < lb) { throw a.error(tr("the A line must be below the B line"), at: "b") }
    return .share(a: la, b: lb, rule: a.text("rule").flatMap(BandRule.init(rawValue:)) ?? .before)
  }

  // MARK: pareto

  static func pareto(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let measure = SalesTotals.Measure(rawValue: a.text("by") ?? "sales")!
    let from = a.date("from")
    let to = a.date("to")
    if let from, let to, to < from { throw a.error(tr("`to` is before `from`"), at: "to") }
    let gl = try lines(a)
    var keep = [Bool](repeating: true, count: s.db.customers.count)
    try Analysis.filter(s, &keep, a)
    let totals = SalesTotals.totals(s.db, from: from, to: to, measure: measure)
    try s.checkInterrupted()
    let ranking = Grading.customers(s.db, amounts: totals, keep: keep, lines: gl, boughtOnly: true)
    let (rows, ids, ranked, total) = (ranking.rows, ranking.ids, ranking.ranked, ranking.total)
    let names = Customers(s.db).name.column
    var t = ResultTable(
      columns: [
        ResultColumn("rank", .int), ResultColumn("id", .int), ResultColumn("name", .text),
        ResultColumn(measure.rawValue, .money), ResultColumn("share", .percent),
        ResultColumn("cumulative", .percent), ResultColumn("band", .text),
      ],
      title: tr(
        "Sales performance by customer, Pareto (Figure 4-1, 客户等级划分图), by {0}", Message(measure.rawValue)))
    // A screenful is built when only a screenful is shown; the count says how many more.
    let built = min(ranked.count, s.screenRows.map { $0 + 1 } ?? ranked.count)
    if built < ranked.count { t.totalRows = ranked.count }
    t.rows.reserveCapacity(built)
    for (k, c) in ranked.prefix(built).enumerated() {
      t.rows.append([
        .int(Int64(k + 1)), .int(ids[c.index]), .text(names.string(rows[c.index]) ?? ""),
        .money(Money(fen: c.amount)), Analysis.share(c.amount, total), Analysis.share(c.cumulative, total),
        .text(c.grade.rawValue),
      ])
    }
    let counts = ranking.counts
    t.notes = [
      tr("rule: {0}", gl.rule),
      tr(
        "period: {0} to {1}; total {2}; {3} customers: A {4}, B {5}, C {6}",
        from?.description ?? tr("the first sale"), to?.description ?? tr("the last sale"),
        Money(fen: total).formatted, ranked.count, counts[0], counts[1], counts[2]),
      tr(
        "customers with no {0} in the period are left out; equal amounts rank by id and share a band",
        Message(measure.rawValue)),
    ]
    if measure == .margin { t.notes.append(tr("margin = amount − cost of each sale line")) }
    var request = try ChartRequestKind.parse(a)
    // At the prompt (or with `bars`) the picture comes with the table unless a file was asked for.
    if request == nil && (s.options.interactive || a.flag("bars")) && !ranked.isEmpty { request = .text }
    func picture() -> Chart {
      var bars = ranked.map {
        ParetoChart.Bar(
          label: names.string(rows[$0.index]) ?? "", amount: $0.amount, cumulative: $0.cumulative,
          grade: $0.grade)
      }
      // A bar per customer while they fit on a screen, else a bar per band.
      if request == .text && bars.count > max(1, s.settings.rows ?? 40) { bars = ParetoChart.bands(bars) }
      return ParetoChart.chart(
        bars, total: total, lines: gl, title: t.title.map(tr) ?? "", measure: measure.rawValue)
    }
    return try s.withChart(t, request, a, picture)
  }

  // MARK: grade abc

  static func window(_ s: Session, _ a: ParsedArguments) throws -> MonthWindow {
    let months = a.int("months") ?? 3
    guard (1...24).contains(months) else {
      throw a.error(tr("`months` must be from 1 to 24 (the chapter uses 3, or 4–6)"), at: "months")
    }
    return MonthWindow(asof: a.date("asof") ?? s.today, months: Int(months))
  }

  static func gradeABC(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let w = try window(s, a)
    let gl = try lines(a)
    let request = try ChartRequestKind.parse(a)
    let keep = Analysis.inTrade(s)
    let sums = SalesTotals.windowSums(s.db, w)
    try s.checkInterrupted()
    let ranking = Grading.customers(
      s.db, amounts: sums, keep: keep, lines: gl, months: w.count, boughtOnly: false)
    let (rows, ids, ranked, total) = (ranking.rows, ranking.ids, ranking.ranked, ranking.total)
    let names = Customers(s.db).name.column
    let stored = Customers(s.db).abcGrade.column
    var t = ResultTable(
      columns: [
        ResultColumn("rank", .int), ResultColumn("id", .int), ResultColumn("name", .text),
        ResultColumn("total", .money), ResultColumn("monthly_avg", .money), ResultColumn("share", .percent),
        ResultColumn("cumulative", .percent), ResultColumn("grade", .text), ResultColumn("stored", .text),
      ],
      title: tr("ABC grading by monthly average sales (Tables 4-12, 4-13)"))
    var changes: [Mutation] = []
    var changed = 0
    let apply = a.flag("apply")
    let now = s.now
    let built = min(ranked.count, s.screenRows.map { $0 + 1 } ?? ranked.count)
    if built < ranked.count { t.totalRows = ranked.count }
    for (k, c) in ranked.enumerated() {
      let r = rows[c.index]
      let old = stored.string(r)
      if k < built {
        t.rows.append([
          .int(Int64(k + 1)), .int(ids[c.index]), .text(names.string(r) ?? ""), .money(Money(fen: c.amount)),
          .money(MonthlyAverage.average(total: Money(fen: c.amount), months: w.count)),
          Analysis.share(max(0, c.amount), total), Analysis.share(c.cumulative, total),
          .text(c.grade.rawValue),
          // After `apply` the column shows what is stored now, not what was there before.
          apply ? .text(c.grade.rawValue) : old.map(Value.text) ?? .null,
        ])
      }
      // Mutations are built only when they will be applied: a look at 1M customers stays cheap.
      if old != c.grade.rawValue {
        changed += 1
      }
      if apply && old != c.grade.rawValue {
        changes.append(
          .update(
            table: "customers", key: .int(ids[c.index]),
            values: ["abc_grade": .text(c.grade.rawValue), "updated": .timestamp(now)]))
      }
    }
    let counts = ranking.counts
    t.notes = [
      tr(
        "monthly average = sum of {0} full months ({1} to {2}) ÷ {0}", w.count, w.labels.first!,
        w.labels.last!),
      tr("rule: {0}", gl.rule),
      tr(
        "{0} customers in trade: A {1}, B {2}, C {3}; a month without sales counts as 0; equal averages rank by id and share a grade",
        ranked.count, counts[0], counts[1], counts[2]),
    ]
    if apply {
      if !changes.isEmpty { try s.change(changes) }
      t.notes.append(tr("stored: {0} grades changed", changed))
    } else {
      t.notes.append(tr("nothing stored: add `apply` to store the grades ({0} would change)", changed))
    }
    return try s.withChart(t, request, a) {
      var bars = ranked.map {
        ParetoChart.Bar(
          label: names.string(rows[$0.index]) ?? "", amount: max(0, $0.amount), cumulative: $0.cumulative,
          grade: $0.grade)
      }
      if request == .text && bars.count > max(1, s.settings.rows ?? 40) { bars = ParetoChart.bands(bars) }
      return ParetoChart.chart(
        bars, total: total, lines: gl, title: t.title.map(tr) ?? "",
        measure: tr("sales over {0} months", w.count))
    }
  }

  static func explain(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let w = try window(s, a)
    guard !a.rest.isEmpty else { throw a.error(tr("`grade abc explain` needs a customer id"), at: "ids") }
    var out = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("item", .text), ResultColumn("formula", .text),
        ResultColumn("value", .money),
      ],
      title: tr("Monthly average sales (Table 4-12)"))
    for text in a.rest {
      guard let id = s.db.customerKey(text), s.db.customers.row(forId: id) != nil else {
        throw a.error(tr("no customer {0}", text), at: "ids")
      }
      let w = try MonthlyAverage.working(
        customer: text, labels: w.labels, monthly: SalesTotals.monthly(s.db, customer: id, w))
      for line in w.lines {
        out.rows.append([.int(id), .text(tr(line.label)), .text(tr(line.formula)), line.value])
      }
      if out.notes.isEmpty { out.notes = [Message("rule: {0}", w.rule)] + w.convention }
    }
    return .table(out)
  }
}
