import KehuStore

/// Which days are working days: Monday to Friday, less the firm's holidays (`holiday add`).
/// Every deadline counted in working days reads it, so a complaint received before 国庆节
/// is due after the holiday, not during it.
public struct WorkingCalendar: Sendable, Equatable {
  /// Day numbers of the holidays.
  public var holidays: Set<Int32>

  public init(holidays: Set<Int32> = []) { self.holidays = holidays }

  /// Weekends only.
  public static let weekends = WorkingCalendar()

  /// A calendar of the given ranges (inclusive).
  public init(ranges: [ClosedRange<Day>]) {
    var days = Set<Int32>()
    for r in ranges {
      var d = r.lowerBound
      while d <= r.upperBound {
        days.insert(d.number)
        d = d.adding(days: 1)
      }
    }
    holidays = days
  }

  public func isWorkingDay(_ d: Day) -> Bool { d.weekday <= 5 && !holidays.contains(d.number) }

  /// The day `days` working days after `from`; with 0, `from` itself when it is a working
  /// day, else the next working day.
  public func adding(workingDays days: Int, to from: Day) -> Day {
    var d = from
    if days == 0 {
      while !isWorkingDay(d) { d = d.adding(days: 1) }
      return d
    }
    var left = days
    while left > 0 {
      d = d.adding(days: 1)
      if isWorkingDay(d) { left -= 1 }
    }
    return d
  }

  /// Working days from `from` (exclusive) to `to` (inclusive).
  public func workingDays(from: Day, to: Day) -> Int {
    guard to > from else { return 0 }
    var n = 0
    var d = from.adding(days: 1)
    while d <= to {
      if isWorkingDay(d) { n += 1 }
      d = d.adding(days: 1)
    }
    return n
  }
}
