import KehuDomain
import KehuStore

/// `credit show` (the customer's credit record, one line per event) and `credit report`
/// (the written credit investigation report of §3.1, in sections).
extension CreditReviewCommands {
  static func show(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CreditData.customerId(s, a)
    let db = s.credit
    let c = CreditData.customer(db, id)
    var t = ResultTable(
      columns: [
        ResultColumn(tr("date"), .date), ResultColumn(tr("what"), .text), ResultColumn(tr("detail"), .text),
        ResultColumn(tr("amount"), .money), ResultColumn(tr("by"), .text),
      ],
      title: tr("Credit record of customer {0} {1}", id, CreditData.name(db, id)))
    var rows: [[Value]] = []
    func add(_ date: Value?, _ what: String, _ detail: String, _ amount: Value?, _ by: Value?) {
      rows.append([date ?? .null, .text(what), .text(detail), amount ?? .null, by ?? .null])
    }
    if let l = c["credit_limit"], !l.isNull {
      add(c["limit_date"], tr("limit"), tr("method {0}", c["limit_method"]?.plainText ?? ""), l, nil)
    }
    for r in CreditData.rows(db, "credit_scores", customer: id) {
      let parts = JudgementFactor.allCases.map { "\($0.rawValue) \(r[$0.rawValue]?.plainText ?? "")" }
      add(r["date"], tr("scorecard"), parts.joined(separator: ", "), nil, r["by"])
    }
    for r in CreditData.rows(db, "credit_investigations", customer: id) {
      let signs = r["signs"]?.plainText ?? ""
      add(
        r["date"], tr("investigation"),
        tr("{0}; signs {1}", r["channel"]?.plainText ?? "", signs.isEmpty ? tr("none") : signs)
          + (r["note"].map { $0.isNull ? "" : "; " + $0.plainText } ?? ""), nil, r["by"])
    }
    for r in CreditData.rows(db, "credit_reviews", customer: id) {
      add(
        r["date"], tr("review"),
        tr("class {0}", r["class"]?.plainText ?? "")
          + (r["note"].map { $0.isNull ? "" : "; " + $0.plainText } ?? "")
          + (r["signs"].map { $0.isNull ? "" : "; " + tr("signs {0}", $0.plainText) } ?? ""), nil, r["by"])
    }
    for r in CreditData.rows(db, "credit_alerts", customer: id) {
      add(r["date"], tr("emergency report"), r["reason"]?.plainText ?? "", nil, r["by"])
      if let d = r["instructed"], !d.isNull {
        add(d, tr("instruction"), r["measure"]?.plainText ?? "", nil, r["instructed_by"])
      }
    }
    for r in CreditData.rows(db, "credit_measures", customer: id) {
      add(
        r["date"], tr("measure: {0}", r["kind"]?.plainText ?? ""), r["detail"]?.plainText ?? "", r["amount"],
        r["by"])
    }
    for r in CreditData.rows(db, "credit_overrides", customer: id) {
      add(r["date"], tr("override"), r["reason"]?.plainText ?? "", r["amount"], r["by"])
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
    let f = CreditData.exposureFigures(s.credit, id)
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
    if let r = CreditData.reviewAccount(s.credit, id) {
      out.append(
        tr(
          "credit class {0}: a report every {1} month(s); last {2}; next due {3}",
          r.creditClass.rawValue + (r.provisional ? tr(" (new customer, until reviewed)") : ""),
          r.creditClass.reviewMonths, r.lastReview.map { $0.description } ?? tr("never"),
          r.nextReview?.description ?? tr("one period after the first trade")))
    } else {
      out.append(tr("no credit class"))
    }
    if let alert = s.credit.file.openAlert(id) {
      out.append(tr("ON WATCH since {0}: {1} — no new credit until an instruction", alert.date, alert.reason))
    }
    if let cap = f.shipmentCap { out.append(tr("shipment cap {0}", cap)) }
    if f.supplySuspended { out.append(tr("supply suspended by the collection procedure")) }
    return out
  }

  static func report(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CreditData.customerId(s, a)
    let db = s.credit
    let c = CreditData.customer(db, id)
    // The report's heading is a table with no columns: a line for people, a title in JSON.
    var parts = [
      ResultTable(
        columns: [],
        title: tr(
          "CREDIT INVESTIGATION REPORT (信用调查报告) — customer {0} {1}, {2}", id, CreditData.name(db, id), s.today
        ))
    ]

    var basics = ResultTable(
      columns: [ResultColumn(tr("item"), .text), ResultColumn(tr("value"), .text)], title: tr("1. Customer"))
    let fields: [(String, String)] = [
      ("kind", "kind"), ("credit code", "credit_code"), ("address", "business_address"), ("phone", "phone"),
      ("nature of enterprise", "enterprise_nature"), ("industry", "industry"), ("scale", "scale"),
      ("operating status", "operating_status"), ("area", "area"), ("responsible person", "owner"),
      ("status", "status"), ("credit class", "credit_class"),
    ]
    for (label, col) in fields {
      if let v = c[col], !v.isNull { basics.rows.append([.text(tr(label)), .text(v.plainText)]) }
    }
    parts.append(basics)

    var ex = try exposure(CreditData.exposureFigures(db, id)).working.table
    ex.title = tr("2. Exposure")
    parts.append(ex)

    parts.append(paymentRecordTable(s, id))

    var signs = signsSeenTable(s, id)
    signs.title = tr("4. Warning signs seen (§3.1)")
    if signs.rows.isEmpty { signs.notes.insert(tr("no warning signs recorded"), at: 0) }
    parts.append(signs)

    let policy = CreditPolicySettings.load(s.db, year: s.settings.year)
    var x = LimitFigures()
    x.purchases = CreditData.money(c["purchases"])
    if case .percent(let d)? = c["supply_share"] { x.share = d }
    x.period = policy.period
    x.unit = policy.unit
    x.year = policy.year
    x.workingCapital = CreditData.money(c["working_capital"])
    x.suppliers = CreditData.int(c["suppliers"]).map { Int($0) }
    x.currentAssets = CreditData.money(c["current_assets"])
    x.currentLiabilities = CreditData.money(c["current_liabilities"])
    x.standard = policy.standard
    x.usual = policy.usual
    x.cap = policy.cap
    x.assets = CreditData.money(c["assets"])
    x.liabilities = CreditData.money(c["liabilities"])
    x.scores = CreditData.latestScores(db, id)?.1
    x.base = policy.base
    x.scorecard = policy.scorecard
    x.altman = CreditData.altman(db, id)
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
    for r in CreditData.rows(db, "credit_measures", customer: id) {
      sched.rows.append([r["date"] ?? .null, r["kind"] ?? .null, r["detail"] ?? .null, r["amount"] ?? .null])
    }
    sched.notes = try summary(s, id).map(Message.init(verbatim:))
    if sched.rows.isEmpty { sched.notes.append(tr("no countermeasures recorded")) }
    parts.append(sched)
    return .tables(parts)
  }

  /// Invoices of the last twelve months: settled on time, late, still open.
  static func paymentRecordTable(_ s: Session, _ id: Int64) -> ResultTable {
    let since = s.today.adding(months: -12)
    var onTime = 0
    var late = 0
    var lateDays = 0
    var open = 0
    var overdue = 0
    var oldest: Day? = nil
    for (_, r) in CreditData.paymentRecord(s.credit, id) where r.due > since {
      if let p = r.paid {
        if p > r.due {
          late += 1
          lateDays += Int(p.number - r.due.number)
        } else {
          onTime += 1
        }
      } else {
        open += 1
        if r.due < s.today {
          overdue += 1
          oldest = min(oldest ?? r.due, r.due)
        }
      }
    }
    var t = ResultTable(
      columns: [ResultColumn(tr("item"), .text), ResultColumn(tr("value"), .text)],
      title: tr("3. Payment record (invoices due in the last 12 months)"))
    t.rows = [
      [.text(tr("paid on time")), .text(String(onTime))],
      [.text(tr("paid late")), .text(String(late))],
      [.text(tr("average days late (late ones)")), .text(late > 0 ? String(lateDays / late) : "—")],
      [.text(tr("open")), .text(String(open))],
      [.text(tr("open and past due")), .text(String(overdue))],
      [.text(tr("oldest due date still open")), .text(oldest.map { $0.description } ?? "—")],
    ]
    t.notes = [tr("average days late is rounded down to a whole day")]
    return t
  }
}
