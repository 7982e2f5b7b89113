import KehuStore
import XCTest

@testable import KehuQuery

/// Results worked out by hand from the fixtures; each query runs over plain rows and over
/// typed column readers, and both must agree with the expectation.
final class EvaluationTests: XCTestCase {
  func engine(typed: Bool, arrays: Bool = false) -> QueryEngine {
    var f = FunctionRegistry.standard
    // sales × rate × days ÷ 365, a stand-in for a domain function the shell registers.
    f.register(
      QueryFunction(
        name: "limit_sales", parameters: [("sales", .money), ("rate", .percent), ("days", .duration)],
        result: .money, help: "test"
      ) { a in
        guard case .money(let s) = a[0], case .percent(let r) = a[1], case .duration(let n) = a[2] else {
          return .null
        }
        return .money(
          try s.decimal.multiplied(by: r).multiplied(by: Dec(Int64(n))).divided(by: Dec(365)).toMoney())
      })
    return QueryEngine(catalog: catalog(typed: typed, arrays: arrays), today: today, functions: f)
  }

  func rows(_ q: String, file: StaticString = #filePath, line: UInt = #line) -> [[Value]] {
    var results: [[[Value]]] = []
    for (typed, arrays) in [(false, false), (true, false), (true, true)] {
      var e = engine(typed: typed, arrays: arrays)
      do {
        let out = try e.execute(q)
        guard case .table(let r)? = out.last else {
          XCTFail("not a table", file: file, line: line)
          return []
        }
        results.append(r.table.rows)
      } catch {
        XCTFail("\(error)", file: file, line: line)
        return []
      }
    }
    XCTAssertEqual(results[0], results[1], "plain and typed paths differ", file: file, line: line)
    XCTAssertEqual(results[0], results[2], "plain and array paths differ", file: file, line: line)
    return results[0]
  }

  func column(_ q: String, file: StaticString = #filePath, line: UInt = #line) -> [Value] {
    rows(q, file: file, line: line).map { $0[0] }
  }

  func value(_ q: String, file: StaticString = #filePath, line: UInt = #line) -> Value? {
    var e = engine(typed: true)
    do {
      guard case .value(let v)? = try e.execute(q).last else { return nil }
      return v
    } catch {
      XCTFail("\(error)", file: file, line: line)
      return nil
    }
  }

  func runtimeError(_ q: String) -> QueryError? {
    var e = engine(typed: true)
    do {
      _ = try e.execute(q)
      return nil
    } catch { return error }
  }

  func testWhereWithTextAndGrade() {
    XCTAssertEqual(
      rows("customers | where abc_grade == \"A\" and area == \"华东\" | select id, name"), [[i(1), t("甲公司")]])
    XCTAssertEqual(column("customers | where area != \"华东\" | select id"), [i(2), i(4), i(5)])
    XCTAssertEqual(column("customers | where area == \"西北\" | select id"), [])
  }

  func testMoneyComparedWithPlainNumbers() {
    XCTAssertEqual(
      column("customers | where credit_limit > 500_000 | sort credit_limit desc | select id"), [i(1), i(4)])
    XCTAssertEqual(column("customers | where credit_limit == 300000.00 | select id"), [i(2)])
    XCTAssertEqual(column("customers | where 300_000 < credit_limit | select id"), [i(1), i(4)])
  }

  func testNullRules() {
    XCTAssertEqual(column("customers | where credit_limit < 100_000 | select id"), [i(3)])
    XCTAssertEqual(column("customers | where credit_limit == null | select id"), [i(5)])
    XCTAssertEqual(column("customers | where credit_limit != null | select id"), [i(1), i(2), i(3), i(4)])
    XCTAssertEqual(column("customers | where area is null | select id"), [i(5)])
    XCTAssertEqual(column("customers | where opened is not null | select id"), [i(1), i(2), i(4), i(5)])
    XCTAssertEqual(column("customers | where id == 5 | select x = credit_limit * 2"), [.null])
    XCTAssertEqual(column("customers | where id == 5 | select x = credit_limit + 1"), [.null])
    XCTAssertEqual(column("customers | where id == 3 | select x = opened + 1d"), [.null])
    XCTAssertEqual(value("null == null"), .bool(true))
    XCTAssertEqual(value("1 == null"), .bool(false))
    XCTAssertEqual(value("1 < null"), .bool(false))
    XCTAssertEqual(value("null >= null"), .bool(false))
  }

  func testSortNullsFirstAndTextByCodePoint() {
    XCTAssertEqual(column("customers | sort credit_limit | select id"), [i(5), i(3), i(2), i(4), i(1)])
    XCTAssertEqual(column("customers | sort credit_limit desc | select id"), [i(1), i(4), i(2), i(3), i(5)])
    // D < E < 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532)
    XCTAssertEqual(column("customers | sort name | select id"), [i(4), i(5), i(3), i(2), i(1)])
    XCTAssertEqual(column("customers | sort abc_grade desc, id | select id"), [i(5), i(3), i(2), i(1), i(4)])
    XCTAssertEqual(column("customers | sort area, id desc | take 3 | select id"), [i(5), i(3), i(1)])
  }

  func testSummarizeByKey() {
    XCTAssertEqual(
      rows(
        "sales | summarize total = sum(amount), n = count(), k = count(amount) by customer | sort customer"),
      [
        [i(1), m("3500.50"), i(2), i(2)], [i(2), m("300.00"), i(2), i(1)], [i(4), m("999.99"), i(1), i(1)],
        [i(9), m("10.00"), i(1), i(1)],
      ])
    XCTAssertEqual(
      rows("sales | summarize total = sum(amount) by m = month(date) | sort m"),
      [
        [t("2025-12"), m("999.99")], [t("2026-01"), m("1300.00")], [t("2026-02"), m("2500.50")],
        [t("2026-03"), m("10.00")],
      ])
  }

  func testSummarizeWithoutByAndEmpty() {
    XCTAssertEqual(
      rows(
        "sales | summarize total = sum(amount), mean = avg(amount), lo = min(amount), hi = max(amount), med = median(amount), c = count_distinct(customer)"
      ),
      [[m("4810.49"), m("962.10"), m("10.00"), m("2500.50"), m("999.99"), i(4)]])
    XCTAssertEqual(
      rows("sales | where amount > 1_000_000 | summarize n = count(), s = sum(amount)"), [[i(0), .null]])
    XCTAssertEqual(rows("sales | where amount > 1_000_000 | summarize n = count() by customer"), [])
    XCTAssertEqual(rows("sales | summarize mean = avg(id), med = median(id)"), [[dec("3.5"), dec("3.5")]])
    XCTAssertEqual(rows("sales | summarize per = sum(amount) / count(amount)"), [[m("962.10")]])
  }

  func testJoin() {
    XCTAssertEqual(
      rows("sales | join customers on customer == id | select id, customers.id, name"),
      [
        [i(1), i(1), t("甲公司")], [i(2), i(1), t("甲公司")], [i(3), i(2), t("乙公司")], [i(4), i(4), t("Ding Ltd")],
        [i(6), i(2), t("乙公司")],
      ])
    XCTAssertEqual(
      column("sales | join left customers on customer == id | select name"),
      [t("甲公司"), t("甲公司"), t("乙公司"), t("Ding Ltd"), .null, t("乙公司")])
    XCTAssertEqual(
      rows("sales | join customers on customer == id | summarize total = sum(amount) by area | sort area"),
      [[t("华东"), m("3500.50")], [t("华北"), m("300.00")], [t("华南"), m("999.99")]])
  }

  func testJoinThatMultipliesRowsSaysSo() throws {
    var e = engine(typed: false)
    guard case .table(let r)? = try e.execute("customers | join sales on id == customer").last else {
      return XCTFail()
    }
    XCTAssertEqual(r.table.rows.count, 5)
    XCTAssertEqual(
      r.table.columns.map(\.name).prefix(7),
      ["id", "name", "area", "abc_grade", "credit_limit", "opened", "sales.id"])
    XCTAssertEqual(
      r.table.notes.map(\.description),
      ["join: 2 of 5 rows matched more than one row of sales, giving 5 rows"])
  }

  func testDecimalRules() {
    XCTAssertEqual(value("1 / 3"), dec("0.3333333333"))
    XCTAssertEqual(value("2 / 3"), dec("0.6666666667"))
    XCTAssertEqual(value("-2 / 3"), dec("-0.6666666667"))
    XCTAssertEqual(value("7 / 2"), dec("3.5"))
    XCTAssertEqual(value("0.1 + 0.2 == 0.3"), .bool(true))
    XCTAssertEqual(value("1.10 * 3"), dec("3.30"))
    XCTAssertEqual(value("30% * 50%"), pct("0.15"))
    XCTAssertEqual(value("30% + 5%"), pct("0.35"))
    XCTAssertEqual(value("round(2.345, 2)"), dec("2.35"))
    XCTAssertEqual(value("round(-2.345, 2)"), dec("-2.35"))
    XCTAssertEqual(value("round(2.344, 2)"), dec("2.34"))
    XCTAssertEqual(value("round(1250, -2)"), i(1300))
    XCTAssertEqual(value("round(1249.96, -2)"), dec("1200"))
    XCTAssertEqual(value("abs(-4.5)"), dec("4.5"))
    XCTAssertEqual(column("customers | where id == 1 | select x = credit_limit / 3"), [m("266666.67")])
    XCTAssertEqual(column("customers | where id == 3 | select x = credit_limit * 30%"), [m("15000.00")])
    XCTAssertEqual(column("customers | where id == 3 | select x = credit_limit * 0.333"), [m("16650.00")])
    XCTAssertEqual(column("customers | where id == 2 | select x = credit_limit / credit_limit"), [dec("1")])
    XCTAssertEqual(column("sales | where id == 4 | select x = round(amount, 0)"), [m("1000.00")])
    XCTAssertEqual(column("sales | where id == 2 | select x = amount - 0.506"), [m("2499.99")])
    XCTAssertEqual(column("sales | where id == 2 | select x = amount - 0.505"), [m("2500.00")])
  }

  func testOverflowAndDivisionByZeroAreErrors() {
    let e = runtimeError("9_223_372_036_854_775_807 + 1")
    XCTAssertEqual(e?.message.description, "number too large (overflow)")
    XCTAssertEqual(e?.kind, .runtime)
    XCTAssertEqual(e?.range.column, 1)
    XCTAssertEqual(runtimeError("1 / 0")?.message.description, "division by zero")
    XCTAssertEqual(
      runtimeError("customers | select x = credit_limit / 0")?.message.description, "division by zero")
    XCTAssertEqual(
      runtimeError("customers | select x = credit_limit * 100_000_000_000_000")?.message.description,
      "number too large (overflow)")
    XCTAssertEqual(
      runtimeError("add_months(9999-12-01, 1)")?.message.description, "number too large (overflow)")
  }

  func testDateAndMonthRules() {
    XCTAssertEqual(value("2026-01-31 + 30d"), d("2026-03-02"))
    XCTAssertEqual(value("2026-03-01 - 2w"), d("2026-02-15"))
    XCTAssertEqual(value("add_months(2026-01-31, 1)"), d("2026-02-28"))
    XCTAssertEqual(value("add_months(2024-01-31, 1)"), d("2024-02-29"))
    XCTAssertEqual(value("add_months(2026-03-31, -1)"), d("2026-02-28"))
    XCTAssertEqual(value("add_months(2026-11-30, 3)"), d("2027-02-28"))
    XCTAssertEqual(value("month(2026-11-29)"), t("2026-11"))
    XCTAssertEqual(value("year(2026-11-29)"), i(2026))
    XCTAssertEqual(value("days_between(2026-01-01, 2026-03-01)"), i(59))
    XCTAssertEqual(value("days_between(2024-01-01, 2024-03-01)"), i(60))
    XCTAssertEqual(value("2026-03-01 - 2026-01-01"), .duration(59))
    XCTAssertEqual(value("today() - 90d"), d("2026-08-31"))
    XCTAssertEqual(value("30d * 2 + 1w"), .duration(67))
    XCTAssertEqual(
      column("sales | where date >= 2026-01-01 and date < 2026-02-01 | select id"), [i(1), i(3)])
    XCTAssertEqual(column("sales | where date < today() - 330d | select id"), [i(4)])
  }

  func testWindowFunctions() {
    XCTAssertEqual(
      rows(
        "sales | where amount is not null | sort amount desc | derive r = rank(), s = share(amount), c = cumshare(amount), rs = running_sum(amount) | select id, r, s, c, rs"
      ),
      [
        [i(2), i(1), pct("0.5198015171"), pct("0.5198015171"), m("2500.50")],
        [i(1), i(2), pct("0.2078790310"), pct("0.7276805481"), m("3500.50")],
        [i(4), i(3), pct("0.2078769522"), pct("0.9355575004"), m("4500.49")],
        [i(3), i(4), pct("0.0623637093"), pct("0.9979212097"), m("4800.49")],
        [i(5), i(5), pct("0.0020787903"), pct("1"), m("4810.49")],
      ])
    XCTAssertEqual(
      column(
        "sales | where amount is not null | sort amount desc | derive p = round(share(amount) * 100, 1) | select p"
      ),
      [dec("52.0"), dec("20.8"), dec("20.8"), dec("6.2"), dec("0.2")])
  }

  func testInListTextFunctionsIfCoalesce() {
    XCTAssertEqual(column("customers | where abc_grade in [\"A\", \"B\"] | select id"), [i(1), i(2), i(4)])
    XCTAssertEqual(column("customers | where abc_grade not in [\"A\", \"B\"] | select id"), [i(3), i(5)])
    XCTAssertEqual(column("customers | where area in [\"华东\", null] | select id"), [i(1), i(3), i(5)])
    XCTAssertEqual(column("customers | where id in [2, 4.0] | select id"), [i(2), i(4)])
    XCTAssertEqual(column("customers | where contains(name, \"公司\") | select id"), [i(1), i(2)])
    XCTAssertEqual(column("customers | where starts_with(name, \"D\") | select id"), [i(4)])
    XCTAssertEqual(
      column("customers | select c = coalesce(credit_limit, 0)"),
      [m("800000"), m("300000"), m("50000"), m("600000"), m("0")])
    XCTAssertEqual(
      column("customers | select s = if(credit_limit > 500_000, \"big\", \"small\")"),
      [t("big"), t("small"), t("small"), t("big"), t("small")])
    XCTAssertEqual(column("customers | select x = if(id == 5, 0, 1 / (id - 5))").count, 5)
  }

  func testDistinctCountTakeDerive() {
    XCTAssertEqual(
      column("customers | distinct abc_grade | sort abc_grade"), [t("A"), t("B"), t("C"), t("D")])
    XCTAssertEqual(rows("customers | count"), [[i(5)]])
    XCTAssertEqual(rows("sales | where amount > 500 | count"), [[i(3)]])
    XCTAssertEqual(column("customers | take 2 | select id"), [i(1), i(2)])
    XCTAssertEqual(column("customers | take 0 | select id"), [])
    XCTAssertEqual(
      rows("customers | where id <= 2 | derive id = id * 10, half = credit_limit / 2 | select id, half"),
      [[i(10), m("400000.00")], [i(20), m("150000.00")]])
  }

  func testRangeSources() {
    XCTAssertEqual(column("range(10%, 30%, 10%)"), [pct("0.1"), pct("0.2"), pct("0.3")])
    XCTAssertEqual(
      column("range(2026-01-01, 2026-01-31, 7d)"),
      [d("2026-01-01"), d("2026-01-08"), d("2026-01-15"), d("2026-01-22"), d("2026-01-29")])
    XCTAssertEqual(column("range(1, 10, 4)"), [i(1), i(5), i(9)])
    XCTAssertEqual(
      rows("range(30d, 60d, 30d) | derive limit = limit_sales(1_000_000, 30%, value)"),
      [[.duration(30), m("24657.53")], [.duration(60), m("49315.07")]])
  }

  func testLetBindsTheValueAtThatMoment() throws {
    var e = engine(typed: true)
    let out = try e.execute(
      """
      let big = customers | where credit_limit > 500_000
      $big | count
      let share = 30%
      customers | where id == 1 | select x = credit_limit * $share
      $share
      let n = $share * 2
      """)
    XCTAssertEqual(
      out[1],
      .table(
        QueryResult(table: ResultTable(columns: [ResultColumn("count", .int)], rows: [[i(2)]]), totalRows: 1))
    )
    guard case .table(let r) = out[3] else { return XCTFail() }
    XCTAssertEqual(r.table.rows, [[m("240000.00")]])
    XCTAssertEqual(out[4], .value(pct("0.30")))
    XCTAssertEqual(out[5], .bound(name: "n", .value(dec("0.60"))))
    // Rebinding the catalog does not change what $big holds.
    e.catalog = TestCatalog(tables: [:], typed: true)
    guard case .table(let again) = try e.execute("$big | count")[0] else { return XCTFail() }
    XCTAssertEqual(again.table.rows, [[i(2)]])
  }

  func testUpdatePlan() throws {
    var e = engine(typed: true)
    guard
      case .update(let u) = try e.execute(
        "update customers set credit_limit = credit_limit * 110% where abc_grade == \"A\"")[0]
    else { return XCTFail() }
    XCTAssertEqual(u.table, "customers")
    XCTAssertEqual(u.columns, ["credit_limit"])
    XCTAssertEqual(u.rows, [0, 3])
    XCTAssertEqual(u.values, [[m("880000.00")], [m("660000.00")]])
    XCTAssertEqual(u.matched, 2)
    guard case .update(let same) = try e.execute("update customers set abc_grade = \"A\" where id <= 2")[0]
    else {
      return XCTFail()
    }
    XCTAssertEqual(same.matched, 2)
    XCTAssertEqual(same.rows, [1])
  }

  func testLetOfAVariableCopiesItAndEmptyRangesKeepTheirType() throws {
    var e = engine(typed: true)
    let out = try e.execute("let big = customers | take 2\nlet copy = $big\nlet s = 30%\nlet t = $s")
    guard case .bound("copy", .table(let copy)) = out[1] else { return XCTFail("\(out[1])") }
    XCTAssertEqual(copy.rows.count, 2)
    XCTAssertEqual(out[3], .bound(name: "t", .value(pct("0.30"))))
    guard case .table(let r) = try e.execute("range(2026-02-01, 2026-01-01, 1d)")[0] else { return XCTFail() }
    XCTAssertEqual(r.table.columns, [ResultColumn("value", .date)])
    XCTAssertEqual(r.table.rows.count, 0)
  }

  func testRowLimitKeepsTheFirstRowsAndCountsAll() throws {
    var e = engine(typed: true)
    e.rowLimit = 2
    guard case .table(let r) = try e.execute("sales | sort amount desc | select id")[0] else {
      return XCTFail()
    }
    XCTAssertEqual(r.table.rows, [[i(2)], [i(1)]])
    XCTAssertEqual(r.totalRows, 6)
    guard case .table(let x) = try e.execute("sales | select id | export \"all.csv\"")[0] else {
      return XCTFail()
    }
    XCTAssertEqual(x.table.rows.count, 6)
  }

  func testLoopValuesAndExport() throws {
    let e = engine(typed: true)
    let s = try e.parse("for r in [10%, 1 + 1] { $r }\nfor x in range(1, 3, 1) { $x }")
    guard case .for(let a) = s[0].kind, case .for(let b) = s[1].kind else { return XCTFail() }
    XCTAssertEqual(try e.loopValues(a), [pct("0.10"), i(2)])
    XCTAssertEqual(try e.loopValues(b), [i(1), i(2), i(3)])
    var e2 = e
    guard case .table(let r) = try e2.execute("customers | take 1 | select id | export \"out.csv\"")[0] else {
      return XCTFail()
    }
    XCTAssertEqual(r.exportPath, "out.csv")
    XCTAssertEqual(r.table.rows, [[i(1)]])
  }
}
