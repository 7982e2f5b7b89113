/// Typed accessors over the tables the store keeps for itself and for every rule: the audit
/// rows of each change and the firm's holiday calendar (see `TableAccess`).

/// One row per changed field (§1 dynamic management): who changed what, and from what.
public struct AuditRows: TableAccess {
  public static let def = Catalog.audit
  public let table: Table
  public let id: RequiredCells<Int64>
  public let time: RequiredCells<Timestamp>
  public let actor: Cells<String>
  /// The table the changed row is in, and the row's key as text.
  public let tableName: RequiredCells<String>
  public let row: RequiredCells<String>
  /// Null for a row added or removed whole.
  public let field: Cells<String>
  public let old: Cells<String>
  public let new: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    time = b.required("time")
    actor = b.cells("actor")
    tableName = b.required("table")
    row = b.required("row")
    field = b.cells("field")
    old = b.cells("old")
    new = b.cells("new")
  }
}

/// The firm's holidays: one row per range, both ends included.
public struct Holidays: TableAccess {
  public static let def = Catalog.holidays
  public let table: Table
  public let id: RequiredCells<Int64>
  public let from: RequiredCells<Day>
  public let to: RequiredCells<Day>
  public let name: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    from = b.required("from")
    to = b.required("to")
    name = b.cells("name")
  }
}
