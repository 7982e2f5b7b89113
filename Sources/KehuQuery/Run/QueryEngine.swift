import KehuStore

/// What one statement produced, for the shell to show or apply.
public enum Outcome: Sendable, Equatable {
  case table(QueryResult)
  case value(Value)
  /// `let NAME = …` bound a value or a result (already stored in the environment).
  case bound(name: String, Binding)
  /// `update …`: the changes, not yet applied; the shell turns them into one mutation.
  case update(UpdatePlan)
}

/// The rows and fields an `update` changes. `values[i][j]` is the new value of
/// `columns[j]` in row `rows[i]` (a 0-based row index of the table's `RowSource`). Rows
/// whose new values equal the old ones are left out; `matched` counts every row the
/// condition selected.
public struct UpdatePlan: Sendable, Equatable {
  public var table: String
  public var columns: [String]
  public var rows: [Int]
  public var values: [[Value]]
  public var matched: Int
}

/// The query language's front door: parse, check, and run statements against a catalog,
/// with the session's variables, functions and date. `for` loops and shell commands are
/// the shell's to run (see `loopValues`); everything else runs here.
public struct QueryEngine {
  public var catalog: any QueryCatalog
  public var environment: Environment
  public var functions: FunctionRegistry
  public var today: Day
  /// First words that make a statement a shell command.
  public var commands: Set<String>
  /// When set, a query result (but not an export, nor a `let`) keeps only this many
  /// rows; `QueryResult.totalRows` says how many there were.
  public var rowLimit: Int?

  public init(
    catalog: any QueryCatalog, today: Day, environment: Environment = Environment(),
    functions: FunctionRegistry = .standard, commands: Set<String> = []
  ) {
    self.catalog = catalog
    self.today = today
    self.environment = environment
    self.functions = functions
    self.commands = commands
  }

  /// Asked while rows are read: true stops the statement (Ctrl-C at the prompt).
  public var isCancelled: @Sendable () -> Bool = { false }

  /// Threads a statement may use (see `EvaluationContext.workers`).
  public var workers = 1

  var context: EvaluationContext {
    EvaluationContext(today: today, isCancelled: isCancelled, workers: workers)
  }
  var checker: Checker {
    Checker(catalog: catalog, environment: environment, functions: functions, context: context)
  }

  public func parse(_ source: String) throws(QueryError) -> [Statement] {
    try Parser.parse(source, commands: commands)
  }

  /// Names and types of a pipeline, checked without reading a row.
  public func plan(_ p: Pipeline) throws(QueryError) -> QueryPlan { try checker.check(p) }

  public func run(_ p: Pipeline, rowLimit: Int? = nil) throws(QueryError) -> QueryResult {
    let plan = try plan(p)
    var result = try Evaluator(catalog: catalog, context: context).run(
      plan, rowLimit: plan.exportPath == nil && plan.chart == nil ? rowLimit : nil)
    result.chart = plan.chart
    return result
  }

  public func evaluate(_ e: Expr) throws(QueryError) -> Value { try checker.evaluateConstant(e) }

  /// Parses and runs every statement of `source` (no commands, no loops): a convenience
  /// for tests and `-c`.
  public mutating func execute(_ source: String) throws(QueryError) -> [Outcome] {
    var out: [Outcome] = []
    for s in try parse(source) { out.append(try execute(s)) }
    return out
  }

  public mutating func execute(_ s: Statement) throws(QueryError) -> Outcome {
    switch s.kind {
    case .query(let p):
      if let v = try scalarVariable(p) { return .value(v) }
      return .table(try run(p, rowLimit: rowLimit))
    case .expression(let e):
      return .value(try evaluate(e))
    case .let(let name, _, let value):
      let b: Binding
      switch value {
      case .expression(let e): b = .value(try evaluate(e))
      case .pipeline(let p):
        if let v = try scalarVariable(p) {
          b = .value(v)
        } else {
          b = .table(try run(p).table)
        }
      }
      environment[name] = b
      return .bound(name: name, b)
    case .update(let u):
      return .update(try planUpdate(u))
    case .for, .command:
      throw QueryError(.syntax, "this statement is run by the shell", at: s.range)
    }
  }

  /// `$x` alone, when x holds a value rather than a table.
  func scalarVariable(_ p: Pipeline) throws(QueryError) -> Value? {
    guard p.verbs.isEmpty, case .variable(let name, let range) = p.source else { return nil }
    if case .value(let v) = try checker.binding(name, range) { return v }
    return nil
  }

  /// The values a `for` loop binds, in order.
  public func loopValues(_ f: ForLoop) throws(QueryError) -> [Value] {
    switch f.values {
    case .list(let items):
      var out: [Value] = []
      for e in items { out.append(try evaluate(e)) }
      return out
    case .range(let a, let b, let c):
      return try checker.rangeValues(from: a, to: b, step: c)
    }
  }

  /// Checks an `update` and works out its changes without applying them.
  public func planUpdate(_ u: UpdateStatement) throws(QueryError) -> UpdatePlan {
    let c = checker
    let (_, scope) = try c.checkSource(.table(u.table, u.tableRange))
    var targets: [(Int, TExpr)] = []
    for a in u.assignments {
      guard let i = scope.columns.firstIndex(where: { $0.name == a.column }) else {
        let names = scope.columns.map(\.name)
        throw QueryError(
          .name, "no column \"\(a.column)\" in \(u.table)\(didYouMean(a.column, in: names))",
          at: a.columnRange,
          notes: ["columns in \(u.table): \(names.joined(separator: ", "))"])
      }
      if targets.contains(where: { $0.0 == i }) {
        throw QueryError(.name, "column \"\(a.column)\" is set twice", at: a.columnRange)
      }
      let t = try c.expression(a.value, scope)
      let want = scope.columns[i].type
      guard UpdateRules.fits(t.type, into: want) else {
        throw QueryError(
          .type, "cannot set \(want.rawValue) column \"\(a.column)\" to \(t.type.rawValue)", at: a.value.range
        )
      }
      targets.append((i, t))
    }
    var cond: TExpr?
    if let e = u.condition {
      let t = try c.expression(e, scope)
      guard t.type == .bool || t.type == .null else {
        throw QueryError(
          .type, "`where` needs a true/false condition, but this is \(t.type.rawValue)", at: e.range)
      }
      cond = t
    }
    guard let rows = catalog.rows(of: u.table) else {
      throw QueryError(.name, "no table \"\(u.table)\"", at: u.tableRange)
    }
    let comp = Compiler(source: rows, context: context)
    let pred = cond.map { comp.predicate($0) }
    let fns = targets.map { comp.compile($0.1) }
    var plan = UpdatePlan(
      table: u.table, columns: targets.map { scope.columns[$0.0].name }, rows: [], values: [], matched: 0)
    for r in 0..<rows.rowCount {
      if r & 0xFFFF == 0xFFFF { try context.checkCancelled() }
      if let pred, !(try pred(r)) { continue }
      plan.matched += 1
      var new: [Value] = []
      var changed = false
      for (j, fn) in fns.enumerated() {
        let col = targets[j].0
        let v = try UpdateRules.convert(try fn(r), to: scope.columns[col].type, at: targets[j].1.range)
        if Value.compare(v, rows.value(row: r, column: col)) != 0
          || v.type != rows.value(row: r, column: col).type
        {
          changed = true
        }
        new.append(v)
      }
      if changed {
        plan.rows.append(r)
        plan.values.append(new)
      }
    }
    return plan
  }
}

/// Which values an `update` may store in a column, and how they are converted.
enum UpdateRules {
  static func fits(_ t: ValueType, into column: ValueType) -> Bool {
    if t == column || t == .null { return true }
    switch column {
    case .money, .decimal: return t == .int || t == .decimal
    case .percent: return t == .decimal
    default: return false
    }
  }

  /// Money set from a decimal is rounded half away from zero to the fen.
  static func convert(_ v: Value, to column: ValueType, at range: SourceRange) throws(QueryError) -> Value {
    do {
      switch (column, v) {
      case (.money, .int(let i)): return .money(try Money(yuan: i))
      case (.money, .decimal(let d)): return .money(try d.toMoney())
      case (.decimal, .int(let i)): return .decimal(Dec(i))
      case (.percent, .decimal(let d)): return .percent(d)
      default: return v
      }
    } catch { throw QueryError(.runtime, "number too large (overflow)", at: range) }
  }
}
