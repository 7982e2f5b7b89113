import KehuStore

/// Name and type checking of a whole pipeline before any row is read. Produces the
/// `QueryPlan` the evaluator runs, with every column resolved and every node typed, and
/// the result schema of every verb along the way.
public struct Checker {
  public var catalog: any QueryCatalog
  public var environment: Environment
  public var functions: FunctionRegistry
  public var context: EvaluationContext

  public init(
    catalog: any QueryCatalog, environment: Environment = Environment(),
    functions: FunctionRegistry = .standard, context: EvaluationContext
  ) {
    self.catalog = catalog
    self.environment = environment
    self.functions = functions
    self.context = context
  }

  /// The columns a verb sees, and how messages name them ("customers").
  struct Scope {
    var columns: [ResultColumn]
    var name: String
  }

  /// Where an expression sits decides which special calls it may contain.
  final class Collector {
    enum Mode { case row, aggregate, window }
    let mode: Mode
    var aggregates: [AggregateSpec] = []
    var windows: [WindowSpec] = []
    var insideAggregate = false
    init(_ mode: Mode) { self.mode = mode }
  }

  public func check(_ p: Pipeline) throws(QueryError) -> QueryPlan {
    var (source, scope) = try checkSource(p.source)
    var steps: [PlanStep] = []
    var export: String?
    var chart: ChartSpec?
    for verb in p.verbs {
      switch verb.kind {
      case .where(let e):
        let t = try expression(e, scope)
        guard t.type == .bool || t.type == .null else {
          throw QueryError(
            .type, "`where` needs a true/false condition, but this is \(t.type.rawValue)", at: e.range)
        }
        steps.append(.filter(t))
      case .derive(let items):
        let c = Collector(.window)
        var outputs = scope.columns.indices.map {
          TExpr(kind: .column($0), type: scope.columns[$0].type, range: verb.range)
        }
        var columns = scope.columns
        for item in items {
          let t = try expression(item.expr, scope, c)
          if let i = columns.firstIndex(where: { $0.name == item.name }) {
            outputs[i] = t
            columns[i].type = t.type
          } else {
            outputs.append(t)
            columns.append(ResultColumn(item.name, t.type))
          }
        }
        steps.append(.project(outputs, windows: c.windows))
        scope.columns = columns
      case .select(let items):
        let c = Collector(.window)
        var outputs: [TExpr] = []
        var columns: [ResultColumn] = []
        for item in items {
          let t = try expression(item.expr, scope, c)
          if columns.contains(where: { $0.name == item.name }) {
            throw QueryError(.name, "column \"\(item.name)\" is selected twice", at: item.nameRange)
          }
          outputs.append(t)
          columns.append(resultColumn(item.name, t, scope))
        }
        steps.append(.project(outputs, windows: c.windows))
        scope = Scope(columns: columns, name: "the result of `select`")
      case .sort(let keys):
        var out: [(TExpr, descending: Bool)] = []
        for k in keys { out.append((codeSortKey(try expression(k.expr, scope), scope), k.descending)) }
        steps.append(.sort(out))
      case .take(let e):
        let t = try expression(e, Scope(columns: [], name: "`take`"))
        guard t.type == .int, case .int(let n) = try constant(t), n >= 0 else {
          throw QueryError(.type, "`take` needs a whole number of rows, 0 or more", at: e.range)
        }
        steps.append(.take(Int(n)))
      case .summarize(let aggs, let by):
        var keys: [TExpr] = []
        var columns: [ResultColumn] = []
        for k in by {
          let t = try expression(k.expr, scope)
          keys.append(t)
          columns.append(resultColumn(k.name, t, scope))
        }
        let c = Collector(.aggregate)
        var outputs: [TExpr] = []
        for a in aggs {
          let t = try expression(a.expr, scope, c)
          if columns.contains(where: { $0.name == a.name }) {
            throw QueryError(.name, "column \"\(a.name)\" is named twice", at: a.nameRange)
          }
          outputs.append(t)
          columns.append(ResultColumn(a.name, t.type))
        }
        steps.append(.summarize(keys: keys, aggregates: c.aggregates, outputs: outputs))
        scope = Scope(columns: columns, name: "the result of `summarize`")
      case .join(let left, let src, let lk, let rk):
        let (right, rightScope) = try checkSource(src)
        let l = try expression(lk, scope)
        let r = try expression(rk, rightScope)
        guard TypeRules.comparable(l.type, r.type) else {
          throw QueryError(
            .type, "cannot join \(l.type.rawValue) with \(r.type.rawValue)", at: lk.range.to(rk.range))
        }
        let leftNames = Set(scope.columns.map(\.name))
        var columns = scope.columns
        for col in rightScope.columns {
          let name = leftNames.contains(col.name) ? "\(rightScope.name).\(col.name)" : col.name
          var c = col
          c.name = name
          columns.append(c)
        }
        steps.append(.join(left: left, right, rightName: rightScope.name, leftKey: l, rightKey: r))
        scope = Scope(columns: columns, name: "the result of `join`")
      case .distinct(let items):
        if !items.isEmpty {
          var outputs: [TExpr] = []
          var columns: [ResultColumn] = []
          for item in items {
            let t = try expression(item.expr, scope)
            outputs.append(t)
            columns.append(resultColumn(item.name, t, scope))
          }
          steps.append(.project(outputs, windows: []))
          scope = Scope(columns: columns, name: "the result of `distinct`")
        }
        steps.append(.distinct)
      case .count:
        steps.append(.count)
        scope = Scope(columns: [ResultColumn("count", .int)], name: "the result of `count`")
      case .export(let file):
        export = file
      case .chart(let spec):
        chart = try checkChart(spec, scope)
      }
    }
    return QueryPlan(source: source, steps: steps, columns: scope.columns, exportPath: export, chart: chart)
  }

  func checkSource(_ s: PipelineSource) throws(QueryError) -> (PlanSource, Scope) {
    switch s {
    case .table(let name, let range):
      guard let cols = catalog.columns(of: name) else {
        throw QueryError(
          .name, "no table \"\(name)\"\(didYouMean(name, in: catalog.tableNames))", at: range,
          notes: ["tables: \(catalog.tableNames.joined(separator: ", "))"])
      }
      return (.table(name), Scope(columns: cols, name: name))
    case .variable(let name, let range):
      switch try binding(name, range) {
      case .table(let t): return (.rows(TableSource(t)), Scope(columns: t.columns, name: name))
      case .value(let v):
        let t = ResultTable(columns: [ResultColumn("value", v.type)], rows: [[v]])
        return (.rows(TableSource(t)), Scope(columns: t.columns, name: name))
      }
    case .range(let from, let to, let step, _):
      let rows = try rangeValues(from: from, to: to, step: step)
      var type = rows.first?.type ?? .int
      if rows.isEmpty { type = try expression(from, Scope(columns: [], name: "range")).type }
      let t = TableSource(columns: [ResultColumn("value", type)], rows: rows.map { [$0] })
      return (.values(t), Scope(columns: t.columns, name: "range"))
    }
  }

  func binding(_ name: String, _ range: SourceRange) throws(QueryError) -> Binding {
    guard let b = environment[name] else {
      let names = Array(environment.bindings.keys).sorted()
      throw QueryError(
        .name, "no variable $\(name)\(didYouMean(name, in: names))", at: range,
        notes: names.isEmpty ? ["no variables are set; bind one with `let NAME = …`"] : [])
    }
    return b
  }

  /// The values of `range(FROM, TO, STEP)`, TO included when a step lands on it.
  public func rangeValues(from: Expr, to: Expr, step: Expr) throws(QueryError) -> [Value] {
    let none = Scope(columns: [], name: "range")
    let a = try expression(from, none)
    let b = try expression(to, none)
    let s = try expression(step, none)
    let whole = from.range.to(step.range)
    let ok: Bool
    switch (a.type, b.type, s.type) {
    case (.date, .date, .duration), (.duration, .duration, .duration), (.int, .int, .int),
      (.percent, .percent, .percent), (.money, .money, .money):
      ok = true
    case let (x, y, z) where TypeRules.plainNumber(x) && TypeRules.plainNumber(y) && TypeRules.plainNumber(z):
      ok = true
    default: ok = false
    }
    guard ok else {
      throw QueryError(
        .type,
        "range needs three numbers, three percentages, or two dates and a duration; found \(a.type.rawValue), \(b.type.rawValue), \(s.type.rawValue)",
        at: whole)
    }
    let stepValue = try constant(s)
    let end = try constant(b)
    guard
      Value.compare(stepValue, .int(0)) > 0
        || (s.type == .duration && Value.compare(stepValue, .duration(0)) > 0)
    else {
      throw QueryError(.type, "the step of a range must be more than zero", at: step.range)
    }
    var out: [Value] = []
    var v = try constant(a)
    let addType = TypeRules.arithmetic(.add, a.type, s.type) ?? a.type
    while Arithmetic.compare(.le, v, end) {
      out.append(v)
      guard out.count <= 100_000 else {
        throw QueryError(.type, "range would give more than 100,000 values", at: whole)
      }
      do { v = try Arithmetic.apply(.add, v, stepValue, result: addType) } catch {
        throw QueryError(.runtime, Message(error.description), at: whole)
      }
    }
    return out
  }

  /// The value of an expression that reads no row (a `take` count, a `let`, a range end).
  func constant(_ t: TExpr) throws(QueryError) -> Value {
    let empty = TableSource(columns: [], cells: [], rowCount: 1)
    let f = Compiler(source: empty, context: context).compile(t)
    return try f(0)
  }

  /// Checks an expression with no columns in scope and gives its value (`let x = …`,
  /// `--set`, the values of a `for` list).
  public func evaluateConstant(_ e: Expr) throws(QueryError) -> Value {
    try constant(try expression(e, Scope(columns: [], name: "this statement")))
  }
}
