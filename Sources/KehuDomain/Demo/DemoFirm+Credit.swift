import KehuStore

/// The demo firm's credit records (§3): a few scorecards and Altman figures, investigations
/// that found warning signs, periodic reports (some on month ends), a customer on watch, a
/// shipment cap, a guarantor, and a customer whose limit its exposure has outgrown.
extension DemoFirm {
  /// `customers` is the firm built so far, read for each customer's credit class.
  static func creditMutations(today: Day, customers: [Mutation]) -> [Mutation] {
    var out: [Mutation] = []
    func monthEnd(_ monthsBack: Int) -> Day {
      let d = today.adding(months: -monthsBack)
      return Day(year: d.year, month: d.month, day: Day.daysIn(year: d.year, month: d.month))!
    }
    func yuan(_ y: Int64) -> Value { .money(Money(fen: y * 100)) }

    // Figures for the Altman Z-score beside the judgement method.
    out.append(
      .update(
        table: "customers", key: .int(1001),
        values: [
          "retained_earnings": yuan(30_000_000), "ebit": yuan(18_000_000), "equity_value": yuan(150_000_000),
          "annual_sales": yuan(420_000_000),
        ]))
    out.append(
      .update(
        table: "customers", key: .int(1009),
        values: [
          "retained_earnings": yuan(-2_000_000), "ebit": yuan(500_000), "equity_value": yuan(8_000_000),
          "annual_sales": yuan(40_000_000),
        ]))
    // 1039's exposure has grown past a limit cut last month.
    out.append(
      .update(
        table: "customers", key: .int(1039),
        values: ["credit_limit": yuan(150_000), "limit_date": .date(today.adding(days: -30))]))

    let scores: [(Int64, [Int64], String)] = [
      (1001, [4, 4, 4, 5, 4, 3], "李明"), (1002, [4, 3, 4, 4, 4, 4], "王强"),
      (1009, [2, 2, 1, 3, 2, 3], "陈静"), (1013, [3, 3, 3, 3, 3, 3], "王强"),
    ]
    for (k, (id, s, by)) in scores.enumerated() {
      out.append(
        .insert(
          table: "credit_scores",
          values: [
            "id": .int(Int64(k + 1)), "customer": .int(id), "date": .date(today.adding(days: -40 + k)),
            "profitability": .int(s[0]), "safety": .int(s[1]), "liquidity": .int(s[2]), "sales": .int(s[3]),
            "purchasing": .int(s[4]), "staff": .int(s[5]), "by": .text(by),
          ]))
    }

    let investigations: [(Int64, Int, String, String, String)] = [
      (1009, 25, "bank", "F2,F9", "开户银行反映其近期频繁贴现票据"),
      (1009, 12, "internal", "P2,P7", "业务员反映对催款电话推诿"),
      (1001, 60, "agency", "", "资信良好"),
    ]
    for (k, (id, back, channel, signs, note)) in investigations.enumerated() {
      out.append(
        .insert(
          table: "credit_investigations",
          values: [
            "id": .int(Int64(k + 1)), "customer": .int(id), "date": .date(today.adding(days: -back)),
            "channel": .text(channel), "signs": .text(signs), "note": .text(note), "by": .text("陈静"),
          ]))
    }

    // Periodic reports; several on a month's last day, so the next falls on a month end too.
    var reviews: [(Int64, Day, String)] = [
      (1001, monthEnd(5), "A"), (1002, monthEnd(6), "A"), (1005, monthEnd(2), "B"),
      (1013, monthEnd(3), "C"), (1020, today.adding(days: -10), "C"),
    ]
    // Everyone else with a class was last reported on about one period ago, so a few are due.
    let listed = Set(reviews.map(\.0))
    for m in customers {
      guard case .insert("customers", let v) = m, case .int(let id)? = v["id"], !listed.contains(id),
        case .text(let cls)? = v["credit_class"], let c = CreditClass(rawValue: cls)
      else { continue }
      reviews.append((id, today.adding(months: -c.reviewMonths).adding(days: Int(id % 5) * 6 - 6), cls))
    }
    for (k, (id, date, cls)) in reviews.enumerated() {
      out.append(
        .insert(
          table: "credit_reviews",
          values: [
            "id": .int(Int64(k + 1)), "customer": .int(id), "date": .date(date), "class": .text(cls),
            "note": .text("定期报告"), "by": .text("陈静"),
          ]))
    }

    out.append(
      .insert(
        table: "credit_alerts",
        values: [
          "id": .int(1), "customer": .int(1019), "date": .date(today.adding(days: -3)),
          "reason": .text("法人代表下落不明"), "by": .text("刘洋"),
        ]))
    let measures: [(Int64, Int, String, String, Value)] = [
      (1029, 20, "restrict", "shipment cap: no single invoice or order above it", yuan(50_000)),
      (1039, 15, "guarantor", "guarantor 南京联创集团", .null),
    ]
    for (k, (id, back, kind, detail, amount)) in measures.enumerated() {
      out.append(
        .insert(
          table: "credit_measures",
          values: [
            "id": .int(Int64(k + 1)), "customer": .int(id), "date": .date(today.adding(days: -back)),
            "kind": .text(kind), "detail": .text(detail), "amount": amount, "by": .text("王强"),
          ]))
    }
    return out
  }
}
