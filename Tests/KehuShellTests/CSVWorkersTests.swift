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

  /// The CSV of `t` as the spec says, a row of values at a time: `csvLine` of `csvCell`s.
  func reference(_ t: ResultTable) -> [UInt8] {
    var s = ""
    func line(_ fields: [String]) {
      s +=
        fields.count == 1 && fields[0].isEmpty
        ? "\"\"\r\n" : fields.map(csvField).joined(separator: ",") + "\r\n"
    }
    line(t.columns.map(\.name))
    for r in 0..<t.rowCount {
      line(
        t.columns.indices.map { c in
          let v = t.value(row: r, column: c)
          if case .text(let x) = v { return formulaEscaped(x) }
          return machineText(v)
        })
    }
    return Array(s.utf8)
  }

  /// SplitMix64: the same tables on every run.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  func randomText(_ g: inout Seeded) -> String {
    let pieces = [
      "a", "Zz", ",", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", "\t", " ", "华东", "王芳", "多字节", "😀",
      "12345678", "x,y", "say \"hi\"", "é",
    ]
    let n = Int.random(in: 0...12, using: &g)
    return (0..<n).map { _ in pieces.randomElement(using: &g)! }.joined()
  }

  /// Random columnar tables of every kind the writer has a fast path for (and some it has
  /// not), with nulls, a list of rows, quoting, formulas, CJK text, negative money and the
  /// largest integers: the same bytes as the reference with any number of workers.
  func testRandomTablesMatchTheReference() {
    var g = Seeded(state: 16)
    for round in 0..<40 {
      let n = Int.random(in: 0...300, using: &g)
      let dict = (0..<Int.random(in: 1...8, using: &g)).map { _ in randomText(&g) }
      var ints: [Int64] = []
      var money: [Int64] = []
      var codes: [Int32] = []
      var buffer = TextBuffer()
      var days: [Int64] = []
      let extremes: [Int64] = [Int64.max, Int64.min + 1, -1, 0, 9, 10, 99, 100, 999_999_999, 1_000_000_000]
      for _ in 0..<n {
        let nul = Int.random(in: 0..<10, using: &g) == 0
        ints.append(
          nul
            ? Int64.min
            : Bool.random(using: &g)
              ? extremes.randomElement(using: &g)! : Int64.random(in: -10_000_000...10_000_000, using: &g))
        money.append(
          Int.random(in: 0..<10, using: &g) == 0
            ? Int64.min
            : Bool.random(using: &g)
              ? extremes.randomElement(using: &g)! : Int64.random(in: -1_000_000...1_000_000, using: &g))
        codes.append(
          Int.random(in: 0..<10, using: &g) == 0 ? -1 : Int32.random(in: 0..<Int32(dict.count), using: &g))
        buffer.append(Int.random(in: 0..<10, using: &g) == 0 ? nil : randomText(&g))
        days.append(
          Int.random(in: 0..<10, using: &g) == 0 ? Int64.min : Int64.random(in: 0...30_000, using: &g))
      }
      let order: [Int]? = round % 2 == 0 ? nil : (0..<n).map { _ in Int.random(in: -1..<n, using: &g) }
      let all: [(ResultColumn, ResultCells.Column)] = [
        (ResultColumn("id", .int), .init(.ints(ints, .int))),
        (ResultColumn("money", .money), .init(.ints(money, .money), rows: order)),
        (ResultColumn("area", .text), .init(.codes(codes, dict), rows: order)),
        (ResultColumn("name", .text), .init(.text(buffer))),
        (ResultColumn("day", .date), .init(.ints(days, .date))),
        (ResultColumn("note", .text), .init(.text(buffer), rows: order)),
      ]
      // One column, or a random choice of them in a random order.
      let width = Int.random(in: 1...all.count, using: &g)
      let picked = Array(all.shuffled(using: &g).prefix(width))
      let t = ResultTable(
        columns: picked.map(\.0), cells: ResultCells(columns: picked.map(\.1), rowCount: n))
      let expected = reference(t)
      let rows = ResultTable(columns: t.columns, rows: t.rows)
      XCTAssertEqual(reference(rows), expected)
      for workers in [1, 2, 3] {
        for block in [1, 5, 64, 1 << 14] {
          XCTAssertEqual(
            written(t, workers: workers, blockRows: block), expected, "round \(round), \(workers)")
          XCTAssertEqual(written(rows, workers: workers, blockRows: block), expected, "rows, round \(round)")
        }
      }
    }
  }

  struct Stop: Error {}

  /// `check` throwing before block m is written: the header and the m whole blocks before
  /// it, and nothing more, with any number of workers (the workers stop and are waited for).
  func testAnInterruptionStopsAtABlockBoundary() {
    let ids = (0..<Int64(1_000)).map { $0 * 7 - 300 }
    let t = ResultTable(
      columns: [ResultColumn("id", .int), ResultColumn("fen", .money)],
      cells: ResultCells(columns: [.init(.ints(ids, .int)), .init(.ints(ids, .money))], rowCount: 1_000))
    let block = 64
    let whole = written(t, workers: 1, blockRows: block)
    for workers in [1, 2, 3] {
      for m in [0, 1, 3, 15] {
        var calls = 0
        var out: [UInt8] = []
        var writesAfter = 0
        XCTAssertThrowsError(
          try writeCSV(
            t, workers: workers, blockRows: block,
            check: {
              if calls == m { throw Stop() }
              calls += 1
            }
          ) {
            if calls > m { writesAfter += 1 }
            out.append(contentsOf: $0)
          })
        XCTAssertEqual(writesAfter, 0)
        XCTAssertEqual(out, Array(whole.prefix(out.count)), "workers \(workers), m \(m)")
        // The header and m blocks of whole rows.
        let lines = String(decoding: out, as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 1 + m * block + 1, "workers \(workers), m \(m)")
        XCTAssertEqual(lines.last, "")
      }
    }
  }
}
