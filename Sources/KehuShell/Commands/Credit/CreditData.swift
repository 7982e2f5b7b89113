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
  /// The credit rules' inputs besides the ledger (limit, watch, cap, suspension, reviews).
  private(set) lazy var file = CreditFile(db, asof: asof, ledger: ledger)
  /// The warning signs the ledger shows as of `asof`, by customer, worked out once per view.
  private(set) lazy var ledgerSigns = ledger.warningSigns(asof: asof)

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
    // The column that names the customer (`.customerRef`), found by what it refers to.
    if let c = t.def.columns.firstIndex(where: { $0.references == "customers" }) {
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
    db.file.exposureFigures(id)
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
    let inv = CreditInvestigations(db.db)
    for r in inv.rows where inv.customer[r] == id {
      for sid in (inv.signs[r] ?? "").split(separator: ",") {
        guard let s = WarningSign.named(String(sid)) else { continue }
        out.append(
          SeenSign(date: inv.date[r], sign: s, channel: inv.channel[r] ?? "", note: inv.note[r] ?? ""))
      }
    }
    for s in db.ledger.warningSigns(customer: id, asof: db.asof) {
      out.append(SeenSign(date: s.date, sign: s.sign, channel: "records", note: signNote(s.cause)))
    }
    return out.sorted { ($0.date, $0.sign.id) < ($1.date, $1.sign.id) }
  }

  /// The ledger's signs as one line: id, day and document of each (`P1 2026-10-01 invoice A
  /// 59 days past due; P9 …`).
  static func signsText(_ signs: [LedgerSign]) -> String {
    signs.map { "\($0.sign.id) \($0.date) \(signNote($0.cause))" }.joined(separator: "; ")
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

  /// A customer's place in the review cycle (see `CreditFile.reviewAccount`).
  static func reviewAccount(_ db: CreditView, _ id: Int64) -> ReviewAccount? { db.file.reviewAccount(id) }

  // MARK: scores

  static func latestScores(_ db: CreditView, _ id: Int64) -> (Day, [JudgementFactor: Int])? {
    let t = CreditScores(db.db)
    guard let r = t.rows.last(where: { t.customer[$0] == id }) else { return nil }
    let given: [(JudgementFactor, Int64?)] = [
      (.profitability, t.profitability[r]), (.safety, t.safety[r]), (.liquidity, t.liquidity[r]),
      (.salesAbility, t.sales[r]), (.purchasingRecord, t.purchasing[r]), (.staffQuality, t.staff[r]),
    ]
    var s: [JudgementFactor: Int] = [:]
    for (f, v) in given { if let v { s[f] = Int(v) } }
    return (t.date[r], s)
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
  static func trading(_ db: CreditView) -> [Int64] { db.file.trading }
}

extension CreditData {
  /// The customer id given as argument `name`, checked to exist.
  static func customerId(_ s: Session, _ a: ParsedArguments, name: String = "id") throws -> Int64 {
    try a.customerKey(name, in: s.db)
  }
}
