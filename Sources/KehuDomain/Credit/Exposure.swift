import KehuStore

/// What is measured against a credit limit (§3.3): receivables plus unsettled notes
/// (赊销款和未结算票据余额之和), plus open orders where the store has them.
public struct ExposureFigures: Sendable, Equatable {
  /// nil: the customer has no limit, so the limit is not checked.
  public var limit: Money?
  public var receivables: Money
  /// Notes received and not yet settled (held, discounted with recourse, dishonoured).
  public var unsettledNotes: Money
  public var openOrders: Money
  /// Filed under an emergency report and not yet released by a superior's instruction.
  public var onWatch: Bool
  /// Largest single shipment (invoice or order) allowed, from `credit measure … restrict`.
  public var shipmentCap: Money?
  /// At the "supply suspended" step of the collection ladder.
  public var supplySuspended: Bool

  public init(
    limit: Money?, receivables: Money, unsettledNotes: Money = .zero, openOrders: Money = .zero,
    onWatch: Bool = false, shipmentCap: Money? = nil, supplySuspended: Bool = false
  ) {
    self.limit = limit
    self.receivables = receivables
    self.unsettledNotes = unsettledNotes
    self.openOrders = openOrders
    self.onWatch = onWatch
    self.shipmentCap = shipmentCap
    self.supplySuspended = supplySuspended
  }
}

public struct Exposure: Sendable, Equatable {
  public var total: Money
  /// limit − exposure (negative when over); nil without a limit.
  public var available: Money?
  /// exposure ÷ limit; nil without a limit or with a zero limit.
  public var use: Dec?
  public var working: Working
}

public func exposure(_ f: ExposureFigures) throws(DomainError) -> Exposure {
  let total = try sumMoney([f.receivables, f.unsettledNotes, f.openOrders], "exposure")
  var steps = [WorkingLine("exposure", "receivables + unsettled notes + open orders", .money(total))]
  var available: Money?
  var use: Dec?
  var result = WorkingLine("available credit", "no limit set: not checked", .null)
  if let l = f.limit {
    available = try subMoney(l, total, "available")
    if l.fen > 0 { use = percentShown(try div(total.decimal, l.decimal, "use")) }
    steps.append(WorkingLine("use", "exposure ÷ limit", use.map(Value.percent) ?? .null))
    result = WorkingLine("available credit", "limit − exposure", .money(available!))
  }
  var inputs = [
    WorkingLine("credit limit", "", f.limit.map(Value.money) ?? .null),
    WorkingLine("receivables", "open invoice balances", .money(f.receivables)),
    WorkingLine("unsettled notes", "未结算票据", .money(f.unsettledNotes)),
    WorkingLine("open orders", "", .money(f.openOrders)),
  ]
  if let c = f.shipmentCap {
    inputs.append(WorkingLine("shipment cap", "largest shipment allowed", .money(c)))
  }
  var convention: [Message] = []
  if f.onWatch { convention.append("on watch: no new credit until a superior's instruction is recorded") }
  if f.supplySuspended { convention.append("supply suspended by the collection procedure") }
  return Exposure(
    total: total, available: available, use: use,
    working: Working(
      title: "Credit exposure", rule: "§3.3: exposure = receivables + unsettled notes (+ open orders)",
      inputs: inputs, steps: steps, result: result, convention: convention))
}

/// Why new credit is refused.
public enum CreditBlock: Sendable, Equatable, CustomStringConvertible {
  case overLimit(limit: Money, exposureAfter: Money)
  case onWatch
  case overShipmentCap(cap: Money, amount: Money)
  case supplySuspended

  public var description: String { message.description }

  /// The text for people, translated when the shell shows it.
  public var message: Message {
    switch self {
    case .overLimit(let l, let e):
      return "exposure would be \(e), over the credit limit \(l) by \((try? e.subtracting(l)) ?? .zero)"
    case .onWatch: return "the customer is on watch: no new credit until a superior's instruction"
    case .overShipmentCap(let c, let a): return "the shipment \(a) is over the shipment cap \(c)"
    case .supplySuspended: return "supply is suspended by the collection procedure"
    }
  }
}

/// The check before an invoice or order of `amount`: every reason to refuse it (empty to allow).
/// A customer without a limit is not checked against one; watch, shipment cap and suspension
/// still apply.
public func creditBlocks(_ f: ExposureFigures, newAmount: Money) throws(DomainError) -> [CreditBlock] {
  var blocks: [CreditBlock] = []
  if f.onWatch { blocks.append(.onWatch) }
  if f.supplySuspended { blocks.append(.supplySuspended) }
  if let c = f.shipmentCap, newAmount > c { blocks.append(.overShipmentCap(cap: c, amount: newAmount)) }
  if let l = f.limit {
    let after = try sumMoney([f.receivables, f.unsettledNotes, f.openOrders, newAmount], "exposure")
    if after > l { blocks.append(.overLimit(limit: l, exposureAfter: after)) }
  }
  return blocks
}
