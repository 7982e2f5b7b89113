import KehuStore

/// A chart of any result: a label column and one or more value columns. The `chart` verb
/// and the commands' `chart=` options both draw through here, so a command's picture is the
/// same picture a user would get by charting its table.
enum TableChart {
  /// A number's length on the chart. Only the picture is approximate: the figure beside
  /// the bar is the value's own text.
  static func length(_ v: Value) -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .money(let m): return Double(m.fen) / 100
    case .decimal(let d), .percent(let d): return Double(d.description)
    case .duration(let n): return Double(n)
    default: return nil
    }
  }

  static func chartable(_ type: ValueType) -> Bool {
    type.isNumeric || type == .duration
  }

  /// Rows whose label is in `leaving` (a `total` line) are left out: a bar for the sum of
  /// the other bars would dwarf them.
  static func make(
    _ t: ResultTable, kind: Chart.Kind, label: Int, values: [Int], title: String? = nil,
    leaving: Set<String> = []
  ) -> Chart {
    var rows: [Chart.Row] = []
    for r in t.rows.indices {
      let name = humanText(t.cell(r, label))
      if leaving.contains(name) { continue }
      let parts = values.map { length(t.cell(r, $0)) ?? 0 }
      let shown: String
      if values.count == 1 {
        shown = humanText(t.cell(r, values[0]))
      } else {
        shown = sum(values.map { t.cell(r, $0) })
      }
      rows.append(Chart.Row(label: name, parts: parts, shown: shown))
    }
    return Chart(
      kind: kind, title: title ?? t.title.map(tr) ?? "", labelAxis: t.columns[label].name,
      valueAxis: values.map { t.columns[$0].name }.joined(separator: " + "),
      series: values.map { t.columns[$0].name }, rows: rows)
  }

  /// The exact total of a stacked bar's parts when they add up (money with money, counts
  /// with counts), shown beside it; else the parts one after another.
  static func sum(_ parts: [Value]) -> String {
    var money = Money.zero
    var ints: Int64 = 0
    var allMoney = true
    var allInts = true
    for p in parts {
      switch p {
      case .money(let m): money = (try? money.adding(m)) ?? money
      case .null: break
      default: allMoney = false
      }
      if case .int(let i) = p { ints &+= i } else if p != .null { allInts = false }
    }
    if allMoney { return money.formatted }
    if allInts { return String(ints) }
    return parts.map(humanText).joined(separator: " + ")
  }
}
