import KehuStore

/// A warning sign of §3.1 seen on a customer: recorded by an investigation, or shown by the
/// ledger by itself.
public struct SeenSign: Sendable, Equatable {
  public enum Source: Sendable, Equatable {
    /// Typed in with `credit investigate`: the channel it came through and the note.
    case investigation(channel: String, note: String)
    /// Read from the records (notes, payments, promises).
    case ledger(LedgerSign.Cause)
  }

  public var date: Day
  public var sign: WarningSign
  public var source: Source
}

extension CreditFile {
  /// The signs investigations recorded for `customer`, then those the ledger shows as of the
  /// file's day, by date.
  public func signsSeen(_ db: Database, customer: Int64) -> [SeenSign] {
    var out: [SeenSign] = []
    let inv = CreditInvestigations(db)
    for r in inv.customer.rows(equalTo: customer) {
      for sid in (inv.signs[r] ?? "").split(separator: ",") {
        guard let s = WarningSign.named(String(sid)) else { continue }
        out.append(
          SeenSign(
            date: inv.date[r], sign: s,
            source: .investigation(channel: inv.channel[r] ?? "", note: inv.note[r] ?? "")))
      }
    }
    for s in ledger.warningSigns(customer: customer, asof: asof) {
      out.append(SeenSign(date: s.date, sign: s.sign, source: .ledger(s.cause)))
    }
    return out.sorted { ($0.date, $0.sign.id) < ($1.date, $1.sign.id) }
  }
}
