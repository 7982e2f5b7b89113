import Foundation
import KehuQuery
import KehuStore

/// What `chart=` asked of a command: a text chart under its table, or an SVG file.
enum ChartRequestKind: Equatable {
  case text
  case svg(String)

  /// The `chart=` argument of the commands that draw their table.
  static let argument = ArgSpec.key(
    "chart", .path, help: tr("`text` draws a chart under the table; a FILE.svg name writes it as SVG"))

  /// `chart=text`, or a file name ending in `.svg`; anything else is refused where it was written.
  static func parse(_ a: ParsedArguments) throws -> ChartRequestKind? {
    guard let v = a.text("chart") else { return nil }
    if v == "text" { return .text }
    guard v.lowercased().hasSuffix(".svg") else {
      throw a.error(tr("`chart` must be `text` or a file name ending in .svg, not `{0}`", v), at: "chart")
    }
    return .svg(v)
  }
}

extension Session {
  /// The style text charts are drawn in now: the width set or the terminal's, the
  /// characters set, colour only on a terminal screen without `NO_COLOR`.
  var chartStyle: ChartStyle {
    ChartStyle(
      width: settings.width ?? options.terminalWidth() ?? 80, ascii: settings.charts == .ascii,
      color: options.color && redirect == nil)
  }

  func drawText(_ c: Chart) -> String {
    if let prefix = textChartsAsSVG {
      var titled = c
      if titled.title.isEmpty { titled.title = prefix }
      try? writeSVG(titled, to: "\(prefix)-chart-\(chartsWritten.count + 1).svg", nil)
    }
    return ChartText.draw(c, chartStyle)
  }

  /// Writes a chart as SVG where relative files go; a refusal names the argument.
  func writeSVG(_ c: Chart, to path: String, _ a: ParsedArguments?, at key: String = "chart") throws {
    // Like every output file: a regular file replaced in one step, anything else refused.
    do {
      try OutputFile.write(Array(ChartSVG.draw(c).utf8), to: outputPath(path))
      chartsWritten.append(path)
    } catch let e as ShellError {
      if let a { throw a.error(e.message, at: key) }
      throw e
    }
  }

  /// A command's table with the chart it was asked for: drawn under the table (only in the
  /// table format: CSV and JSON stay pure data), or written to a file with a note saying so.
  func withChart(_ t: ResultTable, _ request: ChartRequestKind?, _ a: ParsedArguments, _ chart: () -> Chart)
    throws -> CommandOutput
  {
    var t = t
    switch request {
    case nil:
      return .table(t)
    case .svg(let path):
      let c = chart()
      try writeSVG(c, to: path, a)
      t.notes.append(tr("chart written to {0} ({1} bars)", path, c.rows.count))
      return .table(t)
    case .text:
      guard settings.format == .table else { return .table(t) }
      let c = chart()
      var shown = c
      if c.title == t.title.map(tr) { shown.title = "" }
      let more = screenful(&shown)
      // The SVG for a handout keeps the title and every bar; under its table the text needs neither.
      if textChartsAsSVG != nil { _ = drawText(c) }
      return .message(renderTable(t) + ChartText.draw(shown, chartStyle) + more)
    }
  }
}

extension Session {
  /// `… | chart bar LABEL VALUE [stacked …] ["FILE.svg"]`, `… | chart line X Y`: the checker
  /// has made sure the columns exist and measure numbers.
  func drawChart(_ spec: ChartSpec, _ t: ResultTable) throws -> CommandOutput {
    func index(_ name: String) -> Int { t.columns.firstIndex { $0.name == name } ?? 0 }
    let values = spec.values.map(index)
    var c = TableChart.make(
      t, kind: spec.kind == .bar ? .bars : .line, label: index(spec.label), values: values,
      title: t.title.map(tr) ?? tr("{0} by {1}", spec.values.joined(separator: " + "), spec.label))
    if let file = spec.file {
      try writeSVG(c, to: file, nil)
      return .message(tr("chart written to {0} ({1} bars)", file, c.rows.count))
    }
    let more = screenful(&c)
    return .message(drawText(c) + more)
  }

  /// Bars beyond a screenful (`set rows`) are counted, not drawn; a line fits itself to the
  /// width. Returns the line that counts them, or "".
  func screenful(_ c: inout Chart) -> String {
    guard c.kind == .bars, let limit = settings.rows, c.rows.count > limit else { return "" }
    let more = c.rows.count - limit
    c.rows.removeLast(more)
    return tr("… {0} more bars (set rows all to see them)", more) + "\n"
  }
}
