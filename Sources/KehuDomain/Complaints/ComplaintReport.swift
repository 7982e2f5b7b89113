import KehuStore

/// What the records analysis (留档分析, §4 principle 04) needs to know about one complaint.
public struct ComplaintFacts: Sendable, Equatable {
  public var id: Int64
  public var customer: Int64
  public var type: String
  public var product: String?
  public var owner: String?
  public var responsibility: String?
  public var received: Day
  public var ackDue: Day
  public var resolveDue: Day
  public var acknowledged: Day?
  public var resolved: Day?
  /// Refunds and compensation paid to the customer (credit notes included).
  public var paid: Money
  /// Recovered from a supplier or carrier.
  public var recovered: Money

  public init(
    id: Int64, customer: Int64, type: String, product: String? = nil, owner: String? = nil,
    responsibility: String? = nil, received: Day, ackDue: Day, resolveDue: Day, acknowledged: Day? = nil,
    resolved: Day? = nil, paid: Money = .zero, recovered: Money = .zero
  ) {
    self.id = id
    self.customer = customer
    self.type = type
    self.product = product
    self.owner = owner
    self.responsibility = responsibility
    self.received = received
    self.ackDue = ackDue
    self.resolveDue = resolveDue
    self.acknowledged = acknowledged
    self.resolved = resolved
    self.paid = paid
    self.recovered = recovered
  }

  public func ackStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: ackDue, done: acknowledged, today: today)
  }
  public func resolveStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: resolveDue, done: resolved, today: today)
  }
}

public enum ComplaintGrouping: String, CaseIterable, Sendable {
  case type, customer, product, month, responsibility, owner

  func key(_ f: ComplaintFacts) -> String {
    switch self {
    case .type: return f.type
    case .customer: return String(f.customer)
    case .product: return f.product ?? "—"
    case .month: return f.received.period
    case .responsibility: return f.responsibility ?? "undetermined"
    case .owner: return f.owner ?? "—"
    }
  }
}

/// One line of the analysis: a group's figures.
public struct ComplaintReportLine: Sendable, Equatable {
  public var key: String
  public var count = 0
  public var open = 0
  /// Mean calendar days from receipt to acknowledgement, over those acknowledged (1 decimal).
  public var averageAckDays: Dec?
  public var averageResolveDays: Dec?
  public var ackBreaches = 0
  public var resolveBreaches = 0
  public var paid = Money.zero
  public var recovered = Money.zero
}

public struct ComplaintReport: Sendable, Equatable {
  public var lines: [ComplaintReportLine]
  public var total: ComplaintReportLine
  /// Customers with more than one complaint in the period, most first: (customer, count).
  public var repeatComplainers: [(customer: Int64, count: Int)]

  public static func == (a: ComplaintReport, b: ComplaintReport) -> Bool {
    a.lines == b.lines && a.total == b.total
      && a.repeatComplainers.map { "\($0.customer):\($0.count)" }
        == b.repeatComplainers.map { "\($0.customer):\($0.count)" }
  }
}

public enum ComplaintAnalysis {
  /// Counts, average times, breaches (judged on `today`: an open complaint past its due day is
  /// already a breach) and money, per group, over complaints received between `from` and `to`
  /// (both included).
  public static func report(
    _ facts: [ComplaintFacts], by grouping: ComplaintGrouping, from: Day? = nil, to: Day? = nil, today: Day
  ) throws(DomainError) -> ComplaintReport {
    let chosen = facts.filter { f in
      (from.map { f.received >= $0 } ?? true) && (to.map { f.received <= $0 } ?? true)
    }
    var groups: [String: [ComplaintFacts]] = [:]
    for f in chosen { groups[grouping.key(f), default: []].append(f) }
    var lines: [ComplaintReportLine] = []
    for key in groups.keys.sorted() {
      lines.append(try line(key, groups[key]!, today: today))
    }
    var counts: [Int64: Int] = [:]
    for f in chosen { counts[f.customer, default: 0] += 1 }
    let repeats = counts.filter { $0.value > 1 }.map { (customer: $0.key, count: $0.value) }
      .sorted { ($1.count, $0.customer) < ($0.count, $1.customer) }
    return ComplaintReport(
      lines: lines, total: try line("total", chosen, today: today), repeatComplainers: repeats)
  }

  static func line(_ key: String, _ fs: [ComplaintFacts], today: Day) throws(DomainError)
    -> ComplaintReportLine
  {
    var l = ComplaintReportLine(key: key)
    var ackDays: [Int] = []
    var resolveDays: [Int] = []
    for f in fs {
      l.count += 1
      if f.resolved == nil { l.open += 1 }
      if let a = f.acknowledged { ackDays.append(Int(a.number - f.received.number)) }
      if let r = f.resolved { resolveDays.append(Int(r.number - f.received.number)) }
      if f.ackStatus(today: today).isBreach { l.ackBreaches += 1 }
      if f.resolveStatus(today: today).isBreach { l.resolveBreaches += 1 }
      l.paid = try addMoney(l.paid, f.paid, "paid")
      l.recovered = try addMoney(l.recovered, f.recovered, "recovered")
    }
    l.averageAckDays = try average(ackDays)
    l.averageResolveDays = try average(resolveDays)
    return l
  }

  static func average(_ xs: [Int]) throws(DomainError) -> Dec? {
    guard !xs.isEmpty else { return nil }
    return try div(Dec(xs.reduce(0, +)), Dec(xs.count), "average days", scale: 6).rounded(to: 1)
  }
}
