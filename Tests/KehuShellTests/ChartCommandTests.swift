import Foundation
import KehuDomain
import KehuStore
import KehuText
import XCTest

@testable import KehuShell

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The charts of the commands and the `chart` verb on the demo firm: at 80 columns no
/// drawn line wraps, and the SVG files parse with one bar (or point) per row.
final class ChartCommandTests: XCTestCase {
  func run(_ source: String) throws -> String { try runOnDemo(source, width: 80) }

  static let drawing = Set("█▏▎▍▌▋▊▉▁▂▃▄▅▆▇▓▒░▚●┊┤└│")

  /// Lines with a block, marker or axis character: the chart, not the table above it.
  func chartLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains { Self.drawing.contains($0) } }
  }

  func testTheDoneWhenChartsFitEightyColumns() throws {
    for command in [
      "pareto chart=text", "ar ageing chart=text", "ar ageing by=owner chart=text", "analyze customer 1005",
      "sales | summarize t = sum(amount) by month(date) | chart bar month t", "ar dso by=month",
      "grade abc chart=text", "complaint report chart=text",
    ] {
      let lines = chartLines(try run(command))
      XCTAssertFalse(lines.isEmpty, "\(command) drew nothing")
      for line in lines {
        XCTAssertLessThanOrEqual(line.displayWidth, 80, "\(command): \(line)")
      }
    }
  }

  func testAgeingByOwnerStacksAPartPerBucketWithALegend() throws {
    let lines = chartLines(try run("ar ageing by=owner chart=text"))
    // The legend first, then one bar per owner (the demo firm has five), never the total.
    XCTAssertEqual(lines.first, "█ current   ▓ 1-30   ▒ 31-60   ░ 61-90   ▚ over 90")
    XCTAssertEqual(lines.count, 1 + 5)
    XCTAssertFalse(lines.contains { $0.hasPrefix("total") })
    // 陈静 owes in every bucket; 李明 only current and 1-30 (the table's row says so).
    let chen = try XCTUnwrap(lines.first { $0.hasPrefix("陈静") })
    for fill in ["█", "▓", "▒", "░", "▚"] { XCTAssertTrue(chen.contains(fill), fill) }
    let table = try run("ar ageing by=owner").split(separator: "\n").first { $0.hasPrefix("李明") }
    XCTAssertEqual(table?.split(separator: " ").filter { $0 == "0.00" }.count, 3)
    let li = try XCTUnwrap(lines.first { $0.hasPrefix("李明") })
    XCTAssertTrue(li.contains("█") && li.contains("▓"))
    for fill in ["▒", "░", "▚"] { XCTAssertFalse(li.contains(fill), fill) }
  }

  func testCSVHasNoChart() throws {
    let out = try run("set format csv\nar ageing by=owner chart=text")
    XCTAssertTrue(chartLines(out).isEmpty, out)
  }

  func testASCIIUsesNoBlockCharacters() throws {
    let out = try run(
      "set charts ascii\nar ageing by=owner chart=text\nanalyze customer 1005\nar dso by=month")
    XCTAssertTrue(chartLines(out).filter { !$0.contains("─") }.isEmpty, out)
    XCTAssertTrue(out.contains("# current   = 1-30   + 31-60   - 61-90   . over 90"), out)
  }

  func counts(_ path: String) throws -> AnalysisChartTests.BarCounter {
    let parser = XMLParser(contentsOf: URL(fileURLWithPath: path))!
    let counter = AnalysisChartTests.BarCounter()
    parser.delegate = counter
    XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
    return counter
  }

  func testSVGOfTheVerbAndTheCommandsParse() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-charts-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let p = dir.path
    let out = try run(
      """
      sales | summarize t = sum(amount) by month(date) | chart bar month t "\(p)/months.svg"
      sales | summarize t = sum(amount) by month(date) | chart line month t "\(p)/line.svg"
      ar ageing by=owner chart=\(p)/ageing.svg
      ar dso by=month chart=\(p)/dso.svg
      """)
    XCTAssertTrue(out.contains("chart written to \(p)/months.svg (12 bars)"), out)
    // Twelve months of sales in the demo firm (the summarize lists them).
    XCTAssertEqual(try counts("\(p)/months.svg").bars, 12)
    XCTAssertEqual(try counts("\(p)/line.svg").points, 12)
    XCTAssertEqual(try counts("\(p)/line.svg").polyline, 1)
    // Five owners, each a group of stacked parts; the total row is not drawn.
    XCTAssertEqual(try counts("\(p)/ageing.svg").groups, 5)
    XCTAssertEqual(try counts("\(p)/dso.svg").points, 12)
    let text = try String(contentsOfFile: "\(p)/ageing.svg", encoding: .utf8)
    XCTAssertTrue(text.contains("<title>Receivables ageing by owner as of 2026-11-29</title>"))
    XCTAssertTrue(text.contains("class=\"axis\""))
  }
}
