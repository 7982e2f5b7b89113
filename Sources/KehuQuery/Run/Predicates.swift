import KehuStore

/// Conditions compiled to `Bool` closures. Null rules: `==` and `!=` treat null as a value;
/// an ordering comparison with null is false; `and`/`or`/`not` treat a null as false.
extension Compiler {
  func predicate(_ t: TExpr) -> RowPredicate {
    switch t.kind {
    case .and(let a, let b):
      let p = predicate(a)
      let q = predicate(b)
      return { r throws(QueryError) in
        if !(try p(r)) { return false }
        return try q(r)
      }
    case .or(let a, let b):
      let p = predicate(a)
      let q = predicate(b)
      return { r throws(QueryError) in
        if try p(r) { return true }
        return try q(r)
      }
    case .not(let a):
      let p = predicate(a)
      return { r throws(QueryError) in !(try p(r)) }
    case .compare(let op, let a, let b):
      if let fast = fastCompare(op, a, b) { return fast }
      if let v = a.constantValue,
        let fast = fastCompare(op.flipped, b, TExpr(kind: .constant(v), type: a.type, range: a.range))
      {
        return fast
      }
      let f = compile(a)
      let g = compile(b)
      return { r throws(QueryError) in Arithmetic.compare(op, try f(r), try g(r)) }
    case .isNull(let a, let negated):
      let f = compile(a)
      return { r throws(QueryError) in (try f(r)).isNull != negated }
    case .inList(let a, let items, let negated):
      if items.allSatisfy({ $0.constantValue != nil }),
        let fast = fastIn(a, items.map { $0.constantValue! }, negated)
      {
        return fast
      }
      let f = compile(a)
      let gs = items.map(compile)
      return { r throws(QueryError) in
        let v = try f(r)
        for g in gs where Arithmetic.compare(.eq, v, try g(r)) { return !negated }
        return negated
      }
    default:
      let f = compile(t)
      return { r throws(QueryError) in try f(r) == .bool(true) }
    }
  }

  /// The constant in the column's raw integer domain, when it is exactly representable.
  func rawInt(_ v: Value, columnType: ValueType) -> Int64? {
    switch (columnType, v) {
    case (.int, .int(let i)), (.duration, .int(let i)): return i
    case (.int, _):
      guard let d = v.decimalValue, let i = d.exactInt else { return nil }
      return i
    case (.money, _):
      guard let d = v.decimalValue, let f = d.rescaled(to: 2), let i = Int64(exactly: f.mantissa) else {
        return nil
      }
      return i
    case (.date, .date(let d)): return Int64(d.number)
    case (.duration, .duration(let d)): return Int64(d)
    default: return nil
    }
  }

  func fastCompare(_ op: BinaryOp, _ a: TExpr, _ b: TExpr) -> RowPredicate? {
    guard case .column(let c) = a.kind, let k = b.constantValue, !k.isNull else { return nil }
    switch source.closureReader(column: c) {
    case .int64(let get, let isNull)?:
      guard let raw = rawInt(k, columnType: a.type) else { return nil }
      if let isNull {
        let cmp: (Int64) -> Bool
        switch op {
        case .eq: cmp = { $0 == raw }
        case .ne: cmp = { $0 != raw }
        case .lt: cmp = { $0 < raw }
        case .le: cmp = { $0 <= raw }
        case .gt: cmp = { $0 > raw }
        case .ge: cmp = { $0 >= raw }
        default: return nil
        }
        let nullResult = op == .ne
        return { r in isNull(r) ? nullResult : cmp(get(r)) }
      }
      // One closure per operator, so a row costs one read and one compare.
      switch op {
      case .eq: return { r in get(r) == raw }
      case .ne: return { r in get(r) != raw }
      case .lt: return { r in get(r) < raw }
      case .le: return { r in get(r) <= raw }
      case .gt: return { r in get(r) > raw }
      case .ge: return { r in get(r) >= raw }
      default: return nil
      }
    case .codes(let get, let dict)?:
      guard op == .eq || op == .ne, case .text(let s) = k else { return nil }
      let code = dict.firstIndex(where: { Value.compare(.text($0), k) == 0 && $0 == s }).map(Int32.init) ?? -2
      if op == .eq { return { r in get(r) == code } }
      return { r in get(r) != code }
    default:
      return nil
    }
  }

  func fastIn(_ a: TExpr, _ values: [Value], _ negated: Bool) -> RowPredicate? {
    guard case .column(let c) = a.kind, case .codes(let get, let dict)? = source.closureReader(column: c)
    else {
      return nil
    }
    var wanted = Set<Int32>()
    var matchesNull = false
    for v in values {
      if v.isNull { matchesNull = true }
      if case .text(let s) = v, let i = dict.firstIndex(of: s) { wanted.insert(Int32(i)) }
    }
    return { r in
      let code = get(r)
      let hit = code < 0 ? matchesNull : wanted.contains(code)
      return hit != negated
    }
  }
}

extension BinaryOp {
  /// The operator with its sides swapped: `5 < x` is `x > 5`.
  var flipped: BinaryOp {
    switch self {
    case .lt: return .gt
    case .le: return .ge
    case .gt: return .lt
    case .ge: return .le
    default: return self
    }
  }
}
