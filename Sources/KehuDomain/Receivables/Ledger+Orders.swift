import KehuStore

extension Ledger {
  /// The open order `no`, checked before it is invoiced or cancelled on `date`: it must exist
  /// and still be open, and `date` must not be before the day it was taken (or it would never
  /// have counted in exposure).
  public func openOrder(_ no: String, closing date: Day) throws(DomainError) -> LedgerOrder {
    guard let o = order(no) else {
      throw .invalidFigure(name: "no", value: no, expected: "no such order")
    }
    guard o.status == .open else {
      throw .invalidFigure(
        name: "no", value: no,
        expected: "the order is already \(o.status.rawValue); only an open order can change")
    }
    if date < o.date {
      throw .invalidFigure(
        name: "date", value: "\(date)", expected: "on or after the day the order was taken (\(o.date))")
    }
    return o
  }
}
