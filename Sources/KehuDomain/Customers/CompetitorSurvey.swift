import KehuStore

/// The competitor survey (竞争对手情况调查表, §2.4 step 3) read one line per competitor: where
/// it is met, at how many of our customers or prospects, and what is said of it.
public struct CompetitorSummary: Equatable, Sendable {
  public var name: String
  /// Each area, strength and weakness once, in the order first recorded.
  public var areas: [String] = []
  public var strengths: [String] = []
  public var weaknesses: [String] = []
  /// The customers or prospects it was met at.
  public var customers: Set<Int64> = []

  public init(name: String) { self.name = name }
}

public enum CompetitorSurvey {
  /// The survey's rows in `area` (all of them when nil).
  public static func rows(_ db: Database, area: String?) -> [Int] {
    let t = Competitors(db)
    return t.rows.filter { area == nil || t.area[$0] == area }
  }

  /// One summary per competitor over `rows`; the competitor met at the most customers first
  /// (it is the one to plan against), then in the order first recorded.
  public static func summaries(_ db: Database, rows: [Int]) -> [CompetitorSummary] {
    let t = Competitors(db)
    var order: [String] = []
    var by: [String: CompetitorSummary] = [:]
    func addUnique(_ list: inout [String], _ v: String?) {
      if let v, !v.isEmpty, !list.contains(v) { list.append(v) }
    }
    for r in rows {
      let name = t.name[r]
      if by[name] == nil {
        order.append(name)
        by[name] = CompetitorSummary(name: name)
      }
      addUnique(&by[name]!.areas, t.area[r])
      addUnique(&by[name]!.strengths, t.strengths[r])
      addUnique(&by[name]!.weaknesses, t.weaknesses[r])
      if let c = t.customer[r] { by[name]!.customers.insert(c) }
    }
    return order.enumerated().sorted {
      let (x, y) = (by[$0.element]!.customers.count, by[$1.element]!.customers.count)
      return x != y ? x > y : $0.offset < $1.offset
    }.map { by[$0.element]! }
  }
}
