import KehuDomain
import KehuStore

/// A database as the credit commands read it: each table's rows grouped by customer once,
/// so a command over every customer reads each table once rather than once per customer.
/// Build one per command; it does not see changes made after it.
final class CreditView {
  let db: Database
  /// The day the figures stand at: the session's today.
  let asof: Day
  private var groups: [String: [Int64: [Int]]] = [:]
  /// The receivables ledger every figure of what is owed comes from, read once per view.
  private(set) lazy var ledger = Ledger(db)

  init(_ db: Database, asof: Day) {
    self.db = db
    self.asof = asof
  }

  subscript(name: String) -> Table { db[name] }
  var customers: Table { db.customers }

  /// Row numbers of `customer`'s rows in `table`, in stored order.
  func rowNumbers(_ table: String, customer: Int64) -> [Int] {
    if let g = groups[table] { return g[customer] ?? [] }
    let t = db[table]
    var g: [Int64: [Int]] = [:]
    if let c = t.def.columnIndex("customer") {
      for r in 0..<t.count where !t.columns[c].isNull(r) { g[t.columns[c].int(r), default: []].append(r) }
    }
    groups[table] = g
    return g[customer] ?? []
  }
}

extension Session {
  /// A fresh view of the current database for one credit command.
  var credit: CreditView { CreditView(db, asof: today) }
}

/// Reads what the credit rules need out of the store: a customer's figures, its exposure,
/// payment record, watch state, shipment cap and the warning signs seen. The rules
/// themselves are in KehuDomain; this file only gathers their inputs.
enum CreditData {
  /// Every row of `table` that belongs to `customer`, as name → value, in stored order.
  static func rows(_ db: CreditView, _ table: String, customer: Int64) -> [[String: Value]] {
    let t = db[table]
    return db.rowNumbers(table, customer: customer).map { t.rowValues($0) }
  }

  static func customer(_ db: CreditView, _ id: Int64) -> [String: Value] {
    db.customers.row(forId: id).map { db.customers.rowValues($0) } ?? [:]
  }

  static func money(_ v: Value?) -> Money? {
    if case .money(let m)? = v { return m }
    return nil
  }
  static func int(_ v: Value?) -> Int64? {
    if case .int(let i)? = v { return i }
    return nil
  }
  static func day(_ v: Value?) -> Day? {
    if case .date(let d)? = v { return d }
    return nil
  }
  static func text(_ v: Value?) -> String? { v?.textValue }

  static func name(_ db: CreditView, _ id: Int64) -> String { text(customer(db, id)["name"]) ?? "" }

  // MARK: exposure

  /// The ledger's exposure as of the view's day, with the watch state, cap and suspension.
  static func exposureFigures(_ db: CreditView, _ id: Int64) -> ExposureFigures {
    let c = customer(db, id)
    let e = db.ledger.exposure(customer: id, asof: db.asof)
    return ExposureFigures(
      limit: money(c["credit_limit"]), receivables: e.receivables, unsettledNotes: e.notes,
      openOrders: e.openOrders, onWatch: openAlert(db, id) != nil, shipmentCap: shipmentCap(db, id),
      supplySuspended: supplySuspended(db, id))
  }

  /// The emergency report that still holds the customer on watch.
  static func openAlert(_ db: CreditView, _ id: Int64) -> [String: Value]? {
    rows(db, "credit_alerts", customer: id).last { $0["instructed"]?.isNull ?? true }
  }

  /// The latest `credit measure … restrict cap=` sets the cap.
  static func shipmentCap(_ db: CreditView, _ id: Int64) -> Money? {
    rows(db, "credit_measures", customer: id).last { text($0["kind"]) == "restrict" }.flatMap {
      money($0["amount"])
    }
  }

  /// The collection procedure's "supply suspended" step (停止供货), when it is the latest
  /// collection step recorded for the customer.
  static func supplySuspended(_ db: CreditView, _ id: Int64) -> Bool {
    let steps = rows(db, "collections", customer: id).compactMap { text($0["step"]) }
    return steps.last == CollectionLadder.standard.step(key: "suspend")?.key
  }

  // MARK: payment record

  /// Each invoice with the day it was settled in full (nil while open): the record the step
  /// rule and the report read.
  static func paymentRecord(_ db: CreditView, _ id: Int64) -> [(no: String, record: PaymentRecord)] {
    db.ledger.paymentRecord(customer: id, asof: db.asof)
  }

  // MARK: warning signs

  struct SeenSign {
    var date: Day
    var sign: WarningSign
    var channel: String
    var note: String
  }

  /// Signs recorded by investigations, then the ones the ledger shows by itself.
  static func signsSeen(_ db: CreditView, _ id: Int64) -> [SeenSign] {
    var out: [SeenSign] = []
    for r in rows(db, "credit_investigations", customer: id) {
      for sid in (text(r["signs"]) ?? "").split(separator: ",") {
        guard let s = WarningSign.named(String(sid)) else { continue }
        out.append(
          SeenSign(
            date: day(r["date"])!, sign: s, channel: text(r["channel"]) ?? "", note: text(r["note"]) ?? ""))
      }
    }
    for s in db.ledger.warningSigns(customer: id, asof: db.asof) {
      out.append(SeenSign(date: s.date, sign: s.sign, channel: "records", note: signNote(s.cause)))
    }
    return out.sorted { ($0.date, $0.sign.id) < ($1.date, $1.sign.id) }
  }

  /// The words for a sign the ledger shows, naming its document.
  static func signNote(_ cause: LedgerSign.Cause) -> String {
    switch cause {
    case .dishonouredNote(let no): return tr("note {0} dishonoured", no)
    case .paidLate(let no, let days): return tr("{0} paid {1} days late", no, days)
    case .pastDue(let no, let days): return tr("invoice {0} {1} days past due", no, days)
    case .brokenPromise(_, let amount, let due): return tr("promise to pay {0} by {1} broken", amount, due)
    }
  }

  // MARK: review cycle

  /// A customer's place in the review cycle. A trading customer without a class is C until
  /// reviewed (§3.2); a prospect or pending one without a class has none.
  static func reviewAccount(_ db: CreditView, _ id: Int64) -> ReviewAccount? {
    let c = customer(db, id)
    let stored = text(c["credit_class"]).flatMap(CreditClass.init(rawValue:))
    guard let cls = stored ?? (text(c["status"]) == "trading" ? ReviewAccount.newCustomerClass : nil) else {
      return nil
    }
    let last = rows(db, "credit_reviews", customer: id).compactMap { day($0["date"]) }.max()
    return ReviewAccount(
      customer: String(id), creditClass: cls, lastReview: last, since: firstTrade(db, id),
      provisional: stored == nil)
  }

  /// The day of the customer's first sale or invoice; nil before it trades.
  static func firstTrade(_ db: CreditView, _ id: Int64) -> Day? {
    ["sales", "invoices"].compactMap { table in
      rows(db, table, customer: id).compactMap { day($0["date"]) }.min()
    }.min()
  }

  // MARK: scores

  static func latestScores(_ db: CreditView, _ id: Int64) -> (Day, [JudgementFactor: Int])? {
    guard let r = rows(db, "credit_scores", customer: id).last else { return nil }
    var s: [JudgementFactor: Int] = [:]
    for f in JudgementFactor.allCases { if let v = int(r[f.rawValue]) { s[f] = Int(v) } }
    return (day(r["date"])!, s)
  }

  static func altman(_ db: CreditView, _ id: Int64) -> AltmanFigures? {
    let c = customer(db, id)
    guard let wc = money(c["working_capital"]), let re = money(c["retained_earnings"]),
      let ebit = money(c["ebit"]), let eq = money(c["equity_value"]), let sales = money(c["annual_sales"]),
      let ta = money(c["assets"]), let tl = money(c["liabilities"])
    else { return nil }
    return AltmanFigures(
      workingCapital: wc, retainedEarnings: re, ebit: ebit, marketValueOfEquity: eq, sales: sales,
      totalAssets: ta, totalLiabilities: tl)
  }

  /// Trading customers with a card (not ended), in id order.
  static func trading(_ db: CreditView) -> [Int64] {
    let t = db.customers
    let st = t.def.columnIndex("status")!
    return (0..<t.count).filter { t.columns[st].string($0) == "trading" }.compactMap {
      t.columns[t.def.keyColumn].int($0)
    }.sorted()
  }
}

extension CreditData {
  /// The customer id given as argument `name`, checked to exist.
  static func customerId(_ s: Session, _ a: ParsedArguments, name: String = "id") throws -> Int64 {
    try a.customerKey(name, in: s.db)
  }
}
