/// One picture, drawn two ways from the same description: as text at the terminal
/// (`ChartText`) and as an SVG file (`ChartSVG`). Commands and the `chart` verb build a
/// `Chart`; neither drawing knows which command asked.
///
/// Lengths are `Double` because only the picture needs them: every figure a reader sees
/// is the exact text in `Row.shown`, formatted by the command from money or counts.
struct Chart: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// One bar per row, as long as its value (several parts stack end to end).
    case bars
    /// The rows as a line over their labels: a column of blocks per point at the terminal,
    /// a polyline in SVG (monthly DSO, `chart line X Y`).
    case line
  }

  struct Row: Sendable, Equatable {
    var label: String
    /// One length per series; a stacked bar has several.
    var parts: [Double]
    /// The figure printed beside the bar, exactly as the table shows it.
    var shown: String
    /// A second scale from 0 to 1 drawn as a marker on each row (the cumulative share),
    /// and its figure as the table shows it.
    var share: Double? = nil
    var shareShown: String? = nil
    /// A short tag after the row (the A/B/C band); also picks the row's colour in SVG.
    var tag: String? = nil

    var total: Double { parts.reduce(0) { $0 + max(0, $1) } }
  }

  /// A line across the share scale (the 80% and 95% lines of a Pareto chart).
  struct Guide: Sendable, Equatable {
    var label: String
    var share: Double
  }

  var kind: Kind
  var title: String
  /// The axis the labels run along, and the axis of the values: both named in SVG.
  var labelAxis: String
  var valueAxis: String
  /// The names of the stacked parts, for the legend; one name means a plain bar.
  var series: [String]
  var rows: [Row]
  /// What the share marker means (shown in the legend), when rows carry one.
  var shareName: String? = nil
  var guides: [Guide] = []

  var largest: Double { rows.map(\.total).max() ?? 0 }
  var isStacked: Bool { series.count > 1 }
  var hasShare: Bool { rows.contains { $0.share != nil } }
}

/// How a text chart is drawn: the cells it may use and the characters it may print.
struct ChartStyle: Sendable, Equatable {
  /// Terminal columns the widest line may take.
  var width: Int = 80
  /// Plain ASCII for terminals and printers without block characters (`set charts ascii`).
  var ascii: Bool = false
  /// ANSI colours for the parts of stacked bars; off under `NO_COLOR` and in files.
  var color: Bool = false
}
