import KehuStore

/// The parts of a customer's exposure (§3.3: 赊销款和未结算票据余额之和, plus open orders)
/// as the ledger stood at the end of a day.
public struct LedgerExposure: Sendable, Equatable {
  /// Open invoice balances less money on account not yet applied, never below zero.
  public var receivables: Money
  /// Held notes and notes discounted with recourse.
  public var notes: Money
  /// Orders taken and not yet invoiced or cancelled.
  public var openOrders: Money
  /// Money on account that was netted against the open balances.
  public var onAccount: Money
}

extension Ledger {
  /// Open balances as of `asof`: every invoice issued by then, less what was settled by then.
  public func openBalances(customer: Int64, asof: Day) -> Money {
    var fen: Int64 = 0
    for i in invoices(customer: customer) {
      if let b = Ledger.balance(i, asof: asof) { fen &+= b.fen }
    }
    return Money(fen: fen)
  }

  /// Exposure as of `asof`. Each debt is counted once: an order's amount until the day it is
  /// invoiced, then the invoice's; an invoice's amount moves to the note given for it and back
  /// when the note is dishonoured; money on account is owed back to the customer, so it
  /// offsets what the customer owes.
  public func exposure(customer: Int64, asof: Day) -> LedgerExposure {
    let open = openBalances(customer: customer, asof: asof)
    let held = onAccount(customer: customer, asof: asof)
    let net = max(0, open.fen &- held.fen)
    var notes: Int64 = 0
    for n in liveNotes(customer: customer, asof: asof) { notes &+= n.amount.fen }
    var orders: Int64 = 0
    for o in openOrders(customer: customer, asof: asof) { orders &+= o.amount.fen }
    return LedgerExposure(
      receivables: Money(fen: net), notes: Money(fen: notes), openOrders: Money(fen: orders), onAccount: held)
  }

  /// Orders of `customer` taken by `asof` and not yet invoiced or cancelled then, oldest first.
  public func openOrders(customer: Int64, asof: Day) -> [LedgerOrder] {
    orders.filter { $0.customer == customer && $0.isOpen(asof: asof) }.sorted {
      ($0.date, $0.no) < ($1.date, $1.no)
    }
  }

  /// The payment record the step rule reads: each invoice with the day it was settled in full
  /// (nil while open on `asof`).
  public func paymentRecord(customer: Int64, asof: Day) -> [(no: String, record: PaymentRecord)] {
    invoices(customer: customer).filter { $0.opens <= asof }.map { i in
      (i.no, PaymentRecord(due: i.due, paid: Ledger.settled(i, asof: asof)))
    }
  }
}

extension Ledger {
  /// Average days paid late over the invoices settled by `asof` (the settling day minus the
  /// due day, early counted as 0), and how many invoices that is.
  public func daysPaidLate(customer: Int64, asof: Day) -> (average: Dec?, invoices: Int) {
    var days = 0
    var n = 0
    for i in invoices(customer: customer) {
      guard let settled = Ledger.settled(i, asof: asof) else { continue }
      days += max(0, Int(settled.number - i.due.number))
      n += 1
    }
    guard n > 0 else { return (nil, 0) }
    return ((try? Dec(days).divided(by: Dec(n), scale: 1)), n)
  }

  /// Invoices with money owed on `asof` whose due day has passed.
  public func openPastDue(customer: Int64, asof: Day) -> Int {
    invoices(customer: customer).filter { i in
      i.due < asof && (Ledger.balance(i, asof: asof).map { $0.fen > 0 } ?? false)
    }.count
  }
}
