/// Typed accessors over the customer card and the sales it trades (see `TableAccess`).

/// The customer columns the ledger and credit rules read; bind more here as readers move.
public struct Customers: TableAccess {
  public static let def = Catalog.customers
  public let table: Table
  public let id: RequiredCells<Int64>
  public let kind: RequiredCells<String>
  public let name: RequiredCells<String>
  public let status: RequiredCells<String>
  public let owner: Cells<String>
  public let area: Cells<String>
  public let creditClass: Cells<String>
  public let creditLimit: Cells<Money>
  public let limitMethod: Cells<String>
  public let limitDate: Cells<Day>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    kind = b.required("kind")
    name = b.required("name")
    status = b.required("status")
    owner = b.cells("owner")
    area = b.cells("area")
    creditClass = b.cells("credit_class")
    creditLimit = b.cells("credit_limit")
    limitMethod = b.cells("limit_method")
    limitDate = b.cells("limit_date")
  }
}

public struct Sales: TableAccess {
  public static let def = Catalog.sales
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let product: Cells<String>
  public let quantity: Cells<Int64>
  public let amount: RequiredCells<Money>
  public let cost: Cells<Money>
  /// The invoice the line was sold on.
  public let invoice: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    product = b.cells("product")
    quantity = b.cells("quantity")
    amount = b.required("amount")
    cost = b.cells("cost")
    invoice = b.cells("invoice")
  }
}
