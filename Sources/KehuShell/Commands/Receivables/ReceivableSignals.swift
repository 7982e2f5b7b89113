import KehuDomain
import KehuStore

/// What the receivables records tell other areas (the credit exposure check of §3 and the
/// warning signs of §3.1): the collection step a customer has reached, and broken promises.
enum ReceivableSignals {
  /// The step of the firm's ladder due now for `customer`, from its oldest overdue invoice;
  /// nil when nothing is past due. At `suspend` or later, supply is to be stopped.
  static func stepDue(_ db: Database, customer: Int64, asof: Day) -> CollectionStep? {
    let scan = InvoiceScan(db, asof: asof)
    let dates = scan.t.columns[scan.date].int32s
    let dues = scan.t.columns[scan.due].int32s
    let bals = scan.t.columns[scan.balance].ints
    var oldest: Int32? = nil
    for (r, _) in scan.open(customer: customer) {
      guard let b = scan.balance(r, dates: dates, balances: bals), b > 0 else { continue }
      let due = scan.dueNumber(r, dues: dues, dates: dates)
      if due < asof.number { oldest = min(oldest ?? due, due) }
    }
    guard let oldest else { return nil }
    return ReceivableData.ladder(db).step(daysPastDue: Int(asof.number - oldest))
  }

  /// Whether the ladder has reached "supply suspended" (or a later step) for `customer`.
  static func supplySuspended(_ db: Database, customer: Int64, asof: Day) -> Bool {
    let ladder = ReceivableData.ladder(db)
    guard let now = stepDue(db, customer: customer, asof: asof),
      let suspend = ladder.step(key: "suspend")
    else { return false }
    return now.days >= suspend.days
  }

  /// Customers with a promise to pay broken by `asof`: each carries warning sign P1.
  static func brokenPromises(_ db: Database, asof: Day) -> Set<Int64> {
    let receipts = Dictionary(grouping: ReceivableData.receipts(db), by: \.customer)
    var out = Set<Int64>()
    for (_, p, _) in ReceivableData.promises(db) {
      if let st = try? promiseStatus(p, receipts: receipts[p.customer] ?? [], asof: asof),
        st.status == .broken,
        let id = Int64(p.customer)
      {
        out.insert(id)
      }
    }
    return out
  }
}
