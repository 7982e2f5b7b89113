import KehuText

/// A chart as an SVG document: valid XML with a `<title>`, a visible title, both axes named,
/// one `class="bar"` element per row (a rect, or a group of the stacked parts), a `polyline`
/// for a line or a share, and dashed `class="band"` lines for the guides.
enum ChartSVG {
  static let palette = ["#2b6cb0", "#63b3ed", "#f6ad55", "#ed8936", "#c53030", "#718096"]
  /// The A/B/C bands keep the colours the Pareto chart always had.
  static let tagColours = ["A": "#2b6cb0", "B": "#63b3ed", "C": "#cbd5e0"]

  static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  static func number(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  static func text(_ x: Double, _ y: Double, _ body: String, _ extra: String = "") -> String {
    "<text x=\"\(number(x))\" y=\"\(number(y))\"\(extra.isEmpty ? "" : " " + extra)>\(escape(body))</text>\n"
  }

  static func draw(_ c: Chart) -> String {
    let left = 80.0
    let top = c.isStacked || c.hasShare ? 70.0 : 50.0
    let plotW = max(600.0, Double(c.rows.count) * 14)
    let plotH = 320.0
    let width = left + plotW + 70
    let labelRoom = 20 + 6.5 * Double(min(24, c.rows.map { $0.label.displayWidth }.max() ?? 0))
    let height = top + plotH + labelRoom + 30
    let whole = c.largest > 0 ? c.largest : 1
    let step = c.rows.isEmpty ? plotW : plotW / Double(c.rows.count)
    let base = top + plotH
    var s = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
      viewBox="0 0 \(number(width)) \(number(height))" font-family="sans-serif" font-size="11">
      <title>\(escape(c.title))</title>

      """
    s += text(left, 24, c.title, "font-size=\"15\"")
    s += "<line x1=\"\(number(left))\" y1=\"\(number(base))\" x2=\"\(number(left + plotW))\" "
    s += "y2=\"\(number(base))\" stroke=\"#333\"/>\n"
    s += "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" "
    s += "y2=\"\(number(base))\" stroke=\"#333\"/>\n"
    // Axis names: the values up the left side, the labels under the plot.
    s += text(
      18, top + plotH / 2, c.valueAxis,
      "class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(number(top + plotH / 2)))\"")
    s += text(left + plotW / 2, height - 8, c.labelAxis, "class=\"axis\" text-anchor=\"middle\"")
    if let topRow = c.rows.max(by: { $0.total < $1.total }) {
      s += text(left - 6, top + 4, topRow.shown, "text-anchor=\"end\"")
    }
    s += text(left - 6, base, "0", "text-anchor=\"end\"")
    s += legend(c, x: left, y: 44)
    var sharePoints: [String] = []
    var linePoints: [String] = []
    for (i, r) in c.rows.enumerated() {
      let x = left + Double(i) * step
      let mid = x + step / 2
      let tip = "\(r.label) \(r.shown)" + (r.tag.map { " (\($0))" } ?? "")
      switch c.kind {
      case .bars where c.isStacked:
        s += "<g class=\"bar\"><title>\(escape(tip))</title>\n"
        var y = base
        for (k, p) in r.parts.enumerated() where p > 0 {
          let h = p / whole * plotH
          y -= h
          s += "<rect class=\"part\" x=\"\(number(x + step * 0.1))\" y=\"\(number(y))\" "
          s +=
            "width=\"\(number(step * 0.8))\" height=\"\(number(h))\" fill=\"\(palette[k % palette.count])\"/>\n"
        }
        s += "</g>\n"
      case .bars:
        let h = max(0, r.total) / whole * plotH
        let fill = r.tag.flatMap { tagColours[$0] } ?? palette[0]
        s += "<rect class=\"bar\" x=\"\(number(x + step * 0.1))\" y=\"\(number(base - h))\" "
        s += "width=\"\(number(step * 0.8))\" height=\"\(number(h))\" fill=\"\(fill)\">"
        s += "<title>\(escape(tip))</title></rect>\n"
      case .line:
        let y = base - max(0, r.total) / whole * plotH
        linePoints.append("\(number(mid)),\(number(y))")
        s +=
          "<circle class=\"point\" cx=\"\(number(mid))\" cy=\"\(number(y))\" r=\"3\" fill=\"\(palette[0])\">"
        s += "<title>\(escape(tip))</title></circle>\n"
      }
      if let share = r.share {
        sharePoints.append("\(number(mid)),\(number(base - share * plotH))")
      }
      let ly = base + 8
      s += text(mid, ly, r.label, "transform=\"rotate(60 \(number(mid)) \(number(ly)))\"")
    }
    if !linePoints.isEmpty {
      s += "<polyline class=\"line\" fill=\"none\" stroke=\"\(palette[0])\" stroke-width=\"2\" "
      s += "points=\"\(linePoints.joined(separator: " "))\"/>\n"
    }
    if !sharePoints.isEmpty {
      s += text(left + plotW + 6, top + 4, "100%")
      s += text(left + plotW + 6, base, "0%")
      s += "<polyline class=\"cumulative\" fill=\"none\" stroke=\"#c53030\" stroke-width=\"2\" "
      s += "points=\"\(sharePoints.joined(separator: " "))\"/>\n"
    }
    for g in c.guides {
      let y = base - g.share * plotH
      s += "<line class=\"band\" x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(left + plotW))\" "
      s += "y2=\"\(number(y))\" stroke=\"#718096\" stroke-dasharray=\"6 4\"/>\n"
      s += text(left + plotW - 4, y - 4, g.label, "text-anchor=\"end\"")
    }
    s += "</svg>\n"
    return s
  }

  /// Swatches for the stacked parts and the share line, in one row above the plot.
  static func legend(_ c: Chart, x: Double, y: Double) -> String {
    var s = ""
    var at = x
    if c.isStacked {
      for (k, name) in c.series.enumerated() {
        s += "<rect class=\"legend\" x=\"\(number(at))\" y=\"\(number(y - 9))\" width=\"10\" height=\"10\" "
        s += "fill=\"\(palette[k % palette.count])\"/>\n"
        s += text(at + 14, y, name)
        at += 24 + 7 * Double(name.displayWidth)
      }
    }
    if let name = c.shareName {
      s +=
        "<line x1=\"\(number(at))\" y1=\"\(number(y - 4))\" x2=\"\(number(at + 12))\" y2=\"\(number(y - 4))\" "
      s += "stroke=\"#c53030\" stroke-width=\"2\"/>\n"
      s += text(at + 16, y, name)
    }
    return s
  }
}
