import KehuStore

/// §3.3 (5), second half: after the rough limit, adjust it step by step by the customer's
/// payment status and trade volume (支付状况和交易额大小). One step per review period at
/// most, however long the record: a run of late payments is one cut, not one cut each.
/// The weighing is kehu's default reading (editable through the step rule's raise, cut,
/// grace and ceiling): paid late → cut; paid on time and trading more than the period
/// before → raise; otherwise hold.
public struct LimitReview: Sendable, Equatable {
  public enum Payment: Sendable, Equatable {
    /// Paid late in the period, or still unpaid past its grace: how many invoices.
    case late(Int)
    /// Every payment in the period on time: how many.
    case onTime(Int)
    /// No payment fell in the period and nothing is unpaid past its grace.
    case none
  }

  public enum Decision: String, Sendable, Equatable {
    case raise, cut, hold
  }

  public var start: Money
  public var proposed: Money
  public var decision: Decision
  public var payment: Payment
  /// Sales in the review period and in the one before it.
  public var sales: Money
  public var previousSales: Money
  public var period: ClosedRange<Day>
  /// When the limit was already changed inside this period: no second step.
  public var alreadyAdjusted: Day?
  public var reason: Message
}

/// The review period ending at `asof`: the class's months (A 6, B 3, C 1, §3.2), and the
/// period of the same length before it.
public func reviewPeriods(asof: Day, months: Int) -> (current: ClosedRange<Day>, previous: ClosedRange<Day>) {
  let start = asof.adding(months: -months).adding(days: 1)
  let previousStart = start.adding(months: -months)
  return (start...asof, previousStart...start.adding(days: -1))
}

/// Weighs one review period. `history` is the customer's payment record; `sales` and
/// `previousSales` its sales in the period and the one before; `lastChange` the day its limit
/// was last set.
public func reviewLimit(
  limit start: Money, history: [PaymentRecord], period: ClosedRange<Day>, sales: Money, previousSales: Money,
  lastChange: Day?, rule: StepRule = .standard
) throws(DomainError) -> LimitReview {
  try requireNonNegative(start, "limit")
  try requireNonNegative(rule.raise, "raise")
  try requireRate(rule.cut, "cut")
  if rule.graceDays < 0 {
    throw .invalidFigure(name: "grace days", value: String(rule.graceDays), expected: "must not be negative")
  }
  let asof = period.upperBound
  var late = 0
  var onTime = 0
  for r in history {
    let lateFrom = r.due.adding(days: rule.graceDays + 1)
    if let p = r.paid, p <= asof {
      guard period.contains(p) else { continue }
      if p >= lateFrom { late += 1 } else { onTime += 1 }
    } else if lateFrom <= asof {
      // Still unpaid past its grace: late now, whenever it fell due.
      late += 1
    }
  }
  let payment: LimitReview.Payment = late > 0 ? .late(late) : (onTime > 0 ? .onTime(onTime) : .none)
  var review = LimitReview(
    start: start, proposed: start, decision: .hold, payment: payment, sales: sales,
    previousSales: previousSales,
    period: period, alreadyAdjusted: nil, reason: "hold")
  if let d = lastChange, period.contains(d) {
    review.alreadyAdjusted = d
    review.reason = "limit already set on \(d), inside this period: one step per review period"
    return review
  }
  let grew = sales > previousSales
  switch payment {
  case .late(let n):
    review.decision = .cut
    review.proposed = try fen(try mul(start.decimal, try sub(.one, rule.cut, "1 − cut"), "cut"), "cut")
    review.reason = "\(n) invoice(s) paid late or unpaid past due: cut \(Value.percentText(rule.cut))"
  case .onTime(let n) where grew:
    review.decision = .raise
    var next = try fen(try mul(start.decimal, try add(.one, rule.raise, "1 + raise"), "raise"), "raise")
    let raise = Value.percentText(rule.raise)
    review.reason =
      "\(n) payment(s), all on time, and sales up (\(sales) against \(previousSales)): raise \(raise)"
    if let c = rule.ceiling, next > c {
      next = max(c, start)
      review.reason =
        "\(n) payment(s), all on time, and sales up (\(sales) against \(previousSales)): raise \(raise), held at the ceiling \(c)"
    }
    review.proposed = next
    if next == start { review.decision = .hold }
  case .onTime(let n):
    review.reason = "\(n) payment(s), all on time, but sales not up (\(sales) against \(previousSales)): hold"
  case .none:
    review.reason = "no payment fell due or was made in the period: hold"
  }
  return review
}
