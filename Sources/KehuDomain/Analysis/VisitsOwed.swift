import KehuStore

/// What the visit plans ask of the logged visits (§2.2, §2.6 step 6): for each graded trading
/// customer and role, the visits done in a rule's window against those planned; and the
/// prospects whose grade's gap since the last visit has run out.
public struct VisitOwed: Sendable, Equatable {
  public var row: Int
  public var grade: String
  /// Index into `VisitPolicy.roles`.
  public var role: Int
  public var rule: VisitFrequency
  /// Visits of that role in the rule's window.
  public var done: Int
  /// The last visit of that role before the window's end.
  public var last: Day?
  /// Planned visits not yet made (never below zero).
  public var due: Int { rule.due(done: done) }
}

/// A prospect whose grade schedules visits, with its last visit and when the next is due.
public struct ProspectVisit: Sendable, Equatable {
  public var row: Int
  public var grade: String
  public var rule: ProspectRule
  public var last: Day?
  /// Nil when the prospect was never visited: due at once.
  public var next: Day?
  /// Days from `next` to the day asked about; nil when never visited.
  public var daysLate: Int?
}

extension VisitPolicy {
  /// For trading customers with a stored ABC grade (of `staff`, if given), each role the
  /// stored plan schedules (or only `role`): the visits logged from `windowStart(rule)` up to
  /// `end` (exclusive).
  public static func owed(
    _ db: Database, staff: String?, role: String?, windowStart: (VisitFrequency) -> Day, end: Day
  ) -> [VisitOwed] {
    let c = Customers(db)
    let f = stored(db)
    let visits = CustomerActivity.visits(db)
    let onlyRole = role.flatMap { roles.firstIndex(of: $0) }
    let trading = c.status.matches("trading")
    var out: [VisitOwed] = []
    for r in c.rows where trading[r] {
      guard let g = c.abcGrade[r], let plan = f[g] else { continue }
      if let staff, c.owner[r] != staff { continue }
      for (i, rule) in plan.enumerated() where rule.count != nil && (onlyRole == nil || onlyRole == i) {
        let start = windowStart(rule)
        let mine = (visits[r] ?? []).filter { $0.role == roles[i] }
        let done = mine.filter { $0.day >= start && $0.day < end }.count
        out.append(
          VisitOwed(
            row: r, grade: g, role: i, rule: rule, done: done, last: mine.map(\.day).filter { $0 < end }.max()
          ))
      }
    }
    return out
  }
}

extension ProspectRule {
  /// Prospects due for a visit on `asof`: never visited, or the last visit on or before it
  /// plus the grade's gap is not after it. Grades without a schedule are left out.
  public static func due(_ db: Database, asof: Day) -> [ProspectVisit] {
    let c = Customers(db)
    let rules = Dictionary(uniqueKeysWithValues: stored(db).map { ($0.grade, $0) })
    let visits = CustomerActivity.visits(db)
    var out: [ProspectVisit] = []
    for r in c.status.rows(equalTo: "prospect") {
      guard let g = c.prospectGrade[r], let rule = rules[g], rule.everyDays != nil else { continue }
      let last = visits[r]?.map(\.day).filter { $0 <= asof }.max()
      let next = rule.nextVisit(after: last)
      if let next, next > asof { continue }
      out.append(
        ProspectVisit(
          row: r, grade: g, rule: rule, last: last, next: next,
          daysLate: next.map { Int(asof.number - $0.number) }))
    }
    return out
  }
}
