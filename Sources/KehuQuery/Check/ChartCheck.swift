import KehuStore

extension Checker {
  /// The chart's columns exist in the result, and the values are numbers a bar can measure;
  /// the spec comes back with the columns' full names.
  func checkChart(_ spec: ChartSpec, _ scope: Scope) throws(QueryError) -> ChartSpec {
    let names = scope.columns.map(\.name)
    var spec = spec
    func column(_ name: String, _ range: SourceRange) throws(QueryError) -> ResultColumn {
      guard let i = ChartSpec.column(name, in: names) else {
        throw QueryError(
          .name, "no column \"\(name)\" in \(scope.name)\(didYouMean(name, in: names))", at: range,
          notes: ["columns in \(scope.name): \(names.joined(separator: ", "))"])
      }
      return scope.columns[i]
    }
    spec.label = try column(spec.label, spec.labelRange).name
    for (k, (v, r)) in zip(spec.values, spec.valueRanges).enumerated() {
      let c = try column(v, r)
      spec.values[k] = c.name
      guard c.type.isNumeric || c.type == .duration || c.type == .null else {
        throw QueryError(
          .type, "`chart` measures numbers, but \"\(v)\" is \(c.type.rawValue)", at: r)
      }
    }
    return spec
  }
}
