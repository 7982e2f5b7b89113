/// A column of a catalog table found by a name that came from outside the code: a CSV file's
/// header, a `Mutation`'s field, a column a user typed. The generic paths (import, the audit
/// rows, a scenario's diff) hold one of these rather than a bare position; code that knows
/// which column it wants reads it through the typed accessors of `Access/` instead.
public struct ColumnRef: Sendable, Hashable {
  /// Where the column sits in its table's `columns`.
  public let position: Int
  public let def: ColumnDef

  public var name: String { def.name }
}

extension TableDef {
  /// The column called `name`, nil when the table has none.
  public func column(named name: String) -> ColumnRef? {
    columnIndex(name).map { ColumnRef(position: $0, def: columns[$0]) }
  }

  /// The key column.
  public var keyRef: ColumnRef { ColumnRef(position: keyColumn, def: key) }
}

extension Table {
  public func value(row: Int, _ column: ColumnRef) -> Value { columns[column.position].value(row) }

  /// The cell of column `field` in the row whose key is `key`: nil when there is no such row
  /// or no such column (what a change is about to overwrite, or did).
  public func value(forKey key: Value, field: String) -> Value? {
    guard let r = row(forKey: key), let c = def.column(named: field) else { return nil }
    return value(row: r, c)
  }
}
