import KehuStore

/// How results are written: `--format` on the command line, `set format` in a session.
public enum OutputFormat: String, CaseIterable, Sendable {
  case table, csv, json, markdown
}

/// `set view`: one line per row, or one card of `column: value` lines per row (psql's `\x`).
public enum RowView: String, CaseIterable, Sendable {
  case horizontal, vertical
  /// Horizontal when the table fits the terminal (long text cut with `…`), else vertical:
  /// psql's `\x auto`.
  case auto
}

/// The few words the table format writes itself. English by default; the session hands in
/// the ones from its message catalogue so a translation needs no change here.
public struct RenderLabels: Sendable {
  /// The footer under a table: `(3 rows)`, `(1 row)`.
  public var rowCount: @Sendable (Int) -> String
  /// The line under a table cut by `maxRows`, given the number of rows not shown.
  public var moreRows: @Sendable (Int) -> String
  /// The text inside a vertical card's header, `RECORD 1` in `-[ RECORD 1 ]-`.
  public var record: @Sendable (Int) -> String

  public init(
    rowCount: @escaping @Sendable (Int) -> String,
    moreRows: @escaping @Sendable (Int) -> String,
    record: @escaping @Sendable (Int) -> String
  ) {
    self.rowCount = rowCount
    self.moreRows = moreRows
    self.record = record
  }

  public static let english = RenderLabels(
    rowCount: { n in "(\(groupThousands(n)) \(n == 1 ? "row" : "rows"))" },
    moreRows: { n in "… \(groupThousands(n)) more \(n == 1 ? "row" : "rows") (set rows all to see them)" },
    record: { n in "RECORD \(n)" })
}

/// Settings that shape one rendering.
///
/// `view`, `maxRows`, `maxCellWidth` and `color` affect the table format only: CSV and JSON
/// are for programs and markdown for documents, so they always hold every row and every
/// character, without escape codes.
public struct RenderOptions: Sendable {
  public var format: OutputFormat
  public var view: RowView
  /// Rows shown before the table is cut with a "more rows" line; nil shows them all.
  public var maxRows: Int?
  /// ANSI bold headers and dim rules and nulls; the caller decides (terminal, `NO_COLOR`).
  public var color: Bool
  /// Widest cell, in terminal cells, before it is cut with `…` (horizontal table only).
  public var maxCellWidth: Int
  /// The terminal's width: a horizontal table is fitted to it by cutting its widest text
  /// columns with `…` (no cell is then cut at `maxCellWidth`); nil fits nothing.
  public var width: Int?
  public var labels: RenderLabels

  public init(
    format: OutputFormat = .table, view: RowView = .horizontal, maxRows: Int? = nil,
    color: Bool = false, maxCellWidth: Int = 40, width: Int? = nil, labels: RenderLabels = .english
  ) {
    self.format = format
    self.view = view
    self.maxRows = maxRows
    self.color = color
    self.maxCellWidth = maxCellWidth
    self.width = width
    self.labels = labels
  }
}

/// The text of a result in the chosen format. Every line ends in a newline (CRLF in CSV);
/// an empty result gives "". A result with no columns is a message: its title and notes
/// are written as plain lines, and as a one-field message object in JSON, so
/// `set format json` never hides what a command said and still prints one JSON document.
public func render(_ t: ResultTable, _ o: RenderOptions) -> String { render(t, o) {} }

/// The same, calling `check` once a block of rows in the table and CSV formats, so Ctrl-C
/// stops a long result before it is printed (`check` throws the interruption).
func render(_ t: ResultTable, _ o: RenderOptions, check: () throws -> Void) rethrows -> String {
  if t.isMessageOnly {
    let lines = ([t.title].compactMap { $0 } + t.notes).map { tr($0) }
    if lines.isEmpty { return "" }
    switch o.format {
    case .json:
      return "{\"message\": " + jsonString(lines.joined(separator: "\n")) + "}\n"
    case .table, .markdown, .csv: return lines.map { $0 + "\n" }.joined()
    }
  }
  switch o.format {
  case .table:
    switch o.view {
    case .vertical: return try renderVertical(t, o, check: check)
    case .horizontal: return try renderHorizontal(t, o, check: check)
    case .auto: return try renderHorizontal(t, o, orVertical: true, check: check)
    }
  case .csv: return try renderCSV(t, check: check)
  case .json: return renderJSON(t)
  case .markdown: return renderMarkdown(t)
  }
}

extension ResultTable {
  /// True for a result that only says something: no columns, just title and notes.
  public var isMessageOnly: Bool { columns.isEmpty }

  /// The cell at row `r`, column `c`; null when a short row lacks it.
  func cell(_ r: Int, _ c: Int) -> Value { value(row: r, column: c) }

  /// Whether column `c` is right-aligned: numbers are. An untyped column (all nulls, or
  /// built from bare `null`) takes the type of its first non-null cell.
  func isNumeric(column c: Int) -> Bool {
    var type = columns[c].type
    if type == .null {
      type = rows.indices.lazy.map { self.cell($0, c).type }.first { $0 != .null } ?? .null
    }
    return type.isNumeric || type == .duration
  }
}

/// A value as people read it: money with separators and two decimals, percent as `30%`,
/// null as "". Control characters are left in; each format escapes them its own way.
func humanText(_ v: Value) -> String {
  switch v {
  case .money(let m): return m.formatted
  default: return v.plainText
  }
}

/// A value as programs read it (CSV): plain numbers with no separators, percent as the
/// fraction it is (0.3), durations as a count of days, timestamps as ISO 8601.
func machineText(_ v: Value) -> String {
  switch v {
  case .money(let m): return m.plain
  case .percent(let d): return d.normalized.description
  case .duration(let n): return String(n)
  case .timestamp(let t): return isoTimestamp(t)
  default: return v.plainText
  }
}

/// `2026-11-29T09:00:00`: local time, no zone, as the store keeps it.
func isoTimestamp(_ t: Timestamp) -> String {
  String(t.description.map { $0 == " " ? "T" : $0 })
}

/// `1234567` → `1,234,567`.
func groupThousands(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var out = n < 0 ? "-" : ""
  for (i, ch) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(ch)
  }
  return out
}
