/// Typed, compiler-checked access to one table's columns.
///
/// A conforming struct names each column it reads as a property of the right Swift type
/// (`Cells<Day>` for a nullable date, `RequiredCells<Money>` for a non-null amount), bound
/// once in `init(_ table:)` through a `ColumnBinder`. Readers then write `inv.amount[row]`:
/// a misspelt column is a compile error, and a binding that does not match the catalog
/// (wrong name, type or nullability) stops at the first use of the accessor, which
/// `AccessTests` does for every accessor over an empty database.
///
/// To add a table: a struct with `static let def = Catalog.x`, one `let` per column, and an
/// `init(_ table: Table)` that binds them with `ColumnBinder`. See `Access+Receivables.swift`.
public protocol TableAccess: Sendable {
  static var def: TableDef { get }
  init(_ table: Table)
  /// The table the accessor reads, for its key index and row count.
  var table: Table { get }
}

extension TableAccess {
  /// The accessor over this table in `db`.
  public init(_ db: Database) { self.init(db.tables[Catalog.tableIndex(Self.def.name)!]) }
  public var count: Int { table.count }
  public var rows: Range<Int> { 0..<table.count }
  /// The row whose key is `id` (tables with generated integer keys).
  public func row(id: Int64) -> Int? { table.row(forId: id) }
  /// The row whose key is `no` (tables keyed by text).
  public func row(no: String) -> Int? { table.row(forNo: no) }
}

extension TableDef {
  /// The column that says whose row it is (`customer`, an integer reference to the customer
  /// card), for the commands that follow a customer through every table: purge, history.
  public var customerColumn: Int? {
    columnIndex("customer").flatMap { columns[$0].type == .int ? $0 : nil }
  }
}

/// Binds an accessor's properties to a table's columns, checking each against the catalog.
/// The string names live here, once per column, next to the property they fill.
public struct ColumnBinder {
  public let table: Table
  private let def: TableDef

  public init<A: TableAccess>(_ table: Table, for _: A.Type) {
    precondition(
      table.def.name == A.def.name, "\(A.self) binds \(A.def.name), was given \(table.def.name)")
    self.table = table
    self.def = table.def
  }

  private func index<Cell: StoredCell>(_ name: String, _: Cell.Type, required: Bool) -> Int {
    guard let i = def.columnIndex(name) else {
      preconditionFailure("\(def.name) has no column \(name)")
    }
    let c = def.columns[i]
    precondition(Cell.reads(c), "\(def.name).\(name) is \(c.type.rawValue), not \(Cell.self)")
    precondition(!required || !c.nullable, "\(def.name).\(name) is nullable: bind it as Cells")
    return i
  }

  /// A nullable column.
  public func cells<Cell: StoredCell>(_ name: String, as _: Cell.Type = Cell.self) -> Cells<Cell> {
    Cells(column: table.columns[index(name, Cell.self, required: false)])
  }

  /// A column the catalog declares non-null.
  public func required<Cell: StoredCell>(
    _ name: String, as _: Cell.Type = Cell.self
  ) -> RequiredCells<Cell> {
    RequiredCells(column: table.columns[index(name, Cell.self, required: true)])
  }
}
