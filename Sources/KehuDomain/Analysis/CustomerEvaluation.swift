import KehuStore

/// The figures of the comprehensive customer evaluation table (客户情况综合评价表, §2.3) that the
/// store can derive, over the 12 months to a day, and the notes the user keeps per item.
public struct CustomerEvaluation: Sendable {
  /// The basic situation: kind, tier, tenure and industry, those that are set.
  public var basic: [String]
  public var grade: String?
  public var orders: Int
  public var amount: Int64
  public var quantity: Int64
  /// Every customer's sales over the same months.
  public var allSales: Int64
  public var visits: Int
  public var collections: Int
  public var complaints: Int
  public var delay: (average: Dec?, invoices: Int)
  /// The `evaluation_notes` row of each item noted, by item number (1–10).
  public var notes: [Int: Int]

  /// Item 2, the quantity per order: the average order's amount and units, each rounded
  /// down to a whole fen and unit; nil with no orders.
  public var perOrder: (amount: Money, units: Int64)? {
    orders == 0 ? nil : (Money(fen: amount / Int64(orders)), quantity / Int64(orders))
  }

  public init(_ db: Database, customer id: Int64, asof: Day, today: Day) {
    let c = Customers(db)
    let r = c.row(id)!
    let yearStart = asof.adding(months: -12).adding(days: 1)
    let o = CustomerActivity.orders(db, customer: id, from: yearStart, to: asof)
    (orders, amount, quantity) = (o.orders, o.amount, o.quantity)
    allSales = SalesTotals.totals(db, from: yearStart, to: asof).reduce(0, &+)
    (visits, collections, complaints) = CustomerActivity.contacts(db, customer: id, since: yearStart)
    delay = Ledger(db).daysPaidLate(customer: id, asof: today)
    basic = [c.kind[r], c.tier[r], c.tenure[r], c.industry[r]].compactMap { $0 }
    grade = c.abcGrade[r]
    notes = Self.notes(db, customer: id)
  }

  /// The customer's noted items: item number → row of `evaluation_notes`.
  public static func notes(_ db: Database, customer id: Int64) -> [Int: Int] {
    let n = EvaluationNotes(db)
    var out: [Int: Int] = [:]
    for i in n.customer.rows(equalTo: id) { out[Int(n.item[i])] = i }
    return out
  }

  /// The key of the note already kept for the customer's item, if any.
  public static func noteKey(_ db: Database, customer id: Int64, item: Int64) -> Int64? {
    let n = EvaluationNotes(db)
    return n.customer.rows(equalTo: id).first { n.item[$0] == item }.map { n.id[$0] }
  }
}
