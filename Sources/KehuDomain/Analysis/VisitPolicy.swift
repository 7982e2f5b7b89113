import KehuStore

/// How often someone should call on a customer: at least `count` visits in every `months`
/// months; nil `count` means "when needed" (no schedule). The chapter gives ranges
/// ("2–3 a month", "1 per 1–2 months"); the schedule keeps the lower bound, the least that
/// still meets it, and `text` keeps the chapter's words.
public struct VisitFrequency: Sendable, Equatable {
  public var count: Int?
  public var months: Int
  public var text: String

  public init(_ count: Int?, per months: Int, _ text: String) {
    self.count = count
    self.months = months
    self.text = text
  }

  /// Visits still owed when `done` visits fall in the window of `months` months.
  public func due(done: Int) -> Int { count.map { max(0, $0 - done) } ?? 0 }
}

/// The visit plan of §2.6 step 6: grade × role.
public enum VisitPolicy {
  /// Roles in increasing seniority, as the table's columns.
  public static let roles = ["handler", "leader", "chief", "manager", "deputy", "gm"]
  public static let roleNames = ["经办人", "组长", "科长", "经理", "副总经理", "总经理"]

  public static let defaults: [String: [VisitFrequency]] = [
    "A": [
      VisitFrequency(3, per: 1, "3 a month"), VisitFrequency(2, per: 1, "2–3 a month"),
      VisitFrequency(1, per: 1, "1 a month"), VisitFrequency(1, per: 2, "1 per 1–2 months"),
      VisitFrequency(1, per: 6, "1 per half year"), VisitFrequency(1, per: 12, "1 a year"),
    ],
    "B": [
      VisitFrequency(2, per: 1, "2 a month"), VisitFrequency(1, per: 1, "1–2 a month"),
      VisitFrequency(1, per: 2, "1 per 1–2 months"), VisitFrequency(1, per: 3, "1 per 2–3 months"),
      VisitFrequency(1, per: 12, "1 per 6–12 months"), VisitFrequency(nil, per: 1, "when needed"),
    ],
    "C": [
      VisitFrequency(1, per: 1, "1 a month"), VisitFrequency(1, per: 1, "1 a month"),
      VisitFrequency(nil, per: 1, "when needed"), VisitFrequency(nil, per: 1, "when needed"),
      VisitFrequency(nil, per: 1, "—"), VisitFrequency(nil, per: 1, "—"),
    ],
  ]

  /// The window of a frequency that ends with the month starting `monthStart`: the
  /// `months` calendar months up to and including it.
  public static func window(endingWith monthStart: Day, months: Int) -> (start: Day, end: Day) {
    (monthStart.adding(months: -(max(1, months) - 1)), monthStart.adding(months: 1))
  }
}

/// Prospect grades A–D (§2.2): how often to visit and when a purchase is expected.
public struct ProspectRule: Sendable, Equatable {
  public var grade: String
  public var meaning: String
  /// Days between visits; nil means no schedule ("when passing by, or by phone").
  public var everyDays: Int?
  public var visits: String
  public var purchase: String

  public init(_ grade: String, _ meaning: String, every: Int?, _ visits: String, _ purchase: String) {
    self.grade = grade
    self.meaning = meaning
    self.everyDays = every
    self.visits = visits
    self.purchase = purchase
  }

  /// The chapter's table. "1–2 times a week" is kept as at most 7 days apart, "once every
  /// two weeks" 14, "once a month" 30.
  public static let defaults: [ProspectRule] = [
    ProspectRule("A", "fully meets the conditions to buy", every: 7, "1–2 times a week", "this month"),
    ProspectRule(
      "B", "not fully, but worth visiting", every: 14, "once every two weeks", "within 2–3 months"),
    ProspectRule("C", "not yet; visit now and then", every: 30, "once a month", "within half a year"),
    ProspectRule(
      "D", "not yet, but has long-term potential", every: nil, "when passing by, or by phone", "within a year"
    ),
  ]

  /// The next visit date from the last one; nil when never visited (due at once) or unscheduled.
  public func nextVisit(after last: Day?) -> Day? {
    guard let every = everyDays, let last else { return nil }
    return last.adding(days: every)
  }
}
