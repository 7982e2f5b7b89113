/// Typed accessors over the customer-analysis tables of §2.2–§2.6 (see `TableAccess`).

public struct Areas: TableAccess {
  public static let def = Catalog.areas
  public let table: Table
  public let code: RequiredCells<String>
  public let name: RequiredCells<String>
  public let group: Cells<Int64>
  public let bounds: Cells<String>
  public let remarks: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    code = b.required("code")
    name = b.required("name")
    group = b.cells("group")
    bounds = b.cells("bounds")
    remarks = b.cells("remarks")
  }
}

public struct Targets: TableAccess {
  public static let def = Catalog.targets
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let month: RequiredCells<String>
  public let amount: RequiredCells<Money>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    month = b.required("month")
    amount = b.required("amount")
  }
}

public struct EvaluationNotes: TableAccess {
  public static let def = Catalog.evaluationNotes
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let item: RequiredCells<Int64>
  public let comment: Cells<String>
  public let problem: Cells<String>
  public let measure: Cells<String>
  public let expense: Cells<Money>
  public let support: Cells<Int64>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    item = b.required("item")
    comment = b.cells("comment")
    problem = b.cells("problem")
    measure = b.cells("measure")
    expense = b.cells("expense")
    support = b.cells("support")
  }
}

public struct StockCounts: TableAccess {
  public static let def = Catalog.stockCounts
  public let table: Table
  public let id: RequiredCells<Int64>
  public let product: RequiredCells<String>
  public let date: RequiredCells<Day>
  public let quantity: RequiredCells<Int64>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    product = b.required("product")
    date = b.required("date")
    quantity = b.required("quantity")
  }
}

extension Invoices {
  /// What is still owed on each invoice: derived by the store from the payments and notes.
  public var balance: RequiredCells<Money> { ColumnBinder(table, for: Invoices.self).required("balance") }
}
