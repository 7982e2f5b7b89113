/// Typed accessors over the receivables tables of §5 (see `TableAccess`).

public struct Invoices: TableAccess {
  public static let def = Catalog.invoices
  public let table: Table
  public let no: RequiredCells<String>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let due: Cells<Day>
  public let amount: RequiredCells<Money>
  public let terms: Cells<String>
  /// The dishonoured note whose debt the invoice reopens.
  public let note: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    no = b.required("no")
    customer = b.required("customer")
    date = b.required("date")
    due = b.cells("due")
    amount = b.required("amount")
    terms = b.cells("terms")
    note = b.cells("note")
  }
}

public struct Payments: TableAccess {
  public static let def = Catalog.payments
  public let table: Table
  public let id: RequiredCells<Int64>
  /// Null when the money was received on account.
  public let invoice: Cells<String>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let amount: RequiredCells<Money>
  public let method: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    invoice = b.cells("invoice")
    customer = b.required("customer")
    date = b.required("date")
    amount = b.required("amount")
    method = b.cells("method")
  }
}

public struct Notes: TableAccess {
  public static let def = Catalog.notes
  public let table: Table
  public let no: RequiredCells<String>
  public let customer: RequiredCells<Int64>
  public let amount: RequiredCells<Money>
  public let issued: Cells<Day>
  public let matures: Cells<Day>
  public let status: RequiredCells<String>
  public let invoice: Cells<String>
  public let closed: Cells<Day>
  public let discounted: Cells<Day>
  public let rate: Cells<Dec>
  public let year: Cells<Int64>
  public let interest: Cells<Money>
  public let proceeds: Cells<Money>
  public let recourse: Cells<Bool>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    closed = b.cells("closed")
    discounted = b.cells("discounted")
    rate = b.cells("rate")
    year = b.cells("year")
    interest = b.cells("interest")
    proceeds = b.cells("proceeds")
    recourse = b.cells("recourse")
    no = b.required("no")
    customer = b.required("customer")
    amount = b.required("amount")
    issued = b.cells("issued")
    matures = b.cells("matures")
    status = b.required("status")
    invoice = b.cells("invoice")
  }
}

public struct Promises: TableAccess {
  public static let def = Catalog.promises
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let made: RequiredCells<Day>
  public let due: RequiredCells<Day>
  public let amount: RequiredCells<Money>
  public let action: Cells<Int64>
  public let owner: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    made = b.required("made")
    due = b.required("due")
    amount = b.required("amount")
    action = b.cells("action")
    owner = b.cells("owner")
  }
}

public struct Collections: TableAccess {
  public static let def = Catalog.collections
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let invoice: Cells<String>
  public let date: RequiredCells<Day>
  public let step: Cells<String>
  public let method: Cells<String>
  public let owner: Cells<String>
  public let amount: Cells<Money>
  public let remarks: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    invoice = b.cells("invoice")
    date = b.required("date")
    step = b.cells("step")
    method = b.cells("method")
    owner = b.cells("owner")
    amount = b.cells("amount")
    remarks = b.cells("remarks")
  }
}

public struct CreditNotes: TableAccess {
  public static let def = Catalog.creditNotes
  public let table: Table
  public let no: RequiredCells<String>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let amount: RequiredCells<Money>
  /// Null for a credit kept on the customer's account.
  public let invoice: Cells<String>
  public let reason: RequiredCells<String>
  public let complaint: Cells<Int64>
  public let note: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    no = b.required("no")
    customer = b.required("customer")
    date = b.required("date")
    amount = b.required("amount")
    invoice = b.cells("invoice")
    reason = b.required("reason")
    complaint = b.cells("complaint")
    note = b.cells("note")
  }
}

public struct Orders: TableAccess {
  public static let def = Catalog.orders
  public let table: Table
  public let no: RequiredCells<String>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let amount: RequiredCells<Money>
  public let status: RequiredCells<String>
  /// The invoice it became.
  public let invoice: Cells<String>
  /// The day it was invoiced or cancelled.
  public let closed: Cells<Day>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    no = b.required("no")
    customer = b.required("customer")
    date = b.required("date")
    amount = b.required("amount")
    status = b.required("status")
    invoice = b.cells("invoice")
    closed = b.cells("closed")
  }
}

/// The firm's collection ladder (`collect ladder set`), one row per step.
public struct LadderSteps: TableAccess {
  public static let def = Catalog.ladder
  public let table: Table
  public let step: RequiredCells<String>
  public let name: Cells<String>
  public let chinese: Cells<String>
  public let days: RequiredCells<Int64>
  public let skip: Cells<Bool>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    step = b.required("step")
    name = b.cells("name")
    chinese = b.cells("chinese")
    days = b.required("days")
    skip = b.cells("skip")
  }
}

/// The credit policies stored for comparison (`policy add`, §5), one per row.
public struct StoredPolicies: TableAccess {
  public static let def = Catalog.policies
  public let table: Table
  public let name: RequiredCells<String>
  public let terms: RequiredCells<String>
  /// The share of sales taking each discount tier, comma separated.
  public let shares: Cells<String>
  public let sales: RequiredCells<Money>
  public let variable: RequiredCells<Dec>
  public let badDebt: Cells<Dec>
  public let collection: Cells<Money>
  public let capital: RequiredCells<Dec>
  public let days: Cells<Dec>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    name = b.required("name")
    terms = b.required("terms")
    shares = b.cells("shares")
    sales = b.required("sales")
    variable = b.required("variable")
    badDebt = b.cells("bad_debt")
    collection = b.cells("collection")
    capital = b.required("capital")
    days = b.cells("days")
  }
}
