import KehuStore

typealias RowFunction = (Int) throws(QueryError) -> Value
typealias RowPredicate = (Int) throws(QueryError) -> Bool

/// Turns a checked expression into a closure over row indexes of one source, once per
/// verb rather than once per row. Typed columns are read through their `ColumnReader`,
/// and comparisons of such a column with a constant run on the raw integers, so a filter
/// over millions of rows builds no `Value` per row.
struct Compiler {
  var source: any RowSource
  var context: EvaluationContext
  /// Per aggregate (or window) slot, the value for each output row.
  var slots: [[Value]] = []

  init(source: any RowSource, context: EvaluationContext, slots: [[Value]] = []) {
    self.source = source
    self.context = context
    self.slots = slots
  }

  static func runtime(_ e: ArithmeticError, _ t: TExpr) -> QueryError {
    QueryError(.runtime, Message(e.description), at: t.range)
  }

  func compile(_ t: TExpr) -> RowFunction {
    switch t.kind {
    case .constant(let v):
      return { _ in v }
    case .column(let c):
      return column(c, t.type)
    case .aggregate(let i), .window(let i):
      let s = slots[i]
      return { r in s[r] }
    case .negate(let x):
      let f = compile(x)
      return { r throws(QueryError) in
        let v = try f(r)
        do throws(ArithmeticError) { return try Arithmetic.negate(v) } catch {
          throw Compiler.runtime(error, t)
        }
      }
    case .arithmetic(let op, let a, let b):
      let f = compile(a)
      let g = compile(b)
      let type = t.type
      return { r throws(QueryError) in
        let x = try f(r)
        let y = try g(r)
        do throws(ArithmeticError) { return try Arithmetic.apply(op, x, y, result: type) } catch {
          throw Compiler.runtime(error, t)
        }
      }
    case .compare, .and, .or, .not, .inList, .isNull:
      let p = predicate(t)
      return { r throws(QueryError) in .bool(try p(r)) }
    case .ifThen(let c, let a, let b):
      let p = predicate(c)
      let f = convert(compile(a), from: a.type, to: t.type, at: a.range)
      let g = convert(compile(b), from: b.type, to: t.type, at: b.range)
      return { r throws(QueryError) in try p(r) ? try f(r) : try g(r) }
    case .coalesce(let items):
      let fs = items.map { convert(compile($0), from: $0.type, to: t.type, at: $0.range) }
      return { r throws(QueryError) in
        for f in fs {
          let v = try f(r)
          if !v.isNull { return v }
        }
        return .null
      }
    case .call(let fn, let args):
      let fs = args.map(compile)
      let ctx = context
      return { r throws(QueryError) in
        var vals: [Value] = []
        vals.reserveCapacity(fs.count)
        for f in fs {
          let v = try f(r)
          if v.isNull && !fn.acceptsNull { return .null }
          vals.append(v)
        }
        do { return try fn.body(vals, ctx) } catch let e as ArithmeticError {
          throw Compiler.runtime(e, t)
        } catch let e as QueryError { throw e } catch {
          throw QueryError(.runtime, "\(fn.name): \(String(describing: error))", at: t.range)
        }
      }
    }
  }

  /// Branches of `if`/`coalesce` that mix int with decimal or money take the common type.
  func convert(_ f: @escaping RowFunction, from: ValueType, to: ValueType, at range: SourceRange)
    -> RowFunction
  {
    if from == to || from == .null { return f }
    return { r throws(QueryError) in
      let v = try f(r)
      switch (to, v) {
      case (.decimal, _): return v.decimalValue.map { .decimal($0) } ?? v
      case (.money, .int), (.money, .decimal):
        guard let m = try? (v.decimalValue ?? .zero).toMoney() else {
          throw QueryError(.runtime, Message(ArithmeticError.overflow.description), at: range)
        }
        return .money(m)
      default: return v
      }
    }
  }

  func column(_ c: Int, _ type: ValueType) -> RowFunction {
    let src = source
    switch src.closureReader(column: c) {
    case .int64(let get, let isNull)?:
      let make: (Int64) -> Value
      switch type {
      case .int: make = { .int($0) }
      case .money: make = { .money(Money(fen: $0)) }
      case .date: make = { .date(Day(number: Int32(truncatingIfNeeded: $0))) }
      case .duration: make = { .duration(Int32(truncatingIfNeeded: $0)) }
      case .bool: make = { .bool($0 != 0) }
      default: return { r in src.value(row: r, column: c) }
      }
      if let isNull { return { r in isNull(r) ? .null : make(get(r)) } }
      return { r in make(get(r)) }
    case .codes(let get, let dict)?:
      let texts = dict.map { Value.text($0) }
      return { r in
        let code = get(r)
        return code < 0 ? .null : texts[Int(code)]
      }
    default:
      return { r in src.value(row: r, column: c) }
    }
  }
}
