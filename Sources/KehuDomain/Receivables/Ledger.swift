import KehuStore

/// How an amount came off an invoice, or (a dishonoured note) went back on.
public enum SettlementKind: String, Sendable, Equatable {
  /// Money received.
  case cash
  /// A cash discount granted for paying early (§5): never money received.
  case discount
  /// A credit note (return, allowance, complaint compensation): reduces what is owed, never cash.
  case creditNote = "credit-note"
  /// A note receivable given for the invoice: the amount is owed as the note from then on.
  case note
  /// The note given for the invoice was dishonoured: its amount is owed on the invoice again.
  case dishonoured
  /// Money (or credit) kept on account and applied to the invoice later (`payment apply`):
  /// it was received when it came in, so applying it is no new receipt.
  case applied

  /// Reads a payment's stored method; every method that is not one of the non-cash kinds is
  /// money received (transfer, cash, cheque, on_account …).
  public init(method: String?) {
    switch method {
    case "discount": self = .discount
    case "credit-note": self = .creditNote
    case "note": self = .note
    case "dishonoured": self = .dishonoured
    case "applied": self = .applied
    default: self = .cash
    }
  }
}

/// One dated movement on an invoice's balance. Positive amounts reduce it.
public struct Settlement: Sendable, Equatable {
  public var date: Day
  public var amount: Money
  public var kind: SettlementKind
}

/// An invoice as the ledger holds it: its dates and every settlement, oldest first.
public struct LedgerInvoice: Sendable {
  public var no: String
  public var customer: Int64
  public var date: Day
  /// The due date, or the invoice date when none was given.
  public var due: Day
  public var amount: Money
  public var terms: String?
  public var settlements: [Settlement]
  /// The dishonoured note whose debt this invoice reopens: not a sale.
  public var reopens: String?
  /// The day it begins to be owed: its date, or for a reopened note's debt the day the note
  /// was dishonoured (before then the debt was the note).
  public var opens: Day
}

public enum NoteStatus: String, Sendable, Equatable {
  case held, discounted, settled, dishonoured
}

/// A note receivable (票据) and where it stands.
public struct LedgerNote: Sendable {
  public var no: String
  public var customer: Int64
  public var amount: Money
  public var issued: Day?
  public var matures: Day?
  public var status: NoteStatus
  public var invoice: String?
  /// When it was settled or dishonoured; nil in stores written before the ledger kept it.
  public var closed: Day?
  public var discounted: Day?
  /// Whether the bank that discounted it can come back to us if it is not paid (the default).
  public var recourse: Bool

  /// Where the note stood at the end of `asof`; nil before it was received. A store written
  /// before the dates were kept shows the note as it stands now.
  public func status(asof: Day) -> NoteStatus? {
    if let issued, issued > asof { return nil }
    if let closed {
      if closed <= asof { return status }
    } else if status == .settled || status == .dishonoured {
      return status
    }
    if let discounted, discounted <= asof { return .discounted }
    if discounted == nil && status == .discounted { return .discounted }
    return .held
  }
}

public enum OrderStatus: String, Sendable, Equatable {
  case open, invoiced, cancelled
}

/// An order taken on credit: owed-to-be from the day it is taken until it is invoiced (the
/// invoice counts from then) or cancelled.
public struct LedgerOrder: Sendable, Equatable {
  public var no: String
  public var customer: Int64
  public var date: Day
  public var amount: Money
  public var status: OrderStatus
  public var invoice: String?
  /// The day it was invoiced or cancelled.
  public var closed: Day?

  /// Whether it was taken by the end of `asof` and neither invoiced nor cancelled by then.
  public func isOpen(asof: Day) -> Bool {
    guard date <= asof else { return false }
    if status == .open { return true }
    return closed.map { $0 > asof } ?? false
  }
}

/// Money received with no invoice named, or a credit note for no invoice: kept on the
/// customer's account, owed back to it until applied.
public struct OnAccount: Sendable, Equatable {
  public var customer: Int64
  public var date: Day
  public var amount: Money
  /// `.cash` for money received, `.creditNote` for a credit.
  public var kind: SettlementKind
}

/// The receivables ledger (§5): invoices with their settlements, notes, and money on account,
/// read once from the store. Every question about what is owed (a balance, exposure, when an
/// invoice was settled, what was received) is answered here, as of any date.
public struct Ledger: Sendable {
  public private(set) var invoices: [LedgerInvoice] = []
  public private(set) var notes: [LedgerNote] = []
  public private(set) var onAccount: [OnAccount] = []
  public private(set) var orders: [LedgerOrder] = []
  /// Promises to pay made during collection (`collect log … promise=`), by id.
  public private(set) var promises: [(id: Int64, promise: PaymentPromise)] = []
  private var invoiceRow: [String: Int] = [:]
  private var byCustomer: [Int64: [Int]] = [:]

  public init(_ db: Database) {
    let inv = Invoices(db)
    invoices.reserveCapacity(inv.count)
    for r in inv.rows {
      let date = inv.date[r]
      invoices.append(
        LedgerInvoice(
          no: inv.no[r], customer: inv.customer[r], date: date, due: inv.due[r] ?? date,
          amount: inv.amount[r], terms: inv.terms[r], settlements: [], reopens: inv.note[r],
          opens: date))
      invoiceRow[inv.no[r]] = r
      byCustomer[inv.customer[r], default: []].append(r)
    }
    let pay = Payments(db)
    for r in pay.rows {
      let s = Settlement(
        date: pay.date[r], amount: pay.amount[r], kind: SettlementKind(method: pay.method[r]))
      if let no = pay.invoice[r], let i = invoiceRow[no] {
        invoices[i].settlements.append(s)
      } else if s.kind == .cash || s.kind == .applied {
        onAccount.append(OnAccount(customer: pay.customer[r], date: s.date, amount: s.amount, kind: s.kind))
      }
    }
    let cn = CreditNotes(db)
    for r in cn.rows {
      let s = Settlement(date: cn.date[r], amount: cn.amount[r], kind: .creditNote)
      if let no = cn.invoice[r], let i = invoiceRow[no] {
        invoices[i].settlements.append(s)
      } else {
        onAccount.append(
          OnAccount(customer: cn.customer[r], date: s.date, amount: s.amount, kind: .creditNote))
      }
    }
    for i in invoices.indices { invoices[i].settlements.sort { $0.date < $1.date } }
    let n = Notes(db)
    for r in n.rows {
      notes.append(
        LedgerNote(
          no: n.no[r], customer: n.customer[r], amount: n.amount[r], issued: n.issued[r],
          matures: n.matures[r], status: NoteStatus(rawValue: n.status[r]) ?? .held,
          invoice: n.invoice[r], closed: n.closed[r], discounted: n.discounted[r],
          recourse: n.recourse[r] ?? true))
    }
    let noteRow = Dictionary(notes.enumerated().map { ($1.no, $0) }, uniquingKeysWith: { a, _ in a })
    for i in invoices.indices {
      if let no = invoices[i].reopens, let k = noteRow[no], let closed = notes[k].closed {
        invoices[i].opens = max(invoices[i].date, closed)
      }
    }
    let o = Orders(db)
    for r in o.rows {
      orders.append(
        LedgerOrder(
          no: o.no[r], customer: o.customer[r], date: o.date[r], amount: o.amount[r],
          status: OrderStatus(rawValue: o.status[r]) ?? .open, invoice: o.invoice[r], closed: o.closed[r]))
    }
    let p = Promises(db)
    for r in p.rows {
      promises.append(
        (
          p.id[r],
          PaymentPromise(
            customer: String(p.customer[r]), made: p.made[r], due: p.due[r], amount: p.amount[r])
        ))
    }
  }

  public func invoice(_ no: String) -> LedgerInvoice? { invoiceRow[no].map { invoices[$0] } }

  public func order(_ no: String) -> LedgerOrder? { orders.first { $0.no == no } }

  /// A customer's invoices, in stored order.
  public func invoices(customer: Int64) -> [LedgerInvoice] {
    (byCustomer[customer] ?? []).map { invoices[$0] }
  }

  /// What was owed on `invoice` at the end of `asof`; nil when it was not yet issued.
  public static func balance(_ invoice: LedgerInvoice, asof: Day) -> Money? {
    guard invoice.opens <= asof else { return nil }
    var fen = invoice.amount.fen
    for s in invoice.settlements where s.date <= asof { fen &-= s.amount.fen }
    return Money(fen: fen)
  }

  /// What is owed on `invoice` after every settlement recorded, whatever its date.
  public static func balance(_ invoice: LedgerInvoice) -> Money {
    Money(fen: invoice.settlements.reduce(invoice.amount.fen) { $0 &- $1.amount.fen })
  }

  /// The day the invoice's balance last reached zero, if it stood at zero or less on `asof`.
  public static func settled(_ invoice: LedgerInvoice, asof: Day) -> Day? {
    guard invoice.opens <= asof else { return nil }
    var fen = invoice.amount.fen
    var day: Day? = fen <= 0 ? invoice.opens : nil
    for s in invoice.settlements where s.date <= asof {
      fen &-= s.amount.fen
      day = fen <= 0 ? (day ?? s.date) : nil
    }
    return day
  }

  /// The day money received (cash) last went onto the invoice, or nil when no cash ever did.
  public static func lastCash(_ invoice: LedgerInvoice, asof: Day) -> Day? {
    invoice.settlements.last { $0.kind == .cash && $0.date <= asof }?.date
  }

  /// Money received on account up to `asof`, not yet applied to an invoice.
  public func onAccount(customer: Int64, asof: Day) -> Money {
    var fen: Int64 = 0
    for p in onAccount where p.customer == customer && p.date <= asof { fen &+= p.amount.fen }
    return Money(fen: fen)
  }

  /// Money received, oldest first: cash settlements and money on account. Discounts granted,
  /// credit notes, notes given and the reversal of a dishonoured note are not money received,
  /// so they neither keep a promise nor credit a collection call.
  public func receipts(customer: Int64? = nil) -> [Receipt] {
    var out: [Receipt] = []
    for i in invoices where customer == nil || i.customer == customer {
      for s in i.settlements where s.kind == .cash && s.amount.fen > 0 {
        out.append(Receipt(customer: String(i.customer), date: s.date, amount: s.amount))
      }
    }
    for p in onAccount
    where p.kind == .cash && p.amount.fen > 0 && (customer == nil || p.customer == customer) {
      out.append(Receipt(customer: String(p.customer), date: p.date, amount: p.amount))
    }
    return out.sorted { ($0.date, $0.customer) < ($1.date, $1.customer) }
  }

  /// The notes of `customer` that still carry credit risk on `asof`: held, or discounted at the
  /// bank with recourse. A settled note is paid; a dishonoured one is owed again as a
  /// receivable (on its invoice or the reopened `DH-` invoice), so counting it here as well
  /// would count the debt twice.
  public func liveNotes(customer: Int64, asof: Day) -> [LedgerNote] {
    notes.filter { n in
      guard n.customer == customer, let st = n.status(asof: asof) else { return false }
      return st == .held || (st == .discounted && n.recourse)
    }
  }
}
