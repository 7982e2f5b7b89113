import KehuStore

/// Who caused what a complaint is about (§4 principle 03, "establish responsibility").
public enum ComplaintResponsibility: String, CaseIterable, Sendable {
  case ours, supplier, carrier, customer, undetermined

  /// §4 claims rule 6: when a supplier (or, by the same reasoning, a carrier) caused it, what
  /// the customer was paid is claimed back from them at once.
  public var claimsRecovery: Bool { self == .supplier || self == .carrier }
  /// §4 claims rule 4: when we are not plainly at fault, a meeting of everyone involved
  /// establishes responsibility and compensation.
  public var callsMeeting: Bool { self != .ours }
}

public enum ComplaintRemedy: String, CaseIterable, Sendable {
  case apology, replace, refund, compensate

  /// Remedies that pay the customer money: refunds and compensation.
  public var paysMoney: Bool { self == .refund || self == .compensate }
}

/// A refund or compensation put against the customer's open invoices as a credit note.
public struct CreditNoteSettlement: Sendable, Equatable {
  public var amount: Money
  /// One line per invoice reduced, oldest first.
  public var allocations: [PaymentAllocation]
  /// What the open invoices could not absorb: paid out to the customer.
  public var paidOut: Money
}

public enum ComplaintClaims {
  /// A credit note reduces what the customer owes, oldest invoice first (the order payments
  /// are applied in); no cash discount is earned by a credit note; any excess is paid out.
  public static func creditNote(amount: Money, date: Day, openItems: [OpenInvoice]) throws(DomainError)
    -> CreditNoteSettlement
  {
    let plain = openItems.map { OpenInvoice(no: $0.no, date: $0.date, due: $0.due, balance: $0.balance) }
    let applied = try applyPayment(amount: amount, date: date, onAccount: true, openItems: plain)
    return CreditNoteSettlement(amount: amount, allocations: applied.allocations, paidOut: applied.onAccount)
  }

  /// What is still to be recovered on a claim, after checking that `amount` does not exceed it.
  public static func recover(claimed: Money, recoveredSoFar: Money, amount: Money) throws(DomainError)
    -> Money
  {
    try requirePositive(amount, "amount")
    let outstanding = try subMoney(claimed, recoveredSoFar, "outstanding")
    guard amount <= outstanding else {
      throw .invalidFigure(
        name: "amount", value: amount.description,
        expected: "must not be more than the \(outstanding) still outstanding on the claim")
    }
    return try subMoney(outstanding, amount, "outstanding")
  }
}
