/// A calendar date as a day number: days since 1970-01-01 (proleptic Gregorian).
/// Dates never carry a time or a zone; "today" always comes in from outside.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var number: Int32

  public init(number: Int32) { self.number = number }

  /// Builds a date from its parts; nil when the parts do not name a real date.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(year: year, month: month)).contains(day)
    else { return nil }
    // Days from civil (H. Hinnant's algorithm, public domain description).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    number = Int32(era * 146097 + doe - 719468)
  }

  /// Parses `2026-11-29` or `2026/11/29` (one- or two-digit month and day allowed).
  public init?(parsing text: Substring) {
    let sep: Character = text.contains("/") ? "/" : "-"
    let parts = text.split(separator: sep, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public init?(parsing text: String) { self.init(parsing: Substring(text)) }

  public var parts: (year: Int, month: Int, day: Int) {
    let z = Int(number) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var year: Int { parts.year }
  public var month: Int { parts.month }
  public var dayOfMonth: Int { parts.day }

  /// 1 = Monday … 7 = Sunday (ISO 8601).
  public var weekday: Int {
    let w = (Int(number) + 3) % 7  // 1970-01-01 was a Thursday
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days: Int) -> Day { Day(number: number + Int32(days)) }

  /// Calendar month arithmetic, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
  public func adding(months: Int) -> Day {
    let p = parts
    let total = p.year * 12 + (p.month - 1) + months
    let y = total / 12
    let m = total % 12 + 1
    return Day(year: y, month: m, day: min(p.day, Day.daysIn(year: y, month: m)))
      ?? self
  }

  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public var description: String {
    let p = parts
    return "\(Day.pad(p.year, 4))-\(Day.pad(p.month, 2))-\(Day.pad(p.day, 2))"
  }

  /// `YYYY-MM`, the period `month(d)` gives.
  public var period: String {
    let p = parts
    return "\(Day.pad(p.year, 4))-\(Day.pad(p.month, 2))"
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
}

/// A moment as whole seconds since 1970-01-01 00:00:00 in the user's local time
/// (audit times). Only the edge reads the clock; everything else is handed one.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var seconds: Int64
  public init(seconds: Int64) { self.seconds = seconds }
  public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    seconds = Int64(day.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
  }
  public var day: Day {
    Day(number: Int32((seconds >= 0 ? seconds : seconds - 86_399) / 86_400))
  }
  public var description: String {
    let s = seconds - Int64(day.number) * 86_400
    return "\(day) \(Day.pad(Int(s / 3600), 2)):\(Day.pad(Int(s / 60 % 60), 2)):\(Day.pad(Int(s % 60), 2))"
  }
  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }
}
