import KehuDomain
import KehuStore

extension Session {
  /// The credit file as it stands today, read afresh for one command (so it sees the changes
  /// made before it): limits, watch, caps and the ledger the credit rules read.
  var creditFile: CreditFile { CreditFile(db, asof: today) }

  /// A customer's name on a credit line ("" when the card is gone).
  func creditName(_ id: Int64) -> String { db.customerName(id) ?? "" }
}

/// The words for the warning signs the ledger shows (the signs themselves are KehuDomain's).
enum SignWords {
  /// The signs as one line: id, day and document of each (`P1 2026-10-01 invoice A 59 days
  /// past due; P9 …`).
  static func list(_ signs: [LedgerSign]) -> String {
    signs.map { "\($0.sign.id) \($0.date) \(note($0.cause))" }.joined(separator: "; ")
  }

  /// The words for a sign the ledger shows, naming its document.
  static func note(_ cause: LedgerSign.Cause) -> String {
    switch cause {
    case .dishonouredNote(let no): return tr("note {0} dishonoured", no)
    case .paidLate(let no, let days): return tr("{0} paid {1} days late", no, days)
    case .pastDue(let no, let days): return tr("invoice {0} {1} days past due", no, days)
    case .brokenPromise(_, let amount, let due): return tr("promise to pay {0} by {1} broken", amount, due)
    }
  }
}
