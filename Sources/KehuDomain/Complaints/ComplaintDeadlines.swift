import KehuStore

/// How long a complaint of one type may wait to be acknowledged and to be resolved: the
/// chapter's "handle promptly" (及时处理, §4 principle 02) made measurable.
public struct ComplaintPolicy: Sendable, Equatable {
  public var type: String
  public var ackDays: Int
  /// Counted in working days (Monday to Friday, less holidays) rather than calendar days.
  public var ackWorking: Bool
  public var resolveDays: Int
  public var resolveWorking: Bool

  public init(
    type: String, ackDays: Int = 1, ackWorking: Bool = true, resolveDays: Int = 7,
    resolveWorking: Bool = false
  ) {
    self.type = type
    self.ackDays = ackDays
    self.ackWorking = ackWorking
    self.resolveDays = resolveDays
    self.resolveWorking = resolveWorking
  }

  /// Acknowledge within 1 working day, resolve within 7 days: kehu's defaults (editable with
  /// `complaint policy`); the chapter asks only to handle promptly (及时处理, §4 principle 02).
  public static func standard(_ type: String) -> ComplaintPolicy { ComplaintPolicy(type: type) }

  public func deadlines(received: Day, calendar: WorkingCalendar = .weekends) -> (ack: Day, resolve: Day) {
    (
      ComplaintDeadlines.due(from: received, days: ackDays, working: ackWorking, calendar: calendar),
      ComplaintDeadlines.due(from: received, days: resolveDays, working: resolveWorking, calendar: calendar)
    )
  }

  /// "1 working day", "7 days".
  public static func describe(_ n: Int, working: Bool) -> String {
    let unit = working ? "working day" : "day"
    return "\(n) \(unit)\(n == 1 ? "" : "s")"
  }
}

/// Where a deadline stands on a given day.
public enum DeadlineStatus: Equatable, Sendable {
  /// Done on or before the due day.
  case met
  /// Done after the due day, this many calendar days late.
  case breached(days: Int)
  /// Not done yet and the due day has not passed.
  case pending
  /// Not done and the due day has passed: a breach already, this many days late so far.
  case overdue(days: Int)

  public var isBreach: Bool {
    switch self {
    case .breached, .overdue: return true
    case .met, .pending: return false
    }
  }
}

public enum ComplaintDeadlines {
  /// Saturday and Sunday are not working days, nor the firm's holidays in `calendar`.
  public static func isWorkingDay(_ d: Day, calendar: WorkingCalendar = .weekends) -> Bool {
    calendar.isWorkingDay(d)
  }

  /// The day `days` after `from`: counting only working days when `working`, so a complaint
  /// received on a Friday or over the weekend with 1 working day is due on Monday (or after
  /// the holiday). With 0 working days a weekend receipt is due the next working day.
  public static func due(from: Day, days: Int, working: Bool, calendar: WorkingCalendar = .weekends) -> Day {
    working ? calendar.adding(workingDays: days, to: from) : from.adding(days: days)
  }

  /// Working days from `from` (exclusive) to `to` (inclusive).
  public static func workingDays(from: Day, to: Day, calendar: WorkingCalendar = .weekends) -> Int {
    calendar.workingDays(from: from, to: to)
  }

  public static func status(due: Day, done: Day?, today: Day) -> DeadlineStatus {
    if let done {
      return done <= due ? .met : .breached(days: Int(done.number - due.number))
    }
    return today <= due ? .pending : .overdue(days: Int(today.number - due.number))
  }
}
