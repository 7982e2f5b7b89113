import KehuStore

/// A customer's statement as of a day (§2.6, §5): its open invoices, aged, the notes it has
/// given that are still held or discounted, its promises to pay, and what it owes in all.
public struct Statement: Sendable {
  /// An open invoice, with how late it is on the statement's day and the bucket that puts it in.
  public struct Item: Sendable {
    public var invoice: LedgerInvoice
    public var balance: Money
    public var daysPastDue: Int
    /// Its bucket among the ageing's `edges.buckets`.
    public var bucket: Int
  }

  public var customer: Int64
  public var asof: Day
  public var items: [Item]
  /// The items aged: its total is the sum of the item balances.
  public var ageing: Ageing
  /// Notes held or discounted on `asof`: already taken off their invoices.
  public var notes: [(note: LedgerNote, status: NoteStatus)]
  public var notesTotal: Money
  /// Each promise to pay, kept or broken only by money received.
  public var promises: [(promise: PaymentPromise, status: PromiseStatus, paid: Money)]
  /// Money and credit notes on account, not yet applied to an invoice.
  public var onAccount: Money
  /// The invoices open less what is on account.
  public var totalDue: Money
}

extension Ledger {
  /// `customer`'s statement at the end of `asof`, aged with `edges`.
  public func statement(customer: Int64, asof: Day, edges: AgeingEdges = .standard) throws(DomainError)
    -> Statement
  {
    var scan = AgeingScan(asof: asof, edges: edges)
    var items: [Statement.Item] = []
    for (i, b) in openItems(asof: asof, customer: customer) {
      let d = daysPastDue(due: i.due, asof: asof)
      scan.add(dueNumber: i.due.number, fen: b.fen)
      items.append(
        Statement.Item(invoice: i, balance: b, daysPastDue: d, bucket: edges.bucketIndex(daysPastDue: d)))
    }
    let ageing = try scan.result()
    let notes = notes(asof: asof, customer: customer)
    let received = receipts(customer: customer)
    var promised: [(promise: PaymentPromise, status: PromiseStatus, paid: Money)] = []
    for (_, p) in promises where p.customer == String(customer) {
      let st = try promiseStatus(p, receipts: received, asof: asof)
      promised.append((p, st.status, st.paid))
    }
    let credit = onAccount(customer: customer, asof: asof)
    return Statement(
      customer: customer, asof: asof, items: items, ageing: ageing, notes: notes,
      notesTotal: Money(fen: notes.reduce(0) { $0 &+ $1.note.amount.fen }), promises: promised,
      onAccount: credit, totalDue: (try? ageing.total.subtracting(credit)) ?? ageing.total)
  }
}
