import KehuStore

/// A customer's grade by sales (§2.6 step 3): A the key customers, B the next, C the rest.
public enum SalesGrade: String, Sendable, CaseIterable {
  case a = "A"
  case b = "B"
  case c = "C"
}

/// How a share line cuts the ranking (§2.6 step 3; the chapter's purpose is to find the key
/// customers, 从图中找出重点客户). `before`: a customer is in a band while the cumulative share
/// *before* it is below the line, so the biggest customer is always A. `through`: while the
/// cumulative share up to and including it is at most the line (kehu's first rule, kept for
/// those who want it); there a firm of two customers at 85% and 15% has no A at all.
public enum BandRule: String, Sendable, CaseIterable {
  case before
  case through
}

/// Where the grade lines fall (§2.6 steps 2–3). By share: cumulative share lines (the
/// Pareto 80% / 95%); by standard: the chapter's grade standard amounts (等级标准额).
public enum GradeLines: Sendable, Equatable {
  /// Fractions: 0.8 and 0.95 for 80% and 95%.
  case share(a: Dec, b: Dec, rule: BandRule)
  /// Monthly averages at or above `a` are A, at or above `b` B.
  case standard(a: Money, b: Money)

  /// The chapter's Pareto lines: the A line at 80% of the cumulative share, the B line at 95%.
  public static let paretoA = Dec(mantissa: 80, scale: 2)
  public static let paretoB = Dec(mantissa: 95, scale: 2)
  public static let pareto = GradeLines.share(a: paretoA, b: paretoB, rule: .before)

  /// The rule as the output states it.
  public var rule: Message {
    switch self {
    case .share(let a, let b, .before):
      let (a, b) = (Value.percentText(a), Value.percentText(b))
      return
        "A while the cumulative share before the customer is below \(a) (so the biggest customer is always A), B while below \(b), the rest C; equal amounts take the higher band; shares compared exactly, never rounded first"
    case .share(let a, let b, .through):
      let (a, b) = (Value.percentText(a), Value.percentText(b))
      return
        "A while the cumulative share up to and including the customer is at most \(a), B while at most \(b), the rest C (rule=through); equal amounts take the higher band; shares compared exactly, never rounded first"
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
  /// count as zero in the total, so shares add up to 100% over those that bought. A run of
  /// equal amounts takes the grade of its first member: a line never splits a tie, and the
  /// tie joins the higher band.
  public static func grade(
    _ amounts: [Int64], order: [Int], lines: GradeLines, months: Int = 1
  ) -> [RankedCustomer] {
    var total: Int128 = 0
    for a in amounts where a > 0 { total += Int128(a) }
    var out: [RankedCustomer] = []
    out.reserveCapacity(order.count)
    var cumulative: Int64 = 0
    var previous: (amount: Int64, grade: SalesGrade)? = nil
    for i in order {
      let amount = amounts[i]
      let before = cumulative
      if amount > 0 { cumulative &+= amount }
      var g = SalesGrade.c
      if let p = previous, p.amount == amount {
        g = p.grade
      } else if amount > 0 {
        switch lines {
        case .share(let a, let b, let rule):
          let reached = rule == .before ? before : cumulative
          let inside = { (line: Dec) in
            rule == .before ? below(reached, total, line) : within(reached, total, line)
          }
          if inside(a) {
            g = .a
          } else if inside(b) {
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
      previous = (amount, g)
      out.append(RankedCustomer(index: i, amount: amount, cumulative: cumulative, grade: g))
    }
    return out
  }

  /// cumulative ÷ total < line, as integers: cumulative × 10^scale < mantissa × total.
  static func below(_ cumulative: Int64, _ total: Int128, _ line: Dec) -> Bool {
    guard total > 0 else { return false }
    return compare(cumulative, total, line).map { $0 < $1 } ?? false
  }

  /// cumulative ÷ total ≤ line, as integers: cumulative × 10^scale ≤ mantissa × total.
  static func within(_ cumulative: Int64, _ total: Int128, _ line: Dec) -> Bool {
    guard total > 0 else { return false }
    return compare(cumulative, total, line).map { $0 <= $1 } ?? false
  }

  /// Both sides of cumulative ÷ total against line, scaled to integers; nil on overflow.
  private static func compare(_ cumulative: Int64, _ total: Int128, _ line: Dec) -> (Int128, Int128)? {
    let scale = max(0, line.scale)
    var p: Int128 = 1
    for _ in 0..<scale { p *= 10 }
    let (lhs, o1) = Int128(cumulative).multipliedReportingOverflow(by: p)
    let (rhs, o2) = line.mantissa.multipliedReportingOverflow(by: total)
    if o1 || o2 { return nil }
    return (lhs, rhs)
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
