import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `pareto chart=FILE.svg` writes a file a browser opens: well-formed XML with one bar per
/// customer ranked.
final class AnalysisChartTests: XCTestCase {
  final class BarCounter: NSObject, XMLParserDelegate {
    var bars = 0
    var band = 0
    var polyline = 0
    var points = 0
    var groups = 0
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if name == "rect" && attributes["class"] == "bar" { bars += 1 }
      if name == "line" && attributes["class"] == "band" { band += 1 }
      if name == "polyline" { polyline += 1 }
      if name == "circle" && attributes["class"] == "point" { points += 1 }
      if name == "g" && attributes["class"] == "bar" { groups += 1 }
    }
  }

  func run(_ source: String) throws -> String { try runOnDemo(source) }

  func testSVGParsesAndHasOneBarPerCustomer() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-svg-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("pareto.svg").path
    // The 华南 area has 15 customers with sales (the transcript lists them).
    let out = try run("set format csv\npareto area=华南 chart=\(path)")
    let rows = out.split(whereSeparator: \.isNewline).filter { $0.first?.isNumber == true }
    XCTAssertEqual(rows.count, 15, out)
    let parser = XMLParser(contentsOf: URL(fileURLWithPath: path))!
    let counter = BarCounter()
    parser.delegate = counter
    XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
    XCTAssertEqual(counter.bars, 15)
    XCTAssertEqual(counter.band, 2)
    XCTAssertEqual(counter.polyline, 1)
    // Chinese labels survive as text, and markup in a name is escaped.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(text.contains("广州鼎新文化传媒有限公司"))
  }

  func testSVGEscapesMarkupInNames() throws {
    let bars = [ParetoChart.Bar(label: "A&B <公司>", amount: 100, cumulative: 100, grade: .c)]
    let svg = ParetoChart.svg(bars, total: 100, lines: .pareto, title: "t")
    let counter = BarCounter()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = counter
    XCTAssertTrue(parser.parse())
    XCTAssertEqual(counter.bars, 1)
    XCTAssertTrue(svg.contains("A&amp;B &lt;公司&gt;"))
  }
}

/// Runs statements on the demo firm with today fixed, charts fitted to `width`; both
/// streams in one text.
func runOnDemo(_ source: String, width: Int? = nil) throws -> String {
  let today = Day(parsing: "2026-11-29")!
  var settings = Settings()
  settings.today = today
  settings.width = width
  let buffer = OutputBuffer()
  let session = Session(
    options: SessionOptions(settings: settings), io: SessionIO(out: buffer.append, err: buffer.append),
    workspace: Workspace(try DemoFirm.database(today: today)))
  session.run(source: source, file: nil)
  return buffer.text
}
