import KehuStore

/// One ageing bucket by days past due: `current` (not yet due, or due today), then closed
/// ranges, then the open-ended oldest one.
public struct AgeingBucket: Sendable, Equatable {
  /// First day past due in the bucket; nil for current.
  public var from: Int?
  /// Last day past due in the bucket; nil for the open-ended last one.
  public var to: Int?

  public var label: String { name.description }

  /// The label for people, translated when shown (a range of days is shown as it is).
  public var name: Message {
    switch (from, to) {
    case (nil, _): return "current"
    case (let f?, let t?): return Message(verbatim: "\(f)-\(t)")
    case (let f?, nil): return "over \(f - 1)"
    }
  }
}

/// The bucket edges: each edge is the last day past due of a bucket. The default
/// [30, 60, 90] gives current, 1-30, 31-60, 61-90, over 90.
public struct AgeingEdges: Sendable, Equatable {
  public private(set) var edges: [Int]

  public static let standard = AgeingEdges(checked: [30, 60, 90])

  init(checked: [Int]) { edges = checked }

  public init(_ edges: [Int]) throws(DomainError) {
    let text = edges.map(String.init).joined(separator: ",")
    if edges.isEmpty {
      throw .invalidFigure(name: "edges", value: text, expected: "give at least one edge, e.g. 30,60,90")
    }
    for (i, e) in edges.enumerated() {
      if e < 1 {
        throw .invalidFigure(name: "edges", value: text, expected: "every edge must be 1 day or more")
      }
      if i > 0 && e <= edges[i - 1] {
        throw .invalidFigure(name: "edges", value: text, expected: "edges must increase")
      }
    }
    self.edges = edges
  }

  /// Parses `30,60,90` (the `edges=` argument).
  public init(parsing text: String) throws(DomainError) {
    var xs: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let n = Int(String(part).trimmed(" ")) else {
        throw .invalidFigure(name: "edges", value: text, expected: "a list of whole days such as 30,60,90")
      }
      xs.append(n)
    }
    try self.init(xs)
  }

  public var buckets: [AgeingBucket] {
    var out = [AgeingBucket(from: nil, to: 0)]
    var lo = 1
    for e in edges {
      out.append(AgeingBucket(from: lo, to: e))
      lo = e + 1
    }
    out.append(AgeingBucket(from: lo, to: nil))
    return out
  }

  /// Index into `buckets` for a number of days past due; cheap enough for a column scan.
  @inline(__always)
  public func bucketIndex(daysPastDue d: Int) -> Int {
    if d <= 0 { return 0 }
    var i = 0
    while i < edges.count && d > edges[i] { i += 1 }
    return i + 1
  }
}

/// What ageing needs of an open item: its open balance and due date.
public struct OpenItem: Sendable, Equatable {
  public var ref: String
  public var due: Day
  public var balance: Money
  /// The day this amount was settled, when it was owed only until then (late interest).
  public var until: Day?

  public init(ref: String, due: Day, balance: Money, until: Day? = nil) {
    self.ref = ref
    self.due = due
    self.balance = balance
    self.until = until
  }
}

/// Days past due counted from the due date: due today is 0 (current), tomorrow 1.
public func daysPastDue(due: Day, asof: Day) -> Int { Int(asof.number) - Int(due.number) }

public struct Ageing: Sendable, Equatable {
  public var asof: Day
  public var buckets: [AgeingBucket]
  public var amounts: [Money]
  public var counts: [Int]
  public var total: Money

  /// One row per bucket plus the total; the total is the sum of the rows by construction.
  public var table: ResultTable { table(translating: \.description) }

  /// The same, with the bucket and total labels in the reader's language.
  public func table(translating translate: (Message) -> String) -> ResultTable {
    var rows: [[Value]] = zip(buckets, zip(amounts, counts)).map { b, ac in
      [.text(translate(b.name)), .int(Int64(ac.1)), .money(ac.0), .percent(share(ac.0))]
    }
    rows.append([
      .text(translate("total")), .int(Int64(counts.reduce(0, +))), .money(total),
      .percent(total.fen == 0 ? .zero : .one),
    ])
    return ResultTable(
      columns: [
        ResultColumn("bucket", .text), ResultColumn("items", .int), ResultColumn("amount", .money),
        ResultColumn("share", .percent),
      ],
      rows: rows, title: "Receivables ageing as of \(asof)",
      notes: [
        "days past due counted from the due date; an item due on \(asof) is current",
        "the buckets add up to the outstanding total",
      ])
  }

  func share(_ m: Money) -> Dec {
    guard total.fen != 0, let d = try? m.decimal.divided(by: total.decimal) else { return .zero }
    return percentShown(d)
  }
}

/// Sorts open items into buckets by days past due at `asof`. Every item lands in exactly
/// one bucket, so the buckets always add up to the total.
public func age(_ items: [OpenItem], asof: Day, edges: AgeingEdges = .standard) throws(DomainError) -> Ageing
{
  let buckets = edges.buckets
  var amounts = [Int64](repeating: 0, count: buckets.count)
  var counts = [Int](repeating: 0, count: buckets.count)
  var total: Int64 = 0
  for it in items {
    let i = edges.bucketIndex(daysPastDue: daysPastDue(due: it.due, asof: asof))
    let (a, o1) = amounts[i].addingReportingOverflow(it.balance.fen)
    let (t, o2) = total.addingReportingOverflow(it.balance.fen)
    if o1 || o2 { throw .overflow("ageing total") }
    amounts[i] = a
    total = t
    counts[i] += 1
  }
  return Ageing(
    asof: asof, buckets: buckets, amounts: amounts.map(Money.init(fen:)), counts: counts,
    total: Money(fen: total))
}

/// Bad-debt provision by ageing = Σ bucket amount × the bucket's loss rate (rates are the user's).
public func provision(_ a: Ageing, rates: [Dec]) throws(DomainError) -> Working {
  if rates.count != a.buckets.count {
    // The buckets' names, each translated when shown.
    let names = a.buckets.dropFirst().reduce(a.buckets[0].name) { Message("{0}, {1}", $0, $1.name) }
    throw .invalidFigure(
      name: "rates", value: rates.map { Value.percentText($0) }.joined(separator: ","),
      expected: "give one loss rate per bucket (\(a.buckets.count): \(names))")
  }
  var steps: [WorkingLine] = []
  var lines: [Money] = []
  for (i, b) in a.buckets.enumerated() {
    try requireRate(rates[i], "rate for \(b.label)")
    let p = try fen(try mul(a.amounts[i].decimal, rates[i], "provision"), "provision")
    lines.append(p)
    steps.append(WorkingLine(b.name, "\(a.amounts[i]) × \(Value.percentText(rates[i]))", .money(p)))
  }
  let total = try sumMoney(lines, "provision")
  return Working(
    title: "Bad-debt provision by ageing as of \(a.asof)",
    rule: "provision = Σ bucket amount × the bucket's loss rate",
    inputs: [WorkingLine("outstanding", "sum of the buckets", .money(a.total))],
    steps: steps,
    result: WorkingLine("provision", "sum of the lines", .money(total)),
    convention: [
      "each line is rounded half away from zero to the fen; the total is the sum of the rounded lines",
      "loss rates are the user's, not the chapter's",
    ])
}
