import KehuStore

/// A holiday as stored (`holiday add`): its id, first and last day, and name.
public struct Holiday: Equatable, Sendable {
  public var id: Int64
  public var from: Day
  public var to: Day
  public var name: String

  public init(id: Int64, from: Day, to: Day, name: String) {
    self.id = id
    self.from = from
    self.to = to
    self.name = name
  }

  /// Calendar days, both ends included.
  public var days: Int { Int(to.number - from.number + 1) }
  /// The days of the holiday that would have been working days (Monday to Friday).
  public var weekdays: Int { WorkingCalendar.weekends.workingDays(from: from.adding(days: -1), to: to) }
}

extension WorkingCalendar {
  /// The firm's holidays, earliest first.
  public static func holidays(_ db: Database) -> [Holiday] {
    let t = Holidays(db)
    return t.rows.map {
      Holiday(id: t.id[$0], from: t.from[$0], to: t.to[$0], name: t.name[$0] ?? "")
    }.sorted { ($0.from, $0.id) < ($1.from, $1.id) }
  }

  /// The first stored holiday that shares a day with `from...to`, if any.
  public static func clash(_ db: Database, from: Day, to: Day) -> Holiday? {
    holidays(db).first { $0.from <= to && from <= $0.to }
  }

  /// The calendar every working-day deadline uses: weekends and the stored holidays.
  public init(_ db: Database) {
    self.init(ranges: WorkingCalendar.holidays(db).map { $0.from...$0.to })
  }
}
