import KehuQuery
import XCTest

@testable import KehuStore

/// Hand-built tables. The typed variant hands out `ColumnReader`s, the way the store's
/// columns will, so every evaluation test runs through both the general and fast paths.
struct TestCatalog: QueryCatalog {
  var tables: [String: TableSource]
  var typed: Bool
  /// Hand out the storage arrays (as the store does) rather than closures.
  var arrays = false
  /// Hand out text as the store keeps free text (UTF-8 bytes), not as codes.
  var freeText = false

  var tableNames: [String] { tables.keys.sorted() }
  func columns(of table: String) -> [ResultColumn]? { tables[table]?.columns }
  func rows(of table: String) -> RowSource? {
    guard let t = tables[table] else { return nil }
    return typed ? TypedSource(table: t, arrays: arrays, freeText: freeText) : t
  }
}

struct TypedSource: RowSource {
  var table: TableSource
  var arrays = false
  var freeText = false
  var columns: [ResultColumn] { table.columns }
  var rowCount: Int { table.rowCount }
  func value(row: Int, column: Int) -> Value { table.value(row: row, column: column) }

  func reader(column: Int) -> ColumnReader? {
    let cells = table.cells[column]
    let hasNull = cells.contains(where: \.isNull)
    let isNull: ((Int) -> Bool)? = hasNull ? { cells[$0].isNull } : nil
    switch table.columns[column].type {
    case .int where arrays, .money where arrays:
      let raw = cells.map {
        $0.isNull
          ? Int64.min
          : ($0.decimalValue.flatMap {
            try? $0.multiplied(by: Dec(table.columns[column].type == .money ? 100 : 1)).exactInt
          } ?? 0)
      }
      return .int64s(raw, null: hasNull ? Int64.min : nil)
    case .date where arrays:
      let raw = cells.map { if case .date(let d) = $0 { return d.number } else { return Int32.min } }
      return .int32s(raw, null: hasNull ? Int32.min : nil)
    case .int:
      let raw = cells.map { if case .int(let i) = $0 { return i } else { return 0 } }
      return .int64(get: { raw[$0] }, isNull: isNull)
    case .money:
      let raw = cells.map { if case .money(let m) = $0 { return m.fen } else { return 0 } }
      return .int64(get: { raw[$0] }, isNull: isNull)
    case .date:
      let raw = cells.map { if case .date(let d) = $0 { return Int64(d.number) } else { return 0 } }
      return .int64(get: { raw[$0] }, isNull: isNull)
    case .text where freeText:
      var buf = TextBuffer()
      for c in cells { buf.append(c.textValue) }
      return .text(buf)
    case .text:
      var dict: [String] = []
      var index: [String: Int32] = [:]
      var codes: [Int32] = []
      for c in cells {
        guard case .text(let s) = c else {
          codes.append(-1)
          continue
        }
        if index[s] == nil {
          index[s] = Int32(dict.count)
          dict.append(s)
        }
        codes.append(index[s]!)
      }
      return arrays ? .codeArray(codes, dictionary: dict) : .codes(get: { codes[$0] }, dictionary: dict)
    default:
      return nil
    }
  }
}

func d(_ s: String) -> Value { .date(Day(parsing: s)!) }
func m(_ s: String) -> Value { .money(Money(parsing: s)!) }
func dec(_ s: String) -> Value { .decimal(Dec(parsing: s)!) }
func pct(_ s: String) -> Value { .percent(Dec(parsing: s)!) }
func t(_ s: String) -> Value { .text(s) }
func i(_ n: Int64) -> Value { .int(n) }

let customers = TableSource(
  columns: [
    ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("area", .text),
    ResultColumn("abc_grade", .text), ResultColumn("credit_limit", .money), ResultColumn("opened", .date),
  ],
  rows: [
    [i(1), t("甲公司"), t("华东"), t("A"), m("800000"), d("2020-01-15")],
    [i(2), t("乙公司"), t("华北"), t("B"), m("300000"), d("2021-06-01")],
    [i(3), t("丙商店"), t("华东"), t("C"), m("50000"), .null],
    [i(4), t("Ding Ltd"), t("华南"), t("A"), m("600000"), d("2022-03-31")],
    [i(5), t("Eve"), .null, t("D"), .null, d("2023-12-31")],
  ])

let sales = TableSource(
  columns: [
    ResultColumn("id", .int), ResultColumn("customer", .int), ResultColumn("date", .date),
    ResultColumn("amount", .money),
  ],
  rows: [
    [i(1), i(1), d("2026-01-05"), m("1000.00")],
    [i(2), i(1), d("2026-02-10"), m("2500.50")],
    [i(3), i(2), d("2026-01-20"), m("300.00")],
    [i(4), i(4), d("2025-12-31"), m("999.99")],
    [i(5), i(9), d("2026-03-01"), m("10.00")],
    [i(6), i(2), d("2026-02-28"), .null],
  ])

func catalog(typed: Bool, arrays: Bool = false) -> TestCatalog {
  TestCatalog(tables: ["customers": customers, "sales": sales], typed: typed, arrays: arrays)
}

let today = Day(year: 2026, month: 11, day: 29)!

/// Each query over table `t` (= `src`) gives, on the kernels over stored arrays with one
/// worker and with two, exactly the rows the row-at-a-time path gives over `src` untyped.
func assertArraysMatchRows(
  _ qs: [String], _ src: TableSource, _ context: String = "", file: StaticString = #filePath,
  line: UInt = #line
) throws {
  let plain = TestCatalog(tables: ["t": src], typed: false)
  let arrays = TestCatalog(tables: ["t": src], typed: true, arrays: true)
  for q in qs {
    let expected = try lastTable(q, plain).rows
    for w in [1, 2] {
      XCTAssertEqual(
        try lastTable(q, arrays, workers: w).rows, expected, "\(q) workers \(w) \(context)", file: file,
        line: line)
    }
  }
}

/// The table the last statement of `q` gives.
func lastTable(_ q: String, _ cat: any QueryCatalog, workers: Int = 1) throws -> ResultTable {
  var e = QueryEngine(catalog: cat, today: today)
  e.workers = workers
  guard case .table(let r)? = try e.execute(q).last else {
    throw QueryError(
      .syntax, "no table",
      at: SourceRange(start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0)))
  }
  return r.table
}
