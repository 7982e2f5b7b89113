import KehuDomain
import KehuStore

/// Figure 4-1 as a `Chart`: a bar per customer (or per band when they do not fit), the
/// cumulative share as a marker on each row, and the A and B lines as guides.
enum ParetoChart {
  struct Bar {
    var label: String
    var amount: Int64
    var cumulative: Int64
    var grade: SalesGrade
  }

  /// Fen as a length: only the picture needs floating point, never a figure shown.
  static func fraction(_ part: Int64, _ whole: Int64) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
  }

  static func chart(_ bars: [Bar], total: Int64, lines: GradeLines, title: String, measure: String) -> Chart {
    var guides: [Chart.Guide] = []
    if case .share(let a, let b, _) = lines {
      for (name, line) in [("A", a), ("B", b)] {
        guides.append(
          Chart.Guide(label: "\(name) \(Value.percentText(line))", share: Double(line.description) ?? 0))
      }
    }
    let rows = bars.map { b in
      Chart.Row(
        label: b.label, parts: [Double(b.amount)], shown: Money(fen: b.amount).formatted,
        share: fraction(b.cumulative, total),
        shareShown: Value.percentText(Grading.share(b.cumulative, of: total).rounded(to: 3)),
        tag: b.grade.rawValue)
    }
    return Chart(
      kind: .bars, title: title, labelAxis: tr("customers, ranked"), valueAxis: measure, series: [measure],
      rows: rows, shareName: tr("cumulative share"), guides: guides)
  }

  /// One bar per band (A, B, C): what a screen can show of thousands of customers.
  static func bands(_ bars: [Bar]) -> [Bar] {
    SalesGrade.allCases.compactMap { g in
      let members = bars.filter { $0.grade == g }
      guard let last = members.last else { return nil }
      return Bar(
        label: tr("{0}: {1} customers", g.rawValue, members.count),
        amount: members.reduce(0) { $0 &+ $1.amount },
        cumulative: last.cumulative, grade: g)
    }
  }

  static func svg(_ bars: [Bar], total: Int64, lines: GradeLines, title: String, measure: String = "sales")
    -> String
  {
    ChartSVG.draw(chart(bars, total: total, lines: lines, title: title, measure: measure))
  }
}
