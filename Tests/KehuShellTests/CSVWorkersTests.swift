import Foundation
import XCTest

@testable import KehuShell
@testable import KehuStore

/// CSV printed in blocks formatted on several threads: any number of workers and any block
/// size write exactly the bytes one worker writes, which are the bytes the row-by-row path
/// writes for the same values.
final class CSVWorkersTests: XCTestCase {
  let day = Day(year: 2026, month: 11, day: 29)!

  /// Every kind of column a query hands over, with nulls, quoting, multibyte text, the
  /// formula-safety rules, money and decimals, read through a list of rows (-1 is null).
  func columnar(rows n: Int) -> ResultTable {
    let dict = ["华东", "say \"hi\", ok", "=SUM(A1)", "", "line\r\nbreak", "'quoted", "plain"]
    let texts = ["张三", "李四,王五", "-12", "@home", "\ttab", "\"q\"", "", "ok", "+1", "多字节文本"]
    var ints: [Int64] = []
    var money: [Int64] = []
    var dates: [Int64] = []
    var days: [Int32] = []
    var codes: [Int32] = []
    var buffer = TextBuffer()
    var values: [Value] = []
    for i in 0..<n {
      ints.append(i % 11 == 0 ? Int64.min : Int64(i * 7919 % 100_003) - 50_000)
      money.append(i % 13 == 0 ? Int64.min : Int64(i) * 12_345 - 6_000_000)
      dates.append(i % 17 == 0 ? Int64.min : Int64(day.number) - Int64(i % 400))
      days.append(i % 5 == 0 ? Int32.min : Int32(i % 90))
      codes.append(i % 9 == 0 ? -1 : Int32(i % dict.count))
      buffer.append(i % 7 == 0 ? nil : texts[i % texts.count])
      switch i % 6 {
      case 0: values.append(.null)
      case 1: values.append(.percent(Dec(mantissa: Int128(i), scale: 3)))
      case 2: values.append(.text(texts[(i / 6) % texts.count]))
      case 3: values.append(.bool(i % 4 == 1))
      case 4: values.append(.timestamp(Timestamp(day: day, hour: i % 24, minute: 5, second: 7)))
      default: values.append(.money(Money(fen: Int64(-i))))
      }
    }
    // The rows of the result, some of them missing (-1): a join's unmatched side.
    let order = (0..<n).map { $0 % 23 == 5 ? -1 : n - 1 - $0 }
    let cells = ResultCells(
      columns: [
        .init(.ints(ints, .int)), .init(.ints(money, .money), rows: order), .init(.ints(dates, .date)),
        .init(.int32s(days, .duration)), .init(.codes(codes, dict)), .init(.text(buffer), rows: order),
        .init(.values(values)),
      ], rowCount: n)
    let columns = [
      ResultColumn("id", .int), ResultColumn("amount", .money), ResultColumn("due", .date),
      ResultColumn("overdue", .duration), ResultColumn("area", .text), ResultColumn("name", .text),
      ResultColumn("mixed", .null),
    ]
    return ResultTable(columns: columns, cells: cells)
  }

  func written(_ t: ResultTable, workers: Int, blockRows: Int) -> [UInt8] {
    var out: [UInt8] = []
    var writes = 0
    writeCSV(t, workers: workers, blockRows: blockRows, check: {}) {
      out.append(contentsOf: $0)
      writes += 1
    }
    // The header, then one write per block.
    XCTAssertEqual(writes, 1 + (t.rowCount + blockRows - 1) / blockRows)
    return out
  }

  func testOneTwoAndThreeWorkersWriteTheSameBytes() {
    for n in [0, 1, 2, 5, 100, 1_001] {
      let t = columnar(rows: n)
      let one = written(t, workers: 1, blockRows: 1 << 14)
      // The same values as rows of values: the row-by-row path, the reference.
      let rows = ResultTable(columns: t.columns, rows: t.rows)
      XCTAssertEqual(
        String(decoding: one, as: UTF8.self), String(decoding: renderCSVBytes(rows), as: UTF8.self),
        "\(n) rows")
      for workers in [1, 2, 3] {
        for block in [1, 7, 64, 1_000] {
          XCTAssertEqual(
            written(t, workers: workers, blockRows: block), one, "\(n) rows, \(workers) workers, \(block)")
          XCTAssertEqual(
            written(rows, workers: workers, blockRows: block), one, "rows, \(n), \(workers), \(block)")
        }
      }
    }
  }

  func testTheFieldsAreWrittenAsCSVWants() {
    let text = String(decoding: written(columnar(rows: 30), workers: 3, blockRows: 4), as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n")
    XCTAssertEqual(lines[0], "id,amount,due,overdue,area,name,mixed")
    XCTAssertTrue(text.contains("\"say \"\"hi\"\", ok\""), text)
    XCTAssertTrue(text.contains("'=SUM(A1)"), "a formula is made safe")
    XCTAssertTrue(text.contains("''quoted"), "a leading quote is doubled")
    XCTAssertTrue(text.contains("\"李四,王五\""), "a comma is quoted")
    XCTAssertTrue(text.contains("多字节文本"))
    XCTAssertTrue(text.contains("\"line\r\nbreak\""), "a line break is quoted")
    XCTAssertTrue(text.contains(",0.001\r\n"), "a percent is its fraction")
    XCTAssertTrue(text.contains(",-0.05\r\n"), "money in the values column")
    // Row 0: null id, due, overdue and area; amount and name are row 29's, through the row list.
    XCTAssertEqual(lines[1], ",-56419.95,,,,多字节文本,")
  }

  /// One column: a lone empty field is quoted, so it is not a blank line.
  func testOneColumnKeepsEmptyFieldsQuoted() {
    let t = ResultTable(
      columns: [ResultColumn("a", .text)], rows: (0..<50).map { [$0 % 3 == 0 ? .null : .text("x\($0)")] })
    let one = written(t, workers: 1, blockRows: 100)
    XCTAssertTrue(String(decoding: one, as: UTF8.self).hasPrefix("a\r\n\"\"\r\nx1\r\n"))
    for workers in [2, 3] { XCTAssertEqual(written(t, workers: workers, blockRows: 6), one) }
  }

  /// A whole session printing a query's result with `set format csv`: the same bytes with
  /// one, two and three workers.
  func testASessionPrintsTheSameWithAnyNumberOfWorkers() {
    let today = Day(parsing: "2026-11-29")!
    let db = generate(customers: 3_000, sales: 20_000, seed: 5, today: today)
    var outputs: [String] = []
    for workers in [1, 2, 3] {
      var settings = Settings()
      settings.today = today
      var options = SessionOptions(settings: settings)
      options.workers = workers
      let out = OutputBuffer()
      let s = Session(
        options: options,
        io: SessionIO(
          out: out.append, err: out.append, outBytes: { out.append(String(decoding: $0, as: UTF8.self)) }),
        workspace: Workspace(db))
      s.run(
        source: """
          set format csv
          set rows all
          customers | select id, name, area, credit_limit
          sales | where amount > 100 | select customer, date, amount
          """, file: nil)
      outputs.append(out.text)
    }
    XCTAssertGreaterThan(outputs[0].count, 100_000)
    XCTAssertTrue(outputs[0].hasPrefix("id,name,area,credit_limit\r\n"), String(outputs[0].prefix(80)))
    XCTAssertEqual(outputs[1], outputs[0])
    XCTAssertEqual(outputs[2], outputs[0])
  }
}
