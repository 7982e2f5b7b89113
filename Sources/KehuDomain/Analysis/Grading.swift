import KehuStore

/// A customer's grade by sales (§2.6 step 3): A the key customers, B the next, C the rest.
public enum SalesGrade: String, Sendable, CaseIterable {
  case a = "A"
  case b = "B"
  case c = "C"
}

/// Where the grade lines fall (§2.6 steps 2–3). By share: cumulative share lines (the
/// Pareto 80% / 95%); by standard: the chapter's grade standard amounts (等级标准额).
public enum GradeLines: Sendable, Equatable {
  /// Fractions: 0.8 and 0.95 for 80% and 95%.
  case share(a: Dec, b: Dec)
  /// Monthly averages at or above `a` are A, at or above `b` B.
  case standard(a: Money, b: Money)

  /// The chapter's Pareto lines: A up to 80% of the cumulative share, B up to 95%.
  public static let paretoA = Dec(mantissa: 80, scale: 2)
  public static let paretoB = Dec(mantissa: 95, scale: 2)
  public static let pareto = GradeLines.share(a: paretoA, b: paretoB)

  /// The rule as the output states it.
  public var rule: Message {
    switch self {
    case .share(let a, let b):
      let (a, b) = (Value.percentText(a), Value.percentText(b))
      return
        "A while the cumulative share up to and including the customer is at most \(a), B while at most \(b), the rest C; shares compared exactly, never rounded first"
    case .standard(let a, let b):
      return
        "grade standard amounts (等级标准额): monthly average ≥ \(a.formatted) is A, ≥ \(b.formatted) is B, the rest C"
    }
  }
}

/// One customer in a ranking: its place, its amount and the cumulative amount up to it.
public struct RankedCustomer: Sendable, Equatable {
  public var index: Int
  public var amount: Int64
  public var cumulative: Int64
  public var grade: SalesGrade
}

public enum Grading {
  /// Ranks `amounts` (fen, one per customer) largest first; equal amounts keep the order of
  /// `tieKeys` (customer ids), so a ranking is reproducible. Returns indices into `amounts`.
  public static func rank(_ amounts: [Int64], tieKeys: [Int64]) -> [Int] {
    // Sorting plain structs in one array is several times faster than sorting indices
    // through a closure that reads two other arrays (1M customers in well under a second).
    struct Key: Comparable {
      var amount: Int64
      var tie: Int64
      var index: Int
      static func < (x: Key, y: Key) -> Bool {
        x.amount != y.amount ? x.amount > y.amount : (x.tie != y.tie ? x.tie < y.tie : x.index < y.index)
      }
    }
    var keys = [Key]()
    keys.reserveCapacity(amounts.count)
    for i in amounts.indices { keys.append(Key(amount: amounts[i], tie: tieKeys[i], index: i)) }
    keys.sort()
    return keys.map(\.index)
  }

  /// Grades a ranking. `order` is from `rank`; `months` is how many months each amount
  /// sums (1 for plain totals), so a standard amount per month compares as amount ≥
  /// standard × months, exactly. Customers with nothing (or a net negative) are C and
  /// count as zero in the total, so shares add up to 100% over those that bought.
  public static func grade(
    _ amounts: [Int64], order: [Int], lines: GradeLines, months: Int = 1
  ) -> [RankedCustomer] {
    var total: Int128 = 0
    for a in amounts where a > 0 { total += Int128(a) }
    var out: [RankedCustomer] = []
    out.reserveCapacity(order.count)
    var cumulative: Int64 = 0
    for i in order {
      let amount = amounts[i]
      if amount > 0 { cumulative &+= amount }
      var g = SalesGrade.c
      if amount > 0 {
        switch lines {
        case .share(let a, let b):
          if within(cumulative, total, a) {
            g = .a
          } else if within(cumulative, total, b) {
            g = .b
          }
        case .standard(let a, let b):
          let n = Int128(months)
          if Int128(amount) >= Int128(a.fen) * n {
            g = .a
          } else if Int128(amount) >= Int128(b.fen) * n {
            g = .b
          }
        }
      }
      out.append(RankedCustomer(index: i, amount: amount, cumulative: cumulative, grade: g))
    }
    return out
  }

  /// cumulative ÷ total ≤ line, as integers: cumulative × 10^scale ≤ mantissa × total.
  static func within(_ cumulative: Int64, _ total: Int128, _ line: Dec) -> Bool {
    guard total > 0 else { return false }
    let scale = max(0, line.scale)
    var p: Int128 = 1
    for _ in 0..<scale { p *= 10 }
    let (lhs, o1) = Int128(cumulative).multipliedReportingOverflow(by: p)
    let (rhs, o2) = line.mantissa.multipliedReportingOverflow(by: total)
    if o1 || o2 { return false }
    return lhs <= rhs
  }

  /// A share for display: amount ÷ total rounded to 0.01% (the grading never uses it).
  public static func share(_ amount: Int64, of total: Int64) -> Dec {
    guard total != 0 else { return .zero }
    // amount ÷ total to 4 places, half away from zero, in integers (no Dec division per row).
    let num = Int128(amount) * 20_000
    let den = Int128(total) * 2
    let q = (num.magnitude + den.magnitude / 2) / den.magnitude
    let negative = (num < 0) != (den < 0)
    return Dec(mantissa: negative ? -Int128(q) : Int128(q), scale: 4)
  }
}
