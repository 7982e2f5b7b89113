import KehuStore

// Placeholder until the renderer lands (same API); deleted on merge.
public enum OutputFormat: String, CaseIterable, Sendable { case table, csv, json, markdown }
public enum RowView: String, Sendable { case horizontal, vertical }
public struct RenderOptions: Sendable {
  public var format: OutputFormat = .table
  public var view: RowView = .horizontal
  public var maxRows: Int? = nil
  public var color: Bool = false
  public init(format: OutputFormat = .table, view: RowView = .horizontal, maxRows: Int? = nil, color: Bool = false) {
    self.format = format
    self.view = view
    self.maxRows = maxRows
    self.color = color
  }
}
public func render(_ t: ResultTable, _ o: RenderOptions) -> String {
  var lines: [String] = []
  if let title = t.title { lines.append(title) }
  if !t.columns.isEmpty {
    lines.append(t.columns.map(\.name).joined(separator: "  "))
    for r in t.rows { lines.append(r.map(\.plainText).joined(separator: "  ")) }
  }
  lines += t.notes
  return lines.joined(separator: "\n") + "\n"
}
public func displayWidth(_ s: String) -> Int {
  s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value < 0xFFFF && $1.value >= 0x2E80 ? 2 : 1) }
}
