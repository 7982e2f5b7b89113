import KehuStore

/// Credit classes of §3.2 and how often each gets a periodic report.
public enum CreditClass: String, Sendable, CaseIterable {
  case a = "A"
  case b = "B"
  case c = "C"

  public var reviewMonths: Int {
    switch self {
    case .a: return 6
    case .b: return 3
    case .c: return 1
    }
  }

  public var who: String {
    switch self {
    case .a: return "large, reputable, well funded, first-rate companies"
    case .b: return "average credit, fairly good reputation"
    case .c: return "ordinary small and medium customers, new customers, customers with a poor name"
    }
  }

  /// The next periodic report after one on `last`. A review on a month's last day is
  /// followed by one on the last day of the target month, so month-end schedules do not
  /// drift (Jan 31 → Feb 28 → Mar 31); otherwise the day is kept, clamped to the month.
  public func nextReview(after last: Day) -> Day {
    let next = last.adding(months: reviewMonths)
    let p = last.parts
    guard p.day == Day.daysIn(year: p.year, month: p.month) else { return next }
    let n = next.parts
    return Day(year: n.year, month: n.month, day: Day.daysIn(year: n.year, month: n.month)) ?? next
  }
}

/// A customer's place in the review cycle.
public struct ReviewAccount: Sendable, Equatable {
  public var customer: String
  public var creditClass: CreditClass
  /// The class comes from the new-customer rule, not from a review: §3.2 puts new
  /// customers in C, so a trading customer without a class is C until it is reviewed.
  public var provisional: Bool
  /// The last periodic report; nil when never reviewed.
  public var lastReview: Day?
  /// The first trade: a customer never reviewed is due one period after it, not after the
  /// day its record was made. nil when it has not traded yet.
  public var since: Day?

  public init(
    customer: String, creditClass: CreditClass, lastReview: Day?, since: Day?, provisional: Bool = false
  ) {
    self.customer = customer
    self.creditClass = creditClass
    self.lastReview = lastReview
    self.since = since
    self.provisional = provisional
  }

  /// The class a trading customer has before anyone has classed it (§3.2: new customers are C).
  public static let newCustomerClass = CreditClass.c

  /// When the next periodic report is due; nil for a customer never reviewed that has not
  /// traded yet (there is nothing to report on).
  public var nextReview: Day? { (lastReview ?? since).map { creditClass.nextReview(after: $0) } }
}

/// Customers due or overdue for a periodic report at `asof`, the longest overdue first.
public func reviewsDue(_ accounts: [ReviewAccount], asof: Day) -> ResultTable {
  let due = accounts.compactMap { a in a.nextReview.map { (a, $0) } }.filter { $0.1 <= asof }.sorted {
    ($0.1, $0.0.customer) < ($1.1, $1.0.customer)
  }
  return ResultTable(
    columns: [
      ResultColumn("customer", .text), ResultColumn("class", .text), ResultColumn("last review", .date),
      ResultColumn("due", .date), ResultColumn("days overdue", .int),
    ],
    rows: due.map { a, d in
      [
        .text(a.customer), .text(a.creditClass.rawValue + (a.provisional ? " (new)" : "")),
        a.lastReview.map(Value.date) ?? .null, .date(d),
        .int(Int64(daysPastDue(due: d, asof: asof))),
      ]
    },
    title: "Credit reviews due as of \(asof)",
    notes: [
      "§3.2: class A every 6 months, B every 3, C every month; never reviewed: counted from the first trade",
      "§3.2: a new trading customer without a class is C (new) until it is reviewed",
    ])
}
