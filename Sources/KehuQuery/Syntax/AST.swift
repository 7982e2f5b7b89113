import KehuStore

public enum BinaryOp: String, Sendable {
  case add = "+", sub = "-", mul = "*", div = "/"
  case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
  case and, or

  var isComparison: Bool { [.eq, .ne, .lt, .le, .gt, .ge].contains(self) }
  var isArithmetic: Bool { [.add, .sub, .mul, .div].contains(self) }
}

public enum UnaryOp: String, Sendable {
  case negate = "-"
  case not
}

/// An expression as written. `range` covers the whole expression; `opRange` of a binary
/// node is the operator, which a type error underlines.
public struct Expr: Sendable, Equatable {
  public indirect enum Kind: Sendable, Equatable {
    case literal(Value)
    /// A column by name; `customers.name` after a join.
    case column(String)
    case variable(String)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr, opRange: SourceRange)
    /// Always with parentheses: `sum(amount)`, `today()`, `rank()`.
    case call(String, [Expr], nameRange: SourceRange)
    case inList(Expr, [Expr], negated: Bool)
    case isNull(Expr, negated: Bool)
  }

  public var kind: Kind
  public var range: SourceRange
  /// The characters as written, used to name an unnamed result column (`month(date)`).
  public var text: String

  public init(_ kind: Kind, _ range: SourceRange, text: String) {
    self.kind = kind
    self.range = range
    self.text = text
  }
}

/// `NAME = EXPR`, or a bare expression whose name is its text (a column keeps its name).
public struct NamedExpr: Sendable, Equatable {
  public var name: String
  public var nameRange: SourceRange
  public var expr: Expr
  public var explicitName: Bool
}

public struct SortKey: Sendable, Equatable {
  public var expr: Expr
  public var descending: Bool
}

public enum PipelineSource: Sendable, Equatable {
  case table(String, SourceRange)
  case variable(String, SourceRange)
  /// `range(FROM, TO, STEP)`: one column `value`, TO included when the step lands on it.
  case range(from: Expr, to: Expr, step: Expr, SourceRange)

  public var range: SourceRange {
    switch self {
    case .table(_, let r), .variable(_, let r), .range(_, _, _, let r): return r
    }
  }
}

public struct Verb: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case `where`(Expr)
    case select([NamedExpr])
    case derive([NamedExpr])
    case sort([SortKey])
    case take(Expr)
    case summarize([NamedExpr], by: [NamedExpr])
    /// LEFT is evaluated on the pipeline's rows, RIGHT on the joined table's.
    case join(left: Bool, PipelineSource, leftKey: Expr, rightKey: Expr)
    case distinct([NamedExpr])
    case count
    case export(String)
    case chart(ChartSpec)
  }

  public var kind: Kind
  /// The verb's own word, which errors about the verb underline.
  public var keywordRange: SourceRange
  public var range: SourceRange

  /// The verb's word: the switch is exhaustive, so a new kind of verb must name its word.
  public var word: VerbWord {
    switch kind {
    case .where: return .where
    case .select: return .select
    case .derive: return .derive
    case .sort: return .sort
    case .take: return .take
    case .summarize: return .summarize
    case .join: return .join
    case .distinct: return .distinct
    case .count: return .count
    case .export: return .export
    case .chart: return .chart
    }
  }

  public var name: String { word.rawValue }

  /// Every verb's word, in the order help and errors list them.
  public static var names: [String] { VerbWord.allCases.map(\.rawValue) }
}

/// The words that name the pipeline's verbs: the one list the parser, its errors, help and
/// completion read.
public enum VerbWord: String, CaseIterable, Sendable {
  case `where`, select, derive, sort, take, summarize, join, distinct, count, export, chart
}

public struct Pipeline: Sendable, Equatable {
  public var source: PipelineSource
  public var verbs: [Verb]
  public var range: SourceRange
}

public struct Assignment: Sendable, Equatable {
  public var column: String
  public var columnRange: SourceRange
  public var value: Expr
}

/// `update TABLE set COL = EXPR, … where EXPR`.
public struct UpdateStatement: Sendable, Equatable {
  public var table: String
  public var tableRange: SourceRange
  public var assignments: [Assignment]
  public var condition: Expr?
}

public enum LoopValues: Sendable, Equatable {
  case list([Expr])
  case range(from: Expr, to: Expr, step: Expr)
}

/// `for NAME in [a, b] { … }` or `for NAME in range(…) { … }`; the shell runs the body
/// once per value with `$NAME` bound.
public struct ForLoop: Sendable, Equatable {
  public var variable: String
  public var variableRange: SourceRange
  public var values: LoopValues
  public var body: [Statement]
}

public enum LetValue: Sendable, Equatable {
  case expression(Expr)
  case pipeline(Pipeline)
}

public struct Statement: Sendable, Equatable {
  public indirect enum Kind: Sendable, Equatable {
    case query(Pipeline)
    case expression(Expr)
    case `let`(name: String, nameRange: SourceRange, LetValue)
    case update(UpdateStatement)
    case `for`(ForLoop)
    /// A shell command (its first word is one the shell named); kept as written, from
    /// the command word to the end of the statement, for the shell to run.
    case command(name: String, text: String)
  }

  public var kind: Kind
  public var range: SourceRange
}
