import KehuDomain
import KehuStore

/// What the receivables commands read from the store: invoice balances as of a date, open
/// items, receipts, promises and the collection ladder. Column scans, no String per row on
/// the paths that run over every invoice.
struct InvoiceScan {
  let t: Table
  let no: Int
  let customer: Int
  let date: Int
  let due: Int
  let amount: Int
  let terms: Int
  let balance: Int
  /// Payments dated after `asof`, per invoice row: added back to get the balance as of then.
  var later: [Int: Int64] = [:]
  let asof: Day

  init(_ db: Database, asof: Day) {
    t = db["invoices"]
    let d = t.def
    no = d.columnIndex("no")!
    customer = d.columnIndex("customer")!
    date = d.columnIndex("date")!
    due = d.columnIndex("due")!
    amount = d.columnIndex("amount")!
    terms = d.columnIndex("terms")!
    balance = d.columnIndex("balance")!
    self.asof = asof
    let pay = db["payments"]
    let pDate = pay.columns[pay.def.columnIndex("date")!].int32s
    let pInv = pay.columns[pay.def.columnIndex("invoice")!]
    let pAmt = pay.columns[pay.def.columnIndex("amount")!].ints
    let cut = asof.number
    for r in 0..<pay.count where pDate[r] > cut && !pInv.isNull(r) {
      guard let row = pInv.string(r).flatMap({ t.row(forNo: $0) }) else { continue }
      later[row, default: 0] &+= pAmt[r]
    }
  }

  var count: Int { t.count }

  /// The invoice's balance as of `asof`; nil when it was not yet issued then.
  @inline(__always)
  func balance(_ r: Int, dates: [Int32], balances: [Int64]) -> Int64? {
    if dates[r] > asof.number { return nil }
    return later.isEmpty ? balances[r] : balances[r] &+ (later[r] ?? 0)
  }

  /// The due date, or the invoice date when none was given.
  @inline(__always)
  func dueNumber(_ r: Int, dues: [Int32], dates: [Int32]) -> Int32 {
    dues[r] == Column.nullDay ? dates[r] : dues[r]
  }

  func dueDay(_ r: Int) -> Day {
    Day(number: dueNumber(r, dues: t.columns[due].int32s, dates: t.columns[date].int32s))
  }
  func number(_ r: Int) -> String { t.columns[no].string(r) ?? "" }
  func termsText(_ r: Int) -> String? { t.columns[terms].string(r) }

  /// Rows of one customer's invoices with money open as of `asof`, with their balances.
  func open(customer id: Int64) -> [(row: Int, balance: Money)] {
    let cust = t.columns[customer].ints
    let dates = t.columns[date].int32s
    let bal = t.columns[balance].ints
    var out: [(Int, Money)] = []
    for r in 0..<t.count where cust[r] == id {
      if let b = balance(r, dates: dates, balances: bal), b != 0 { out.append((r, Money(fen: b))) }
    }
    return out
  }
}

enum ReceivableData {
  static func year(_ s: Session, _ a: ParsedArguments) -> DayCountConvention {
    a.text("year").flatMap(DayCountConvention.init(parsing:)) ?? s.settings.year
  }

  static func edges(_ s: Session, _ a: ParsedArguments) throws -> AgeingEdges {
    guard let text = a.text("edges") else { return s.settings.ageing }
    return try domain(a, at: "edges") { () throws(DomainError) in try AgeingEdges(parsing: text) }
  }

  /// Runs a domain rule; its error points at the argument that gave the faulty figure when
  /// the rule names one (`policy B: variable`), else at `name`.
  static func domain<T>(_ a: ParsedArguments, at name: String, _ body: () throws(DomainError) -> T) throws
    -> T
  {
    do { return try body() } catch {
      if case .invalidFigure(let figure, _, _) = error,
        let last = figure.split(separator: ":").last?.split(separator: " ").last.map(String.init),
        a.positions[last] != nil
      {
        throw a.error(error.description, at: last)
      }
      throw a.error(error.description, at: name)
    }
  }

  static func customerName(_ db: Database, _ id: Int64) -> String { db.customerName(id) ?? String(id) }

  static func customerField(_ db: Database, _ id: Int64, _ field: String) -> String {
    let t = db.customers
    guard let r = t.row(forId: id), let c = t.def.columnIndex(field) else { return "" }
    return t.columns[c].string(r) ?? ""
  }

  /// Money received: every payment except discounts granted and reversals of dishonoured notes.
  static func receipts(_ db: Database) -> [Receipt] {
    let p = db["payments"]
    let c = { (n: String) in p.columns[p.def.columnIndex(n)!] }
    let cust = c("customer")
    let date = c("date")
    let amount = c("amount")
    let method = c("method")
    var out: [Receipt] = []
    for r in 0..<p.count where amount.ints[r] > 0 {
      if let m = method.string(r), m == "discount" { continue }
      out.append(Receipt(customer: String(cust.ints[r]), date: date.day(r), amount: amount.money(r)))
    }
    return out
  }

  /// The firm's ladder, or the chapter's default when it has not been edited.
  static func ladder(_ db: Database) -> CollectionLadder {
    let t = db["ladder"]
    guard t.count > 0 else { return .standard }
    let c = { (n: String) in t.columns[t.def.columnIndex(n)!] }
    let steps = (0..<t.count).map { r in
      CollectionStep(
        key: c("step").string(r) ?? "", name: c("name").string(r) ?? "",
        chinese: c("chinese").string(r) ?? "",
        days: Int(c("days").ints[r]), skippable: c("skip").value(r) == .bool(true))
    }.sorted { $0.days < $1.days }
    return (try? CollectionLadder(steps)) ?? .standard
  }

  static func promises(_ db: Database) -> [(id: Int64, promise: PaymentPromise, owner: String)] {
    let t = db["promises"]
    let c = { (n: String) in t.columns[t.def.columnIndex(n)!] }
    return (0..<t.count).map { r in
      (
        c("id").ints[r],
        PaymentPromise(
          customer: String(c("customer").ints[r]), made: c("made").day(r), due: c("due").day(r),
          amount: c("amount").money(r)), c("owner").string(r) ?? ""
      )
    }
  }

  /// Notes still held or discounted (with recourse): receivables carried as bills.
  static func liveNotes(_ db: Database, customer: Int64? = nil) -> [Int] {
    let t = db["notes"]
    let cust = t.columns[t.def.columnIndex("customer")!].ints
    let status = t.columns[t.def.columnIndex("status")!]
    return (0..<t.count).filter { r in
      (customer == nil || cust[r] == customer!) && ["held", "discounted"].contains(status.string(r) ?? "")
    }
  }
}
