import KehuStore

/// One settled (or still open) invoice in a customer's payment record.
public struct PaymentRecord: Sendable, Equatable {
  public var due: Day
  /// nil while unpaid.
  public var paid: Day?

  public init(due: Day, paid: Day?) {
    self.due = due
    self.paid = paid
  }
}

/// §3.3 (5), second half: after the rough limit, adjust it step by step by the payment
/// record. Raise by `raise` after `onTimeRun` consecutive on-time payments; cut by `cut`
/// after a late one. A payment is on time when made no more than `graceDays` after due.
public struct StepRule: Sendable, Equatable {
  public var onTimeRun: Int
  public var raise: Dec
  public var cut: Dec
  public var graceDays: Int
  /// Raises stop here; nil for no ceiling.
  public var ceiling: Money?

  public init(
    onTimeRun: Int = 6, raise: Dec = Dec(mantissa: 10, scale: 2), cut: Dec = Dec(mantissa: 20, scale: 2),
    graceDays: Int = 0, ceiling: Money? = nil
  ) {
    self.onTimeRun = onTimeRun
    self.raise = raise
    self.cut = cut
    self.graceDays = graceDays
    self.ceiling = ceiling
  }

  public static let standard = StepRule()

  public var text: Message {
    let (raise, cut) = (Value.percentText(raise), Value.percentText(cut))
    return graceDays > 0
      ? "raise by \(raise) after \(onTimeRun) consecutive on-time payments; cut by \(cut) after a late one (on time = paid within \(graceDays) days of due)"
      : "raise by \(raise) after \(onTimeRun) consecutive on-time payments; cut by \(cut) after a late one (on time = paid on or before the due date)"
  }
}

public struct LimitChange: Sendable, Equatable {
  public var date: Day
  public var from: Money
  public var to: Money
  public var reason: String
}

public struct LimitAdjustment: Sendable, Equatable {
  public var start: Money
  public var limit: Money
  public var changes: [LimitChange]
  /// On-time payments since the last change, carried to the next run.
  public var onTimeSinceChange: Int

  /// Columns date, from, to, reason; the rule is the title's note.
  public func table(rule: StepRule) -> ResultTable {
    ResultTable(
      columns: [
        ResultColumn("date", .date), ResultColumn("from", .money), ResultColumn("to", .money),
        ResultColumn("reason", .text),
      ],
      rows: changes.map { [.date($0.date), .money($0.from), .money($0.to), .text($0.reason)] },
      title: "Limit adjustment: \(start) → \(limit)",
      notes: [
        "rule: §3.3 (5) step adjustment: \(rule.text)",
        "\(onTimeSinceChange) on-time payment(s) since the last change",
        "rounding: each new limit is rounded half away from zero to the fen",
      ])
  }
}

/// Walks the payment record in the order payments happened (an unpaid invoice counts as late
/// the day after its grace ends, if that is not after `asof`), applying the step rule.
public func adjustLimit(
  limit start: Money, history: [PaymentRecord], asof: Day, rule: StepRule = .standard
) throws(DomainError) -> LimitAdjustment {
  try requireNonNegative(start, "limit")
  if rule.onTimeRun < 1 {
    throw .invalidFigure(name: "on-time run", value: String(rule.onTimeRun), expected: "must be at least 1")
  }
  try requireNonNegative(rule.raise, "raise")
  try requireRate(rule.cut, "cut")
  if rule.graceDays < 0 {
    throw .invalidFigure(name: "grace days", value: String(rule.graceDays), expected: "must not be negative")
  }
  // (event day, late?, days late, due)
  var events: [(Day, Bool, Int, Day)] = []
  for r in history {
    let lateFrom = r.due.adding(days: rule.graceDays + 1)
    if let p = r.paid {
      if p > asof { continue }
      let late = p >= lateFrom
      events.append((p, late, late ? Int(p.number - r.due.number) : 0, r.due))
    } else if lateFrom <= asof {
      events.append((lateFrom, true, -1, r.due))
    }
  }
  // Same-day events in due-date order, so the result never depends on the input order.
  events.sort { ($0.0, $0.3) < ($1.0, $1.3) }
  var limit = start
  var run = 0
  var changes: [LimitChange] = []
  let up = try add(.one, rule.raise, "1 + raise")
  let down = try sub(.one, rule.cut, "1 − cut")
  for (day, late, daysLate, _) in events {
    if late {
      run = 0
      let next = try fen(try mul(limit.decimal, down, "cut"), "cut")
      let why = daysLate < 0 ? "unpaid past due" : "paid \(daysLate) days late"
      if next != limit {
        changes.append(
          LimitChange(date: day, from: limit, to: next, reason: "\(why): cut \(Value.percentText(rule.cut))"))
      }
      limit = next
    } else {
      run += 1
      if run == rule.onTimeRun {
        run = 0
        var next = try fen(try mul(limit.decimal, up, "raise"), "raise")
        var why = "\(rule.onTimeRun) consecutive on-time payments: raise \(Value.percentText(rule.raise))"
        if let c = rule.ceiling, next > c {
          next = max(c, limit)
          why += " (held at the ceiling \(c))"
        }
        if next != limit { changes.append(LimitChange(date: day, from: limit, to: next, reason: why)) }
        limit = next
      }
    }
  }
  return LimitAdjustment(start: start, limit: limit, changes: changes, onTimeSinceChange: run)
}
