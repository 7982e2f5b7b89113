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

/// The customer card as the credit rules read it: the limit, the particulars the written
/// report of §3.1 lists, and the financial figures the limit methods of §3.3 take. A view of
/// `customers` of its own, beside `Customers`, so the credit figures are bound in one place.
public struct CustomerCreditCards: TableAccess {
  public static let def = Catalog.customers
  public let table: Table
  public let id: RequiredCells<Int64>
  public let name: RequiredCells<String>
  public let kind: RequiredCells<String>
  public let status: RequiredCells<String>
  public let creditCode: Cells<String>
  public let businessAddress: Cells<String>
  public let phone: Cells<String>
  public let enterpriseNature: Cells<String>
  public let industry: Cells<String>
  public let scale: Cells<String>
  public let operatingStatus: Cells<String>
  public let area: Cells<String>
  public let owner: Cells<String>
  public let creditClass: Cells<String>
  public let creditLimit: Cells<Money>
  public let limitMethod: Cells<String>
  public let limitDate: Cells<Day>
  public let purchases: Cells<Money>
  /// Our share of the customer's purchases, as a fraction (25% is 0.25).
  public let supplyShare: Cells<Dec>
  public let workingCapital: Cells<Money>
  public let currentAssets: Cells<Money>
  public let currentLiabilities: Cells<Money>
  public let assets: Cells<Money>
  public let liabilities: Cells<Money>
  public let suppliers: Cells<Int64>
  public let retainedEarnings: Cells<Money>
  public let ebit: Cells<Money>
  public let equityValue: Cells<Money>
  public let annualSales: Cells<Money>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    name = b.required("name")
    kind = b.required("kind")
    status = b.required("status")
    creditCode = b.cells("credit_code")
    businessAddress = b.cells("business_address")
    phone = b.cells("phone")
    enterpriseNature = b.cells("enterprise_nature")
    industry = b.cells("industry")
    scale = b.cells("scale")
    operatingStatus = b.cells("operating_status")
    area = b.cells("area")
    owner = b.cells("owner")
    creditClass = b.cells("credit_class")
    creditLimit = b.cells("credit_limit")
    limitMethod = b.cells("limit_method")
    limitDate = b.cells("limit_date")
    purchases = b.cells("purchases")
    supplyShare = b.cells("supply_share")
    workingCapital = b.cells("working_capital")
    currentAssets = b.cells("current_assets")
    currentLiabilities = b.cells("current_liabilities")
    assets = b.cells("assets")
    liabilities = b.cells("liabilities")
    suppliers = b.cells("suppliers")
    retainedEarnings = b.cells("retained_earnings")
    ebit = b.cells("ebit")
    equityValue = b.cells("equity_value")
    annualSales = b.cells("annual_sales")
  }
}
