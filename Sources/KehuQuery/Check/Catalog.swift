import KehuStore

/// How a column hands out its cells in bulk, so filters and sums over typed columns run
/// without building a `Value` per row.
public enum ColumnReader {
  /// Int-backed cells: `int` the value, `money` fen, `date` the day number, `duration`
  /// days, `bool` 0 or 1. `isNull` is nil when the column has no nulls.
  case int64(get: (Int) -> Int64, isNull: ((Int) -> Bool)?)
  /// Low-cardinality text as codes into `dictionary`; a negative code is null.
  case codes(get: (Int) -> Int32, dictionary: [String])
  /// The column's storage itself, for tight loops over raw integers: the same meanings as
  /// `int64`, with `null` the value that stands for null (`Int64.min` in the store).
  case int64s([Int64], null: Int64?)
  /// Day numbers or durations kept as `Int32` (`Int32.min` for null in the store).
  case int32s([Int32], null: Int32?)
  /// Codes into `dictionary` kept as an array; a negative code is null.
  case codeArray([Int32], dictionary: [String])
  /// Free text as the store keeps it: UTF-8 bytes, a start and length per row.
  case text(TextBuffer)

  /// The same reader as closures, the form most of the evaluator uses.
  public var closures: ColumnReader {
    switch self {
    case .int64, .codes, .text: return self
    case .int64s(let a, let null):
      guard let null else { return .int64(get: { a[$0] }, isNull: nil) }
      return .int64(get: { a[$0] }, isNull: { a[$0] == null })
    case .int32s(let a, let null):
      guard let null else { return .int64(get: { Int64(a[$0]) }, isNull: nil) }
      return .int64(get: { Int64(a[$0]) }, isNull: { a[$0] == null })
    case .codeArray(let a, let dict):
      return .codes(get: { a[$0] }, dictionary: dict)
    }
  }
}

/// Rows the evaluator reads: the store's tables (adapted by the shell), a bound result,
/// or a test double. Row and column indexes are 0-based.
public protocol RowSource {
  var columns: [ResultColumn] { get }
  var rowCount: Int { get }
  func value(row: Int, column: Int) -> Value
  /// A fast reader for the column, or nil to go through `value(row:column:)`.
  func reader(column: Int) -> ColumnReader?
}

extension RowSource {
  public func reader(column: Int) -> ColumnReader? { nil }
  func closureReader(column: Int) -> ColumnReader? { reader(column: column)?.closures }
}

/// The tables a statement may name: their columns for checking (before any row is read)
/// and their rows for evaluation.
public protocol QueryCatalog {
  var tableNames: [String] { get }
  func columns(of table: String) -> [ResultColumn]?
  func rows(of table: String) -> RowSource?
  /// The store's customer codes, for a code written against a code column; nil when the
  /// catalog holds no customers (a test double).
  var customerCodes: CustomerCodeBook? { get }
}

extension QueryCatalog {
  public var customerCodes: CustomerCodeBook? { nil }
}

/// A result held in memory, column by column: a bound `$name`, an intermediate result,
/// a test double.
public struct TableSource: RowSource, Sendable {
  public var columns: [ResultColumn]
  public var cells: [[Value]]  // cells[column][row]
  public var rowCount: Int

  public init(columns: [ResultColumn], cells: [[Value]], rowCount: Int) {
    self.columns = columns
    self.cells = cells
    self.rowCount = rowCount
  }

  public init(_ table: ResultTable) {
    columns = table.columns
    rowCount = table.rows.count
    cells = (0..<table.columns.count).map { c in table.rows.map { $0[c] } }
  }

  public init(columns: [ResultColumn], rows: [[Value]]) {
    self.init(ResultTable(columns: columns, rows: rows))
  }

  public func value(row: Int, column: Int) -> Value { cells[column][row] }

  public var table: ResultTable {
    ResultTable(
      columns: columns, rows: (0..<rowCount).map { r in cells.map { $0[r] } })
  }
}

/// What `$name` refers to: a value or a whole result, fixed when it was bound.
public enum Binding: Sendable, Equatable {
  case value(Value)
  case table(ResultTable)
}

/// The variables a statement sees (`let`, `--set`, the loop variable of `for`).
public struct Environment: Sendable {
  public var bindings: [String: Binding]
  public init(_ bindings: [String: Binding] = [:]) { self.bindings = bindings }
  public subscript(name: String) -> Binding? {
    get { bindings[name] }
    set { bindings[name] = newValue }
  }
}
