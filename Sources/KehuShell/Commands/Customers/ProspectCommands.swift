import KehuDomain
import KehuStore

/// Finding new customers (§2.4 steps 1 and 3): the competitor survey table
/// (竞争对手情况调查表) and where prospects came from.
enum ProspectCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "competitor add", summary: tr("record a competitor's strengths and weaknesses (竞争对手情况调查表)"),
        arguments: [
          .positional("name", .text), .key("strengths", .text, required: true),
          .key("weaknesses", .text, required: true), .key("area", .text),
          .key("customer", .customer, help: tr("a customer it competes for")),
        ],
        example: "competitor add 金达办公 strengths=\"价格低\" weaknesses=\"售后慢\" area=华东 customer=1003",
        section: "§2.4 step 3", writes: true, handler: add),
      CommandSpec(
        "competitor list", summary: tr("the competitor survey entries"),
        arguments: [.key("area", .text)], example: "competitor list area=华东", section: "§2.4 step 3",
        handler: list),
      CommandSpec(
        "competitor report", summary: tr("each competitor once: where it is met, for how many customers"),
        arguments: [.key("area", .text)], example: "competitor report area=华南", section: "§2.4 step 3",
        handler: report),
      CommandSpec(
        "report sources", summary: tr("prospects per source and how many became trading customers"),
        example: "report sources", section: "§2.4 step 1", handler: sources),
    ]
  }

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let name = a.text("name") ?? ""
    guard !name.isEmpty else { throw a.error(tr("a competitor needs a name"), at: "name") }
    var cells: [String: Value] = [
      "name": .text(name), "recorded": .date(s.today), "recorded_by": .text(s.settings.user),
    ]
    for key in ["strengths", "weaknesses", "area"] {
      if let v = a.text(key), !v.isEmpty { cells[key] = .text(v) }
    }
    if a.text("customer") != nil {
      cells["customer"] = .int(try a.customerKey("customer", in: s.db))
    }
    let keys = try s.change([.insert(table: "competitors", values: cells)])
    return .message(tr("recorded competitor {0} {1}", keys[0].plainText, name))
  }

  static func customerName(_ db: Database, _ v: Value) -> Value {
    guard case .int(let id) = v, let name = db.customerName(id) else { return .null }
    return .text(name)
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = Competitors(s.db)
    let shown: [(String, any CellValues)] = [
      ("id", t.id), ("name", t.name), ("area", t.area), ("customer", t.customer), ("strengths", t.strengths),
      ("weaknesses", t.weaknesses), ("recorded", t.recorded),
    ]
    var out = ResultTable(
      columns: shown.map { ResultColumn($0.0, $0.1.column.type) } + [ResultColumn("customer_name", .text)],
      title: Message(
        verbatim: tr("Competitor survey table (竞争对手情况调查表)") + (a.text("area").map { " — " + $0 } ?? "")))
    for r in CompetitorSurvey.rows(s.db, area: a.text("area")) {
      out.rows.append(shown.map { $0.1.value(r) } + [customerName(s.db, t.customer.value(r))])
    }
    return .table(out)
  }

  static func report(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let summaries = CompetitorSurvey.summaries(s.db, rows: CompetitorSurvey.rows(s.db, area: a.text("area")))
    var out = ResultTable(
      columns: [
        ResultColumn("competitor", .text), ResultColumn("areas", .text), ResultColumn("customers", .int),
        ResultColumn("strengths", .text), ResultColumn("weaknesses", .text),
      ],
      title: Message(
        verbatim: tr("Competitor survey (竞争对手情况调查表), one line per competitor")
          + (a.text("area").map { " — " + $0 } ?? "")),
      notes: [
        tr("customers: how many of our customers or prospects it was met at (§2.4 step 3)."),
        tr("Weigh its strengths against ours before the development visit (§2.4 step 4)."),
      ])
    for e in summaries {
      out.rows.append([
        .text(e.name), .text(e.areas.joined(separator: "、")), .int(Int64(e.customers.count)),
        .text(e.strengths.joined(separator: "；")), .text(e.weaknesses.joined(separator: "；")),
      ])
    }
    return .table(out)
  }

  static func sources(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = Customers(s.db)
    let tallies = SourceReport.tally(
      t.rows.map { (t.source[$0], t.status[$0]) }, order: Catalog.prospectSources)
    var out = ResultTable(
      columns: [
        ResultColumn("source", .text), ResultColumn("brought", .int), ResultColumn("prospect", .int),
        ResultColumn("pending", .int), ResultColumn("trading", .int), ResultColumn("ended", .int),
        ResultColumn("became_trading", .int), ResultColumn("rate", .percent),
      ],
      title: tr("Where customers came from (§2.4 step 1: the new-customer range)"),
      notes: [
        tr("became_trading = trading + ended (an ended customer did trade); rate = became_trading ÷ brought.")
      ])
    out.rows = tallies.map(row)
    if tallies.count > 1 { out.rows.append(row(SourceTally.total(tallies, source: tr("total")))) }
    return .table(out)
  }

  static func row(_ x: SourceTally) -> [Value] {
    return [
      .text(x.source), .int(Int64(x.brought)), .int(Int64(x.prospects)), .int(Int64(x.pending)),
      .int(Int64(x.trading)), .int(Int64(x.ended)), .int(Int64(x.converted)),
      x.rate.map { .percent($0) } ?? .null,
    ]
  }
}
