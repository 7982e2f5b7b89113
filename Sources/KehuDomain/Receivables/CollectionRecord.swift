import KehuStore

/// A collection action recorded with `collect log`.
public struct CollectionAction: Sendable, Equatable {
  public var customer: String
  public var date: Day
  public var step: String
  public var method: CollectionMethod?
  public var staff: String

  public init(customer: String, date: Day, step: String, method: CollectionMethod?, staff: String) {
    self.customer = customer
    self.date = date
    self.step = step
    self.method = method
    self.staff = staff
  }
}

/// Money received from a customer on a day.
public struct Receipt: Sendable, Equatable {
  public var customer: String
  public var date: Day
  public var amount: Money

  public init(customer: String, date: Day, amount: Money) {
    self.customer = customer
    self.date = date
    self.amount = amount
  }
}

/// Amount recovered after each step and method, per staff member. A receipt is credited to
/// the customer's latest action on or before its date; receipts before any action are not
/// counted (they were not collected, they were paid).
public func collectionEffectiveness(actions: [CollectionAction], receipts: [Receipt]) throws(DomainError)
  -> ResultTable
{
  let byCustomer = Dictionary(grouping: actions, by: \.customer).mapValues { $0.sorted { $0.date < $1.date } }
  struct Key: Hashable {
    var staff: String
    var step: String
    var method: String
  }
  var counts: [Key: Int] = [:]
  var recovered: [Key: Money] = [:]
  func key(_ a: CollectionAction) -> Key {
    Key(staff: a.staff, step: a.step, method: a.method?.rawValue ?? "")
  }
  for a in actions { counts[key(a), default: 0] += 1 }
  for r in receipts {
    guard let a = byCustomer[r.customer]?.last(where: { $0.date <= r.date }) else { continue }
    recovered[key(a)] = try addMoney(recovered[key(a)] ?? .zero, r.amount, "recovered")
  }
  let keys = counts.keys.sorted { ($0.staff, $0.step, $0.method) < ($1.staff, $1.step, $1.method) }
  return ResultTable(
    columns: [
      ResultColumn("staff", .text), ResultColumn("step", .text), ResultColumn("method", .text),
      ResultColumn("方法", .text), ResultColumn("actions", .int), ResultColumn("recovered", .money),
    ],
    rows: keys.map { k in
      [
        .text(k.staff), .text(k.step), .text(k.method),
        .text(CollectionMethod(rawValue: k.method)?.chinese ?? ""), .int(Int64(counts[k]!)),
        .money(recovered[k] ?? .zero),
      ]
    },
    title: "Collection effectiveness",
    notes: ["a receipt is credited to the customer's latest collection action on or before its date"])
}

/// A promise to pay (`collect log … promise=DATE amount=…`).
public struct PaymentPromise: Sendable, Equatable {
  public var customer: String
  /// When the promise was made.
  public var made: Day
  public var due: Day
  public var amount: Money

  public init(customer: String, made: Day, due: Day, amount: Money) {
    self.customer = customer
    self.made = made
    self.due = due
    self.amount = amount
  }
}

public enum PromiseStatus: String, Sendable {
  /// Paid in full between the promise and its date.
  case kept
  /// Its date has not passed and it is not yet paid in full.
  case open
  /// Its date has passed without full payment: records warning sign P1.
  case broken
}

/// A promise is kept when the customer's receipts from the day it was made to its date add up
/// to the amount; broken once `asof` is past its date without that. Receipts are not shared out
/// between overlapping promises: each promise looks at the whole window.
public func promiseStatus(_ p: PaymentPromise, receipts: [Receipt], asof: Day) throws(DomainError)
  -> (status: PromiseStatus, paid: Money)
{
  var paid = Money.zero
  for r in receipts where r.customer == p.customer && r.date >= p.made && r.date <= p.due && r.date <= asof {
    paid = try addMoney(paid, r.amount, "paid")
  }
  if paid >= p.amount { return (.kept, paid) }
  return (asof > p.due ? .broken : .open, paid)
}
