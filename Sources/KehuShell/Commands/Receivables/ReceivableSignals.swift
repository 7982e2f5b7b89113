import KehuDomain
import KehuStore

/// What the receivables records tell other areas (the credit exposure check of §3 and the
/// warning signs of §3.1): the collection step a customer has reached, and broken promises.
enum ReceivableSignals {
  /// The step of the firm's ladder due now for `customer`, from its oldest overdue invoice;
  /// nil when nothing is past due. At `suspend` or later, supply is to be stopped.
  static func stepDue(_ db: Database, customer: Int64, asof: Day) -> CollectionStep? {
    var oldest: Day? = nil
    for (i, b) in Ledger(db).openItems(asof: asof, customer: customer) where b.fen > 0 && i.due < asof {
      oldest = min(oldest ?? i.due, i.due)
    }
    guard let oldest else { return nil }
    return ReceivableData.ladder(db).step(daysPastDue: Int(asof.number - oldest.number))
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
