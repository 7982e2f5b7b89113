import KehuStore

/// The five collection methods of §5 (讨债方法).
public enum CollectionMethod: String, Sendable, CaseIterable, CustomStringConvertible {
  case reasoning
  case sympathy
  case persistence
  case provocation
  case softHard = "soft-hard"

  public var chinese: String {
    switch self {
    case .reasoning: return "讲理法"
    case .sympathy: return "恻隐术法"
    case .persistence: return "疲劳战法"
    case .provocation: return "激将法"
    case .softHard: return "软硬术法"
    }
  }

  public var english: String {
    switch self {
    case .reasoning: return "reasoning"
    case .sympathy: return "appeal to sympathy"
    case .persistence: return "wearing down by persistence"
    case .provocation: return "provoking"
    case .softHard: return "soft and hard"
    }
  }

  public var description: String { "\(chinese) (\(english))" }
}

/// One rung of the collection procedure (收账程序): the action due once an account is this
/// many days past due.
public struct CollectionStep: Sendable, Equatable {
  /// Short keyword used by `collect log step=…`.
  public var key: String
  public var name: String
  public var chinese: String
  public var days: Int

  public init(key: String, name: String, chinese: String, days: Int) {
    self.key = key
    self.name = name
    self.chinese = chinese
    self.days = days
  }
}

/// The ladder of steps, by days past due, ascending. Editable: days can move and steps can be
/// added or dropped, as long as they stay in order.
public struct CollectionLadder: Sendable, Equatable {
  public private(set) var steps: [CollectionStep]

  public static let standard = CollectionLadder(checked: [
    CollectionStep(key: "letter", name: "reminder letter", chinese: "催款函", days: 1),
    CollectionStep(key: "phone", name: "phone call", chinese: "电话催收", days: 15),
    CollectionStep(key: "visit", name: "visit", chinese: "上门催收", days: 30),
    CollectionStep(key: "suspend", name: "supply suspended", chinese: "停止供货", days: 45),
    CollectionStep(key: "demand", name: "formal demand or lawyer", chinese: "律师函或法律程序", days: 90),
  ])

  init(checked: [CollectionStep]) { steps = checked }

  public init(_ steps: [CollectionStep]) throws(DomainError) {
    if steps.isEmpty { throw .invalidFigure(name: "ladder", value: "", expected: "give at least one step") }
    for (i, s) in steps.enumerated() {
      if s.days < 1 {
        throw .invalidFigure(
          name: "\(s.key) days", value: String(s.days), expected: "a step starts 1 day or more past due")
      }
      if i > 0 && s.days <= steps[i - 1].days {
        throw .invalidFigure(
          name: "\(s.key) days", value: String(s.days),
          expected: "must be later than \(steps[i - 1].key) at \(steps[i - 1].days) days")
      }
      if steps[..<i].contains(where: { $0.key == s.key }) {
        throw .invalidFigure(name: "step", value: s.key, expected: "each step name once")
      }
    }
    self.steps = steps
  }

  /// The same ladder with one step moved to another day.
  public func moving(_ key: String, to days: Int) throws(DomainError) -> CollectionLadder {
    guard let i = steps.firstIndex(where: { $0.key == key }) else {
      throw .invalidFigure(
        name: "step", value: key, expected: "one of \(steps.map(\.key).joined(separator: ", "))")
    }
    var s = steps
    s[i].days = days
    return try CollectionLadder(s)
  }

  public func step(key: String) -> CollectionStep? { steps.first { $0.key == key } }

  /// The step due now: the last one whose day has been reached; nil when not past due.
  public func step(daysPastDue d: Int) -> CollectionStep? { steps.last { $0.days <= d } }
}

/// An overdue customer as the plan sees it: what is overdue, and since when.
public struct OverdueAccount: Sendable, Equatable {
  public var customer: String
  public var owner: String
  public var overdue: Money
  public var oldestDue: Day

  public init(customer: String, owner: String = "", overdue: Money, oldestDue: Day) {
    self.customer = customer
    self.owner = owner
    self.overdue = overdue
    self.oldestDue = oldestDue
  }
}

/// The collection plan: every account past due with the step due now, most overdue first.
public func collectionPlan(_ accounts: [OverdueAccount], asof: Day, ladder: CollectionLadder = .standard)
  -> ResultTable
{
  let rows: [(Int, OverdueAccount, CollectionStep)] = accounts.compactMap { a in
    let d = daysPastDue(due: a.oldestDue, asof: asof)
    guard a.overdue.fen > 0, let s = ladder.step(daysPastDue: d) else { return nil }
    return (d, a, s)
  }.sorted { ($1.0, $0.1.customer) < ($0.0, $1.1.customer) }
  return ResultTable(
    columns: [
      ResultColumn("customer", .text), ResultColumn("owner", .text), ResultColumn("days", .int),
      ResultColumn("overdue", .money), ResultColumn("step", .text), ResultColumn("步骤", .text),
    ],
    rows: rows.map { d, a, s in
      [.text(a.customer), .text(a.owner), .int(Int64(d)), .money(a.overdue), .text(s.name), .text(s.chinese)]
    },
    title: "Collection plan as of \(asof) (收账程序)",
    notes: [
      "days past due counted from the oldest overdue due date",
      "ladder: \(ladder.steps.map { "\($0.name) at \($0.days)" }.joined(separator: ", "))",
    ])
}
