import Foundation
import KehuStore
import XCTest

@testable import KehuQuery

/// Generated queries run both here and in sqlite3 over the same generated tables (no
/// nulls), and must give the same rows. Money is compared in fen, dates as ISO text.
final class DifferentialTests: XCTestCase {
  var rand = FastPathTests.Rand(state: 2026)

  func pick<T>(_ xs: [T]) -> T { xs[rand.next(xs.count)] }

  let areas = ["华东", "华北", "华南", "西北"]
  let grades = ["A", "B", "C", "D"]
  let names = ["甲公司", "乙公司", "丙商店", "North Ltd", "Nova", "东方贸易", "公达", "Zeta"]

  struct Tables {
    var customers: TableSource
    var sales: TableSource
    var sql: String
  }

  func generate() -> Tables {
    var crows: [[Value]] = []
    var sql =
      "CREATE TABLE customers(id INTEGER, name TEXT, area TEXT, grade TEXT, credit_limit INTEGER, opened TEXT);\n"
    sql += "CREATE TABLE sales(id INTEGER, customer INTEGER, date TEXT, amount INTEGER, qty INTEGER);\n"
    let base = Day(year: 2025, month: 11, day: 1)!
    for id in 1...40 {
      let name = names[rand.next(names.count)] + String(id % 3)
      let area = pick(areas)
      let grade = pick(grades)
      let limit = Int64(rand.next(100)) * 10_000_00 + Int64(rand.next(100))
      let opened = base.adding(days: -rand.next(2000))
      crows.append([
        .int(Int64(id)), .text(name), .text(area), .text(grade), .money(Money(fen: limit)), .date(opened),
      ])
      sql += "INSERT INTO customers VALUES(\(id), '\(name)', '\(area)', '\(grade)', \(limit), '\(opened)');\n"
    }
    var srows: [[Value]] = []
    for id in 1...300 {
      let cust = Int64(rand.next(45) + 1)  // some sales name a customer that does not exist
      let date = base.adding(days: rand.next(240))
      let amount = Int64(rand.next(500_000)) + 1
      let qty = Int64(rand.next(20) + 1)
      srows.append([.int(Int64(id)), .int(cust), .date(date), .money(Money(fen: amount)), .int(qty)])
      sql += "INSERT INTO sales VALUES(\(id), \(cust), '\(date)', \(amount), \(qty));\n"
    }
    let customers = TableSource(
      columns: [
        ResultColumn("id", .int), ResultColumn("name", .text), ResultColumn("area", .text),
        ResultColumn("grade", .text), ResultColumn("credit_limit", .money), ResultColumn("opened", .date),
      ], rows: crows)
    let sales = TableSource(
      columns: [
        ResultColumn("id", .int), ResultColumn("customer", .int), ResultColumn("date", .date),
        ResultColumn("amount", .money), ResultColumn("qty", .int),
      ], rows: srows)
    return Tables(customers: customers, sales: sales, sql: sql)
  }

  /// A condition in both languages; `p` prefixes SQL columns in a join.
  func atom(_ table: String, join: Bool) -> (String, String) {
    let c = join ? "c." : ""
    let s = join ? "s." : ""
    if table == "customers" || (join && rand.next(2) == 0) {
      switch rand.next(7) {
      case 0:
        let x = rand.next(100) * 10_000
        let op = pick([">", "<=", "==", "!="])
        return ("credit_limit \(op) \(x)", "\(c)credit_limit \(op == "==" ? "=" : op) \(x * 100)")
      case 1:
        let a = pick(areas)
        let op = pick(["==", "!="])
        return ("area \(op) \"\(a)\"", "\(c)area \(op == "==" ? "=" : "<>") '\(a)'")
      case 2:
        let g1 = pick(grades)
        let g2 = pick(grades)
        return ("grade in [\"\(g1)\", \"\(g2)\"]", "\(c)grade IN ('\(g1)', '\(g2)')")
      case 3:
        let t = pick(["公", "N", "o", "东"])
        return ("contains(name, \"\(t)\")", "instr(\(c)name, '\(t)') > 0")
      case 4:
        let t = pick(["N", "甲", "Ze", "公达"])
        return ("starts_with(name, \"\(t)\")", "substr(\(c)name, 1, \(t.count)) = '\(t)'")
      case 5:
        let d = Day(year: 2021, month: 1, day: 1)!.adding(days: rand.next(1700))
        return ("opened < \(d)", "\(c)opened < '\(d)'")
      default:
        let g = pick(grades)
        return ("grade > \"\(g)\"", "\(c)grade > '\(g)'")
      }
    }
    switch rand.next(6) {
    case 0:
      let x = rand.next(5000)
      let cents = rand.next(100)
      let op = pick([">", ">=", "<"])
      return ("amount \(op) \(x).\(cents < 10 ? "0" : "")\(cents)", "\(s)amount \(op) \(x * 100 + cents)")
    case 1:
      let d = Day(year: 2025, month: 11, day: 1)!.adding(days: rand.next(240))
      let op = pick([">=", "<"])
      return ("date \(op) \(d)", "\(s)date \(op) '\(d)'")
    case 2:
      let n = rand.next(10)
      return ("qty * 2 > \(n * 2)", "\(s)qty * 2 > \(n * 2)")
    case 3:
      let m = pick(["2025-11", "2025-12", "2026-01", "2026-03"])
      return ("month(date) == \"\(m)\"", "substr(\(s)date, 1, 7) = '\(m)'")
    case 4:
      let d = Day(year: 2025, month: 11, day: 1)!.adding(days: rand.next(200))
      let k = rand.next(60)
      return ("date < \(d) + \(k)d", "\(s)date < date('\(d)', '+\(k) days')")
    default:
      return ("year(date) == 2026", "CAST(substr(\(s)date, 1, 4) AS INTEGER) = 2026")
    }
  }

  func condition(_ table: String, join: Bool = false) -> (String, String) {
    var (k, q) = atom(table, join: join)
    for _ in 0..<rand.next(3) {
      let (k2, q2) = atom(table, join: join)
      if rand.next(2) == 0 {
        (k, q) = ("\(k) and \(k2)", "\(q) AND \(q2)")
      } else {
        (k, q) = ("(\(k) or \(k2))", "(\(q) OR \(q2))")
      }
    }
    if rand.next(6) == 0 { (k, q) = ("not (\(k))", "NOT (\(q))") }
    return (k, q)
  }

  func query() -> (String, String) {
    let table = pick(["customers", "sales"])
    let (w, sw) = condition(table)
    let money = table == "customers" ? "credit_limit" : "amount"
    let key = table == "customers" ? pick(["area", "grade"]) : pick(["customer", "qty"])
    switch rand.next(8) {
    case 0:
      let col =
        table == "customers"
        ? pick(["credit_limit", "name", "opened", "area"]) : pick(["amount", "date", "qty"])
      let desc = rand.next(2) == 0
      let n = rand.next(12)
      return (
        "\(table) | where \(w) | sort \(col)\(desc ? " desc" : ""), id | take \(n) | select id, \(col)",
        "SELECT id, \(col) FROM \(table) WHERE \(sw) ORDER BY \(col)\(desc ? " DESC" : ""), id LIMIT \(n)"
      )
    case 1:
      return (
        "\(table) | where \(w) | summarize n = count(), s = sum(\(money)), lo = min(\(money)), hi = max(\(money)) by \(key) | sort \(key)",
        "SELECT \(key), count(*), sum(\(money)), min(\(money)), max(\(money)) FROM \(table) WHERE \(sw) GROUP BY \(key) ORDER BY \(key)"
      )
    case 2:
      return (
        "\(table) | where \(w) | summarize s = sum(\(money)), n = count()",
        "SELECT sum(\(money)), count(*) FROM \(table) WHERE \(sw)"
      )
    case 3:
      return ("\(table) | where \(w) | count", "SELECT count(*) FROM \(table) WHERE \(sw)")
    case 4:
      let (jw, jsw) = condition("sales", join: true)
      let k = pick(["area", "grade"])
      return (
        "sales | join customers on customer == id | where \(jw) | summarize s = sum(amount), n = count() by \(k) | sort \(k)",
        "SELECT c.\(k), sum(s.amount), count(*) FROM sales s JOIN customers c ON s.customer = c.id WHERE \(jsw) GROUP BY c.\(k) ORDER BY c.\(k)"
      )
    case 5:
      return (
        "\(table) | where \(w) | distinct \(key) | sort \(key)",
        "SELECT DISTINCT \(key) FROM \(table) WHERE \(sw) ORDER BY \(key)"
      )
    case 6:
      if table == "sales" {
        return (
          "sales | where \(w) | derive v = amount * qty - 1 | sort v desc, id | take 7 | select id, v",
          "SELECT id, amount * qty - 100 AS v FROM sales WHERE \(sw) ORDER BY v DESC, id LIMIT 7"
        )
      }
      return (
        "customers | where \(w) | summarize k = count_distinct(grade) by area | sort area",
        "SELECT area, count(DISTINCT grade) FROM customers WHERE \(sw) GROUP BY area ORDER BY area"
      )
    default:
      if table == "sales" {
        return (
          "sales | where \(w) | summarize s = sum(amount) by m = month(date) | sort m",
          "SELECT substr(date, 1, 7) AS m, sum(amount) FROM sales WHERE \(sw) GROUP BY m ORDER BY m"
        )
      }
      return (
        "customers | where \(w) | sort area desc, credit_limit, id | select id",
        "SELECT id FROM customers WHERE \(sw) ORDER BY area DESC, credit_limit, id"
      )
    }
  }

  func text(_ v: Value) -> String {
    switch v {
    case .money(let m): return String(m.fen)
    default: return v.plainText
    }
  }

  func testAgainstSqlite() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
      throw XCTSkip("sqlite3 is not installed")
    }
    let tables = generate()
    var script = tables.sql
    var queries: [(String, String)] = []
    for _ in 0..<240 { queries.append(query()) }
    for (i, q) in queries.enumerated() { script += "SELECT '#\(i)';\n\(q.1);\n" }

    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = ["-batch", "-list", "-separator", "|", ":memory:"]
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try p.run()
    input.fileHandleForWriting.write(script.data(using: .utf8)!)
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    var expected: [[String]] = Array(repeating: [], count: queries.count)
    var current = -1
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    {
      if line.hasPrefix("#"), let n = Int(line.dropFirst()) {
        current = n
      } else if current >= 0 && !line.isEmpty {
        expected[current].append(String(line))
      }
    }

    var engine = QueryEngine(
      catalog: TestCatalog(tables: ["customers": tables.customers, "sales": tables.sales], typed: true),
      today: today)
    var compared = 0
    for (i, q) in queries.enumerated() {
      guard case .table(let r)? = try engine.execute(q.0).last else { return XCTFail(q.0) }
      let got = r.table.rows.map { $0.map(text).joined(separator: "|") }
      XCTAssertEqual(got, expected[i], "\(q.0)\n\(q.1)")
      compared += 1
    }
    XCTAssertEqual(compared, 240)
    // Guard against a vacuous pass (sqlite3 failing and printing nothing).
    let nonEmpty = expected.filter { !$0.isEmpty }.count
    XCTAssertGreaterThan(nonEmpty, 180, "only \(nonEmpty) queries gave rows")
    print(
      "differential: \(compared) queries, \(nonEmpty) with rows, \(expected.map(\.count).reduce(0, +)) rows")
  }
}
