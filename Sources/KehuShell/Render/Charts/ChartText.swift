import KehuText

/// A chart as lines of text: Unicode eighth-blocks (or ASCII), every line at most
/// `style.width` cells, labels cut and padded by display width so Chinese names line up.
enum ChartText {
  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  static let risers = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇"]
  static let fills = ["█", "▓", "▒", "░", "▚", "▞"]
  static let asciiFills = ["#", "=", "+", "-", ".", "o"]
  static let colours = ["34", "36", "33", "35", "31", "32"]

  static func draw(_ c: Chart, _ style: ChartStyle) -> String {
    // Under its own table a chart needs no second title.
    var lines = c.title.isEmpty ? [] : [cut(c.title, style)]
    switch c.kind {
    case .bars: lines += bars(c, style)
    case .line: lines += column(c, style)
    }
    return lines.map { $0 + "\n" }.joined()
  }

  static func cut(_ s: String, _ style: ChartStyle) -> String {
    s.truncated(toWidth: style.width, ellipsis: style.ascii ? "~" : "…")
  }

  /// A bar `cells` long at most, filled in proportion `part ÷ whole`: to an eighth of a
  /// cell in Unicode, to a whole cell in ASCII.
  static func blocks(_ part: Double, of whole: Double, cells: Int, ascii: Bool = false) -> String {
    guard whole > 0, part > 0 else { return "" }
    let n = Int((min(part, whole) / whole * Double(cells * 8)).rounded())
    if ascii { return String(repeating: "#", count: (n + 4) / 8) }
    return String(repeating: "█", count: n / 8) + eighths[n % 8]
  }

  /// A stacked bar: each part rounded where it ends, so the parts add up to the whole bar.
  static func stacked(_ parts: [Double], of whole: Double, cells: Int, _ style: ChartStyle) -> String {
    guard whole > 0 else { return "" }
    var out = ""
    var sum = 0.0
    var drawn = 0
    for (i, p) in parts.enumerated() where p > 0 {
      sum += p
      let end = Int((min(sum, whole) / whole * Double(cells)).rounded())
      guard end > drawn else { continue }
      let fill = (style.ascii ? asciiFills : fills)[i % fills.count]
      let seg = String(repeating: fill, count: end - drawn)
      out += style.color ? "\u{1B}[\(colours[i % colours.count])m\(seg)\u{1B}[0m" : seg
      drawn = end
    }
    return out + String(repeating: " ", count: cells - drawn)
  }

  /// The key to the fills and markers, on one line (cut to the width).
  static func legend(_ c: Chart, _ style: ChartStyle) -> String? {
    var items: [String] = []
    if c.isStacked {
      for (i, name) in c.series.enumerated() {
        let fill = (style.ascii ? asciiFills : fills)[i % fills.count]
        items.append(
          (style.color ? "\u{1B}[\(colours[i % colours.count])m\(fill)\u{1B}[0m" : fill) + " " + name)
      }
    }
    if let name = c.shareName {
      items.append((style.ascii ? "*" : "●") + " " + name)
      if !c.guides.isEmpty {
        items.append((style.ascii ? ":" : "┊") + " " + c.guides.map(\.label).joined(separator: ", "))
      }
    }
    guard !items.isEmpty else { return nil }
    // Colour codes take no cells; cut the plain text when the key is too wide.
    let line = items.joined(separator: "   ")
    return style.color ? line : cut(line, style)
  }

  // MARK: bars

  static func bars(_ c: Chart, _ style: ChartStyle) -> [String] {
    let ell = style.ascii ? "~" : "…"
    let shownW = c.rows.map { $0.shown.displayWidth }.max() ?? 0
    let tagW = c.rows.map { $0.tag?.displayWidth ?? 0 }.max() ?? 0
    let pctW = c.hasShare ? max(4, c.rows.map { $0.shareShown?.displayWidth ?? 0 }.max() ?? 0) : 0
    var labelW = min(c.rows.map { $0.label.displayWidth }.max() ?? 0, max(8, style.width / 4))
    // Separators: after the label, after the bar, around the share track, before the tag.
    let fixed = 1 + 1 + shownW + (c.hasShare ? 4 + pctW : 0) + (tagW > 0 ? 1 + tagW : 0)
    var room = style.width - fixed - labelW
    if room < 12 {
      labelW = max(4, labelW - (12 - room))
      room = style.width - fixed - labelW
    }
    room = max(4, room)
    let trackW = c.hasShare ? max(6, room / 3) : 0
    let barW = max(1, room - trackW)
    var out: [String] = []
    if let l = legend(c, style) { out.append(l) }
    let whole = c.largest
    for r in c.rows {
      var line = r.label.truncated(toWidth: labelW, ellipsis: ell).padded(toWidth: labelW) + " "
      if c.isStacked {
        line += stacked(r.parts, of: whole, cells: barW, style)
      } else {
        line += blocks(r.total, of: whole, cells: barW, ascii: style.ascii).padded(toWidth: barW)
      }
      line += " " + r.shown.leftPadded(toWidth: shownW)
      if c.hasShare {
        line += " " + track(r.share, c.guides, cells: trackW, style) + " "
        line += (r.shareShown ?? "").leftPadded(toWidth: pctW)
      }
      if tagW > 0 { line += " " + (r.tag ?? "") }
      out.append(line.trailingSpacesRemoved)
    }
    return out
  }

  /// The share scale of one row: the guides as dotted columns, the row's share as a marker.
  static func track(_ share: Double?, _ guides: [Chart.Guide], cells: Int, _ style: ChartStyle) -> String {
    var cellsText = [String](repeating: " ", count: cells)
    func at(_ f: Double) -> Int { min(cells - 1, max(0, Int((f * Double(cells)).rounded(.down)))) }
    for g in guides { cellsText[at(g.share)] = style.ascii ? ":" : "┊" }
    if let share { cellsText[at(share)] = style.ascii ? "*" : "●" }
    let edge = style.ascii ? "|" : "│"
    return edge + cellsText.joined() + edge
  }

  // MARK: line

  static let height = 8

  /// The rows as columns of blocks, `height` rows high, the largest value at the top; the
  /// labels under the axis where they fit. Points beyond the width are left out, oldest first.
  static func column(_ c: Chart, _ style: ChartStyle) -> [String] {
    let top = c.rows.max { $0.total < $1.total }
    let topText = top?.shown ?? ""
    let yW = max(topText.displayWidth, 1)
    let room = max(1, style.width - yW - 2)
    let shownRows = Array(c.rows.suffix(room))
    var out: [String] = []
    if shownRows.count < c.rows.count {
      out.append(
        cut(tr("({0} earlier points left out to fit the width)", c.rows.count - shownRows.count), style))
    }
    let n = max(1, shownRows.count)
    let step = max(1, min(6, room / n))
    let colW = step > 1 ? step - 1 : 1
    let whole = c.largest
    let eighthsHigh = shownRows.map { r -> Int in
      whole > 0 ? Int((max(0, r.total) / whole * Double(height * 8)).rounded()) : 0
    }
    let axis = style.ascii ? "|" : "┤"
    for level in stride(from: height - 1, through: 0, by: -1) {
      var line = (level == height - 1 ? topText : level == 0 ? "0" : "").leftPadded(toWidth: yW) + " "
      line += level == height - 1 || level == 0 ? axis : (style.ascii ? "|" : "│")
      for e in eighthsHigh {
        let filled = e - level * 8
        let cell: String
        if filled >= 8 {
          cell = style.ascii ? "#" : "█"
        } else if filled > 0 {
          cell = style.ascii ? (filled >= 4 ? "#" : " ") : risers[filled]
        } else {
          cell = " "
        }
        line += String(repeating: cell, count: colW) + (step > 1 ? " " : "")
      }
      out.append(line.trailingSpacesRemoved)
    }
    out.append(
      String(repeating: " ", count: yW + 1) + (style.ascii ? "+" : "└")
        + String(repeating: style.ascii ? "-" : "─", count: min(room, n * step)))
    // Labels where they fit, left to right, never overlapping.
    var labels = ""
    var used = 0
    for (i, r) in shownRows.enumerated() {
      let at = yW + 2 + i * step
      let w = r.label.displayWidth
      if at >= used + (used == 0 ? 0 : 1) && at + w <= style.width {
        labels += String(repeating: " ", count: at - used) + r.label
        used = at + w
      }
    }
    if !labels.isEmpty { out.append(labels) }
    return out
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
