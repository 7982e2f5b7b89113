import Foundation
import KehuStore
import XCTest

@testable import KehuDomain

/// Random ledgers (issue 14): orders (open, invoiced or cancelled), invoices, cash and
/// credit-note settlements, discounts, money on account, notes given for invoices or for older debts, discounted with or without recourse,
/// settled or dishonoured, inserted in random order; checked at random as-of days against
/// references worked out here from the stored rows, not from the ledger.
/// CI runs a fixed seed; `scripts/ledger-props N` runs N ledgers (LEDGER_PROPS, LEDGER_SEED).
final class LedgerPropertyTests: XCTestCase {
  static let start = Day(parsing: "2026-01-01")!

  struct Rng {
    var g: SplitMix64
    mutating func int(_ n: Int) -> Int { Int(g.next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    mutating func day(after d: Day, within n: Int) -> Day { d.adding(days: int(n) + 1) }
  }

  /// One customer's documents as mutations, each consistent with the commands' rules (no
  /// settlement above what is open), in an order shuffled where the store allows it.
  static func ledger(_ rng: inout Rng, customers: Int) -> [Mutation] {
    var docs: [Mutation] = []
    var payments: [Mutation] = []
    var noteNo = 0
    var creditNo = 0
    for c in 1...customers {
      let cust = Int64(c)
      docs.append(
        .insert(
          table: "customers",
          values: [
            "id": .int(cust), "kind": .text("company"), "name": .text("C\(c)"), "status": .text("trading"),
          ]))
      for k in 0..<rng.int(6) {
        let no = "I\(c)-\(k)"
        let date = rng.day(after: start, within: 200)
        let due = rng.day(after: date, within: 60)
        let amount = Int64(rng.int(100_000) + 100)
        docs.append(
          .insert(
            table: "invoices",
            values: [
              "no": .text(no), "customer": .int(cust), "date": .date(date), "due": .date(due),
              "amount": .money(Money(fen: amount)),
            ]))
        var open = amount
        var when = date
        for _ in 0..<rng.int(4) where open > 0 {
          when = rng.day(after: when, within: 40)
          let part = rng.chance(30) ? open : Int64(rng.int(Int(open))) + 1
          open -= part
          if rng.chance(25) {
            // A note given for the invoice: its fate decides whether the amount comes back.
            noteNo += 1
            let n = "N\(noteNo)"
            let matures = rng.day(after: when, within: 90)
            var v: [String: Value] = [
              "no": .text(n), "customer": .int(cust), "amount": .money(Money(fen: part)),
              "issued": .date(when),
              "matures": .date(matures), "invoice": .text(no), "status": .text("held"),
            ]
            payments.append(pay(cust, part, when, no, "note"))
            fate(&rng, &v, issued: when, matures: matures) { closed in
              payments.append(pay(cust, -part, closed, no, "dishonoured"))
            }
            docs.append(.insert(table: "notes", values: v))
            // A dishonoured note's amount is owed again; stop settling this invoice.
            if v["status"] == .text("dishonoured") { break }
          } else {
            let method = rng.pick(["transfer", "transfer", "cash", "discount", "credit-note", "credit note"])
            // A credit note of today's shape, or a legacy one stored as a payment.
            payments.append(
              method == "credit note"
                ? credit(&creditNo, cust, part, when, no) : pay(cust, part, when, no, method))
          }
        }
      }
      for _ in 0..<rng.int(3) {
        payments.append(
          pay(cust, Int64(rng.int(50_000) + 1), rng.day(after: start, within: 250), nil, "on_account"))
      }
      for k in 0..<rng.int(4) {
        // An order: left open, invoiced (its invoice dated the day it closes) or cancelled.
        let no = "O\(c)-\(k)"
        let date = rng.day(after: start, within: 220)
        let amount = Money(fen: Int64(rng.int(60_000) + 1))
        var v: [String: Value] = [
          "no": .text(no), "customer": .int(cust), "date": .date(date), "amount": .money(amount),
          "status": .text("open"),
        ]
        let closed = date.adding(days: rng.int(30))
        switch rng.int(3) {
        case 0: break
        case 1:
          v["status"] = .text("invoiced")
          v["closed"] = .date(closed)
          v["invoice"] = .text("OI\(c)-\(k)")
          docs.append(
            .insert(
              table: "invoices",
              values: [
                "no": .text("OI\(c)-\(k)"), "customer": .int(cust), "date": .date(closed),
                "due": .date(closed.adding(days: 30)), "amount": .money(amount),
              ]))
        default:
          v["status"] = .text("cancelled")
          v["closed"] = .date(closed)
        }
        docs.append(.insert(table: "orders", values: v))
      }
      for _ in 0..<rng.int(3) {
        // A note for an older debt: when dishonoured it is owed again as a DH- invoice.
        noteNo += 1
        let n = "N\(noteNo)"
        let issued = rng.day(after: start, within: 200)
        let matures = rng.day(after: issued, within: 90)
        let amount = Int64(rng.int(80_000) + 1)
        var v: [String: Value] = [
          "no": .text(n), "customer": .int(cust), "amount": .money(Money(fen: amount)),
          "issued": .date(issued),
          "matures": .date(matures), "status": .text("held"),
        ]
        fate(&rng, &v, issued: issued, matures: matures) { _ in
          docs.append(
            .insert(
              table: "invoices",
              values: [
                "no": .text("DH-" + n), "customer": .int(cust), "date": .date(issued), "due": .date(matures),
                "amount": .money(Money(fen: amount)), "note": .text(n),
              ]))
        }
        docs.append(.insert(table: "notes", values: v))
      }
    }
    // Customers first, then invoices, notes and payments in random order among themselves.
    let customersFirst = docs.filter { $0.table == "customers" }
    var rest = docs.filter { $0.table != "customers" }
    rest.shuffle(using: &rng.g)
    payments.shuffle(using: &rng.g)
    let invoicesFirst = rest.filter { $0.table == "invoices" } + rest.filter { $0.table != "invoices" }
    return customersFirst + invoicesFirst + payments
  }

  static func pay(_ c: Int64, _ fen: Int64, _ d: Day, _ inv: String?, _ method: String) -> Mutation {
    var v: [String: Value] = [
      "customer": .int(c), "amount": .money(Money(fen: fen)), "date": .date(d), "method": .text(method),
    ]
    if let inv { v["invoice"] = .text(inv) }
    return .insert(table: "payments", values: v)
  }

  static func credit(_ creditNo: inout Int, _ c: Int64, _ fen: Int64, _ d: Day, _ inv: String?) -> Mutation {
    creditNo += 1
    var v: [String: Value] = [
      "no": .text("CN\(creditNo)"), "customer": .int(c), "amount": .money(Money(fen: fen)), "date": .date(d),
      "reason": .text("allowance"),
    ]
    if let inv { v["invoice"] = .text(inv) }
    return .insert(table: "credit_notes", values: v)
  }

  /// Held, discounted (with or without recourse), settled or dishonoured, with the days.
  static func fate(
    _ rng: inout Rng, _ v: inout [String: Value], issued: Day, matures: Day, dishonoured: (Day) -> Void
  ) {
    var last = issued
    if rng.chance(40) {
      let d = Day(number: issued.number + Int32(rng.int(Int(matures.number - issued.number) + 1)))
      v["status"] = .text("discounted")
      v["discounted"] = .date(d)
      let recourse = rng.chance(70)
      v["recourse"] = .bool(recourse)
      last = d
      if !recourse { return }
    }
    switch rng.int(3) {
    case 0: return
    case 1:
      let d = max(last, matures)
      v["status"] = .text("settled")
      v["closed"] = .date(d)
    default:
      let d = max(last, matures).adding(days: rng.int(5))
      v["status"] = .text("dishonoured")
      v["closed"] = .date(d)
      dishonoured(d)
    }
  }

  // MARK: the slow reference, from the stored rows

  /// Exposure by the chapter's definition, read row by row: what is owed on invoices issued
  /// (a reopened note's from its dishonour day) less what was settled by then, less money on
  /// account, never below zero; plus notes held or discounted with recourse on that day.
  static func referenceExposure(_ db: Database, customer: Int64, asof: Day) -> Int64 {
    let inv = db["invoices"]
    let pay = db["payments"]
    let notes = db["notes"]
    var closedOf: [String: Day] = [:]
    for r in 0..<notes.count {
      let n = notes.rowValues(r)
      if case .text(let no) = n["no"]!, case .date(let d) = n["closed"] ?? .null { closedOf[no] = d }
    }
    var owed: Int64 = 0
    var exists: Set<String> = []
    for r in 0..<inv.count {
      let i = inv.rowValues(r)
      guard i["customer"] == .int(customer), case .date(let date) = i["date"]!, case .text(let no) = i["no"]!,
        case .money(let amount) = i["amount"]!
      else { continue }
      var opens = date
      if case .text(let note) = i["note"] ?? .null, let closed = closedOf[note] { opens = max(date, closed) }
      guard opens <= asof else { continue }
      exists.insert(no)
      owed += amount.fen
    }
    var onAccount: Int64 = 0
    // Payments and credit notes alike settle the invoice they name, or sit on account.
    for t in [pay, db["credit_notes"]] {
      for r in 0..<t.count {
        let p = t.rowValues(r)
        guard p["customer"] == .int(customer), case .date(let d) = p["date"]!, d <= asof,
          case .money(let m) = p["amount"]!
        else { continue }
        if case .text(let no) = p["invoice"] ?? .null {
          if exists.contains(no) { owed -= m.fen }
        } else {
          onAccount += m.fen
        }
      }
    }
    var live: Int64 = 0
    for r in 0..<notes.count {
      let n = notes.rowValues(r)
      guard n["customer"] == .int(customer), case .date(let issued) = n["issued"]!, issued <= asof,
        case .money(let m) = n["amount"]!
      else { continue }
      if case .date(let c) = n["closed"] ?? .null, c <= asof { continue }
      if case .date(let d) = n["discounted"] ?? .null, d <= asof, n["recourse"] == .bool(false) { continue }
      live += m.fen
    }
    return max(0, owed - onAccount) + live + referenceOpenOrders(db, customer: customer, asof: asof)
  }

  /// Orders taken by `asof` and not closed (invoiced or cancelled) by then, from the rows.
  static func referenceOpenOrders(_ db: Database, customer: Int64?, asof: Day) -> Int64 {
    let orders = db["orders"]
    var open: Int64 = 0
    for r in 0..<orders.count {
      let o = orders.rowValues(r)
      guard customer == nil || o["customer"] == .int(customer!), case .date(let d) = o["date"]!, d <= asof,
        case .money(let m) = o["amount"]!
      else { continue }
      if case .date(let c) = o["closed"] ?? .null, c <= asof { continue }
      open += m.fen
    }
    return open
  }

  /// What the firm is owed in all, counted from the documents: every sale invoiced and every
  /// older debt a note stood for, less cash, discounts, credit notes, notes paid, and notes
  /// the bank took without recourse. Each debt counted once, whatever notes it went through.
  static func referenceDebt(_ db: Database, asof: Day) -> Int64 {
    var total: Int64 = 0
    let inv = db["invoices"]
    for r in 0..<inv.count {
      let i = inv.rowValues(r)
      guard i["note"] == .null || i["note"] == nil, case .date(let d) = i["date"]!, d <= asof,
        case .money(let m) = i["amount"]!
      else { continue }
      total += m.fen
    }
    let pay = db["payments"]
    for r in 0..<pay.count {
      let p = pay.rowValues(r)
      guard case .date(let d) = p["date"]!, d <= asof, case .money(let m) = p["amount"]!,
        case .text(let method) = p["method"]!, p["invoice"] != nil && p["invoice"] != .null
      else { continue }
      if ["transfer", "cash", "discount", "credit-note"].contains(method) { total -= m.fen }
    }
    let credits = db["credit_notes"]
    for r in 0..<credits.count {
      let p = credits.rowValues(r)
      guard case .date(let d) = p["date"]!, d <= asof, case .money(let m) = p["amount"]!,
        p["invoice"] != nil && p["invoice"] != .null
      else { continue }
      total -= m.fen
    }
    let notes = db["notes"]
    for r in 0..<notes.count {
      let n = notes.rowValues(r)
      guard case .date(let issued) = n["issued"]!, case .money(let m) = n["amount"]! else { continue }
      let forInvoice = n["invoice"] != nil && n["invoice"] != .null
      // A note for an older debt brings that debt into the books when it is received.
      if !forInvoice && issued <= asof { total += m.fen }
      var gone = false
      if case .date(let c) = n["closed"] ?? .null, c <= asof, n["status"] == .text("settled") { gone = true }
      if case .date(let d) = n["discounted"] ?? .null, d <= asof, n["recourse"] == .bool(false) {
        gone = true
      }
      if gone && issued <= asof { total -= m.fen }
    }
    return total
  }

  // MARK: the properties

  func testRandomLedgers() throws {
    let env = ProcessInfo.processInfo.environment
    let count = env["LEDGER_PROPS"].flatMap(Int.init) ?? 300
    let seed = env["LEDGER_SEED"].flatMap(UInt64.init) ?? 20_261_129
    var rng = Rng(g: SplitMix64(seed: seed))
    for n in 0..<count {
      var db = Database()
      let batch = Self.ledger(&rng, customers: 1 + rng.int(3))
      _ = try db.apply(batch)
      let ledger = Ledger(db)
      for _ in 0..<4 {
        let asof = rng.day(after: Self.start.adding(days: -30), within: 420)
        try check(db, ledger, asof: asof, case: "ledger \(n) (seed \(seed)) as of \(asof)")
      }
    }
  }

  func check(_ db: Database, _ ledger: Ledger, asof: Day, case label: String) throws {
    var ageing = AgeingScan(asof: asof)
    var live: Int64 = 0
    var statementsTotal: Int64 = 0
    for (i, b) in ledger.openItems(asof: asof) {
      ageing.add(dueNumber: i.due.number, fen: b.fen)
      // Balances never negative: nothing here settles more than is open.
      XCTAssertGreaterThanOrEqual(b.fen, 0, "\(label): \(i.no) balance \(b)")
    }
    let aged = try ageing.result()
    XCTAssertEqual(aged.amounts.reduce(0) { $0 + $1.fen }, aged.total.fen, label)
    XCTAssertEqual(aged.total, ledger.outstanding(asof: asof), "\(label): ageing total")
    for c in 1...Int64(Customers(db).count) {
      let e = ledger.exposure(customer: c, asof: asof)
      XCTAssertEqual(
        e.receivables.fen + e.notes.fen + e.openOrders.fen,
        Self.referenceExposure(db, customer: c, asof: asof), "\(label): exposure of \(c)")
      // The statement's items add up to its ageing, and what it says is due is that less
      // what sits on account.
      let statement = try ledger.statement(customer: c, asof: asof)
      let items = statement.items.reduce(0) { $0 + $1.balance.fen }
      XCTAssertEqual(statement.ageing.total.fen, items, "\(label): statement of \(c)")
      XCTAssertEqual(
        statement.ageing.amounts.reduce(0) { $0 + $1.fen }, statement.ageing.total.fen,
        "\(label): statement of \(c)")
      XCTAssertEqual(
        statement.totalDue.fen, items - ledger.onAccount(customer: c, asof: asof).fen,
        "\(label): statement total due of \(c)")
      statementsTotal += items
      live += ledger.notes(asof: asof, customer: c).filter { $0.status == .held || $0.note.recourse }
        .reduce(0) { $0 + $1.note.amount.fen }
    }
    // Every open invoice is on one customer's statement, and the ageing the commands print
    // (by due date or by invoice date) ages the same total.
    XCTAssertEqual(statementsTotal, aged.total.fen, "\(label): statements")
    XCTAssertEqual(try ledger.ageing(asof: asof).total, aged.total, "\(label): ageing")
    XCTAssertEqual(try ledger.ageing(asof: asof, fromInvoiceDate: true).total, aged.total, "\(label): ageing")
    // Grouped by owner, area or customer, the total row is the same total again.
    for by in AgeingGroup.allCases {
      for fromInvoice in [false, true] {
        let t = try ledger.ageing(
          asof: asof, edges: .standard, fromInvoiceDate: fromInvoice, by: by, customers: Customers(db)
        ).table(groupColumn: by.rawValue)
        XCTAssertEqual(t.rows.last?.last, .money(aged.total), "\(label): ageing by \(by)")
      }
    }
    // No debt counted twice across notes given, discounted, dishonoured and reopened, nor
    // across an order and the invoice it became.
    var orders: Int64 = 0
    for c in 1...Int64(Customers(db).count) {
      orders += ledger.exposure(customer: c, asof: asof).openOrders.fen
    }
    XCTAssertEqual(orders, Self.referenceOpenOrders(db, customer: nil, asof: asof), "\(label): open orders")
    XCTAssertEqual(
      ledger.outstanding(asof: asof).fen + live + orders,
      Self.referenceDebt(db, asof: asof) + Self.referenceOpenOrders(db, customer: nil, asof: asof), label)
  }
}
