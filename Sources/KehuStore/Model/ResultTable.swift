import Synchronization

/// What every command and query returns: a table, with optional heading lines
/// (the rule or formula used) and footer lines (the working, the convention).
///
/// The cells are rows of values (what commands build), or columns as a query computed
/// them (`ResultCells`), turned into values only when read: printing or exporting a million
/// rows then writes straight from the columns. `rows` reads either the same way.
public struct ResultTable: Sendable, Equatable {
  public var columns: [ResultColumn]
  /// Text for people, translated when shown (a `Message` keeps its key until then).
  public var title: Message?
  public var notes: [Message]
  /// How many rows the whole result has when `rows` holds only the first of them (a query
  /// at the prompt builds only what the screen shows); nil when `rows` is all of it.
  public var totalRows: Int?
  var storage: Storage

  enum Storage: Sendable {
    case rows([[Value]])
    case cells(ResultCells)
  }

  public init(columns: [ResultColumn], rows: [[Value]] = [], title: Message? = nil, notes: [Message] = []) {
    self.columns = columns
    self.storage = .rows(rows)
    self.title = title
    self.notes = notes
  }

  /// A result kept as columns (see `ResultCells`).
  public init(columns: [ResultColumn], cells: ResultCells, title: Message? = nil, notes: [Message] = []) {
    self.columns = columns
    self.storage = .cells(cells)
    self.title = title
    self.notes = notes
  }

  /// Every row as values. A columnar result builds them once, on first use.
  public var rows: [[Value]] {
    get {
      switch storage {
      case .rows(let r): return r
      case .cells(let c): return c.rows
      }
    }
    _modify {
      var r: [[Value]]
      switch storage {
      case .rows(let x): r = x
      case .cells(let c): r = c.rows
      }
      // Let go of the stored array, so changing `r` in place copies nothing.
      storage = .rows([])
      defer { storage = .rows(r) }
      yield &r
    }
  }

  /// The columns as a query computed them, when the result is kept so.
  public var cells: ResultCells? {
    if case .cells(let c) = storage { return c }
    return nil
  }

  public var rowCount: Int {
    switch storage {
    case .rows(let r): return r.count
    case .cells(let c): return c.rowCount
    }
  }

  /// The cell at row `r`, column `c`; null when a short row lacks it.
  public func value(row r: Int, column c: Int) -> Value {
    switch storage {
    case .rows(let rows):
      let row = rows[r]
      return c < row.count ? row[c] : .null
    case .cells(let cells): return cells.value(row: r, column: c)
    }
  }

  public static func == (a: ResultTable, b: ResultTable) -> Bool {
    a.columns == b.columns && a.title == b.title && a.notes == b.notes && a.totalRows == b.totalRows
      && a.rows == b.rows
  }
}

/// A result's cells as columns: raw integers, dictionary codes, the store's text buffer or
/// values, each read at an optional list of rows (-1 reads as null). Immutable; the rows
/// as values are built at most once.
public final class ResultCells: Sendable {
  public enum Data: Sendable {
    /// Raw integers of `type` (int, money in fen, date as day number, duration in days,
    /// bool 0/1); `Int64.min` is null.
    case ints([Int64], ValueType)
    /// Day numbers or durations; `Int32.min` is null.
    case int32s([Int32], ValueType)
    /// Codes into a dictionary; a negative code is null.
    case codes([Int32], [String])
    case text(TextBuffer)
    case values([Value])
  }

  public struct Column: Sendable {
    public var data: Data
    /// Row i of the result is row `rows[i]` of `data` (all rows in order when nil).
    public var rows: [Int]?

    public init(_ data: Data, rows: [Int]? = nil) {
      self.data = data
      self.rows = rows
    }

    /// The cell of result row r.
    @inline(__always)
    public func value(_ r: Int) -> Value {
      let i = rows?[r] ?? r
      return i < 0 ? .null : ResultCells.value(data, i)
    }
  }

  public let columns: [Column]
  public let rowCount: Int
  private let built = Mutex<[[Value]]?>(nil)

  public init(columns: [Column], rowCount: Int) {
    self.columns = columns
    self.rowCount = rowCount
  }

  public func value(row r: Int, column c: Int) -> Value {
    c < columns.count ? columns[c].value(r) : .null
  }

  @inline(__always)
  static func value(_ data: Data, _ i: Int) -> Value {
    switch data {
    case .ints(let a, let type): return Value(raw: a[i], type)
    case .int32s(let a, let type): return a[i] == Int32.min ? .null : Value(raw: Int64(a[i]), type)
    case .codes(let a, let dict): return a[i] < 0 ? .null : .text(dict[Int(a[i])])
    case .text(let t): return t.string(i).map(Value.text) ?? .null
    case .values(let v): return v[i]
    }
  }

  /// Every row as values, built on first use.
  public var rows: [[Value]] {
    built.withLock { cache in
      if let cache { return cache }
      let width = columns.count
      var out: [[Value]] = []
      out.reserveCapacity(rowCount)
      for r in 0..<rowCount {
        out.append((0..<width).map { value(row: r, column: $0) })
      }
      cache = out
      return out
    }
  }
}

extension Value {
  /// A raw integer of a column of `type` as a value: `Int64.min` is null.
  public init(raw: Int64, _ type: ValueType) {
    if raw == Int64.min {
      self = .null
      return
    }
    switch type {
    case .int: self = .int(raw)
    case .money: self = .money(Money(fen: raw))
    case .date: self = .date(Day(number: Int32(truncatingIfNeeded: raw)))
    case .duration: self = .duration(Int32(truncatingIfNeeded: raw))
    case .bool: self = .bool(raw != 0)
    case .timestamp: self = .timestamp(Timestamp(seconds: raw))
    default: self = .null
    }
  }
}
