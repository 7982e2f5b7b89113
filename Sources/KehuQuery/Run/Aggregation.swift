import KehuStore

/// One aggregate's running state for one group. Nulls are skipped; a sum, average, median,
/// minimum or maximum of no values is null, a count of none is 0.
struct Accumulator {
  let spec: AggregateSpec
  var count = 0
  var total: Value = .null
  var best: Value = .null
  var values: [Value] = []
  var distinct = Set<Value>()

  init(_ spec: AggregateSpec) { self.spec = spec }

  var argumentType: ValueType { spec.argument?.type ?? .int }

  mutating func add(_ v: Value) throws(ArithmeticError) {
    count += 1
    switch spec.kind {
    case .count: break
    case .sum, .avg:
      total = total.isNull ? v : try Arithmetic.apply(.add, total, v, result: argumentType)
    case .min:
      if best.isNull || Value.compare(v, best) < 0 { best = v }
    case .max:
      if best.isNull || Value.compare(v, best) > 0 { best = v }
    case .median: values.append(v)
    case .count_distinct: distinct.insert(v)
    }
  }

  func result() throws(ArithmeticError) -> Value {
    switch spec.kind {
    case .count: return .int(Int64(count))
    case .count_distinct: return .int(Int64(distinct.count))
    case .sum: return total
    case .min, .max: return best
    case .avg:
      return count == 0 ? .null : try Accumulator.mean(total, count, spec.type)
    case .median:
      if values.isEmpty { return .null }
      let sorted = values.sorted { Value.compare($0, $1) < 0 }
      let mid = sorted.count / 2
      return try Accumulator.median(
        lower: sorted.count % 2 == 1 ? nil : sorted[mid - 1], upper: sorted[mid], argumentType: argumentType,
        type: spec.type)
    }
  }

  /// The middle value (`lower` nil, an odd count) or the mean of the middle two.
  static func median(lower: Value?, upper: Value, argumentType: ValueType, type: ValueType)
    throws(ArithmeticError) -> Value
  {
    guard let lower else { return try mean(upper, 1, type) }
    return try mean(try Arithmetic.apply(.add, lower, upper, result: argumentType), 2, type)
  }

  /// total ÷ n in the aggregate's type: money to the fen, others to 10 decimals.
  static func mean(_ total: Value, _ n: Int, _ type: ValueType) throws(ArithmeticError) -> Value {
    switch type {
    case .money: return try Arithmetic.apply(.div, total, .int(Int64(n)), result: .money)
    case .percent:
      let d = try Arithmetic.apply(.div, total, .int(Int64(n)), result: .decimal)
      return .percent(d.decimalValue ?? .zero)
    default:
      let x: Value = total.decimalValue.map { .decimal($0) } ?? total
      let q = try Arithmetic.apply(.div, x, .int(Int64(n)), result: .decimal)
      return .decimal((q.decimalValue ?? .zero).normalized)
    }
  }
}

extension Evaluator {
  /// A window function's value for every row of the frame, in the frame's order.
  func window(_ w: WindowSpec, _ f: Frame) throws(QueryError) -> [Value] {
    if w.kind == .rank { return (0..<f.count).map { .int(Int64($0 + 1)) } }
    let arg = w.argument!
    let fn = compiler(f).compile(arg)
    var xs: [Value] = []
    for i in 0..<f.count {
      if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
      xs.append(try fn(f.row(i)))
    }
    func fail(_ e: ArithmeticError) -> QueryError {
      QueryError(.runtime, Message(e.description), at: arg.range)
    }
    do {
      switch w.kind {
      case .running_sum:
        var total: Value = .null
        var out: [Value] = []
        for v in xs {
          if !v.isNull { total = total.isNull ? v : try Arithmetic.apply(.add, total, v, result: arg.type) }
          out.append(total)
        }
        return out
      default:
        var total = Dec.zero
        for v in xs { if let d = v.decimalValue { total = try total.adding(d) } }
        if total.isZero { return xs.map { _ in .null } }
        var running = Dec.zero
        var out: [Value] = []
        for v in xs {
          guard let d = v.decimalValue else {
            out.append(w.kind == .share ? .null : .percent(try running.divided(by: total)))
            continue
          }
          running = try running.adding(d)
          out.append(.percent(try (w.kind == .share ? d : running).divided(by: total)))
        }
        return out
      }
    } catch let e as ArithmeticError { throw fail(e) } catch { throw fail(.overflow) }
  }
}

let zeroRange = SourceRange(
  start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 1, column: 1, offset: 0))
