import KehuDomain
import KehuStore

/// §3.3 (5), second half: `credit adjust` weighs each customer's payment status and trade
/// volume over its review period (by credit class, §3.2) and proposes one step: raise, cut or
/// hold. Nothing is stored without `apply`.
extension CreditLimitCommands {

  static func adjust(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let target = a.text("target") ?? "all"
    let asof = a.date("asof") ?? s.today
    if asof > s.today { throw a.error(tr("`asof` {0} is after today ({1})", asof, s.today), at: "asof") }
    let rule = CreditPolicySettings.load(s.db, year: s.settings.year).step
    let v = s.creditFile
    var ids: [Int64]
    if target == "all" {
      ids = v.trading.filter { v.creditLimit($0) != nil }
    } else {
      let id = try a.customerKey("target", in: s.db)
      guard v.creditLimit(id) != nil else {
        throw a.error(tr("customer {0} has no credit limit to adjust", id), at: "target")
      }
      ids = [id]
    }
    var results: [(id: Int64, cls: CreditClass, review: LimitReview)] = []
    let volume = TradeVolume(s.db)
    for id in ids {
      try s.checkInterrupted()
      let cls = v.reviewAccount(id)?.creditClass ?? ReviewAccount.newCustomerClass
      let (period, previous) = reviewPeriods(asof: asof, months: cls.reviewMonths)
      let review = try a.rule(at: "target") { () throws(DomainError) in
        try reviewLimit(
          limit: v.creditLimit(id)!,
          history: v.ledger.paymentRecord(customer: id, asof: v.asof).map(\.record),
          period: period, sales: volume.sales(id, in: period),
          previousSales: volume.sales(id, in: previous),
          lastChange: CreditCard(s.db, customer: id)?.limitDate,
          rule: rule)
      }
      results.append((id, cls, review))
    }
    let changes = results.filter { $0.review.proposed != $0.review.start }
    let apply = a.flag("apply")
    if apply && !changes.isEmpty {
      try s.change(
        changes.map {
          .update(
            table: "customers", key: .int($0.id),
            values: [
              "credit_limit": .money($0.review.proposed), "limit_date": .date(asof),
              "updated": .timestamp(s.now),
            ])
        })
    }
    let stored: Message =
      apply
      ? tr("stored: {0} limit(s) changed, dated {1}", changes.count, asof)
      : tr("nothing stored: add `apply` to store the proposed limits ({0} would change)", changes.count)
    let notes: [Message] = [
      tr(
        "rule: one step per review period (A 6 months, B 3, C 1, §3.2), weighing payment status and trade volume (支付状况和交易额大小, §3.3 (5)): paid late → cut {0}; all on time and sales above the period before → raise {1}; otherwise hold",
        Value.percentText(rule.cut), Value.percentText(rule.raise)),
      tr(
        "the weighing and its figures are kehu's defaults (editable: `credit policy raise= cut= grace= ceiling=`); on time = paid within {0} days of due",
        rule.graceDays),
      stored,
    ]
    if let r = results.first, ids.count == 1 {
      return .table(working(s, r.id, r.cls, r.review, notes: notes))
    }
    var t = ResultTable(
      columns: [
        ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text), ResultColumn(tr("class"), .text),
        ResultColumn(tr("payment"), .text), ResultColumn(tr("sales"), .money),
        ResultColumn(tr("before"), .money),
        ResultColumn(tr("from"), .money), ResultColumn(tr("to"), .money), ResultColumn(tr("reason"), .text),
      ],
      title: tr("Limit adjustment as of {0} (§3.3 (5))", asof),
      notes: [
        tr("{0} customers with a limit looked at; those whose limit would change are listed", ids.count)
      ]
        + notes)
    for (id, cls, r) in changes {
      t.rows.append([
        .int(id), .text(s.creditName(id)), .text(cls.rawValue), .text(paymentText(r.payment)),
        .money(r.sales), .money(r.previousSales), .money(r.start), .money(r.proposed), .text(tr(r.reason)),
      ])
    }
    return .table(t)
  }

  static func paymentText(_ p: LimitReview.Payment) -> String {
    switch p {
    case .late(let n): return tr("{0} late", n)
    case .onTime(let n): return tr("{0} on time", n)
    case .none: return tr("none")
    }
  }

  /// One customer's review, line by line.
  static func working(_ s: Session, _ id: Int64, _ cls: CreditClass, _ r: LimitReview, notes: [Message])
    -> ResultTable
  {
    let p = r.period
    let before = p.lowerBound.adding(months: -cls.reviewMonths)
    var t = ResultTable(
      columns: [ResultColumn(tr("item"), .text), ResultColumn(tr("value"), .text)],
      title: tr(
        "Limit review of customer {0} {1}: {2} → {3}", id, s.creditName(id), r.start, r.proposed),
      notes: notes)
    t.rows = [
      [
        .text(tr("credit class")),
        .text(tr("{0}: reviewed every {1} month(s)", cls.rawValue, cls.reviewMonths)),
      ],
      [.text(tr("review period")), .text(tr("{0} to {1}", p.lowerBound, p.upperBound))],
      [.text(tr("payment status")), .text(paymentText(r.payment))],
      [.text(tr("sales in the period")), .text(r.sales.formatted)],
      [.text(tr("sales in the period before")), .text(r.previousSales.formatted)],
      [.text(tr("decision")), .text(tr(Message(r.decision.rawValue)))],
      [.text(tr("limit")), .text(tr("{0} → {1}", r.start.formatted, r.proposed.formatted))],
    ]
    t.notes.insert(tr("reason: {0}", tr(r.reason) as String), at: 0)
    t.notes.insert(tr("the period before: {0} to {1}", before, p.lowerBound.adding(days: -1)), at: 1)
    return t
  }
}
