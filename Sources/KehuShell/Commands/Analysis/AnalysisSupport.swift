import KehuDomain
import KehuStore

/// Small readers over the store shared by the analysis commands (§2.2–§2.6).
struct Cols {
  let table: Table
  init(_ table: Table) { self.table = table }
  func col(_ name: String) -> Column { table.columns[table.def.columnIndex(name)!] }
  func string(_ name: String, _ r: Int) -> String? { col(name).string(r) }
  func value(_ name: String, _ r: Int) -> Value { table.value(row: r, column: table.def.columnIndex(name)!) }
  func int(_ name: String, _ r: Int) -> Int64? {
    let c = col(name)
    return c.isNull(r) ? nil : c.int(r)
  }
  func day(_ name: String, _ r: Int) -> Day? {
    let c = col(name)
    return c.isNull(r) ? nil : c.day(r)
  }
  func money(_ name: String, _ r: Int) -> Money? {
    let c = col(name)
    return c.isNull(r) ? nil : c.money(r)
  }
  /// Rows of one customer, found by scanning the customer ids alone.
  func rows(ofCustomer id: Int64) -> [Int] {
    let ids = col("customer").ints
    return ids.indices.filter { ids[$0] == id }
  }
  /// Rows whose coded or text column equals `text`.
  func rows(where name: String, is text: String) -> [Int] {
    let c = col(name)
    if c.kind == .coded {
      guard let code = c.dictionary.lookup(text) else { return [] }
      return c.int32s.indices.filter { c.int32s[$0] == code }
    }
    return (0..<table.count).filter { c.string($0) == text }
  }
}

enum Analysis {
  /// Customers in trade: status `trading`. Prospects, pending ones (a trade start form not
  /// yet approved, §2.4 step 5) and ended ones are not customers in trade.
  static func inTrade(_ s: Session) -> [Bool] {
    let c = Cols(s.db.customers).col("status")
    let trading = c.dictionary.lookup("trading") ?? -2
    return c.int32s.map { $0 == trading }
  }

  /// Narrows `keep` to customers whose coded column `name` equals `value` (owner=, area=).
  static func filter(_ s: Session, _ keep: inout [Bool], _ a: ParsedArguments, _ names: [String]) throws {
    for name in names {
      guard let want = a.text(name) else { continue }
      let c = Cols(s.db.customers).col(name)
      guard let code = c.dictionary.lookup(want) else {
        throw a.error(tr("no customer has {0} `{1}`", name, want), at: name)
      }
      for r in keep.indices where c.int32s[r] != code { keep[r] = false }
    }
  }

  static func name(_ s: Session, _ r: Int) -> String { Cols(s.db.customers).string("name", r) ?? "" }
  static func id(_ s: Session, _ r: Int) -> Int64 { s.db.customers.keyColumn.ints[r] }

  /// The customer row for the `id` argument, checked to exist.
  static func customerRow(_ s: Session, _ a: ParsedArguments, _ arg: String = "id") throws -> (Int64, Int) {
    let id = try a.customerKey(arg, in: s.db)
    return (id, s.db.customers.row(forId: id)!)
  }

  /// `2026-12` → the first day of that month.
  static func month(_ a: ParsedArguments, _ name: String, default today: Day) throws -> Day {
    guard let text = a.text(name) else { return Day(year: today.year, month: today.month, day: 1)! }
    guard let d = Day(parsing: text + "-01") ?? Day(parsing: text) else {
      throw a.error(tr("`{0}` must be a month (YYYY-MM), not `{1}`", name, text), at: name)
    }
    return Day(year: d.year, month: d.month, day: 1)!
  }

  static func monthLabel(_ d: Day) -> String { String(d.description.prefix(7)) }

  /// Display share: amount ÷ total to 0.01%.
  static func share(_ amount: Int64, _ total: Int64) -> Value { .percent(Grading.share(amount, of: total)) }

  /// Visits per customer row: (date, role) with a null role counted as the handler's.
  static func visits(_ s: Session) -> [Int: [(day: Day, role: String, kind: String)]] {
    let v = Cols(s.db["visits"])
    let map = CustomerRows(s.db.customers)
    var out: [Int: [(day: Day, role: String, kind: String)]] = [:]
    let customers = v.col("customer").ints
    let days = v.col("date").int32s
    let roles = v.col("role")
    let kinds = v.col("kind")
    for i in 0..<customers.count {
      let r = map.row(customers[i])
      guard r >= 0 else { continue }
      out[r, default: []].append(
        (Day(number: days[i]), roles.string(i) ?? "handler", kinds.string(i) ?? "visit"))
    }
    return out
  }
}
