import KehuStore

/// What the credit rules of §3.2–3.3 read about each customer besides the ledger: its limit
/// and class, whether it is on watch (an emergency report awaiting a superior's
/// instruction), under a shipment cap or with supply suspended by the collection procedure,
/// and when it was last reviewed and first traded. Read once through typed accessors, so a
/// command over every customer reads each table once; it does not see later changes.
public struct CreditFile: Sendable {
  /// An emergency report that still holds the customer on watch.
  public struct Alert: Sendable, Equatable {
    public var id: Int64
    public var date: Day
    public var reason: String
  }

  public let ledger: Ledger
  /// The day the figures stand at.
  public let asof: Day
  /// Trading customers, in id order.
  public private(set) var trading: [Int64] = []
  private var limit: [Int64: Money] = [:]
  private var storedClass: [Int64: CreditClass] = [:]
  private var isTrading: Set<Int64> = []
  private var alert: [Int64: Alert] = [:]
  private var cap: [Int64: Money] = [:]
  private var lastStep: [Int64: String] = [:]
  private var lastReview: [Int64: Day] = [:]
  private var firstTrade: [Int64: Day] = [:]

  public init(_ db: Database, asof: Day, ledger: Ledger? = nil) {
    self.ledger = ledger ?? Ledger(db)
    self.asof = asof
    let c = Customers(db)
    for r in c.rows {
      let id = c.id[r]
      if let l = c.creditLimit[r] { limit[id] = l }
      if let k = c.creditClass[r].flatMap(CreditClass.init(rawValue:)) { storedClass[id] = k }
      if c.status[r] == "trading" { isTrading.insert(id) }
    }
    trading = isTrading.sorted()
    // The latest report without an instruction holds the customer on watch.
    let a = CreditAlerts(db)
    for r in a.rows where a.instructed[r] == nil {
      alert[a.customer[r]] = Alert(id: a.id[r], date: a.date[r], reason: a.reason[r] ?? "")
    }
    // The latest `restrict` measure sets the cap (one without an amount lifts it).
    let m = CreditMeasures(db)
    for r in m.rows where m.kind[r] == "restrict" { cap[m.customer[r]] = m.amount[r] }
    let col = Collections(db)
    for r in col.rows { if let s = col.step[r] { lastStep[col.customer[r]] = s } }
    let rev = CreditReviews(db)
    for r in rev.rows {
      lastReview[rev.customer[r]] = max(lastReview[rev.customer[r]] ?? rev.date[r], rev.date[r])
    }
    let s = Sales(db)
    for r in s.rows { firstTrade[s.customer[r]] = min(firstTrade[s.customer[r]] ?? s.date[r], s.date[r]) }
    let inv = Invoices(db)
    for r in inv.rows {
      firstTrade[inv.customer[r]] = min(firstTrade[inv.customer[r]] ?? inv.date[r], inv.date[r])
    }
  }

  public func creditLimit(_ customer: Int64) -> Money? { limit[customer] }

  /// The emergency report that still holds the customer on watch.
  public func openAlert(_ customer: Int64) -> Alert? { alert[customer] }

  public func shipmentCap(_ customer: Int64) -> Money? { cap[customer] }

  /// At the collection procedure's "supply suspended" step (停止供货): it is the latest
  /// step recorded for the customer.
  public func supplySuspended(_ customer: Int64) -> Bool {
    guard let key = CollectionLadder.standard.step(key: "suspend")?.key else { return false }
    return lastStep[customer] == key
  }

  /// The ledger's exposure as of `asof`, with the limit, watch state, cap and suspension.
  public func exposureFigures(_ customer: Int64) -> ExposureFigures {
    let e = ledger.exposure(customer: customer, asof: asof)
    return ExposureFigures(
      limit: limit[customer], receivables: e.receivables, unsettledNotes: e.notes, openOrders: e.openOrders,
      onWatch: alert[customer] != nil, shipmentCap: cap[customer], supplySuspended: supplySuspended(customer))
  }

  /// A customer's place in the review cycle. A trading customer without a class is C until
  /// reviewed (§3.2); a prospect or pending one without a class has none.
  public func reviewAccount(_ customer: Int64) -> ReviewAccount? {
    let stored = storedClass[customer]
    guard let cls = stored ?? (isTrading.contains(customer) ? ReviewAccount.newCustomerClass : nil) else {
      return nil
    }
    return ReviewAccount(
      customer: String(customer), creditClass: cls, lastReview: lastReview[customer],
      since: firstTrade[customer], provisional: stored == nil)
  }
}
