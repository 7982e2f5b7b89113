import KehuDomain
import KehuStore

enum Analysis {
  /// Customers in trade: status `trading`. Prospects, pending ones (a trade start form not
  /// yet approved, §2.4 step 5) and ended ones are not customers in trade.
  static func inTrade(_ s: Session) -> [Bool] { Customers(s.db).status.matches("trading") }

  /// Narrows `keep` to customers whose coded column `name` equals `value` (owner=, area=).
  static func filter(_ s: Session, _ keep: inout [Bool], _ a: ParsedArguments) throws {
    let c = Customers(s.db)
    for (name, cells) in [("owner", c.owner), ("area", c.area)] {
      guard let want = a.text(name) else { continue }
      guard cells.column.dictionary.lookup(want) != nil else {
        throw a.error(tr("no customer has {0} `{1}`", name, want), at: name)
      }
      let match = cells.matches(want)
      for r in keep.indices where !match[r] { keep[r] = false }
    }
  }

  static func name(_ s: Session, _ r: Int) -> String { Customers.name(s.db, row: r) }
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

  static func visits(_ s: Session) -> [Int: [VisitEntry]] { CustomerActivity.visits(s.db) }
}
