import Foundation
import KehuStore
import XCTest

/// Runs the store benchmark when KEHU_BENCH_CUSTOMERS is set (scripts/bench does, in a
/// release build); otherwise a tiny run checks the benchmark itself works.
final class StoreBenchmarkTests: XCTestCase {
  func testBenchmark() throws {
    let env = ProcessInfo.processInfo.environment
    let customers = Int(env["KEHU_BENCH_CUSTOMERS"] ?? "") ?? 200
    let sales = Int(env["KEHU_BENCH_SALES"] ?? "") ?? 1_000
    let dir = env["KEHU_BENCH_DIR"] ?? temporaryDirectory(self)
    let figures = try StoreBenchmark.run(
      dir: dir, customers: customers, sales: sales, today: Day(parsing: "2026-11-29")!, commits: 40,
      clock: {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
      },
      resetPeak: { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) },
      peakBytes: {
        let s = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = s.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
      })
    for f in figures { print("BENCH \(f.name)\t\(f.value)\t\(f.unit)") }
    XCTAssertEqual(figures.first { $0.name == "rows" }?.value ?? 0 > Double(customers + sales), true)
  }
}
