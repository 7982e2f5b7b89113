import Foundation
import KehuStore
import XCTest

@testable import KehuQuery

/// Generated queries run both here and in sqlite3 over the same generated tables (with
/// nulls), and must give the same rows. The translation of kehu's rules into SQL: money in
/// fen; dates as ISO text; every condition wrapped in `coalesce(…, 0)` because kehu treats
/// a null condition as false (so `not` of it is true); `==`/`!=` as `IS`/`IS NOT`, since
/// `null == null` is true in kehu; `avg` of money rounded half away from zero to the fen
/// (sqlite3's `round`); `sort` nulls first, last with `desc`. Functions sqlite3 lacks
/// (`median`) are checked against the row-at-a-time path in VectorEngineTests.
///
/// CI runs `KEHU_DIFF_QUERIES` (default 1,200) queries over fresh tables every 300;
/// `scripts/differential N [SEED]` runs N of them with another seed.
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
      let area: String? = rand.next(8) == 0 ? nil : pick(areas)
      let grade = pick(grades)
      let limit: Int64? = rand.next(9) == 0 ? nil : Int64(rand.next(100)) * 10_000_00 + Int64(rand.next(100))
      let opened = base.adding(days: -rand.next(2000))
      crows.append([
        .int(Int64(id)), .text(name), area.map { .text($0) } ?? .null, .text(grade),
        limit.map { .money(Money(fen: $0)) } ?? .null, .date(opened),
      ])
      let sqlArea = area.map { "'\($0)'" } ?? "NULL"
      sql +=
        "INSERT INTO customers VALUES(\(id), '\(name)', \(sqlArea), '\(grade)', \(limit.map(String.init) ?? "NULL"), '\(opened)');\n"
    }
    var srows: [[Value]] = []
    for id in 1...300 {
      let cust = Int64(rand.next(45) + 1)  // some sales name a customer that does not exist
      let date = base.adding(days: rand.next(240))
      let amount = Int64(rand.next(500_000)) + 1
      let qty: Int64? = rand.next(10) == 0 ? nil : Int64(rand.next(20) + 1)
      srows.append([
        .int(Int64(id)), .int(cust), .date(date), .money(Money(fen: amount)), qty.map { .int($0) } ?? .null,
      ])
      sql +=
        "INSERT INTO sales VALUES(\(id), \(cust), '\(date)', \(amount), \(qty.map(String.init) ?? "NULL"));\n"
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
        return ("credit_limit \(op) \(x)", "\(c)credit_limit \(sqlOp(op)) \(x * 100)")
      case 1:
        let a = pick(areas + ["null"])
        let op = pick(["==", "!="])
        return (
          "area \(op) \(a == "null" ? a : "\"\(a)\"")", "\(c)area \(sqlOp(op)) \(a == "null" ? a : "'\(a)'")"
        )
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
        if rand.next(3) == 0 { return ("area is not null", "\(c)area IS NOT NULL") }
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
      if rand.next(3) == 0 {
        return ("qty in [\(n), \(n + 3), null]", "(\(s)qty IN (\(n), \(n + 3)) OR \(s)qty IS NULL)")
      }
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

  func sqlOp(_ op: String) -> String { op == "==" ? "IS" : (op == "!=" ? "IS NOT" : op) }

  /// An atom whose SQL is two-valued, as kehu's conditions are.
  func atom2(_ table: String, join: Bool) -> (String, String) {
    let (k, q) = atom(table, join: join)
    return (k, "coalesce((\(q)), 0)")
  }

  func condition(_ table: String, join: Bool = false) -> (String, String) {
    var (k, q) = atom2(table, join: join)
    for _ in 0..<rand.next(3) {
      let (k2, q2) = atom2(table, join: join)
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
    switch rand.next(14) {
    case 0:
      let col =
        table == "customers"
        ? pick(["credit_limit", "name", "opened", "area"]) : pick(["amount", "date", "qty"])
      let desc = rand.next(2) == 0
      let n = rand.next(12)
      return (
        "\(table) | where \(w) | sort \(col)\(desc ? " desc" : ""), id | take \(n) | select id, \(col)",
        "SELECT id, \(col) FROM \(table) WHERE \(sw) ORDER BY \(col)\(desc ? " DESC NULLS LAST" : " NULLS FIRST"), id LIMIT \(n)"
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
    case 7:
      if table == "sales" {
        return (
          "sales | where \(w) | summarize s = sum(amount) by m = month(date) | sort m",
          "SELECT substr(date, 1, 7) AS m, sum(amount) FROM sales WHERE \(sw) GROUP BY m ORDER BY m"
        )
      }
      return (
        "customers | where \(w) | sort area desc, credit_limit, id | select id",
        "SELECT id FROM customers WHERE \(sw) ORDER BY area DESC NULLS LAST, credit_limit NULLS FIRST, id"
      )
    default:
      return moreQueries(table, w, sw, money)
    }
  }

  /// Several keys, distinct pairs, count_distinct, avg, left joins, derive with if() and
  /// coalesce(), empty results.
  func moreQueries(_ table: String, _ w: String, _ sw: String, _ money: String) -> (String, String) {
    let sales = table == "sales"
    switch rand.next(6) {
    case 0:
      let (k1, k2) = sales ? ("customer", "m") : ("area", "grade")
      let by = sales ? "customer, m = month(date)" : "area, grade"
      let sqlBy = sales ? "customer, substr(date, 1, 7) AS m" : "area, grade"
      return (
        "\(table) | where \(w) | summarize n = count(), s = sum(\(money)), a = avg(\(money)) by \(by) | sort \(k1), \(k2)",
        "SELECT \(sqlBy), count(*), sum(\(money)), CAST(round(avg(\(money))) AS INTEGER) FROM \(table) WHERE \(sw) GROUP BY \(k1), \(k2) ORDER BY \(k1), \(k2)"
      )
    case 1:
      let (k1, k2) = sales ? ("customer", "qty") : ("area", "grade")
      return (
        "\(table) | where \(w) | distinct \(k1), \(k2) | sort \(k1) desc, \(k2)",
        "SELECT DISTINCT \(k1), \(k2) FROM \(table) WHERE \(sw) ORDER BY \(k1) DESC NULLS LAST, \(k2) NULLS FIRST"
      )
    case 2:
      if sales {
        return (
          "sales | where \(w) | summarize c = count_distinct(customer), q = count_distinct(qty), n = count(qty) by m = month(date) | sort m",
          "SELECT substr(date, 1, 7) AS m, count(DISTINCT customer), count(DISTINCT qty), count(qty) FROM sales WHERE \(sw) GROUP BY m ORDER BY m"
        )
      }
      return (
        "customers | where \(w) | summarize c = count_distinct(area), l = count(credit_limit)",
        "SELECT count(DISTINCT area), count(credit_limit) FROM customers WHERE \(sw)"
      )
    case 3:
      let (cw, csw) = condition("customers")
      return (
        "customers | where \(cw) | join left sales on id == customer | summarize n = count(), s = sum(amount), q = count(qty) by area | sort area",
        "SELECT area, count(*), sum(amount), count(qty) FROM customers c LEFT JOIN sales s ON c.id = s.customer WHERE \(csw) GROUP BY area ORDER BY area"
      )
    case 4:
      let x = rand.next(3000)
      let y = rand.next(15)
      return (
        "sales | derive v = if(qty > 5, amount, amount * 2), u = coalesce(qty, 0) + 1 | where v > \(x) and u < \(y) | sort v desc, id | take 10 | select id, v, u",
        "SELECT id, CASE WHEN qty > 5 THEN amount ELSE amount * 2 END AS v, coalesce(qty, 0) + 1 AS u FROM sales WHERE v > \(x * 100) AND u < \(y) ORDER BY v DESC, id LIMIT 10"
      )
    default:
      return (
        "\(table) | where \(w) and id < 0 | summarize n = count(), s = sum(\(money)), c = count_distinct(id)",
        "SELECT count(*), sum(\(money)), count(DISTINCT id) FROM \(table) WHERE \(sw) AND id < 0"
      )
    }
  }

  func text(_ v: Value) -> String {
    switch v {
    case .money(let m): return String(m.fen)
    case .null: return "∅"
    default: return v.plainText
    }
  }

  func testAgainstSqlite() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
      throw XCTSkip("sqlite3 is not installed")
    }
    let env = ProcessInfo.processInfo.environment
    let total = env["KEHU_DIFF_QUERIES"].flatMap { Int($0) } ?? 1200
    if let seed = env["KEHU_DIFF_SEED"].flatMap({ UInt64($0) }) { rand = FastPathTests.Rand(state: seed) }
    var done = 0
    var nonEmpty = 0
    var rows = 0
    while done < total {
      let n = min(300, total - done)
      let (withRows, count) = try round(n)
      done += n
      nonEmpty += withRows
      rows += count
    }
    // Guard against a vacuous pass (sqlite3 failing and printing nothing).
    XCTAssertGreaterThan(nonEmpty, total * 2 / 3, "only \(nonEmpty) queries gave rows")
    print("differential: \(done) queries, \(nonEmpty) with rows, \(rows) rows")
  }

  /// n queries over freshly generated tables; how many gave rows, and how many rows.
  func round(_ n: Int) throws -> (Int, Int) {
    let tables = generate()
    var script = tables.sql
    var queries: [(String, String)] = []
    for _ in 0..<n { queries.append(query()) }
    for (i, q) in queries.enumerated() { script += "SELECT '#\(i)';\n\(q.1);\n" }

    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = ["-batch", "-list", "-separator", "|", "-nullvalue", "∅", ":memory:"]
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

    // Both the closures over typed readers and the store's own arrays (with free text).
    let catalogs = [
      TestCatalog(tables: ["customers": tables.customers, "sales": tables.sales], typed: true),
      TestCatalog(
        tables: ["customers": tables.customers, "sales": tables.sales], typed: true, arrays: true,
        freeText: true),
    ]
    for cat in catalogs {
      var engine = QueryEngine(catalog: cat, today: today)
      for (i, q) in queries.enumerated() {
        guard case .table(let r)? = try engine.execute(q.0).last else {
          XCTFail(q.0)
          return (0, 0)
        }
        let got = r.table.rows.map { $0.map(text).joined(separator: "|") }
        XCTAssertEqual(got, expected[i], "\(q.0)\n\(q.1)")
      }
    }
    return (expected.filter { !$0.isEmpty }.count, expected.map(\.count).reduce(0, +))
  }
}
