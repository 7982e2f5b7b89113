import KehuDomain
import KehuStore
import KehuText

/// Figure 4-1 drawn two ways: bars of Unicode blocks for the terminal, and an SVG file.
enum ParetoChart {
  struct Bar {
    var label: String
    var amount: Int64
    var cumulative: Int64
    var grade: SalesGrade
  }

  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar of `cells` terminal cells filled in proportion `part ÷ whole`, to an eighth of a cell.
  static func blocks(_ part: Int64, of whole: Int64, cells: Int) -> String {
    guard whole > 0, part > 0 else { return "" }
    let eighthsTotal = Int((Int128(part) * Int128(cells * 8) + Int128(whole) / 2) / Int128(whole))
    return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
  }

  /// One line per customer: name (aligned by display width, so Chinese names line up), a bar
  /// scaled to the largest amount, the cumulative share and the band.
  static func text(_ bars: [Bar], total: Int64, width: Int = 30) -> String {
    let top = bars.map(\.amount).max() ?? 0
    let labelWidth = min(20, bars.map { $0.label.displayWidth }.max() ?? 0)
    var out = ""
    for b in bars {
      let label = b.label.truncated(toWidth: labelWidth).padded(toWidth: labelWidth)
      let bar = blocks(b.amount, of: top, cells: width).padded(toWidth: width)
      let cum = Value.percentText(Grading.share(b.cumulative, of: total).rounded(to: 3))
      out += "\(label) \(bar) \(cum.leftPadded(toWidth: 7)) \(b.grade.rawValue)\n"
    }
    return out
  }

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

  /// Fen as a coordinate: only the picture needs floating point, never a figure shown.
  static func fraction(_ part: Int64, _ whole: Int64) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
  }

  static func number(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// Bars for the amounts (left axis), the cumulative share as a line (right axis, 0–100%),
  /// dashed band lines, and the customers' names under the bars.
  static func svg(_ bars: [Bar], total: Int64, lines: GradeLines, title: String) -> String {
    let left = 70.0
    let top = 50.0
    let plotW = max(600.0, Double(bars.count) * 14)
    let plotH = 320.0
    let width = left + plotW + 70
    let height = top + plotH + 150
    let maxAmount = bars.map(\.amount).max() ?? 1
    let step = bars.isEmpty ? plotW : plotW / Double(bars.count)
    let colours: [SalesGrade: String] = [.a: "#2b6cb0", .b: "#63b3ed", .c: "#cbd5e0"]
    var s = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
      viewBox="0 0 \(number(width)) \(number(height))" font-family="sans-serif" font-size="11">
      <title>\(escape(title))</title>
      <text x="\(number(left))" y="24" font-size="15">\(escape(title))</text>
      <line x1="\(number(left))" y1="\(number(top + plotH))" x2="\(number(left + plotW))" \
      y2="\(number(top + plotH))" stroke="#333"/>
      <line x1="\(number(left))" y1="\(number(top))" x2="\(number(left))" y2="\(number(top + plotH))" stroke="#333"/>

      """
    s += "<text x=\"\(number(left - 6))\" y=\"\(number(top + 4))\" text-anchor=\"end\">"
    s += "\(escape(Money(fen: maxAmount).formatted))</text>\n"
    s += "<text x=\"\(number(left + plotW + 6))\" y=\"\(number(top + 4))\">100%</text>\n"
    s += "<text x=\"\(number(left + plotW + 6))\" y=\"\(number(top + plotH))\">0%</text>\n"
    var points: [String] = []
    for (i, b) in bars.enumerated() {
      let h = fraction(b.amount, maxAmount) * plotH
      let x = left + Double(i) * step
      s += "<rect class=\"bar\" x=\"\(number(x + step * 0.1))\" y=\"\(number(top + plotH - h))\" "
      s += "width=\"\(number(step * 0.8))\" height=\"\(number(h))\" fill=\"\(colours[b.grade]!)\">"
      s +=
        "<title>\(escape(b.label)) \(Money(fen: b.amount).formatted) (\(b.grade.rawValue))</title></rect>\n"
      let cy = top + plotH - fraction(b.cumulative, total) * plotH
      points.append("\(number(x + step / 2)),\(number(cy))")
      let lx = x + step / 2
      let ly = top + plotH + 8
      s +=
        "<text x=\"\(number(lx))\" y=\"\(number(ly))\" transform=\"rotate(60 \(number(lx)) \(number(ly)))\">"
      s += "\(escape(b.label))</text>\n"
    }
    if !points.isEmpty {
      s += "<polyline class=\"cumulative\" fill=\"none\" stroke=\"#c53030\" stroke-width=\"2\" "
      s += "points=\"\(points.joined(separator: " "))\"/>\n"
    }
    if case .share(let a, let b, _) = lines {
      for (name, line) in [("A", a), ("B", b)] {
        let f = Double(String(describing: line)) ?? 0
        let y = top + plotH - f * plotH
        s += "<line class=\"band\" x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(left + plotW))\" "
        s += "y2=\"\(number(y))\" stroke=\"#718096\" stroke-dasharray=\"6 4\"/>\n"
        s += "<text x=\"\(number(left + plotW - 4))\" y=\"\(number(y - 4))\" text-anchor=\"end\">"
        s += "\(name) \(Value.percentText(line))</text>\n"
      }
    }
    s += "</svg>\n"
    return s
  }
}
