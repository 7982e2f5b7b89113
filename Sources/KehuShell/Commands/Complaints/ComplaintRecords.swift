import KehuDomain
import KehuStore

/// One complaint as the commands read it from the `complaints` table.
struct ComplaintRecord {
  var id: Int64
  var customer: Int64
  var received: Day
  var type: String
  var description: String
  /// The stored stage word; `stage` is nil for words the stage machine does not know
  /// (stores made by the old generator).
  var stageText: String
  var stage: ComplaintStage? { ComplaintStage(rawValue: stageText) }
  var owner: String?
  var invoice: String?
  var product: String?
  var amount: Money?
  var ackDue: Day
  var resolveDue: Day
  var acknowledged: Day?
  var resolved: Day?
  var closed: Day?
  var responsibility: ComplaintResponsibility?
  var remedy: String?
  var compensation: Money
  var resolution: String?

  var isOpen: Bool { stage?.isOpen ?? (closed == nil) }

  func ackStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: ackDue, done: acknowledged, today: today)
  }
  func resolveStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: resolveDue, done: resolved ?? closed, today: today)
  }
  func isOverdue(today: Day) -> Bool {
    if case .overdue = ackStatus(today: today) { return true }
    if case .overdue = resolveStatus(today: today) { return true }
    return false
  }
}

/// A recovery claim against a supplier or carrier.
struct RecoveryClaim {
  var id: Int64
  var complaint: Int64
  var against: String
  var opened: Day
  var claimed: Money
  var recovered: Money
  var recoveredOn: Day?
}

enum ComplaintStore {
  static let types = ["quality", "contract", "transport", "service"]
  static let typeNames = [
    "quality": "商品质量", "contract": "购销合同", "transport": "货物运输", "service": "服务",
  ]

  static func record(_ db: Database, row r: Int) -> ComplaintRecord {
    let t = db["complaints"]
    let v = t.rowValues(r)
    func day(_ n: String) -> Day? { if case .date(let d)? = v[n] { return d } else { return nil } }
    func text(_ n: String) -> String? { v[n]?.textValue }
    func money(_ n: String) -> Money? { if case .money(let m)? = v[n] { return m } else { return nil } }
    let received = day("date")!
    let type = text("type") ?? "service"
    // Rows without stored deadlines (older stores) are judged by today's policy.
    let (ack, resolve) = (day("ack_due"), day("resolve_due"))
    let fallback =
      ack != nil && resolve != nil
      ? (ack: ack!, resolve: resolve!)
      : policy(db, type).deadlines(received: received, calendar: HolidayCommands.calendar(db))
    return ComplaintRecord(
      id: t.columns[t.def.keyColumn].int(r), customer: t.columns[t.def.columnIndex("customer")!].int(r),
      received: received, type: type, description: text("description") ?? "",
      stageText: text("stage") ?? "received", owner: text("owner"), invoice: text("invoice"),
      product: text("product"), amount: money("amount"), ackDue: ack ?? fallback.ack,
      resolveDue: resolve ?? fallback.resolve, acknowledged: day("acknowledged"),
      resolved: day("resolved"), closed: day("closed"),
      responsibility: text("responsibility").flatMap(ComplaintResponsibility.init(rawValue:)),
      remedy: text("remedy"), compensation: money("compensation") ?? .zero, resolution: text("resolution"))
  }

  static func all(_ db: Database) -> [ComplaintRecord] {
    (0..<db["complaints"].count).map { record(db, row: $0) }
  }

  /// The complaint named by argument `name`, checked to exist.
  static func find(_ s: Session, _ a: ParsedArguments, _ name: String = "id") throws -> ComplaintRecord {
    let id = a.int(name)!
    guard let r = s.db["complaints"].row(forId: id) else {
      throw a.error(tr("no complaint {0}", id), at: name)
    }
    return record(s.db, row: r)
  }

  /// The deadline policy for a type: the user's row in `complaint_policy`, else the defaults.
  static func policy(_ db: Database, _ type: String) -> ComplaintPolicy {
    let t = db["complaint_policy"]
    guard let r = t.row(forNo: type) else { return .standard(type) }
    let v = t.rowValues(r)
    let d = ComplaintPolicy.standard(type)
    func int(_ n: String, _ d: Int) -> Int { if case .int(let i)? = v[n] { return Int(i) } else { return d } }
    func bool(_ n: String, _ d: Bool) -> Bool { if case .bool(let b)? = v[n] { return b } else { return d } }
    return ComplaintPolicy(
      type: type, ackDays: int("ack_days", d.ackDays), ackWorking: bool("ack_working", d.ackWorking),
      resolveDays: int("resolve_days", d.resolveDays),
      resolveWorking: bool("resolve_working", d.resolveWorking))
  }

  static func claims(_ db: Database, complaint: Int64? = nil) -> [RecoveryClaim] {
    let t = db["complaint_claims"]
    return (0..<t.count).compactMap { r in
      let v = t.rowValues(r)
      guard case .int(let c)? = v["complaint"], complaint == nil || c == complaint else { return nil }
      func money(_ n: String) -> Money { if case .money(let m)? = v[n] { return m } else { return .zero } }
      func day(_ n: String) -> Day? { if case .date(let d)? = v[n] { return d } else { return nil } }
      guard case .int(let id)? = v["id"] else { return nil }
      return RecoveryClaim(
        id: id, complaint: c, against: v["against"]?.textValue ?? "", opened: day("opened")!,
        claimed: money("claimed"), recovered: money("recovered"), recoveredOn: day("recovered_on"))
    }
  }

  /// The customer's invoices with money still owed on them.
  static func openInvoices(_ db: Database, customer: Int64) -> [OpenInvoice] {
    let t = db["invoices"]
    let col = { (n: String) in t.columns[t.def.columnIndex(n)!] }
    let (cust, no, date, due, bal) = (col("customer"), col("no"), col("date"), col("due"), col("balance"))
    return (0..<t.count).compactMap { r in
      guard cust.int(r) == customer, bal.money(r).fen > 0 else { return nil }
      let d = date.day(r)
      return OpenInvoice(
        no: no.string(r) ?? "", date: d, due: due.isNull(r) ? d : due.day(r), balance: bal.money(r))
    }
  }

  /// A customer id argument, checked to exist.
  static func customer(_ s: Session, _ a: ParsedArguments, _ name: String) throws -> Int64 {
    try a.customerKey(name, in: s.db)
  }

  static func customerName(_ db: Database, _ id: Int64) -> String { db.customerName(id) ?? "" }

  /// One timeline entry, recorded by the session's user at `time`.
  static func event(
    _ c: ComplaintRecord, _ kind: String, time: Timestamp, actor: String, stage: String? = nil,
    note: String? = nil, amount: Money? = nil
  ) -> Mutation {
    var v: [String: Value] = [
      "complaint": .int(c.id), "customer": .int(c.customer), "time": .timestamp(time),
      "actor": .text(actor), "event": .text(kind),
    ]
    if let stage { v["stage"] = .text(stage) }
    if let note, !note.isEmpty { v["note"] = .text(note) }
    if let amount { v["amount"] = .money(amount) }
    return .insert(table: "complaint_events", values: v)
  }

  /// The day a step is recorded for: `date=` when given (a step reported late), else today;
  /// never before the complaint was received, never in the future.
  static func stepDay(_ s: Session, _ a: ParsedArguments, _ c: ComplaintRecord) throws -> (Day, Timestamp) {
    guard let d = a.date("date") else { return (s.today, s.now) }
    if d > s.today { throw a.error(tr("`date` {0} is after today ({1})", d, s.today), at: "date") }
    if d < c.received {
      throw a.error(tr("`date` {0} is before the complaint was received ({1})", d, c.received), at: "date")
    }
    // Steps are recorded in the order they happened, so the timeline reads forwards.
    if let last = lastStep(s.db, c.id), d < last {
      throw a.error(tr("`date` {0} is before the complaint's last recorded step ({1})", d, last), at: "date")
    }
    if d == s.today { return (d, s.now) }
    let seconds = s.now.seconds - Timestamp(day: s.now.day).seconds
    return (d, Timestamp(seconds: Timestamp(day: d).seconds + seconds))
  }

  /// The day of the complaint's latest timeline entry.
  static func lastStep(_ db: Database, _ complaint: Int64) -> Day? {
    let ev = db["complaint_events"]
    let (c, time) = (ev.columns[ev.def.columnIndex("complaint")!], ev.columns[ev.def.columnIndex("time")!])
    var last: Int64? = nil
    for r in 0..<ev.count where c.int(r) == complaint { last = max(last ?? time.int(r), time.int(r)) }
    return last.map { Timestamp(seconds: $0).day }
  }

  static func describe(_ st: DeadlineStatus, due: Day) -> String {
    tr("{0} (due {1})", describe(st), due)
  }

  /// "on time", "3 days late", "pending", "overdue by 1 day".
  static func describe(_ st: DeadlineStatus) -> String {
    switch st {
    case .met: return tr("on time")
    case .breached(let n): return tr("{0} late", days(n))
    case .pending: return tr("pending")
    case .overdue(let n): return tr("overdue by {0}", days(n))
    }
  }

  static func days(_ n: Int) -> String { n == 1 ? tr("1 day") : tr("{0} days", n) }
}

extension DomainError {
  var shell: ShellError { ShellError(description) }
}
