import KehuStore

/// Goods returned, entered as a sales line with a negative amount (issue 14). Linked to the
/// invoice it was sold on, it is also a credit note against that invoice: the customer owes
/// less. Without the link it stays in the sales figures only, since the ledger cannot tell
/// which debt it reduces.
public struct SalesReturn: Sendable, Equatable {
  public var customer: Int64
  public var date: Day
  /// What the customer is credited: the sales line's amount with its sign turned.
  public var amount: Money
  public var invoice: String
  /// The invoice's balance before and after this return.
  public var before: Money = .zero
  public var after: Money = .zero

  public init(customer: Int64, date: Day, amount: Money, invoice: String) {
    self.customer = customer
    self.date = date
    self.amount = amount
    self.invoice = invoice
  }
}

/// A return the ledger refuses, and its place in the list checked.
public struct ReturnRefused: Error, Sendable, Equatable {
  public var index: Int
  public var error: DomainError
}

extension Ledger {
  /// Checks returns against their invoices, in order: the invoice exists and is the
  /// customer's, the return is not dated before it, and the returns on one invoice together
  /// credit no more than is open on it. Returns them with each invoice's balance before and
  /// after; the first return that fails is refused with its index.
  public func checkReturns(_ returns: [SalesReturn]) throws(ReturnRefused) -> [SalesReturn] {
    var open: [String: Money] = [:]
    var out: [SalesReturn] = []
    for (k, r) in returns.enumerated() {
      guard let i = invoice(r.invoice) else {
        throw ReturnRefused(
          index: k, error: .invalidFigure(name: "invoice", value: r.invoice, expected: "no such invoice"))
      }
      if i.customer != r.customer {
        throw ReturnRefused(
          index: k,
          error: .invalidFigure(name: "invoice", value: r.invoice, expected: "it is customer \(i.customer)'s")
        )
      }
      if r.date < i.date {
        throw ReturnRefused(
          index: k,
          error: .invalidFigure(
            name: "date", value: "\(r.date)", expected: "not before invoice \(r.invoice) (\(i.date))"))
      }
      let before = open[r.invoice] ?? Ledger.balance(i)
      if r.amount > before {
        throw ReturnRefused(
          index: k,
          error: .invalidFigure(
            name: "amount", value: "\(r.amount)",
            expected: "the return is more than the \(before) open on invoice \(r.invoice)"))
      }
      var checked = r
      checked.before = before
      checked.after = Money(fen: before.fen - r.amount.fen)
      open[r.invoice] = checked.after
      out.append(checked)
    }
    return out
  }
}
