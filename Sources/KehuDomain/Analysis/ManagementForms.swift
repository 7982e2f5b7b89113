import KehuStore

/// The figures of the customer management forms of §2.6 step 7: the customer distribution
/// (客户分布现状表), sales targets and progress (客户销售预定及成绩进度表) and the month's
/// receivables collection (客户货款回收管理表).
public enum ManagementForms {
  /// One area of the distribution: its customers by stored ABC grade (prospects count as
  /// ungraded), and their sales over the 12 months to today.
  public struct AreaLine: Equatable, Sendable {
    /// The area's code, `—` for customers with none.
    public var area: String
    public var name: String?
    /// A, B, C, ungraded.
    public var grades: [Int]
    public var prospects: Int
    public var sales: Money
    public var total: Int { grades.reduce(0, +) }
  }

  /// Every area with a customer that has not ended trading, by area code.
  public static func distribution(_ db: Database, today: Day) -> [AreaLine] {
    let c = Customers(db)
    let areas = Areas(db)
    let sales = SalesTotals.totals(db, from: today.adding(months: -12).adding(days: 1), to: today)
    let grades = ["A", "B", "C"]
    var by: [String: AreaLine] = [:]
    for r in c.rows where c.status[r] != "ended" {
      let area = c.area[r] ?? "—"
      var line = by[area] ?? AreaLine(area: area, grades: [0, 0, 0, 0], prospects: 0, sales: .zero)
      let prospect = c.status[r] == "prospect"
      let g = prospect ? nil : c.abcGrade[r].flatMap { grades.firstIndex(of: $0) }
      line.grades[g ?? 3] += 1
      line.prospects += prospect ? 1 : 0
      line.sales = Money(fen: line.sales.fen + sales[r])
      by[area] = line
    }
    return by.keys.sorted().map { area in
      var line = by[area]!
      line.name = areas.row(no: area).flatMap { areas.name[$0] }
      return line
    }
  }

  /// A customer's target for a month against its sales so far.
  public struct TargetLine: Equatable, Sendable {
    public var customer: Int64
    /// The customer's row, for its name.
    public var row: Int
    public var target: Money
    public var achieved: Money
    /// achieved ÷ target; nil for a target of zero.
    public var progress: Dec?
    /// What is still to sell, never below zero.
    public var gap: Money
  }

  /// The targets set for `month` (its first day) with the sales counted to the month's end or
  /// today, whichever is first (`countedTo`), by customer id.
  public static func targets(_ db: Database, month: Day, today: Day)
    -> (lines: [TargetLine], countedTo: Day, target: Money, achieved: Money)
  {
    let label = String(month.description.prefix(7))
    let to = min(month.adding(months: 1).adding(days: -1), today)
    let sales = SalesTotals.totals(db, from: month, to: to)
    let t = Targets(db)
    let map = CustomerRows(db.customers)
    var lines: [TargetLine] = []
    var (sumT, sumA): (Int64, Int64) = (0, 0)
    for i in t.rows where t.month[i] == label {
      let r = map.row(t.customer[i])
      guard r >= 0 else { continue }
      let target = t.amount[i].fen
      sumT += target
      sumA += sales[r]
      lines.append(
        TargetLine(
          customer: t.customer[i], row: r, target: Money(fen: target), achieved: Money(fen: sales[r]),
          progress: target == 0 ? nil : Grading.share(sales[r], of: target),
          gap: Money(fen: max(0, target - sales[r]))))
    }
    lines.sort { $0.customer < $1.customer }
    return (lines, to, Money(fen: sumT), Money(fen: sumA))
  }

  /// A customer's receivables over a month: closing = opening + invoiced − collected.
  public struct CollectionLine: Equatable, Sendable {
    public var customer: Int64
    public var row: Int
    public var opening: Money
    public var invoiced: Money
    public var collected: Money
    public var closing: Money { Money(fen: opening.fen + invoiced.fen - collected.fen) }
    /// collected ÷ (opening + invoiced); nil when nothing was due.
    public var rate: Dec? {
      let due = opening.fen + invoiced.fen
      return due <= 0 ? nil : Grading.share(collected.fen, of: due)
    }
  }

  /// The month's collection for every customer with a figure in it, by customer id, and the
  /// totals (opening, invoiced, collected) over them.
  public static func collections(_ db: Database, month: Day)
    -> (lines: [CollectionLine], opening: Money, invoiced: Money, collected: Money)
  {
    let figures = CustomerActivity.collections(db, month: month)
    let ids = db.customers.keyColumn.ints
    var lines: [CollectionLine] = []
    var tot: [Int64] = [0, 0, 0]
    for r in figures.keys.sorted(by: { ids[$0] < ids[$1] }) {
      let f = figures[r]!
      guard f[0] != 0 || f[1] != 0 || f[2] != 0 else { continue }
      for k in 0..<3 { tot[k] += f[k] }
      lines.append(
        CollectionLine(
          customer: ids[r], row: r, opening: Money(fen: f[0]), invoiced: Money(fen: f[1]),
          collected: Money(fen: f[2])))
    }
    return (lines, Money(fen: tot[0]), Money(fen: tot[1]), Money(fen: tot[2]))
  }
}
