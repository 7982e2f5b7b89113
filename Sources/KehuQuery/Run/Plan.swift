import KehuStore

/// A checked expression: names resolved to column indexes, every node typed. Only the
/// checker builds these, so the evaluator never meets an unknown name or a type mismatch.
struct TExpr {
  indirect enum Kind {
    case constant(Value)
    case column(Int)
    case negate(TExpr)
    case not(TExpr)
    case arithmetic(BinaryOp, TExpr, TExpr)
    case compare(BinaryOp, TExpr, TExpr)
    case and(TExpr, TExpr)
    case or(TExpr, TExpr)
    case call(QueryFunction, [TExpr])
    case ifThen(TExpr, TExpr, TExpr)
    case coalesce([TExpr])
    case inList(TExpr, [TExpr], negated: Bool)
    case isNull(TExpr, negated: Bool)
    /// The value of the summarize's aggregate number i for the current group.
    case aggregate(Int)
    /// The value of the derive's window function number i for the current row.
    case window(Int)
  }

  var kind: Kind
  var type: ValueType
  var range: SourceRange

  var constantValue: Value? {
    if case .constant(let v) = kind { return v }
    return nil
  }

  /// The expressions directly under this one, in order.
  var children: [TExpr] {
    switch kind {
    case .constant, .column, .aggregate, .window: return []
    case .negate(let a), .not(let a), .isNull(let a, _): return [a]
    case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
      return [a, b]
    case .call(_, let xs), .coalesce(let xs): return xs
    case .ifThen(let a, let b, let c): return [a, b, c]
    case .inList(let a, let xs, _): return [a] + xs
    }
  }

  /// `body` of this expression and of every one below it, each before its children.
  func visit(_ body: (TExpr) -> Void) {
    body(self)
    for c in children { c.visit(body) }
  }
}

struct AggregateSpec {
  var kind: AggregateKind
  var argument: TExpr?
  var type: ValueType
}

struct WindowSpec {
  var kind: WindowKind
  var argument: TExpr?
  var type: ValueType
}

enum PlanSource {
  case table(String)
  case rows(TableSource)
  /// `range(from, to, step)`, values worked out at check time.
  case values(TableSource)
}

enum PlanStep {
  case filter(TExpr)
  /// `select` and `derive`: each output column is an expression over the input row
  /// (with `.window(i)` nodes reading `windows[i]`).
  case project([TExpr], windows: [WindowSpec])
  case sort([(TExpr, descending: Bool)])
  case take(Int)
  case summarize(keys: [TExpr], aggregates: [AggregateSpec], outputs: [TExpr])
  case join(left: Bool, PlanSource, rightName: String, leftKey: TExpr, rightKey: TExpr)
  /// One row per distinct combination of all columns.
  case distinct
  case count
}

/// A checked pipeline, ready to run: its source, its steps and the columns it yields.
public struct QueryPlan {
  var source: PlanSource
  var steps: [PlanStep]
  public var columns: [ResultColumn]
  /// Where `export "FILE"` asked the result to go; the shell writes the file.
  public var exportPath: String?
  /// What `chart …` asked to draw; the shell draws it from every row.
  public var chart: ChartSpec? = nil
}
