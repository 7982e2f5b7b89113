import KehuStore

/// An invoice with money still open on it, as payment application sees it.
public struct OpenInvoice: Sendable, Equatable {
  public var no: String
  public var date: Day
  public var due: Day
  public var balance: Money
  public var terms: CashDiscountTerms?

  public init(no: String, date: Day, due: Day, balance: Money, terms: CashDiscountTerms? = nil) {
    self.no = no
    self.date = date
    self.due = due
    self.balance = balance
    self.terms = terms
  }
}

public struct PaymentAllocation: Sendable, Equatable {
  public var invoice: String
  public var balanceBefore: Money
  /// Cash put against the invoice.
  public var applied: Money
  /// Cash discount granted; the invoice is reduced by applied + discount.
  public var discount: Money
  public var balanceAfter: Money
}

public struct PaymentApplication: Sendable, Equatable {
  public var amount: Money
  public var date: Day
  public var allocations: [PaymentAllocation]
  /// What is left over and kept on account (only when asked for).
  public var onAccount: Money

  public var table: ResultTable {
    var rows: [[Value]] = allocations.map {
      [
        .text($0.invoice), .money($0.balanceBefore), .money($0.applied), .money($0.discount),
        .money($0.balanceAfter),
      ]
    }
    if onAccount.fen > 0 { rows.append([.text("on account"), .null, .money(onAccount), .null, .null]) }
    return ResultTable(
      columns: [
        ResultColumn("invoice", .text), ResultColumn("before", .money), ResultColumn("applied", .money),
        ResultColumn("discount", .money), ResultColumn("after", .money),
      ],
      rows: rows, title: "Payment of \(amount) on \(date)",
      notes: [
        "applied oldest first (invoice date, then due date, then number) unless an invoice is named",
        "a cash discount is granted only when the payment, made on or before the last day of the window, settles the invoice in full",
      ])
  }
}

/// Applies one payment to a customer's open invoices, as a pure function: nothing is changed,
/// the caller records the allocations. A discount (rounded to the fen) is granted only when the
/// payment falls inside the window (days counted from the invoice date, the last day included)
/// and covers the discounted balance in full; a part payment inside the window earns none.
/// More than the open balance is refused unless `onAccount`.
public func applyPayment(
  amount: Money, date: Day, invoice: String? = nil, onAccount: Bool = false, openItems: [OpenInvoice]
) throws(DomainError) -> PaymentApplication {
  try requirePositive(amount, "amount")
  var targets: [OpenInvoice]
  if let no = invoice {
    guard let it = openItems.first(where: { $0.no == no }), it.balance.fen > 0 else {
      throw .unknownInvoice(no)
    }
    targets = [it]
  } else {
    targets = openItems.filter { $0.balance.fen > 0 }.sorted {
      ($0.date, $0.due, $0.no) < ($1.date, $1.due, $1.no)
    }
  }
  var remaining = amount
  var allocations: [PaymentAllocation] = []
  for it in targets where remaining.fen > 0 {
    var discount = Money.zero
    if let tier = it.terms?.discount(daysAfterInvoice: Int(date.number) - Int(it.date.number)) {
      let d = try fen(try mul(it.balance.decimal, tier.rate, "discount"), "discount")
      if remaining >= (try subMoney(it.balance, d, "net")) { discount = d }
    }
    let due = try subMoney(it.balance, discount, "net")
    let applied = min(remaining, due)
    remaining = try subMoney(remaining, applied, "remaining")
    let after = try subMoney(due, applied, "balance")
    allocations.append(
      PaymentAllocation(
        invoice: it.no, balanceBefore: it.balance, applied: applied, discount: discount, balanceAfter: after))
  }
  if remaining.fen > 0 && !onAccount {
    throw .overpayment(payment: amount, open: try subMoney(amount, remaining, "open"))
  }
  return PaymentApplication(amount: amount, date: date, allocations: allocations, onAccount: remaining)
}
