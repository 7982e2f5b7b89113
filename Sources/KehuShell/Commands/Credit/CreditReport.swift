import KehuDomain
import KehuStore

/// `credit show` (the customer's credit record, one line per event) and `credit report`
/// (the written credit investigation report of §3.1, in sections).
extension CreditReviewCommands {
  static func show(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let c = CreditCard(s.db, customer: id)
    var t = ResultTable(
      columns: [
        ResultColumn(tr("date"), .date), ResultColumn(tr("what"), .text), ResultColumn(tr("detail"), .text),
        ResultColumn(tr("amount"), .money), ResultColumn(tr("by"), .text),
      ],
      title: tr("Credit record of customer {0} {1}", id, s.creditName(id)))
    var rows: [[Value]] = []
    func add(_ date: Value?, _ what: String, _ detail: String, _ amount: Value?, _ by: Value?) {
      rows.append([date ?? .null, .text(what), .text(detail), amount ?? .null, by ?? .null])
    }
    if let c, let l = c.creditLimit {
      add(c.limitDate.map(Value.date), tr("limit"), tr("method {0}", c.limitMethod ?? ""), .money(l), nil)
    }
    let scores = CreditScores(s.db)
    for r in scores.customer.rows(equalTo: id) {
      let parts = JudgementFactor.allCases.map {
        "\($0.rawValue) \(scores.score($0)[r].map(String.init) ?? "")"
      }
      add(.date(scores.date[r]), tr("scorecard"), parts.joined(separator: ", "), nil, scores.by.value(r))
    }
    let inv = CreditInvestigations(s.db)
    for r in inv.customer.rows(equalTo: id) {
      let signs = inv.signs[r] ?? ""
      add(
        .date(inv.date[r]), tr("investigation"),
        tr("{0}; signs {1}", inv.channel[r] ?? "", signs.isEmpty ? tr("none") : signs)
          + (inv.note[r].map { "; " + $0 } ?? ""), nil, inv.by.value(r))
    }
    let rev = CreditReviews(s.db)
    for r in rev.customer.rows(equalTo: id) {
      add(
        .date(rev.date[r]), tr("review"),
        tr("class {0}", rev.creditClass[r] ?? "") + (rev.note[r].map { "; " + $0 } ?? "")
          + (rev.signs[r].map { "; " + tr("signs {0}", $0) } ?? ""), nil, rev.by.value(r))
    }
    let alerts = CreditAlerts(s.db)
    for r in alerts.customer.rows(equalTo: id) {
      add(.date(alerts.date[r]), tr("emergency report"), alerts.reason[r] ?? "", nil, alerts.by.value(r))
      if let d = alerts.instructed[r] {
        add(.date(d), tr("instruction"), alerts.measure[r] ?? "", nil, alerts.instructedBy.value(r))
      }
    }
    let measures = CreditMeasures(s.db)
    for r in measures.customer.rows(equalTo: id) {
      add(
        .date(measures.date[r]), tr("measure: {0}", measures.kind[r]), measures.detail[r] ?? "",
        measures.amount.value(r), measures.by.value(r))
    }
    let overrides = CreditOverrides(s.db)
    for r in overrides.customer.rows(equalTo: id) {
      add(
        .date(overrides.date[r]), tr("override"), overrides.reason[r] ?? "", overrides.amount.value(r),
        overrides.by.value(r))
    }
    // Stable by date: events of one day keep the order above.
    t.rows = rows.enumerated().sorted { x, y in
      let c = Value.compare(x.element[0], y.element[0])
      return c != 0 ? c < 0 : x.offset < y.offset
    }.map(\.element)
    t.notes = try summary(s, id).map(Message.init(verbatim:))
    return .table(t)
  }

  /// The lines under `credit show`: limit, exposure, class and review dates, watch and cap.
  static func summary(_ s: Session, _ id: Int64) throws -> [String] {
    let file = s.creditFile
    let f = file.exposureFigures(id)
    let e = try exposure(f)
    var out: [String] = []
    if let l = f.limit {
      out.append(
        tr(
          "limit {0}, exposure {1}, available {2}, use {3}", l, e.total, e.available!,
          e.use.map { Value.percentText($0) } ?? "—"))
    } else {
      out.append(tr("no credit limit (not checked); exposure {0}", e.total))
    }
    if let r = file.reviewAccount(id) {
      out.append(
        tr(
          "credit class {0}: a report every {1} month(s); last {2}; next due {3}",
          r.creditClass.rawValue + (r.provisional ? tr(" (new customer, until reviewed)") : ""),
          r.creditClass.reviewMonths, r.lastReview.map { $0.description } ?? tr("never"),
          r.nextReview?.description ?? tr("one period after the first trade")))
    } else {
      out.append(tr("no credit class"))
    }
    if let alert = file.openAlert(id) {
      out.append(tr("ON WATCH since {0}: {1} — no new credit until an instruction", alert.date, alert.reason))
    }
    if let cap = f.shipmentCap { out.append(tr("shipment cap {0}", cap)) }
    if f.supplySuspended { out.append(tr("supply suspended by the collection procedure")) }
    return out
  }

  static func report(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let file = s.creditFile
    let c = CreditCard(s.db, customer: id)
    // The report's heading is a table with no columns: a line for people, a title in JSON.
    var parts = [
      ResultTable(
        columns: [],
        title: tr(
          "CREDIT INVESTIGATION REPORT (信用调查报告) — customer {0} {1}, {2}", id, s.creditName(id), s.today
        ))
    ]

    var basics = ResultTable(
      columns: [ResultColumn(tr("item"), .text), ResultColumn(tr("value"), .text)], title: tr("1. Customer"))
    let fields: [(String, String?)] = [
      ("kind", c?.kind), ("credit code", c?.creditCode), ("address", c?.businessAddress), ("phone", c?.phone),
      ("nature of enterprise", c?.enterpriseNature), ("industry", c?.industry), ("scale", c?.scale),
      ("operating status", c?.operatingStatus), ("area", c?.area), ("responsible person", c?.owner),
      ("status", c?.status), ("credit class", c?.creditClass),
    ]
    for (label, v) in fields {
      if let v { basics.rows.append([.text(tr(label)), .text(v)]) }
    }
    parts.append(basics)

    var ex = try exposure(file.exposureFigures(id)).working.table
    ex.title = tr("2. Exposure")
    parts.append(ex)

    parts.append(paymentRecordTable(s, id))

    var signs = signsSeenTable(s, id)
    signs.title = tr("4. Warning signs seen (§3.1)")
    if signs.rows.isEmpty { signs.notes.insert(tr("no warning signs recorded"), at: 0) }
    parts.append(signs)

    let policy = CreditPolicySettings.load(s.db, year: s.settings.year)
    let x = LimitFigures(
      card: c, scores: CreditCard.latestScores(s.db, customer: id)?.scores, policy: policy)
    var limits = allLimitMethods(x).resultTable(translating: tr, naming: methodName)
    limits.title = tr("5. Credit limit by each method (§3.3)")
    parts.append(limits)

    var sched = ResultTable(
      columns: [
        ResultColumn(tr("date"), .date), ResultColumn(tr("measure"), .text),
        ResultColumn(tr("detail"), .text),
        ResultColumn(tr("amount"), .money),
      ],
      title: tr("6. Review schedule, watch and countermeasures (§3.2)"))
    let measures = CreditMeasures(s.db)
    for r in measures.customer.rows(equalTo: id) {
      sched.rows.append([
        .date(measures.date[r]), measures.kind.value(r), measures.detail.value(r), measures.amount.value(r),
      ])
    }
    sched.notes = try summary(s, id).map(Message.init(verbatim:))
    if sched.rows.isEmpty { sched.notes.append(tr("no countermeasures recorded")) }
    parts.append(sched)
    return .tables(parts)
  }

  /// Invoices of the last twelve months: settled on time, late, still open.
  static func paymentRecordTable(_ s: Session, _ id: Int64) -> ResultTable {
    let record = Ledger(s.db).paymentRecord(customer: id, asof: s.today).map(\.record)
    let p = PaymentRecordSummary(record, since: s.today.adding(months: -12), asof: s.today)
    var t = ResultTable(
      columns: [ResultColumn(tr("item"), .text), ResultColumn(tr("value"), .text)],
      title: tr("3. Payment record (invoices due in the last 12 months)"))
    t.rows = [
      [.text(tr("paid on time")), .text(String(p.onTime))],
      [.text(tr("paid late")), .text(String(p.late))],
      [.text(tr("average days late (late ones)")), .text(p.averageDaysLate.map(String.init) ?? "—")],
      [.text(tr("open")), .text(String(p.open))],
      [.text(tr("open and past due")), .text(String(p.openPastDue))],
      [.text(tr("oldest due date still open")), .text(p.oldestOpenDue.map { $0.description } ?? "—")],
    ]
    t.notes = [tr("average days late is rounded down to a whole day")]
    return t
  }
}
