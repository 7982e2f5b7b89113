/// Typed accessors over the tables that hold the user's policies: the parameters a rule
/// reads when the user has changed them from the chapter's defaults (see `TableAccess`).

public struct ComplaintPolicies: TableAccess {
  public static let def = Catalog.complaintPolicy
  public let table: Table
  public let type: RequiredCells<String>
  public let ackDays: RequiredCells<Int64>
  public let ackWorking: Cells<Bool>
  public let resolveDays: RequiredCells<Int64>
  public let resolveWorking: Cells<Bool>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    type = b.required("type")
    ackDays = b.required("ack_days")
    ackWorking = b.cells("ack_working")
    resolveDays = b.required("resolve_days")
    resolveWorking = b.cells("resolve_working")
  }
}

public struct VisitPolicies: TableAccess {
  public static let def = Catalog.visitPolicy
  public let table: Table
  public let grade: RequiredCells<String>
  public let role: RequiredCells<String>
  public let count: Cells<Int64>
  public let months: Cells<Int64>
  public let text: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    grade = b.required("grade")
    role = b.required("role")
    count = b.cells("count")
    months = b.cells("months")
    text = b.cells("text")
  }
}

public struct ProspectPolicies: TableAccess {
  public static let def = Catalog.prospectPolicy
  public let table: Table
  public let grade: RequiredCells<String>
  public let every: Cells<Int64>
  public let visits: Cells<String>
  public let purchase: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    grade = b.required("grade")
    every = b.cells("every")
    visits = b.cells("visits")
    purchase = b.cells("purchase")
  }
}

public struct CreditPolicyParameters: TableAccess {
  public static let def = Catalog.creditPolicy
  public let table: Table
  public let name: RequiredCells<String>
  public let value: RequiredCells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    name = b.required("name")
    value = b.required("value")
  }
}
