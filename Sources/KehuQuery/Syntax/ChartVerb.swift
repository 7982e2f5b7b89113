/// `chart bar LABEL VALUE [stacked VALUE2 …] ["FILE.svg"]` or `chart line X Y ["FILE.svg"]`:
/// the pipeline's result drawn as a picture. It ends the pipeline; the shell draws it (as
/// text at the terminal, or as SVG when a file is named), from every row the pipeline made.
public struct ChartSpec: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case bar, line
  }

  public var kind: Kind
  public var label: String
  public var labelRange: SourceRange
  /// The first value, then the ones stacked on it.
  public var values: [String]
  public var valueRanges: [SourceRange]
  public var file: String?

  /// The column a chart names: exactly, or the one computed by a call of that name (`month`
  /// for `month(date)`), so `… by month(date) | chart bar month t` reads as it is said.
  public static func column(_ name: String, in names: [String]) -> Int? {
    if let i = names.firstIndex(of: name) { return i }
    let calls = names.indices.filter { names[$0].hasPrefix(name + "(") }
    return calls.count == 1 ? calls[0] : nil
  }
}

extension Parser {
  mutating func chartSpec() throws(QueryError) -> ChartSpec {
    guard let word = current.identifier, let kind = ChartSpec.Kind(rawValue: word) else {
      throw expected("`bar` or `line`")
    }
    _ = advance()
    guard let label = current.identifier else {
      throw expected(kind == .bar ? "the column of the bars' labels" : "the column along the line (X)")
    }
    let labelRange = advance().range
    guard let first = current.identifier else {
      throw expected(kind == .bar ? "the column of the bars' values" : "the column of the values (Y)")
    }
    var values = [first]
    var ranges = [advance().range]
    if kind == .bar && current.isWord(.stacked) {
      _ = advance()
      repeat {
        if values.count > 1 { _ = advance() }
        guard let v = current.identifier else { throw expected("a column to stack") }
        values.append(v)
        ranges.append(advance().range)
      } while current.isSymbol(.comma) || current.identifier != nil
    }
    var file: String?
    if case .string(let f) = current.kind {
      guard f.lowercased().hasSuffix(".svg") else {
        throw error("a chart is written as SVG: the file name must end in .svg")
      }
      file = f
      _ = advance()
    }
    guard atStatementEnd else { throw error("`chart` must end the pipeline") }
    return ChartSpec(
      kind: kind, label: label, labelRange: labelRange, values: values, valueRanges: ranges, file: file)
  }
}
