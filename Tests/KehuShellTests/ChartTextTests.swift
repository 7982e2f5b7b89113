import KehuText
import XCTest

@testable import KehuShell

/// The text drawing's rules: eighth-blocks, stacking that adds up, labels aligned by
/// display width, the width never exceeded, ASCII when asked.
final class ChartTextTests: XCTestCase {
  func testBlocksFillToAnEighthOfACell() {
    // 3 of 4 over 10 cells = 7.5 cells = 60 eighths: 7 full blocks and a half block.
    XCTAssertEqual(ChartText.blocks(3, of: 4, cells: 10), "███████▌")
    XCTAssertEqual(ChartText.blocks(0, of: 4, cells: 10), "")
    XCTAssertEqual(ChartText.blocks(4, of: 4, cells: 3), "███")
    // ASCII rounds to whole cells: 7.5 cells → 8.
    XCTAssertEqual(ChartText.blocks(3, of: 4, cells: 10, ascii: true), "########")
  }

  func testBarLabelsAlignByDisplayWidth() {
    let c = Chart(
      kind: .bars, title: "t", labelAxis: "x", valueAxis: "y", series: ["y"],
      rows: [
        Chart.Row(label: "王芳", parts: [2], shown: "2"), Chart.Row(label: "Acme", parts: [1], shown: "1"),
      ])
    let lines = ChartText.draw(c, ChartStyle(width: 20)).split(separator: "\n").map(String.init)
    // Label 4 cells, a space, 13 cells of bar (20 − 4 − 3), a space, the figure. "王芳" is
    // 4 cells wide like "Acme", so both bars start in column 6; half of 13 cells is 6½.
    XCTAssertEqual(lines, ["t", "王芳 █████████████ 2", "Acme ██████▌       1"])
  }

  func testStackedPartsAddUpToTheBar() {
    let c = Chart(
      kind: .bars, title: "t", labelAxis: "x", valueAxis: "y", series: ["a", "b"],
      rows: [
        Chart.Row(label: "r1", parts: [1, 1], shown: "2"), Chart.Row(label: "r2", parts: [0, 1], shown: "1"),
      ])
    let lines = ChartText.draw(c, ChartStyle(width: 30, ascii: true)).split(separator: "\n").map(String.init)
    // Labels 2 cells, bar 30 − 2 − 3 = 25 cells: r1's halves end at 12½ → 13 and 25.
    XCTAssertEqual(lines[1], "# a   = b")
    XCTAssertEqual(
      lines[2], "r1 " + String(repeating: "#", count: 13) + String(repeating: "=", count: 12) + " 2")
    XCTAssertEqual(
      lines[3], "r2 " + String(repeating: "=", count: 13) + String(repeating: " ", count: 12) + " 1")
  }

  func testColourOnlyWhenAsked() {
    // The executable asks for colour only on a terminal without NO_COLOR; stacked parts are
    // then coloured, and the fills still tell them apart without it.
    let c = Chart(
      kind: .bars, title: "t", labelAxis: "x", valueAxis: "y", series: ["a", "b"],
      rows: [Chart.Row(label: "r", parts: [1, 1], shown: "2")])
    XCTAssertTrue(ChartText.draw(c, ChartStyle(width: 30, color: true)).contains("\u{1B}[34m"))
    XCTAssertFalse(ChartText.draw(c, ChartStyle(width: 30, color: false)).contains("\u{1B}"))
  }

  func testNoLineIsWiderThanTheWidth() {
    let rows = (1...30).map { i in
      Chart.Row(
        label: "很长的客户名称有限公司第\(i)分公司", parts: [Double(i * 1000)], shown: "\(i),000,000.00",
        share: Double(i) / 30, shareShown: "\(i * 3)%", tag: "A")
    }
    let c = Chart(
      kind: .bars, title: String(repeating: "标题", count: 60), labelAxis: "x", valueAxis: "y", series: ["y"],
      rows: rows, shareName: "cumulative share", guides: [.init(label: "A 80%", share: 0.8)])
    for width in [40, 80, 120] {
      for ascii in [false, true] {
        for line in ChartText.draw(c, ChartStyle(width: width, ascii: ascii)).split(separator: "\n") {
          XCTAssertLessThanOrEqual(String(line).displayWidthForTest, width, "\(width): \(line)")
          if ascii {
            XCTAssertTrue(line.allSatisfy { $0.isASCII || $0.unicodeScalars.first!.value > 0x2E80 })
          }
        }
      }
    }
  }

  func testLineChartPutsTheLargestValueAtTheTop() {
    let rows = [("01", 1.0), ("02", 4.0), ("03", 2.0)].map {
      Chart.Row(label: $0.0, parts: [$0.1], shown: "\(Int($0.1))")
    }
    let c = Chart(kind: .line, title: "t", labelAxis: "x", valueAxis: "y", series: ["y"], rows: rows)
    let lines = ChartText.draw(c, ChartStyle(width: 20, ascii: true)).split(separator: "\n").map(String.init)
    // 8 rows of columns, the axis, the labels; 20 − "4 |" = 17 cells ÷ 3 points = 5 per
    // point (4 cells of column and a gap). Only the largest reaches the top row.
    XCTAssertEqual(lines.count, 1 + 8 + 2)
    XCTAssertEqual(lines[1], "4 |     ####")
    XCTAssertEqual(lines[8], "0 |#### #### ####")
    XCTAssertEqual(lines[10], "   01   02   03")
  }
}

extension String {
  var displayWidthForTest: Int { KehuShellTestsWidth.width(self) }
}

enum KehuShellTestsWidth {
  static func width(_ s: String) -> Int { displayWidth(s) }
}
