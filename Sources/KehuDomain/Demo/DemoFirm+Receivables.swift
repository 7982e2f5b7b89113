import KehuStore

/// The demo firm's collection work (§5): actions on its overdue customers with each of the
/// five methods, promises to pay that were kept, are open and were broken, a note given for
/// an invoice, money on account (one sum applied, one waiting), orders, and two stored credit
/// policies to compare. Dates count back from `today`.
extension DemoFirm {
  static func receivables(today: Day, after firm: [Mutation]) -> [Mutation] {
    let invoiceOf = { (c: Int64) in oldestOpenInvoice(c, in: firm) }
    var out: [Mutation] = []
    // (customer, days ago, step, method, staff, outcome, promise in days from today, amount in yuan)
    let actions: [(Int64, Int, String, String, String, String, Int?, Int64?)] = [
      (1009, 200, "letter", "reasoning", "陈静", "寄出催款函，未回复", nil, nil),
      (1009, 120, "visit", "persistence", "陈静", "上门三次，财务推说老板不在", nil, nil),
      (1009, 60, "demand", "soft-hard", "陈静", "发出律师函，对方称下月付款", -30, 50_000),
      (1036, 27, "letter", "reasoning", "李明", "寄出催款函", nil, nil),
      (1036, 14, "phone", "reasoning", "李明", "答应先付八千", -7, 8_000),
      (1007, 6, "phone", "sympathy", "王强", "对方资金紧张，承诺月初付款", 4, 100_000),
      (1038, 5, "visit", "provocation", "张丽", "答应下周付清", 8, 21_640),
    ]
    for (k, a) in actions.enumerated() {
      let date = today.adding(days: -a.1)
      var v: [String: Value] = [
        "id": .int(Int64(k + 1)), "customer": .int(a.0), "date": .date(date), "step": .text(a.2),
        "method": .text(a.3), "owner": .text(a.4), "remarks": .text(a.5),
      ]
      if let amount = a.7 { v["amount"] = .money(Money(fen: amount * 100)) }
      out.append(.insert(table: "collections", values: v))
      if let days = a.6, let amount = a.7 {
        out.append(
          .insert(
            table: "promises",
            values: [
              "customer": .int(a.0), "made": .date(date), "due": .date(today.adding(days: days)),
              "amount": .money(Money(fen: amount * 100)), "action": .int(Int64(k + 1)), "owner": .text(a.4),
            ]))
      }
    }
    // 1036 kept its promise: eight thousand two days before the promised date.
    if let no = invoiceOf(1036) {
      out.append(
        .insert(
          table: "payments",
          values: [
            "invoice": .text(no), "customer": .int(1036), "date": .date(today.adding(days: -9)),
            "amount": .money(Money(fen: 800_000)), "method": .text("transfer"),
          ]))
    }
    // 1008 gave a bank acceptance bill for part of its oldest open invoice.
    if let no = invoiceOf(1008) {
      out.append(
        .insert(
          table: "notes",
          values: [
            "no": .text("BN-007"), "customer": .int(1008), "amount": .money(Money(fen: 5_000_000)),
            "issued": .date(today.adding(days: -2)), "matures": .date(today.adding(days: 88)),
            "status": .text("held"), "invoice": .text(no),
          ]))
      out.append(
        .insert(
          table: "payments",
          values: [
            "invoice": .text(no), "customer": .int(1008), "date": .date(today.adding(days: -2)),
            "amount": .money(Money(fen: 5_000_000)), "method": .text("note"),
          ]))
    }
    // 1007 was allowed 500 off its oldest open invoice for a late delivery: a credit note,
    // not a payment (issue 14).
    if let no = invoiceOf(1007) {
      out.append(
        .insert(
          table: "credit_notes",
          values: [
            "no": .text("CN-00001"), "invoice": .text(no), "customer": .int(1007),
            "date": .date(today.adding(days: -4)), "amount": .money(Money(fen: 50_000)),
            "reason": .text("allowance"), "note": .text("送货延误折让"),
          ]))
    }
    // 1009 sent 1,000 without naming an invoice: it waits on account for `payment apply`.
    out.append(
      .insert(
        table: "payments",
        values: [
          "customer": .int(1009), "date": .date(today.adding(days: -3)),
          "amount": .money(Money(fen: 100_000)),
          "method": .text("on_account"),
        ]))
    // 1010 sent 1,000 on account and it was applied to its oldest open invoice two days later
    // (`payment apply`): a pair of `applied` payments, on the invoice and off the account.
    if let (no, open) = oldestOpen(1010, in: firm) {
      let part = min(open, 100_000)
      out.append(
        .insert(
          table: "payments",
          values: [
            "customer": .int(1010), "date": .date(today.adding(days: -8)),
            "amount": .money(Money(fen: 100_000)),
            "method": .text("on_account"),
          ]))
      for (invoice, fen) in [(Optional(no), part), (nil, -part)] {
        var v: [String: Value] = [
          "customer": .int(1010), "date": .date(today.adding(days: -6)), "amount": .money(Money(fen: fen)),
          "method": .text("applied"),
        ]
        if let invoice { v["invoice"] = .text(invoice) }
        out.append(.insert(table: "payments", values: v))
      }
    }
    out += orders(today: today, after: firm)
    // Two policies for `ar policy compare A B`: today's n/30, and a longer period with a discount.
    let policies: [(String, String, String?, Int64, Int64, Int64)] = [
      ("A", "n/30", nil, 3_600_000, 200, 24_000),
      ("B", "2/10 n/60", "50%", 4_320_000, 300, 40_000),
    ]
    for p in policies {
      var v: [String: Value] = [
        "name": .text(p.0), "terms": .text(p.1), "sales": .money(Money(fen: p.3 * 100)),
        "variable": .percent(Dec(mantissa: 60, scale: 2)),
        "bad_debt": .percent(Dec(mantissa: Int128(p.4), scale: 4)),
        "collection": .money(Money(fen: p.5 * 100)), "capital": .percent(Dec(mantissa: 10, scale: 2)),
      ]
      if let s = p.2 { v["shares"] = .text(s) }
      out.append(.insert(table: "policies", values: v))
    }
    return out
  }

  /// Orders taken on credit (issue 14): one open, counted in 1001's exposure; one that became
  /// 1001's latest invoice; one cancelled.
  static func orders(today: Day, after firm: [Mutation]) -> [Mutation] {
    var latest: (no: String, date: Day, amount: Money)?
    for m in firm {
      guard case .insert("invoices", let v) = m, case .int(1001)? = v["customer"],
        case .text(let no)? = v["no"],
        case .date(let d)? = v["date"], case .money(let a)? = v["amount"], v["note"] == nil
      else { continue }
      if latest == nil || d >= latest!.date { latest = (no, d, a) }
    }
    var out: [Mutation] = [
      .insert(
        table: "orders",
        values: [
          "no": .text("SO-00001"), "customer": .int(1001), "date": .date(today.adding(days: -3)),
          "amount": .money(Money(fen: 3_000_000)), "status": .text("open"),
        ]),
      .insert(
        table: "orders",
        values: [
          "no": .text("SO-00003"), "customer": .int(1004), "date": .date(today.adding(days: -12)),
          "amount": .money(Money(fen: 2_000_000)), "status": .text("cancelled"),
          "closed": .date(today.adding(days: -10)),
        ]),
    ]
    if let l = latest {
      out.append(
        .insert(
          table: "orders",
          values: [
            "no": .text("SO-00002"), "customer": .int(1001), "date": .date(l.date.adding(days: -5)),
            "amount": .money(l.amount), "status": .text("invoiced"), "invoice": .text(l.no),
            "closed": .date(l.date),
          ]))
    }
    return out
  }

  /// The customer's oldest invoice still open in `batch` (invoices in date order, as inserted).
  static func oldestOpenInvoice(_ customer: Int64, in batch: [Mutation]) -> String? {
    oldestOpen(customer, in: batch)?.no
  }

  /// The customer's oldest invoice still open in `batch`, with what is open on it.
  static func oldestOpen(_ customer: Int64, in batch: [Mutation]) -> (no: String, open: Int64)? {
    var order: [String] = []
    var open: [String: Int64] = [:]
    for m in batch {
      guard case .insert(let table, let v) = m else { continue }
      if table == "invoices", case .int(customer)? = v["customer"], case .text(let no)? = v["no"],
        case .money(let a)? = v["amount"]
      {
        order.append(no)
        open[no] = a.fen
      } else if table == "payments", case .text(let no)? = v["invoice"], case .money(let a)? = v["amount"],
        open[no] != nil
      {
        open[no]! -= a.fen
      }
    }
    return order.first { open[$0]! > 0 }.map { ($0, open[$0]!) }
  }
}

extension DemoFirm {
  /// The columns a note discounted at 6% a year (360 days) with recourse carries.
  static func discountedAtBank(_ face: Money, _ date: Day, _ matures: Day) -> [String: Value]? {
    let rate = Dec(mantissa: 6, scale: 2)
    guard
      let d = try? noteDiscount(face: face, rate: rate, discounted: date, matures: matures, year: .days360)
    else { return nil }
    return [
      "discounted": .date(date), "rate": .percent(rate), "year": .int(360), "interest": .money(d.interest),
      "proceeds": .money(d.proceeds), "recourse": .bool(true),
    ]
  }
}
