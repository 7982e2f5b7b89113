/// A value a typed column accessor hands out: which columns may hold it, and how to read one
/// cell of such a column. Conformances exist for every `ValueType` a catalog column has.
public protocol StoredCell: Sendable {
  /// Whether a column declared as `def` can be read as this Swift type.
  static func reads(_ def: ColumnDef) -> Bool
  /// The cell at `row`; the caller has checked it is not null.
  static func read(_ column: Column, _ row: Int) -> Self
}

extension Int64: StoredCell {
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .int }
  public static func read(_ column: Column, _ row: Int) -> Int64 { column.int(row) }
}

extension Money: StoredCell {
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .money }
  public static func read(_ column: Column, _ row: Int) -> Money { column.money(row) }
}

extension Day: StoredCell {
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .date }
  public static func read(_ column: Column, _ row: Int) -> Day { column.day(row) }
}

extension Timestamp: StoredCell {
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .timestamp }
  public static func read(_ column: Column, _ row: Int) -> Timestamp {
    Timestamp(seconds: column.int(row))
  }
}

extension Dec: StoredCell {
  // Percent columns keep the fraction (25% is 0.25), so both read as a plain decimal.
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .decimal || def.type == .percent }
  public static func read(_ column: Column, _ row: Int) -> Dec { column.decimal(row) }
}

extension Bool: StoredCell {
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .bool }
  public static func read(_ column: Column, _ row: Int) -> Bool { column.bool(row) }
}

extension String: StoredCell {
  // Plain and coded text read alike; the dictionary lookup is the column's business.
  public static func reads(_ def: ColumnDef) -> Bool { def.type == .text }
  public static func read(_ column: Column, _ row: Int) -> String { column.string(row) ?? "" }
}

/// The cells of one nullable column, read as `Cell`: `invoices.due[row]` is a `Day?`.
public struct Cells<Cell: StoredCell>: Sendable {
  public let column: Column

  public subscript(_ row: Int) -> Cell? { column.isNull(row) ? nil : Cell.read(column, row) }
  public func isNull(_ row: Int) -> Bool { column.isNull(row) }
  /// The cell as a result value (null when empty), for a table that shows it as stored.
  public func value(_ row: Int) -> Value { column.value(row) }
}

/// The cells of a column the catalog declares `nullable: false`: `invoices.amount[row]` is a
/// `Money`, with no unwrapping, because the store never lets a null in.
public struct RequiredCells<Cell: StoredCell>: Sendable {
  public let column: Column

  public subscript(_ row: Int) -> Cell { Cell.read(column, row) }
  public func value(_ row: Int) -> Value { column.value(row) }
}

extension RequiredCells where Cell == Int64 {
  /// The rows holding `id` (a customer's sales, a complaint's events), by a scan of the
  /// integers alone.
  public func rows(equalTo id: Int64) -> [Int] {
    let ids = column.ints
    return ids.indices.filter { ids[$0] == id }
  }
}

extension Cells where Cell == String {
  /// The rows whose text is `text`; a coded column is matched by its dictionary code, so a
  /// scan makes no String per row.
  public func rows(equalTo text: String) -> [Int] {
    if column.kind == .coded {
      guard let code = column.dictionary.lookup(text) else { return [] }
      let codes = column.int32s
      return codes.indices.filter { codes[$0] == code }
    }
    return (0..<column.count).filter { column.string($0) == text }
  }

  /// For each row, whether its coded text is `text` (false for every row when no row has it).
  public func matches(_ text: String) -> [Bool] {
    guard column.kind == .coded else { return (0..<column.count).map { column.string($0) == text } }
    let code = column.dictionary.lookup(text) ?? -2
    return column.int32s.map { $0 == code }
  }
}

extension RequiredCells where Cell == String {
  public func rows(equalTo text: String) -> [Int] { Cells<String>(column: column).rows(equalTo: text) }
  public func matches(_ text: String) -> [Bool] { Cells<String>(column: column).matches(text) }
}

/// Any column accessor, read as stored values: for a layout that lists columns of several
/// types (the archive card's lines), each as a closure over a typed accessor.
public protocol CellValues: Sendable {
  var column: Column { get }
  func value(_ row: Int) -> Value
}

extension Cells: CellValues {}
extension RequiredCells: CellValues {}
