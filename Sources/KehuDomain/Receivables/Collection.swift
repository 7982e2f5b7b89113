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
  /// The firm's policy may jump this step: once a later step's day has come, the plan
  /// passes it over instead of asking for it late.
  public var skippable: Bool

  public init(key: String, name: String, chinese: String, days: Int, skippable: Bool = false) {
    self.key = key
    self.name = name
    self.chinese = chinese
    self.days = days
    self.skippable = skippable
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

  /// The same ladder with one step's `skippable` set.
  public func marking(_ key: String, skippable: Bool) -> CollectionLadder {
    var l = self
    for i in l.steps.indices where l.steps[i].key == key { l.steps[i].skippable = skippable }
    return l
  }

  /// The step the calendar alone reaches: the last one whose day has come; nil when not
  /// past due.
  public func step(daysPastDue d: Int) -> CollectionStep? { steps.last { $0.days <= d } }

  /// The next step for an account `d` days past due, given the steps already done since it
  /// fell due: the first step above the last one done whose day has come, so a customer 40
  /// days late with no reminder gets the reminder first, flagged late (its day came before
  /// the step the calendar reaches). A step the policy may skip is passed over once a later
  /// step's day has come. nil when nothing is due: not past due, or every step reached done.
  public func nextStep(daysPastDue d: Int, done: Set<String>) -> (step: CollectionStep, late: Bool)? {
    guard let reached = step(daysPastDue: d) else { return nil }
    let start = (steps.lastIndex { done.contains($0.key) } ?? -1) + 1
    for s in steps[start...] where s.days <= d {
      if s.skippable && s.key != reached.key { continue }
      return (s, s.key != reached.key)
    }
    return nil
  }

  /// The first step above those done whose day has not come yet.
  public func upcoming(daysPastDue d: Int, done: Set<String>) -> CollectionStep? {
    let start = (steps.lastIndex { done.contains($0.key) } ?? -1) + 1
    return steps[start...].first { $0.days > d }
  }
}

/// An overdue customer as the plan sees it: what is overdue, since when, and which steps
/// were already taken since it fell due.
public struct OverdueAccount: Sendable, Equatable {
  public var customer: Int64
  public var name: String
  public var owner: String
  public var overdue: Money
  public var oldestDue: Day
  public var done: Set<String>

  public init(
    customer: Int64, name: String, owner: String = "", overdue: Money, oldestDue: Day, done: Set<String> = []
  ) {
    self.customer = customer
    self.name = name
    self.owner = owner
    self.overdue = overdue
    self.oldestDue = oldestDue
    self.done = done
  }
}

/// The collection plan: every account past due with the step due next, most overdue first.
/// Steps follow what was done, not only the calendar (see `CollectionLadder.nextStep`).
/// `translate` renders the note cells in the reader's language; `naming` gives the step column
/// beside 步骤 and in the ladder note (the English name, or for a Chinese reader the step's code,
/// as the done column shows it).
public func collectionPlan(
  _ accounts: [OverdueAccount], asof: Day, ladder: CollectionLadder = .standard,
  translating translate: (Message) -> String = \.description, naming: (CollectionStep) -> String = \.name
) -> ResultTable {
  let rows: [(Int, OverdueAccount)] = accounts.compactMap { a in
    let d = daysPastDue(due: a.oldestDue, asof: asof)
    guard a.overdue.fen > 0, d > 0 else { return nil }
    return (d, a)
  }.sorted { ($1.0, $0.1.customer) < ($0.0, $1.1.customer) }
  var late = 0
  let cells: [[Value]] = rows.map { d, a in
    let lastDone = ladder.steps.last { a.done.contains($0.key) }
    let doneCell: Value = lastDone.map { .text($0.key) } ?? .null
    if let (s, isLate) = ladder.nextStep(daysPastDue: d, done: a.done) {
      if isLate { late += 1 }
      return [
        .int(a.customer), .text(a.name), .text(a.owner), .int(Int64(d)), .money(a.overdue), doneCell,
        .text(naming(s)), .text(s.chinese), .text(isLate ? translate("late: due from day \(s.days)") : ""),
      ]
    }
    let note = ladder.upcoming(daysPastDue: d, done: a.done).map {
      translate("waiting: \($0.key) from day \($0.days)")
    }
    return [
      .int(a.customer), .text(a.name), .text(a.owner), .int(Int64(d)), .money(a.overdue), doneCell, .null,
      .null, .text(note ?? translate("every step taken")),
    ]
  }
  let skipped = ladder.steps.filter(\.skippable).map(\.key)
  let skippable: [Message] =
    skipped.isEmpty
    ? [] : ["skippable steps (\(skipped.joined(separator: ", "))) are passed over once a later day has come"]
  return ResultTable(
    columns: [
      ResultColumn("customer", .int), ResultColumn("name", .text), ResultColumn("owner", .text),
      ResultColumn("days", .int),
      ResultColumn("overdue", .money), ResultColumn("done", .text), ResultColumn("step", .text),
      ResultColumn("步骤", .text), ResultColumn("note", .text),
    ],
    rows: cells,
    title: "Collection plan as of \(asof) (收账程序)",
    notes: [
      "days past due counted from the oldest overdue due date; done: the last step logged since then",
      "next step: the first one above those done whose day has come; late when a later step's day has come too",
      "ladder: \(Message(verbatim: ladder.steps.map { translate("\(naming($0)) at \($0.days)") }.joined(separator: ", "))) (kehu default (editable), see `collect ladder`)",
      "\(late) step(s) late",
    ] + skippable)
}
