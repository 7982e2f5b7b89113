import KehuStore

/// What the receivables reports read from the ledger: open items, credit sales, notes and the
/// history late interest is charged on, each as of a day.
extension Ledger {
  /// Every invoice with money owed (or overpaid) at the end of `asof`, in stored order.
  public func openItems(asof: Day, customer: Int64? = nil) -> [(invoice: LedgerInvoice, balance: Money)] {
    let source = customer.map { invoices(customer: $0) } ?? invoices
    var out: [(LedgerInvoice, Money)] = []
    for i in source {
      if let b = Ledger.balance(i, asof: asof), b.fen != 0 { out.append((i, b)) }
    }
    return out
  }

  /// What was owed on invoices at the end of `asof`.
  public func outstanding(asof: Day) -> Money {
    var fen: Int64 = 0
    for i in invoices { if let b = Ledger.balance(i, asof: asof) { fen &+= b.fen } }
    return Money(fen: fen)
  }

  /// Credit sales: invoices dated `from` … `to`. The debt a dishonoured note reopens is not a
  /// sale: it was sold once already, when the note was given for it.
  public func creditSales(from: Day, to: Day) -> Money {
    var fen: Int64 = 0
    for i in invoices where i.reopens == nil && i.date >= from && i.date <= to { fen &+= i.amount.fen }
    return Money(fen: fen)
  }

  /// Notes as they stood at the end of `asof`, with that day's status; settled and dishonoured
  /// ones are left out unless `all`.
  public func notes(asof: Day, customer: Int64? = nil) -> [(note: LedgerNote, status: NoteStatus)] {
    notes.compactMap { n in
      guard customer == nil || n.customer == customer, let st = n.status(asof: asof) else { return nil }
      return st == .held || st == .discounted ? (n, st) : nil
    }
  }

  /// The overdue balance history of the invoices open or settled late by `asof`, as items late
  /// interest is charged on: what is still owed, from the due date to `asof`, and each amount
  /// settled after the due date, from the due date to the day it came off. So an invoice paid
  /// down late is charged on the higher balance while it stood, not on today's.
  public func overdueHistory(asof: Day, customer: Int64? = nil) -> [(customer: Int64, item: OpenItem)] {
    let source = customer.map { invoices(customer: $0) } ?? invoices
    var out: [(Int64, OpenItem)] = []
    for i in source where i.opens <= asof && i.due < asof {
      let ref = "\(i.no) (\(i.customer))"
      for s in i.settlements where s.date > i.due && s.date <= asof && s.amount.fen > 0 {
        out.append((i.customer, OpenItem(ref: ref, due: i.due, balance: s.amount, until: s.date)))
      }
      if let b = Ledger.balance(i, asof: asof), b.fen > 0 {
        out.append((i.customer, OpenItem(ref: ref, due: i.due, balance: b)))
      }
    }
    return out
  }
}

extension Ledger {
  /// The invoices open at the end of `asof`, aged with `edges`: by days past due, or with
  /// `fromInvoiceDate` by days outstanding (counted from the invoice date).
  public func ageing(asof: Day, edges: AgeingEdges = .standard, fromInvoiceDate: Bool = false)
    throws(DomainError)
    -> Ageing
  {
    var scan = AgeingScan(asof: asof, edges: edges)
    for (i, b) in openItems(asof: asof) {
      scan.add(dueNumber: (fromInvoiceDate ? i.date : i.due).number, fen: b.fen)
    }
    return try scan.result()
  }

  /// Each customer with money past due at the end of `asof`: its overdue balances summed, and
  /// the oldest due date among them (where the collection ladder counts from, §5).
  public func overdue(asof: Day) -> [Int64: (amount: Money, oldestDue: Day)] {
    var out: [Int64: (fen: Int64, oldest: Int32)] = [:]
    for (i, b) in openItems(asof: asof) where b.fen > 0 && i.due < asof {
      let was = out[i.customer] ?? (0, Int32.max)
      out[i.customer] = (was.fen &+ b.fen, min(was.oldest, i.due.number))
    }
    return out.mapValues { (Money(fen: $0.fen), Day(number: $0.oldest)) }
  }
}
