import KehuStore

/// One invoice's share of money on account applied to it.
public struct OnAccountApplication: Sendable, Equatable {
  public var invoice: String
  public var before: Money
  public var applied: Money
  public var after: Money
}

extension Ledger {
  /// Applies what `customer` holds on account on `date` (money received and credit notes not
  /// yet applied) to its open invoices: oldest first (invoice date, due date, number), or only
  /// `invoice`; at most `amount` when given. What cannot be applied stays on account.
  public func applyOnAccount(
    customer: Int64, date: Day, invoice: String? = nil, amount: Money? = nil
  ) throws(DomainError) -> [OnAccountApplication] {
    let held = onAccount(customer: customer, asof: date)
    guard held.fen > 0 else {
      throw .invalidFigure(
        name: "id", value: "\(customer)", expected: "nothing on account on \(date) to apply")
    }
    if let amount {
      try requirePositive(amount, "amount")
      if amount > held {
        throw .invalidFigure(
          name: "amount", value: "\(amount)", expected: "at most the \(held) on account on \(date)")
      }
    }
    var open = openItems(asof: date, customer: customer).filter { $0.balance.fen > 0 }
    if let invoice {
      open = open.filter { $0.invoice.no == invoice }
      if open.isEmpty { throw .unknownInvoice(invoice) }
    }
    open.sort {
      ($0.invoice.date, $0.invoice.due, $0.invoice.no) < ($1.invoice.date, $1.invoice.due, $1.invoice.no)
    }
    var left = (amount ?? held).fen
    var out: [OnAccountApplication] = []
    for (i, b) in open where left > 0 {
      let part = min(left, b.fen)
      left -= part
      out.append(
        OnAccountApplication(
          invoice: i.no, before: b, applied: Money(fen: part), after: Money(fen: b.fen - part)))
    }
    return out
  }
}
