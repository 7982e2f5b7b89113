import KehuStore
import XCTest

@testable import KehuQuery

/// The issue's speed targets, as a benchmark rather than a timed test: it runs only when
/// KEHU_QUERY_BENCH is set (use a release build:
/// `swift build -c release --build-tests -Xswiftc -enable-testing` then
/// `KEHU_QUERY_BENCH=1 swift test -c release --skip-build --filter QueryBenchmark`).
final class QueryBenchmark: XCTestCase {
  /// Columns as the store keeps them: plain integer arrays with sentinels for null.
  struct ArrayRows: RowSource {
    var columns: [ResultColumn]
    var ints: [[Int64]]
    var codes: [Int: ([Int32], [String])] = [:]
    var rowCount: Int { ints.first?.count ?? codes.values.first?.0.count ?? 0 }
    func value(row: Int, column: Int) -> Value {
      if let (c, d) = codes[column] { return c[row] < 0 ? .null : .text(d[Int(c[row])]) }
      let v = ints[column][row]
      switch columns[column].type {
      case .money: return .money(Money(fen: v))
      case .date: return .date(Day(number: Int32(v)))
      default: return .int(v)
      }
    }
    func reader(column: Int) -> ColumnReader? {
      if let (c, d) = codes[column] { return .codeArray(c, dictionary: d) }
      return .int64s(ints[column], null: nil)  // these columns are not nullable in the store
    }
  }

  struct BenchCatalog: QueryCatalog {
    var tables: [String: ArrayRows]
    var tableNames: [String] { tables.keys.sorted() }
    func columns(of table: String) -> [ResultColumn]? { tables[table]?.columns }
    func rows(of table: String) -> RowSource? { tables[table] }
  }

  func testBenchmark() throws {
    guard let scale = ProcessInfo.processInfo.environment["KEHU_QUERY_BENCH"] else {
      throw XCTSkip("set KEHU_QUERY_BENCH=1 to run")
    }
    let factor = Int(scale) ?? 1
    let nCustomers = 1_000_000 / factor
    let nSales = 10_000_000 / factor
    var seed: UInt64 = 42
    func rnd(_ n: Int) -> Int64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int64((seed >> 33) % UInt64(n))
    }
    let start = Int64(Day(year: 2025, month: 1, day: 1)!.number)
    var customer: [Int64] = []
    var date: [Int64] = []
    var amount: [Int64] = []
    customer.reserveCapacity(nSales)
    date.reserveCapacity(nSales)
    amount.reserveCapacity(nSales)
    for _ in 0..<nSales {
      customer.append(rnd(nCustomers) + 1)
      date.append(start + rnd(700))
      amount.append(rnd(10_000_000))
    }
    let sales = ArrayRows(
      columns: [ResultColumn("customer", .int), ResultColumn("date", .date), ResultColumn("amount", .money)],
      ints: [customer, date, amount])
    let areas = ["华东", "华北", "华南", "华中", "西南", "西北", "东北"]
    var limit: [Int64] = []
    var area: [Int32] = []
    for _ in 0..<nCustomers {
      limit.append(rnd(100_000_000))
      area.append(Int32(rnd(areas.count)))
    }
    let customers = ArrayRows(
      columns: [ResultColumn("id", .int), ResultColumn("area", .text), ResultColumn("credit_limit", .money)],
      ints: [Array(1...Int64(nCustomers)), [], limit], codes: [1: (area, areas)])
    let engine = QueryEngine(
      catalog: BenchCatalog(tables: ["sales": sales, "customers": customers]), today: today)
    let clock = ContinuousClock()
    func time(_ q: String) throws -> Double {
      var best = Double.infinity
      for _ in 0..<3 {
        let t0 = clock.now
        let stmts = try engine.parse(q)
        guard case .query(let p) = stmts[0].kind else { return 0 }
        let plan = try engine.plan(p)
        let t1 = clock.now
        _ = try Evaluator(catalog: engine.catalog, context: EvaluationContext(today: today)).run(plan)
        let t2 = clock.now
        best = min(
          best, Double((t2 - t0).components.attoseconds) / 1e15 + Double((t2 - t0).components.seconds) * 1000)
        if ProcessInfo.processInfo.environment["KEHU_QUERY_BENCH_PARSE"] != nil {
          print(String(format: "  parse+check %.3f ms", Double((t1 - t0).components.attoseconds) / 1e15))
        }
      }
      return best
    }
    let only = ProcessInfo.processInfo.environment["KEHU_QUERY_BENCH_ONLY"]
    for q in [
      "sales | where date >= 2026-01-01 | summarize total = sum(amount) by customer | sort total desc | take 10",
      "customers | where area == \"华东\" | sort credit_limit desc | take 10",
      "sales | where date >= 2026-01-01 | count",
      "sales | summarize total = sum(amount) by customer | count",
      "sales | where date >= 2026-01-01 | summarize total = sum(amount) by customer | count",
      "sales | summarize total = sum(amount)",
      "sales | join customers on customer == id | summarize total = sum(amount) by area",
    ] where only.map({ q.contains($0) }) ?? true {
      print(String(format: "bench %.1f ms  %@", try time(q), q))
    }
  }
}
