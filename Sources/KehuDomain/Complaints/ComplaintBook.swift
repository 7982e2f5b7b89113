import KehuStore

/// One complaint as the rules read it from the `complaints` table.
public struct ComplaintRecord: Sendable {
  public var id: Int64
  public var customer: Int64
  public var received: Day
  public var type: String
  public var description: String
  /// The stored stage word; `stage` is nil for words the stage machine does not know
  /// (stores made by the old generator).
  public var stageText: String
  public var stage: ComplaintStage? { ComplaintStage(rawValue: stageText) }
  public var owner: String?
  public var invoice: String?
  public var product: String?
  public var amount: Money?
  public var ackDue: Day
  public var resolveDue: Day
  public var acknowledged: Day?
  public var resolved: Day?
  public var closed: Day?
  public var responsibility: ComplaintResponsibility?
  public var remedy: String?
  public var compensation: Money
  public var resolution: String?

  public init(
    id: Int64, customer: Int64, received: Day, type: String, description: String, stageText: String,
    owner: String? = nil, invoice: String? = nil, product: String? = nil, amount: Money? = nil, ackDue: Day,
    resolveDue: Day, acknowledged: Day? = nil, resolved: Day? = nil, closed: Day? = nil,
    responsibility: ComplaintResponsibility? = nil, remedy: String? = nil, compensation: Money,
    resolution: String? = nil
  ) {
    self.id = id
    self.customer = customer
    self.received = received
    self.type = type
    self.description = description
    self.stageText = stageText
    self.owner = owner
    self.invoice = invoice
    self.product = product
    self.amount = amount
    self.ackDue = ackDue
    self.resolveDue = resolveDue
    self.acknowledged = acknowledged
    self.resolved = resolved
    self.closed = closed
    self.responsibility = responsibility
    self.remedy = remedy
    self.compensation = compensation
    self.resolution = resolution
  }

  public var isOpen: Bool { stage?.isOpen ?? (closed == nil) }

  public func ackStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: ackDue, done: acknowledged, today: today)
  }
  public func resolveStatus(today: Day) -> DeadlineStatus {
    ComplaintDeadlines.status(due: resolveDue, done: resolved ?? closed, today: today)
  }
  public func isOverdue(today: Day) -> Bool {
    if case .overdue = ackStatus(today: today) { return true }
    if case .overdue = resolveStatus(today: today) { return true }
    return false
  }
}

/// A recovery claim against a supplier or carrier (§4 claims rule 6).
public struct RecoveryClaim: Sendable {
  public var id: Int64
  public var complaint: Int64
  public var against: String
  public var opened: Day
  public var claimed: Money
  public var recovered: Money
  public var recoveredOn: Day?
}

/// The complaint forms of §4 read from the store: complaints, their timeline, claims and
/// the deadline policy per type.
public enum ComplaintBook {
  /// The complaint at `row`. `calendar` is asked only for a row without stored deadlines
  /// (older stores), which is judged by today's policy.
  public static func record(_ db: Database, row r: Int, calendar: () -> WorkingCalendar) -> ComplaintRecord {
    let t = Complaints(db)
    let received = t.date[r]
    let type = t.type[r] ?? "service"
    let (ack, resolve) = (t.ackDue[r], t.resolveDue[r])
    let fallback =
      ack != nil && resolve != nil
      ? (ack: ack!, resolve: resolve!)
      : policy(db, type).deadlines(received: received, calendar: calendar())
    return ComplaintRecord(
      id: t.id[r], customer: t.customer[r], received: received, type: type,
      description: t.description[r] ?? "", stageText: t.stage[r] ?? "received", owner: t.owner[r],
      invoice: t.invoice[r], product: t.product[r], amount: t.amount[r], ackDue: ack ?? fallback.ack,
      resolveDue: resolve ?? fallback.resolve, acknowledged: t.acknowledged[r], resolved: t.resolved[r],
      closed: t.closed[r],
      responsibility: t.responsibility[r].flatMap(ComplaintResponsibility.init(rawValue:)),
      remedy: t.remedy[r], compensation: t.compensation[r] ?? .zero, resolution: t.resolution[r])
  }

  public static func all(_ db: Database, calendar: () -> WorkingCalendar) -> [ComplaintRecord] {
    (0..<Complaints(db).count).map { record(db, row: $0, calendar: calendar) }
  }

  /// The deadline policy for a type: the user's row in `complaint_policy`, else the defaults.
  public static func policy(_ db: Database, _ type: String) -> ComplaintPolicy {
    let t = ComplaintPolicies(db)
    guard let r = t.row(no: type) else { return .standard(type) }
    let d = ComplaintPolicy.standard(type)
    return ComplaintPolicy(
      type: type, ackDays: Int(t.ackDays[r]), ackWorking: t.ackWorking[r] ?? d.ackWorking,
      resolveDays: Int(t.resolveDays[r]), resolveWorking: t.resolveWorking[r] ?? d.resolveWorking)
  }

  /// Whether the user has changed the policy of `type` from the defaults.
  public static func policyEdited(_ db: Database, _ type: String) -> Bool {
    ComplaintPolicies(db).row(no: type) != nil
  }

  public static func claims(_ db: Database, complaint: Int64? = nil) -> [RecoveryClaim] {
    let t = RecoveryClaims(db)
    return t.rows.compactMap { r in
      guard complaint == nil || t.complaint[r] == complaint else { return nil }
      return RecoveryClaim(
        id: t.id[r], complaint: t.complaint[r], against: t.against[r], opened: t.opened[r],
        claimed: t.claimed[r], recovered: t.recovered[r], recoveredOn: t.recoveredOn[r])
    }
  }

  /// The day of the complaint's latest timeline entry.
  public static func lastStep(_ db: Database, _ complaint: Int64) -> Day? {
    let ev = ComplaintEvents(db)
    return ev.complaint.rows(equalTo: complaint).map { ev.time[$0].seconds }.max()
      .map { Timestamp(seconds: $0).day }
  }

  /// One timeline entry, recorded by `actor` at `time`.
  public static func event(
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

  /// The customer's invoices with money still owed on them.
  public static func openInvoices(_ db: Database, customer: Int64) -> [OpenInvoice] {
    let t = Invoices(db)
    let balance = t.balance
    return t.customer.rows(equalTo: customer).compactMap { r in
      guard balance[r].fen > 0 else { return nil }
      let d = t.date[r]
      return OpenInvoice(no: t.no[r], date: d, due: t.due[r] ?? d, balance: balance[r])
    }
  }
}
