import KehuStore

/// One discount of a terms string: `rate` off when paid within `days` of the invoice date.
public struct DiscountTier: Sendable, Equatable {
  public var rate: Dec
  public var days: Int
}

/// Credit terms `d/D n/N` (e.g. 2/10 n/30: 2% off within 10 days, else net in 30), with any
/// number of discount tiers (2/10 1/20 n/60), or just `n/N`.
public struct CashDiscountTerms: Sendable, Equatable, CustomStringConvertible {
  /// Ordered by days, shortest window first.
  public var tiers: [DiscountTier]
  public var netDays: Int

  public init(tiers: [DiscountTier], netDays: Int) throws(DomainError) {
    let text = CashDiscountTerms.render(tiers, netDays)
    if netDays < 0 { throw .badTerms(text: text, reason: "the net period must not be negative") }
    var last = -1
    for t in tiers {
      if t.rate.isNegative || t.rate.isZero || t.rate >= .one {
        throw .badTerms(text: text, reason: "a discount must be more than 0% and less than 100%")
      }
      if t.days <= last { throw .badTerms(text: text, reason: "discount windows must lengthen in order") }
      if t.days >= netDays {
        throw .badTerms(text: text, reason: "a discount window must end before the net period")
      }
      last = t.days
    }
    self.tiers = tiers
    self.netDays = netDays
  }

  /// Net terms with no discount.
  public static func net(_ days: Int) throws(DomainError) -> CashDiscountTerms {
    try CashDiscountTerms(tiers: [], netDays: days)
  }

  /// Parses `2/10 n/30`, `2/10,n/30`, `2/10, net 30`, `1.5/10 n/45`, `2/10 1/20 n/60`, `n/30`.
  public init(parsing raw: String) throws(DomainError) {
    let spaced = raw.lowercased().map { $0 == "," || $0 == "，" ? " " : $0 }
    var words = String(spaced).split(separator: " ").map(String.init)
    // "net 30" and "n 30" are one word
    var i = 0
    while i < words.count {
      if (words[i] == "net" || words[i] == "n") && i + 1 < words.count {
        words[i] = "n/" + words[i + 1]
        words.remove(at: i + 1)
      }
      i += 1
    }
    var tiers: [DiscountTier] = []
    var net: Int?
    for w in words {
      let parts = w.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2 else { throw .badTerms(text: raw, reason: "\"\(w)\" is not d/D or n/N") }
      if parts[0] == "n" || parts[0] == "net" {
        guard net == nil, let n = Int(parts[1]) else {
          throw .badTerms(text: raw, reason: "\"\(w)\" is not a net period in whole days")
        }
        net = n
      } else {
        guard net == nil else { throw .badTerms(text: raw, reason: "the net period n/N comes last") }
        guard let pct = Dec(parsing: parts[0].hasSuffix("%") ? String(parts[0].dropLast()) : parts[0]),
          let days = Int(parts[1])
        else { throw .badTerms(text: raw, reason: "\"\(w)\" is not a discount d/D (percent/days)") }
        tiers.append(DiscountTier(rate: try div(pct, Dec(100), "discount"), days: days))
      }
    }
    guard let net else { throw .badTerms(text: raw, reason: "no net period n/N") }
    do { try self.init(tiers: tiers, netDays: net) } catch {
      if case .badTerms(_, let reason) = error { throw .badTerms(text: raw, reason: reason) }
      throw error
    }
  }

  /// The discount a payment made `days` after the invoice date earns: the largest whose window
  /// is still open (the last day of the window counts).
  public func discount(daysAfterInvoice days: Int) -> DiscountTier? {
    tiers.filter { days <= $0.days }.max { $0.rate < $1.rate }
  }

  static func render(_ tiers: [DiscountTier], _ net: Int) -> String {
    (tiers.map { "\((try? $0.rate.multiplied(by: Dec(100)))?.normalized.description ?? "?")/\($0.days)" }
      + ["n/\(net)"]).joined(separator: " ")
  }

  public var description: String { CashDiscountTerms.render(tiers, netDays) }
}

/// Annual cost of forgoing a cash discount = d ÷ (1 − d) × year ÷ (N − D).
public func discountCost(_ terms: CashDiscountTerms, year: DayCountConvention = .standard) throws(DomainError)
  -> Working
{
  guard let first = terms.tiers.first else {
    throw .badTerms(text: terms.description, reason: "there is no discount to forgo")
  }
  var steps: [WorkingLine] = []
  var costs: [Dec] = []
  for t in terms.tiers {
    let extraDays = terms.netDays - t.days
    let oneMinus = try sub(.one, t.rate, "1 − d")
    // One division, so the only rounding is in the figure shown.
    let cost = try div(
      try mul(t.rate, year.dec, "d × year"), try mul(oneMinus, Dec(extraDays), "(1 − d) × (N − D)"), "cost")
    costs.append(cost)
    steps.append(
      WorkingLine(
        "rate kept by paying early", "d ÷ (1 − d), for \(t.days) days",
        .percent(percentShown(try div(t.rate, oneMinus, "d ÷ (1 − d)")))))
    steps.append(
      WorkingLine("extra days of credit", "N − D = \(terms.netDays) − \(t.days)", .int(Int64(extraDays))))
    if terms.tiers.count > 1 {
      steps.append(
        WorkingLine(
          "cost of forgoing \(Value.percentText(t.rate))", "d ÷ (1 − d) × \(year.days) ÷ (N − D)",
          .percent(percentShown(cost))))
    }
  }
  return Working(
    title: "Annual cost of forgoing the cash discount \(terms)",
    rule: "放弃现金折扣的成本 = d ÷ (1 − d) × days in a year ÷ (N − D)",
    inputs: [
      WorkingLine("discount d", "", .percent(first.rate)),
      WorkingLine("discount period D", "days from the invoice date", .int(Int64(first.days))),
      WorkingLine("net period N", "days from the invoice date", .int(Int64(terms.netDays))),
    ],
    steps: steps,
    result: WorkingLine(
      "annual cost",
      "\(Value.percentText(first.rate)) ÷ (1 − d) × \(year.days) ÷ \(terms.netDays - first.days)",
      .percent(percentShown(costs[0]))),
    convention: [year.note, "the rate is shown rounded half away from zero to 0.01%"])
}
