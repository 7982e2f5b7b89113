import KehuStore

/// One logged visit or call, as the visit rules count it (§2.6 step 6).
public struct VisitEntry: Sendable, Equatable {
  public var day: Day
  /// Who called, by the roles of the visit plan; a visit logged without one is the handler's.
  public var role: String
  public var kind: String
}

/// What a customer did with us, read from the sales, invoices and visits: the figures the
/// customer card, the evaluation table and the visit plan start from (§2.3, §2.6).
public enum CustomerActivity {
  /// Visits per customer row.
  public static func visits(_ db: Database) -> [Int: [VisitEntry]] {
    let v = Visits(db)
    let map = CustomerRows(db.customers)
    var out: [Int: [VisitEntry]] = [:]
    let customers = v.customer.column.ints
    for i in 0..<customers.count {
      let r = map.row(customers[i])
      guard r >= 0 else { continue }
      out[r, default: []].append(
        VisitEntry(day: v.date[i], role: v.role[i] ?? "handler", kind: v.kind[i] ?? "visit"))
    }
    return out
  }

  /// Each customer row's first and last sale date.
  public static func firstAndLastSale(_ db: Database) -> [Int: (first: Day, last: Day)] {
    let sales = Sales(db)
    let map = CustomerRows(db.customers)
    let cust = sales.customer.column.ints
    let days = sales.date.column.int32s
    var out: [Int: (first: Day, last: Day)] = [:]
    for i in 0..<cust.count {
      let r = map.row(cust[i])
      guard r >= 0 else { continue }
      let d = Day(number: days[i])
      if let (f, l) = out[r] { out[r] = (min(f, d), max(l, d)) } else { out[r] = (d, d) }
    }
    return out
  }

  /// One customer's first and last sale, nil when it never bought.
  public static func saleSpan(_ db: Database, customer id: Int64) -> (first: Day, last: Day)? {
    let sales = Sales(db)
    let days = sales.customer.rows(equalTo: id).map { sales.date[$0] }
    guard let first = days.min(), let last = days.max() else { return nil }
    return (first, last)
  }

  /// What the archive card (§2.1) says of a customer's trade: the goods it bought (product
  /// names, in the order first bought), its last sale, and its last payment and how it paid.
  public struct Purchases: Sendable, Equatable {
    public var goods: [String] = []
    public var lastSale: Day?
    public var lastPayment: Day?
    public var paymentMethod: String?
  }

  public static func purchases(_ db: Database, customer id: Int64) -> Purchases {
    var out = Purchases()
    let sales = Sales(db)
    let catalogue = Products(db)
    for r in sales.customer.rows(equalTo: id) {
      if let code = sales.product[r] {
        let name = catalogue.row(no: code).flatMap { catalogue.name[$0] } ?? code
        if !out.goods.contains(name) { out.goods.append(name) }
      }
      let d = sales.date[r]
      if out.lastSale.map({ d > $0 }) ?? true { out.lastSale = d }
    }
    let pay = Payments(db)
    // Of payments on the same day, the one recorded last.
    for r in pay.customer.rows(equalTo: id) where out.lastPayment.map({ pay.date[r] >= $0 }) ?? true {
      out.lastPayment = pay.date[r]
      out.paymentMethod = pay.method[r]
    }
    return out
  }

  /// One customer's sale lines dated in `from...to`: how many, their amount and units.
  public static func orders(_ db: Database, customer id: Int64, from: Day, to: Day)
    -> (orders: Int, amount: Int64, quantity: Int64)
  {
    let sales = Sales(db)
    var out = (orders: 0, amount: Int64(0), quantity: Int64(0))
    for i in sales.customer.rows(equalTo: id) {
      let d = sales.date[i]
      guard d >= from && d <= to else { continue }
      out.orders += 1
      out.amount += sales.amount[i].fen
      out.quantity += sales.quantity[i] ?? 0
    }
    return out
  }

  /// How many of the customer's invoices are not settled (a balance other than zero): a
  /// customer is not purged while it has one.
  public static func openInvoices(_ db: Database, customer id: Int64) -> Int {
    let inv = Invoices(db)
    let balance = inv.balance
    return inv.customer.rows(equalTo: id).filter { balance[$0].fen != 0 }.count
  }

  /// What the customer still owes on its invoices.
  public static func receivableBalance(_ db: Database, customer id: Int64) -> Money {
    let inv = Invoices(db)
    let balance = inv.balance
    return Money(fen: inv.customer.rows(equalTo: id).reduce(0) { $0 + balance[$1].fen })
  }

  /// The customer's visits and calls, collection actions and complaints dated on or after `since`.
  public static func contacts(_ db: Database, customer id: Int64, since: Day)
    -> (visits: Int, collections: Int, complaints: Int)
  {
    let v = Visits(db)
    let c = Collections(db)
    let k = Complaints(db)
    return (
      v.customer.rows(equalTo: id).filter { v.date[$0] >= since }.count,
      c.customer.rows(equalTo: id).filter { c.date[$0] >= since }.count,
      k.customer.rows(equalTo: id).filter { k.date[$0] >= since }.count
    )
  }

  /// The month's receivables collection per customer row (客户货款回收管理表, §2.6 step 7):
  /// [opening, invoiced, collected], in fen. Only invoiced trade counts: payments against an
  /// invoice; a cash sale paid at once never becomes a receivable.
  public static func collections(_ db: Database, month: Day) -> [Int: [Int64]] {
    let next = month.adding(months: 1)
    let inv = Invoices(db)
    let pay = Payments(db)
    let map = CustomerRows(db.customers)
    var figures: [Int: [Int64]] = [:]
    let invCustomers = inv.customer.column.ints
    let invDays = inv.date.column.int32s
    let invAmounts = inv.amount.column.ints
    for i in 0..<invCustomers.count {
      let r = map.row(invCustomers[i])
      guard r >= 0, invDays[i] < next.number else { continue }
      figures[r, default: [0, 0, 0]][invDays[i] < month.number ? 0 : 1] += invAmounts[i]
    }
    let payCustomers = pay.customer.column.ints
    let payDays = pay.date.column.int32s
    let payAmounts = pay.amount.column.ints
    for i in 0..<payCustomers.count where !pay.invoice.isNull(i) {
      let r = map.row(payCustomers[i])
      guard r >= 0, payDays[i] < next.number else { continue }
      figures[r, default: [0, 0, 0]][payDays[i] < month.number ? 0 : 2] +=
        payDays[i] < month.number ? -payAmounts[i] : payAmounts[i]
    }
    return figures
  }
}
