import KehuStore

/// The N full calendar months before a date (§2.6 step 3 (1)): the month holding `asof`
/// is never counted, because it is not over yet.
public struct MonthWindow: Sendable, Equatable {
  /// The first day of each month, oldest first.
  public let monthStarts: [Day]
  /// The first day after the window (the first day of `asof`'s month).
  public let end: Day

  public init(asof: Day, months: Int) {
    let n = max(1, months)
    let current = Day(year: asof.year, month: asof.month, day: 1)!
    monthStarts = (0..<n).map { current.adding(months: $0 - n) }
    end = current
  }

  public var start: Day { monthStarts[0] }
  public var count: Int { monthStarts.count }

  /// `2026-08` for each month.
  public var labels: [String] { monthStarts.map { String($0.description.prefix(7)) } }

  /// Which month a day number falls in, or nil outside the window.
  @inline(__always) public func month(of day: Int32) -> Int? {
    guard day >= monthStarts[0].number, day < end.number else { return nil }
    var m = monthStarts.count - 1
    while day < monthStarts[m].number { m -= 1 }
    return m
  }
}

public enum MonthlyAverage {
  /// Sum of the months ÷ the number of months; a month without sales is 0 and still
  /// counts, also before a customer's first sale (the chapter divides by the months taken).
  /// Rounded half away from zero to the fen for display only.
  public static func average(_ monthly: [Money]) throws -> Money {
    var total = Money.zero
    for m in monthly { total = try total.adding(m) }
    return average(total: total, months: monthly.count)
  }

  public static func average(total: Money, months: Int) -> Money {
    guard months > 0 else { return .zero }
    // Fen ÷ months, half away from zero, in integers.
    let n = UInt64(months)
    let m = total.fen.magnitude
    let rounded = m / n + (m % n * 2 >= n ? 1 : 0)
    return Money(fen: total.fen < 0 ? -Int64(rounded) : Int64(rounded))
  }

  /// The working of Table 4-12: each month's sales, the running total, the average.
  public static func working(customer: String, labels: [String], monthly: [Money]) throws -> Working {
    var steps: [WorkingLine] = []
    var running = Money.zero
    for (label, m) in zip(labels, monthly) {
      running = try running.adding(m)
      steps.append(WorkingLine("running total to \(label)", "+ \(m.formatted)", .money(running)))
    }
    let avg = try average(monthly)
    return Working(
      title: "Monthly average sales of \(customer) (Table 4-12)",
      rule: "§2.6 step 3 (1): sum of the \(monthly.count) months ÷ \(monthly.count)",
      inputs: zip(labels, monthly).map { WorkingLine("sales \($0)", "", .money($1)) },
      steps: steps,
      result: WorkingLine("monthly average", "\(running.formatted) ÷ \(monthly.count)", .money(avg)),
      convention: [
        "full calendar months before the as-of date; the current month is not counted",
        "a month without sales counts as 0; the average is rounded to the fen for display, grading uses exact sums",
      ])
  }
}
