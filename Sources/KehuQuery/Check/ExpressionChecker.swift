import KehuStore

/// Names and types inside one expression.
extension Checker {
  func expression(_ e: Expr, _ scope: Scope, _ c: Collector = Collector(.row)) throws(QueryError) -> TExpr {
    func node(_ k: TExpr.Kind, _ t: ValueType) -> TExpr { TExpr(kind: k, type: t, range: e.range) }
    switch e.kind {
    case .literal(let v):
      return node(.constant(v), v.type)
    case .column(let name):
      if c.mode == .aggregate && !c.insideAggregate {
        throw QueryError(
          .name, "column \"\(name)\" must be inside an aggregate such as sum(\(name)), or listed after `by`",
          at: e.range)
      }
      guard let i = scope.columns.firstIndex(where: { $0.name == name }) else {
        let names = scope.columns.map(\.name)
        var notes: [Message] = ["columns in \(scope.name): \(names.joined(separator: ", "))"]
        if scope.columns.isEmpty { notes = ["no columns are in scope here"] }
        throw QueryError(
          .name, "no column \"\(name)\" in \(scope.name)\(didYouMean(name, in: names))", at: e.range,
          notes: notes)
      }
      return node(.column(i), scope.columns[i].type)
    case .variable(let name):
      switch try binding(name, e.range) {
      case .value(let v): return node(.constant(v), v.type)
      case .table:
        throw QueryError(
          .type, "$\(name) is a table; use it as a source: `$\(name) | …`", at: e.range)
      }
    case .unary(.negate, let x):
      let t = try expression(x, scope, c)
      guard t.type.isNumeric || t.type == .duration || t.type == .null else {
        throw QueryError(.type, "cannot negate \(t.type.rawValue)", at: e.range)
      }
      return node(.negate(t), t.type)
    case .unary(.not, let x):
      let t = try expression(x, scope, c)
      guard t.type == .bool || t.type == .null else {
        throw QueryError(.type, "`not` needs true/false, but this is \(t.type.rawValue)", at: x.range)
      }
      return node(.not(t), .bool)
    case .binary(let op, let l, let r, let opRange):
      let a = try expression(l, scope, c)
      let b = try expression(r, scope, c)
      switch op {
      case .and, .or:
        for (side, t, x) in [("left", a, l), ("right", b, r)] where t.type != .bool && t.type != .null {
          throw QueryError(
            .type, "`\(op.rawValue)` needs true/false on both sides; the \(side) side is \(t.type.rawValue)",
            at: x.range)
        }
        return node(op == .and ? .and(a, b) : .or(a, b), .bool)
      case .eq, .ne, .lt, .le, .gt, .ge:
        guard TypeRules.comparable(a.type, b.type) || codeComparison(op, a, b, scope, e.range) != nil else {
          throw QueryError(
            .type, "cannot compare \(a.type.rawValue) with \(b.type.rawValue) using `\(op.rawValue)`",
            at: opRange)
        }
        return codeComparison(op, a, b, scope, e.range) ?? node(.compare(op, a, b), .bool)
      case .add, .sub, .mul, .div:
        guard let t = TypeRules.arithmetic(op, a.type, b.type) else {
          var hint = ""
          if (a.type == .date || b.type == .date) && (a.type == .int || b.type == .int) {
            hint = "; write days as a duration, `30d`"
          }
          throw QueryError(
            .type, "`\(op.rawValue)` cannot combine \(a.type.rawValue) and \(b.type.rawValue)\(hint)",
            at: opRange)
        }
        return node(.arithmetic(op, a, b), t)
      }
    case .inList(let x, let items, let negated):
      let t = try expression(x, scope, c)
      var list: [TExpr] = []
      for item in items {
        let i = try expression(item, scope, c)
        guard TypeRules.comparable(t.type, i.type) || isCodeColumn(t, scope) else {
          throw QueryError(
            .type, "cannot compare \(t.type.rawValue) with \(i.type.rawValue) in a list", at: item.range)
        }
        list.append(i)
      }
      if let codes = codeList(t, list, negated: negated, scope, e.range) { return codes }
      if let (item, i) = zip(items, list).first(where: { !TypeRules.comparable(t.type, $1.type) }) {
        throw QueryError(
          .type, "cannot compare \(t.type.rawValue) with \(i.type.rawValue) in a list", at: item.range)
      }
      return node(.inList(t, list, negated: negated), .bool)
    case .isNull(let x, let negated):
      return node(.isNull(try expression(x, scope, c), negated: negated), .bool)
    case .call(let name, let args, let nameRange):
      return try call(name, args, nameRange, e, scope, c)
    }
  }

  func call(
    _ name: String, _ args: [Expr], _ nameRange: SourceRange, _ e: Expr, _ scope: Scope, _ c: Collector
  ) throws(QueryError) -> TExpr {
    func node(_ k: TExpr.Kind, _ t: ValueType) -> TExpr { TExpr(kind: k, type: t, range: e.range) }
    if let agg = AggregateKind(rawValue: name) {
      guard c.mode == .aggregate else {
        throw QueryError(.name, "aggregate `\(name)` belongs in `summarize`", at: nameRange)
      }
      guard !c.insideAggregate else {
        throw QueryError(.name, "aggregates do not nest", at: nameRange)
      }
      c.insideAggregate = true
      defer { c.insideAggregate = false }
      let spec = try aggregate(agg, args, e, scope, c)
      c.aggregates.append(spec)
      return node(.aggregate(c.aggregates.count - 1), spec.type)
    }
    if let w = WindowKind(rawValue: name) {
      guard c.mode == .window else {
        throw QueryError(
          .name, "`\(name)` works over the whole result; use it in `derive` or `select`", at: nameRange)
      }
      let spec = try window(w, args, e, scope)
      c.windows.append(spec)
      return node(.window(c.windows.count - 1), spec.type)
    }
    var typed: [TExpr] = []
    for a in args { typed.append(try expression(a, scope, c)) }
    if name == "if" {
      guard typed.count == 3 else {
        throw QueryError(.type, "if takes 3 arguments: if(condition, then, else)", at: e.range)
      }
      guard typed[0].type == .bool || typed[0].type == .null else {
        throw QueryError(
          .type, "the condition of if must be true/false, not \(typed[0].type.rawValue)", at: args[0].range)
      }
      guard let t = TypeRules.common(typed[1].type, typed[2].type) else {
        throw QueryError(
          .type, "the branches of if differ: \(typed[1].type.rawValue) and \(typed[2].type.rawValue)",
          at: e.range)
      }
      return node(.ifThen(typed[0], typed[1], typed[2]), t)
    }
    if name == "coalesce" {
      guard typed.count >= 2 else {
        throw QueryError(.type, "coalesce takes 2 or more arguments: coalesce(a, b)", at: e.range)
      }
      var t: ValueType = .null
      for (i, a) in typed.enumerated() {
        guard let u = TypeRules.common(t, a.type) else {
          throw QueryError(.type, "coalesce mixes \(t.rawValue) and \(a.type.rawValue)", at: args[i].range)
        }
        t = u
      }
      return node(.coalesce(typed), t)
    }
    guard let f = functions[name] else {
      let names =
        functions.names + lazyFunctions + AggregateKind.allCases.map(\.rawValue)
        + WindowKind.allCases.map(\.rawValue)
      throw QueryError(.name, "no function \"\(name)\"\(didYouMean(name, in: names))", at: nameRange)
    }
    switch f.resultType(typed.map(\.type)) {
    case .success(let t): return node(.call(f, typed), t)
    case .failure(let err):
      let at = err.argument.flatMap { $0 < args.count ? args[$0].range : nil } ?? e.range
      throw QueryError(.type, Message(err.message), at: at)
    }
  }

  func aggregate(_ kind: AggregateKind, _ args: [Expr], _ e: Expr, _ scope: Scope, _ c: Collector)
    throws(QueryError) -> AggregateSpec
  {
    if kind == .count && args.isEmpty { return AggregateSpec(kind: .count, argument: nil, type: .int) }
    guard args.count == 1 else {
      throw QueryError(.type, "\(kind.rawValue) takes one argument: \(kind.rawValue)(x)", at: e.range)
    }
    let a = try expression(args[0], scope, c)
    let t = a.type
    let type: ValueType?
    switch kind {
    case .count, .count_distinct: type = .int
    case .sum: type = t.isNumeric || t == .duration ? t : nil
    case .avg, .median:
      switch t {
      case .int, .decimal, .duration: type = .decimal
      case .money, .percent: type = t
      default: type = nil
      }
    case .min, .max: type = t == .null ? nil : t
    }
    guard let type else {
      throw QueryError(.type, "\(kind.rawValue) needs numbers, not \(t.rawValue)", at: args[0].range)
    }
    return AggregateSpec(kind: kind, argument: a, type: type)
  }

  func window(_ kind: WindowKind, _ args: [Expr], _ e: Expr, _ scope: Scope) throws(QueryError)
    -> WindowSpec
  {
    if kind == .rank {
      guard args.isEmpty else { throw QueryError(.type, "rank takes no arguments: rank()", at: e.range) }
      return WindowSpec(kind: .rank, argument: nil, type: .int)
    }
    guard args.count == 1 else {
      throw QueryError(.type, "\(kind.rawValue) takes one argument: \(kind.rawValue)(x)", at: e.range)
    }
    let a = try expression(args[0], scope)
    guard a.type.isNumeric || (kind == .running_sum && a.type == .duration) else {
      throw QueryError(.type, "\(kind.rawValue) needs numbers, not \(a.type.rawValue)", at: args[0].range)
    }
    return WindowSpec(kind: kind, argument: a, type: kind == .running_sum ? a.type : .percent)
  }
}
