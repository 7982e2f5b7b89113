import KehuDomain
import KehuStore

/// The firm's holiday calendar: days that are not working days for any deadline counted in
/// working days (today the complaint deadlines of §4 principle 02).
enum HolidayCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "holiday add", summary: tr("add a holiday or a range of holidays to the working-day calendar"),
        arguments: [
          .positional("days", .text, help: tr("a date, or FROM..TO (both included)")),
          .key("name", .text, required: true),
        ],
        example: "holiday add 2027-02-05..2027-02-11 name=春节",
        section: "kehu default (editable): the chapter gives no calendar",
        writes: true, handler: add),
      CommandSpec(
        "holiday list", summary: tr("the holidays that working-day deadlines skip"),
        arguments: [.key("year", .int)], example: "holiday list year=2026",
        section: "kehu default (editable): the chapter gives no calendar", handler: list),
      CommandSpec(
        "holiday remove", summary: tr("remove a holiday from the calendar"),
        arguments: [.positional("id", .int, help: tr("the holiday's id from `holiday list`"))],
        example: "holiday remove 1", section: "kehu default (editable): the chapter gives no calendar",
        writes: true,
        handler: remove),
    ]
  }

  static func holidays(_ db: Database) -> [Holiday] { WorkingCalendar.holidays(db) }

  /// The calendar every working-day deadline uses.
  static func calendar(_ db: Database) -> WorkingCalendar { WorkingCalendar(db) }

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let text = a.text("days")!
    let parts = text.components(separatedBy: "..")
    guard parts.count <= 2, let from = Day(parsing: parts[0]), let to = Day(parsing: parts.last!) else {
      throw a.error(
        tr("`{0}` is not a date or a range FROM..TO (e.g. 2026-10-01..2026-10-07)", text), at: "days")
    }
    if to < from { throw a.error(tr("the range ends ({0}) before it starts ({1})", to, from), at: "days") }
    if to.number - from.number >= 366 {
      throw a.error(tr("a holiday of more than a year is not a holiday: {0}..{1}", from, to), at: "days")
    }
    if let clash = WorkingCalendar.clash(s.db, from: from, to: to) {
      throw a.error(
        tr(
          "{0}..{1} overlaps holiday {2} ({3}, {4}..{5})", from, to, clash.id, clash.name, clash.from,
          clash.to),
        at: "days")
    }
    let id = s.db["holidays"].nextId
    try s.change([
      .insert(
        table: "holidays",
        values: ["id": .int(id), "from": .date(from), "to": .date(to), "name": .text(a.text("name")!)])
    ])
    let added = Holiday(id: id, from: from, to: to, name: a.text("name")!)
    return .message(
      tr(
        "holiday {0} added: {1}, {2}..{3} ({4} days, {5} of them weekdays); working-day deadlines skip it",
        id,
        added.name, from, to, added.days, added.weekdays))
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let year = a.int("year").map(Int.init)
    var t = ResultTable(
      columns: [
        ResultColumn("id", .int), ResultColumn("from", .date), ResultColumn("to", .date),
        ResultColumn("days", .int), ResultColumn("weekdays", .int), ResultColumn("name", .text),
      ],
      title: tr("Holidays: days that working-day deadlines skip"),
      notes: [
        tr(
          "working days are Monday to Friday less these holidays (kehu default (editable): no holidays until added)"
        ),
        tr("used by every deadline counted in working days; deadlines already fixed keep their dates"),
      ])
    for h in holidays(s.db) where year == nil || h.from.year == year || h.to.year == year {
      t.rows.append([
        .int(h.id), .date(h.from), .date(h.to), .int(Int64(h.days)), .int(Int64(h.weekdays)), .text(h.name),
      ])
    }
    return .table(t)
  }

  static func remove(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = a.int("id")!
    guard let h = holidays(s.db).first(where: { $0.id == id }) else {
      throw a.error(tr("no holiday {0}", id), at: "id")
    }
    try s.change([.delete(table: "holidays", keys: [.int(id)])])
    return .message(tr("holiday {0} removed: {1}, {2}..{3}", id, h.name, h.from, h.to))
  }
}
