import KehuStore

/// Moves work to where it is cheapest before a plan runs: a `where` after a `derive` or
/// `select` runs before it, on the expressions the columns stand for, so the derived
/// columns are computed only for the rows that pass; a `summarize` right after a `derive`
/// or `select` reads the expressions it needs, so a derived column no aggregate reads is
/// never computed. Only verbs without window functions move (a window's value depends on
/// every row of its frame). A row that a filter drops is then never computed, so an
/// overflow in a derived value of such a row is no longer an error: the rows that reach the
/// result are computed exactly as before.
enum Rewrite {
  /// Substituting copies an expression once per use: a chain of derives that each read
  /// the last one twice would grow without end, so past this many nodes nothing moves.
  static let maxSize = 256

  static func steps(_ steps: [PlanStep]) -> [PlanStep] {
    var out = steps
    var moved = true
    while moved {
      moved = false
      var i = 0
      while i + 1 < out.count {
        guard case .project(let outputs, let windows) = out[i], windows.isEmpty else {
          i += 1
          continue
        }
        switch out[i + 1] {
        case .filter(let cond):
          let c = substitute(cond, outputs)
          guard c.size <= maxSize else { break }
          out[i + 1] = out[i]
          out[i] = .filter(c)
          moved = true
        case .summarize(let keys, let aggs, let outs):
          var args = aggs
          for a in args.indices { args[a].argument = args[a].argument.map { substitute($0, outputs) } }
          let ks = keys.map { substitute($0, outputs) }
          guard (ks + args.compactMap(\.argument)).allSatisfy({ $0.size <= maxSize }) else { break }
          out[i] = .summarize(keys: ks, aggregates: args, outputs: outs)
          out.remove(at: i + 1)
          moved = true
        default:
          break
        }
        i += 1
      }
    }
    return out
  }

  /// `t` with every column reference replaced by the expression that column is.
  static func substitute(_ t: TExpr, _ columns: [TExpr]) -> TExpr {
    func s(_ x: TExpr) -> TExpr { substitute(x, columns) }
    var r = t
    switch t.kind {
    case .constant, .aggregate, .window: return t
    case .column(let i): return columns[i]
    case .negate(let a): r.kind = .negate(s(a))
    case .not(let a): r.kind = .not(s(a))
    case .arithmetic(let op, let a, let b): r.kind = .arithmetic(op, s(a), s(b))
    case .compare(let op, let a, let b): r.kind = .compare(op, s(a), s(b))
    case .and(let a, let b): r.kind = .and(s(a), s(b))
    case .or(let a, let b): r.kind = .or(s(a), s(b))
    case .call(let fn, let args): r.kind = .call(fn, args.map(s))
    case .ifThen(let c, let a, let b): r.kind = .ifThen(s(c), s(a), s(b))
    case .coalesce(let items): r.kind = .coalesce(items.map(s))
    case .inList(let a, let items, let negated): r.kind = .inList(s(a), items.map(s), negated: negated)
    case .isNull(let a, let negated): r.kind = .isNull(s(a), negated: negated)
    }
    return r
  }
}

extension TExpr {
  /// The number of nodes.
  var size: Int {
    var n = 0
    visit { _ in n += 1 }
    return n
  }
}
