/// Typed accessors over the credit-management tables of §3 (see `TableAccess`).

public struct CreditAlerts: TableAccess {
  public static let def = Catalog.creditAlerts
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let reason: Cells<String>
  public let by: Cells<String>
  public let instructed: Cells<Day>
  public let instructedBy: Cells<String>
  public let measure: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    reason = b.cells("reason")
    by = b.cells("by")
    instructed = b.cells("instructed")
    instructedBy = b.cells("instructed_by")
    measure = b.cells("measure")
  }
}

public struct CreditMeasures: TableAccess {
  public static let def = Catalog.creditMeasures
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let kind: RequiredCells<String>
  public let detail: Cells<String>
  public let amount: Cells<Money>
  public let by: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    kind = b.required("kind")
    detail = b.cells("detail")
    amount = b.cells("amount")
    by = b.cells("by")
  }
}

public struct CreditReviews: TableAccess {
  public static let def = Catalog.creditReviews
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let creditClass: Cells<String>
  public let note: Cells<String>
  public let by: Cells<String>
  /// The ledger's warning signs on the review's day, as written then.
  public let signs: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    creditClass = b.cells("class")
    note = b.cells("note")
    by = b.cells("by")
    signs = b.cells("signs")
  }
}

public struct CreditOverrides: TableAccess {
  public static let def = Catalog.creditOverrides
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let reference: Cells<String>
  public let amount: RequiredCells<Money>
  public let blocks: Cells<String>
  public let by: RequiredCells<String>
  public let reason: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    reference = b.cells("reference")
    amount = b.required("amount")
    blocks = b.cells("blocks")
    by = b.required("by")
    reason = b.cells("reason")
  }
}

public struct CreditInvestigations: TableAccess {
  public static let def = Catalog.creditInvestigations
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let channel: Cells<String>
  /// Sign ids separated by commas (O1,F3).
  public let signs: Cells<String>
  public let note: Cells<String>
  public let by: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    channel = b.cells("channel")
    signs = b.cells("signs")
    note = b.cells("note")
    by = b.cells("by")
  }
}

/// One scorecard of §3.3 (5) per row: each factor scored 1–5.
public struct CreditScores: TableAccess {
  public static let def = Catalog.creditScores
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let profitability: Cells<Int64>
  public let safety: Cells<Int64>
  public let liquidity: Cells<Int64>
  public let sales: Cells<Int64>
  public let purchasing: Cells<Int64>
  public let staff: Cells<Int64>
  public let by: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    profitability = b.cells("profitability")
    safety = b.cells("safety")
    liquidity = b.cells("liquidity")
    sales = b.cells("sales")
    purchasing = b.cells("purchasing")
    staff = b.cells("staff")
    by = b.cells("by")
  }
}
