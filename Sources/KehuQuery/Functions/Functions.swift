import KehuStore

/// What a function body may know besides its arguments. `today` comes from the caller,
/// never from the clock.
public struct EvaluationContext: Sendable {
  public var today: Day
  /// Ctrl-C: asked between verbs and every 65,536 rows of a row-by-row loop; a true answer
  /// stops the statement with an "interrupted" error (nothing has been changed by then).
  public var isCancelled: @Sendable () -> Bool
  /// How many threads a long loop may split its rows among (the executable gives the
  /// machine's cores); results are the same for any number.
  public var workers: Int
  public init(today: Day, isCancelled: @escaping @Sendable () -> Bool = { false }, workers: Int = 1) {
    self.today = today
    self.isCancelled = isCancelled
    self.workers = max(1, workers)
  }

  func checkCancelled() throws(QueryError) {
    if isCancelled() {
      let start = SourcePosition(line: 1, column: 1, offset: 0)
      throw QueryError(.runtime, "interrupted", at: SourceRange(start: start, end: start))
    }
  }
}

/// A scalar function callable in expressions. The shell registers the domain's
/// calculations (`limit_sales`, …) here, so KehuQuery never imports KehuDomain.
public struct QueryFunction: Sendable {
  public var name: String
  /// How help shows it: `round(x, n)`.
  public var signature: String
  public var help: String
  /// The result type for the argument types, or a message saying what was expected.
  public var resultType: @Sendable ([ValueType]) -> Result<ValueType, FunctionTypeError>
  /// Called with the arguments already evaluated; a thrown error becomes a runtime error
  /// at the call. Unless `acceptsNull`, a null argument gives null without a call.
  public var body: @Sendable ([Value], EvaluationContext) throws -> Value
  public var acceptsNull: Bool

  public init(
    name: String, signature: String, help: String, acceptsNull: Bool = false,
    resultType: @escaping @Sendable ([ValueType]) -> Result<ValueType, FunctionTypeError>,
    body: @escaping @Sendable ([Value], EvaluationContext) throws -> Value
  ) {
    self.name = name
    self.signature = signature
    self.help = help
    self.acceptsNull = acceptsNull
    self.resultType = resultType
    self.body = body
  }

  /// A function with fixed parameter types. Arguments are converted before the call:
  /// a `money` parameter takes an int or decimal as yuan, a `decimal` parameter takes any
  /// number, a `percent` parameter takes a decimal fraction, so `limit_sales(1_000_000,
  /// 30%, 60d)` needs no casts.
  public init(
    name: String, parameters: [(name: String, type: ValueType)], result: ValueType, help: String,
    body: @escaping @Sendable ([Value]) throws -> Value
  ) {
    let types = parameters.map(\.type)
    let sig = "\(name)(" + parameters.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: ", ") + ")"
    self.init(
      name: name, signature: sig, help: help,
      resultType: { args in
        guard args.count == types.count else {
          return .failure(FunctionTypeError("\(name) takes \(types.count) argument(s): \(sig)"))
        }
        for (i, (a, p)) in zip(args, types).enumerated() where !QueryFunction.accepts(p, a) {
          return .failure(
            FunctionTypeError(
              "argument \(i + 1) of \(name) must be \(p.rawValue), not \(a.rawValue): \(sig)", argument: i))
        }
        return .success(result)
      },
      body: { args, _ in
        var converted: [Value] = []
        for (a, p) in zip(args, types) { converted.append(try QueryFunction.convert(a, to: p)) }
        return try body(converted)
      })
  }

  static func accepts(_ param: ValueType, _ arg: ValueType) -> Bool {
    if arg == param || arg == .null { return true }
    switch param {
    case .money, .decimal: return arg == .int || arg == .decimal || (param == .decimal && arg == .percent)
    case .percent: return arg == .decimal
    default: return false
    }
  }

  static func convert(_ v: Value, to t: ValueType) throws -> Value {
    switch (t, v) {
    case (.money, .int(let i)): return .money(try Money(yuan: i))
    case (.money, .decimal(let d)): return .money(try d.toMoney())
    case (.decimal, .int(let i)): return .decimal(Dec(i))
    case (.decimal, .percent(let d)): return .decimal(d)
    case (.percent, .decimal(let d)): return .percent(d)
    default: return v
    }
  }
}

public struct FunctionTypeError: Error, Sendable {
  public var message: String
  /// The argument to underline, or nil for the whole call.
  public var argument: Int?
  public init(_ message: String, argument: Int? = nil) {
    self.message = message
    self.argument = argument
  }
}

/// The scalar functions a statement may call, by name.
public struct FunctionRegistry: Sendable {
  public private(set) var functions: [String: QueryFunction] = [:]

  public init() {}

  /// The built-in functions of the language.
  public static var standard: FunctionRegistry {
    var r = FunctionRegistry()
    for f in Builtins.all { r.register(f) }
    return r
  }

  public mutating func register(_ f: QueryFunction) { functions[f.name] = f }
  public subscript(name: String) -> QueryFunction? { functions[name] }
  public var names: [String] { functions.keys.sorted() }
}

/// Aggregates (only in `summarize`) and functions over the current result (only in
/// `derive` and `select`); the checker treats them apart from scalar functions.
enum AggregateKind: String, CaseIterable {
  case count, sum, avg, min, max, median, count_distinct
}

enum WindowKind: String, CaseIterable {
  case rank, share, cumshare, running_sum
}

/// Functions the evaluator handles itself because they do not evaluate all arguments.
let lazyFunctions = ["if", "coalesce"]
