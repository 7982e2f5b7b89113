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

/// Why a complaint may not yet pay the customer money (a refund or compensation).
public enum SettlementBar: Sendable, Equatable {
  /// §4 claims rule 2: do not compromise while investigating (不可在调查的阶段里轻易与客户妥协).
  case investigating
  /// §4 principle 03 and claims rule 4: whether to compensate, and how much, follows from
  /// who is responsible.
  case noResponsibility
  /// §4 method 03 comes before 04: a solution is offered before a claim is settled.
  case noProposal
}

public enum ComplaintClaims {
  /// Whether a refund or compensation may be paid now: only once responsibility is recorded
  /// and a solution has been proposed, never while the complaint is being investigated.
  public static func settlementBar(stage: ComplaintStage, responsibility: ComplaintResponsibility?)
    -> SettlementBar?
  {
    if stage == .investigating { return .investigating }
    if responsibility == nil || responsibility == .undetermined { return .noResponsibility }
    if stage != .proposed && stage != .resolved { return .noProposal }
    return nil
  }

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
