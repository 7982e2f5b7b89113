import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// Times `pareto` and `grade abc` on a generated store when KEHU_BENCH_CUSTOMERS is set
/// (scripts/bench does, in a release build: the target is 1 s for 10M sales lines);
/// otherwise a tiny run checks that the benchmark works.
final class AnalysisBenchmarkTests: XCTestCase {
  static func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  func testAnalysisBenchmark() throws {
    let env = ProcessInfo.processInfo.environment
    let customers = Int(env["KEHU_BENCH_CUSTOMERS"] ?? "") ?? 300
    let sales = Int(env["KEHU_BENCH_SALES"] ?? "") ?? 3_000
    let today = Day(parsing: "2026-11-29")!
    let db = generate(customers: customers, sales: sales, seed: 1, today: today)
    var settings = Settings()
    settings.today = today
    settings.rows = 20
    let sink = OutputBuffer()
    let session = Session(
      options: SessionOptions(settings: settings), io: SessionIO(out: { _ in }, err: sink.append),
      workspace: Workspace(db))
    var figures: [(String, Double)] = []
    for (name, statement) in [
      ("pareto (command)", "pareto"), ("grade abc (command)", "grade abc months=3"),
      ("pareto by=margin (command)", "pareto by=margin"),
    ] {
      let t = Self.seconds()
      XCTAssertEqual(session.run(source: statement, file: nil), .ok, sink.text)
      figures.append((name, Self.seconds() - t))
    }
    // The scan and ranking alone, without building the result table.
    var t = Self.seconds()
    let totals = SalesTotals.totals(db, from: nil, to: nil)
    let ids = db.customers.keyColumn.ints
    let graded = Grading.grade(totals, order: Grading.rank(totals, tieKeys: ids), lines: .pareto)
    figures.append(("pareto scan+rank", Self.seconds() - t))
    t = Self.seconds()
    let sums = SalesTotals.windowSums(db, MonthWindow(asof: today, months: 3))
    _ = Grading.grade(sums, order: Grading.rank(sums, tieKeys: ids), lines: .pareto, months: 3)
    figures.append(("grade abc scan+rank", Self.seconds() - t))
    // Route ordering of one area of 10,000 customers (a few seconds is the target).
    let stops = env["KEHU_BENCH_CUSTOMERS"] == nil ? 400 : 10_000
    var rng = SplitMix64(seed: 7)
    let points = (0..<stops).map { _ in
      Tour.Point(
        latitude: 31 + Double(rng.next() % 10_000) / 20_000,
        longitude: 121 + Double(rng.next() % 10_000) / 20_000)
    }
    t = Self.seconds()
    let tour = Tour.plan(points)
    figures.append(("route suggest (\(stops) stops)", Self.seconds() - t))
    XCTAssertEqual(Set(tour).count, stops)
    XCTAssertLessThanOrEqual(
      Tour.length(points, tour), Tour.length(points, Tour.nearestNeighbour(points)) + 1e-6)
    for (name, v) in figures { print("BENCH \(name)\t\(v)\ts") }
    XCTAssertEqual(graded.count, customers)
  }
}
