import KehuStore

/// A customer's payment record over the invoices due in a window, as the written credit
/// report of §3.1 gives it: how many were paid on time, late (and how late), and still open.
public struct PaymentRecordSummary: Sendable, Equatable {
  public var onTime = 0
  public var late = 0
  /// Days late summed over the late ones.
  public var lateDays = 0
  public var open = 0
  public var openPastDue = 0
  /// The earliest due date among the open invoices past due.
  public var oldestOpenDue: Day?

  /// The invoices of `record` due after `since`, judged on `asof`.
  public init(_ record: [PaymentRecord], since: Day, asof: Day) {
    for r in record where r.due > since {
      if let p = r.paid {
        if p > r.due {
          late += 1
          lateDays += Int(p.number - r.due.number)
        } else {
          onTime += 1
        }
      } else {
        open += 1
        if r.due < asof {
          openPastDue += 1
          oldestOpenDue = min(oldestOpenDue ?? r.due, r.due)
        }
      }
    }
  }

  /// The average days late of the late ones, rounded down to a whole day; nil when none was.
  public var averageDaysLate: Int? { late > 0 ? lateDays / late : nil }
}
