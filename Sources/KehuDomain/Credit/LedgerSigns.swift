import KehuStore

/// A warning sign the ledger shows by itself, with the day it appeared and the document.
public struct LedgerSign: Sendable, Equatable {
  public enum Cause: Sendable, Equatable {
    /// A note receivable was dishonoured (P9).
    case dishonouredNote(no: String)
    /// An invoice settled more than 30 days after it fell due (P1).
    case paidLate(invoice: String, days: Int)
    /// An invoice still open more than 30 days after it fell due (P1).
    case pastDue(invoice: String, days: Int)
    /// A promise to pay whose date passed without the money received (P1).
    case brokenPromise(id: Int64, amount: Money, due: Day)
  }

  public var date: Day
  public var sign: WarningSign
  public var cause: Cause
}

extension Ledger {
  /// The signs the ledger shows for `customer` as of `asof` (§3.2: 支付情况): worked out from
  /// the records each time, never stored by reading, so a read-only session sees them too.
  /// Only money received keeps a promise; a credit note or discount does not.
  public func warningSigns(customer: Int64, asof: Day) -> [LedgerSign] {
    warningSigns(asof: asof, only: customer)[customer] ?? []
  }

  /// The signs of every customer that shows one as of `asof`, in one pass over the ledger
  /// (a list over all customers must not read the whole ledger once per customer).
  public func warningSigns(asof: Day, only: Int64? = nil) -> [Int64: [LedgerSign]] {
    var out: [Int64: [LedgerSign]] = [:]
    let limit = WarningSign.latePaymentDays
    for n in notes where (only == nil || n.customer == only) && n.status(asof: asof) == .dishonoured {
      let day = n.closed ?? n.matures ?? n.issued ?? asof
      out[n.customer, default: []].append(
        LedgerSign(date: min(day, asof), sign: .dishonouredNote, cause: .dishonouredNote(no: n.no)))
    }
    for i in (only.map { invoices(customer: $0) } ?? invoices) where i.opens <= asof {
      if let settled = Ledger.settled(i, asof: asof) {
        let late = Int(settled.number - i.due.number)
        if late > limit {
          out[i.customer, default: []].append(
            LedgerSign(date: settled, sign: .missedPayment, cause: .paidLate(invoice: i.no, days: late)))
        }
      } else {
        let late = Int(asof.number - i.due.number)
        if late > limit {
          out[i.customer, default: []].append(
            LedgerSign(
              date: Day(number: i.due.number + Int32(limit) + 1), sign: .missedPayment,
              cause: .pastDue(invoice: i.no, days: late)))
        }
      }
    }
    let promised = promises.filter { only == nil || $0.promise.customer == String(only!) }
    if !promised.isEmpty {
      let received = Dictionary(grouping: receipts(customer: only), by: \.customer)
      for (id, p) in promised {
        guard let customer = Int64(p.customer),
          let st = try? promiseStatus(p, receipts: received[p.customer] ?? [], asof: asof),
          st.status == .broken
        else { continue }
        out[customer, default: []].append(
          LedgerSign(
            date: p.due.adding(days: 1), sign: .missedPayment,
            cause: .brokenPromise(id: id, amount: p.amount, due: p.due)))
      }
    }
    for k in out.keys { out[k]!.sort { ($0.date, $0.sign.id) < ($1.date, $1.sign.id) } }
    return out
  }
}
