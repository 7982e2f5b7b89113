import KehuStore

/// Customer codes in a statement. A code column holds integer keys (`CustomerCode`); what a
/// user writes against it is a code: `id == "HD-001"`, `customer == 9`, `id < 100`. The
/// checker turns each such comparison into one over keys before any row is read, so the
/// evaluator and its integer kernels never see a code. When the store holds only numeric
/// codes, a number compared with a code column is left exactly as written.
extension Checker {
  func isCodeColumn(_ t: TExpr, _ scope: Scope) -> Bool {
    if case .column(let i) = t.kind { return scope.columns[i].isCustomerCode }
    return false
  }

  /// The result column an expression makes, still marked as a code when it is one.
  func resultColumn(_ name: String, _ t: TExpr, _ scope: Scope) -> ResultColumn {
    var c = ResultColumn(name, t.type)
    c.isCustomerCode = isCodeColumn(t, scope)
    return c
  }

  /// The code a literal beside a code column stands for: text as written, a number as its
  /// digits (so `id == 1001` is the code `1001`).
  private func codeText(_ t: TExpr) -> String? {
    guard case .constant(let v) = t.kind else { return nil }
    switch v {
    case .text(let s): return s
    case .int(let n) where n > 0: return String(n)
    default: return nil
    }
  }

  /// `a op b` with a code column on one side and a code on the other, as a condition on
  /// keys; nil when the comparison is not of that shape.
  func codeComparison(_ op: BinaryOp, _ a: TExpr, _ b: TExpr, _ scope: Scope, _ range: SourceRange)
    -> TExpr?
  {
    let flipped: [BinaryOp: BinaryOp] = [.lt: .gt, .le: .ge, .gt: .lt, .ge: .le, .eq: .eq, .ne: .ne]
    if isCodeColumn(a, scope), let code = codeText(b) { return codeCondition(op, a, code, b, range) }
    if isCodeColumn(b, scope), let code = codeText(a), let f = flipped[op] {
      return codeCondition(f, b, code, a, range)
    }
    return nil
  }

  private func codeCondition(
    _ op: BinaryOp, _ col: TExpr, _ code: String, _ literal: TExpr, _ range: SourceRange
  )
    -> TExpr?
  {
    let book = catalog.customerCodes
    // A number with no text codes about needs no help: the key is the number.
    if case .constant(.int) = literal.kind, book?.isEmpty ?? true { return nil }
    func node(_ k: TExpr.Kind) -> TExpr { TExpr(kind: k, type: .bool, range: range) }
    func int(_ n: Int64) -> TExpr { TExpr(kind: .constant(.int(n)), type: .int, range: literal.range) }
    switch op {
    case .eq, .ne:
      // An unknown code matches no customer: no key is negative.
      let key = book?.key(code) ?? CustomerCode.numericKey(code) ?? -1
      return node(.compare(op, col, int(key)))
    case .lt, .le, .gt, .ge:
      let strictBelow = op == .lt || op == .ge
      let below = CustomerCodeBook.numbersBelow(code, orEqual: !strictBelow)
      let numbers: TExpr
      if op == .lt || op == .le {
        numbers = node(.compare(.lt, col, int(below)))
      } else {
        numbers = node(
          .and(
            node(.compare(.ge, col, int(below))),
            node(.compare(.lt, col, int(CustomerCode.reservedBase)))))
      }
      let test: (Int) -> Bool
      switch op {
      case .lt: test = { $0 < 0 }
      case .le: test = { $0 <= 0 }
      case .gt: test = { $0 > 0 }
      default: test = { $0 >= 0 }
      }
      let keys = book?.textKeys(comparedWith: code, test) ?? []
      guard !keys.isEmpty else { return numbers }
      return node(.or(numbers, node(.inList(col, keys.map(int), negated: false))))
    default:
      return nil
    }
  }

  /// `id in ("HD-001", 9)` over keys; nil when not a code column with codes.
  func codeList(_ col: TExpr, _ items: [TExpr], negated: Bool, _ scope: Scope, _ range: SourceRange) -> TExpr?
  {
    guard isCodeColumn(col, scope) else { return nil }
    let codes = items.map(codeText)
    guard codes.allSatisfy({ $0 != nil }), codes.contains(where: { _ in true }) else { return nil }
    let book = catalog.customerCodes
    if items.allSatisfy({ if case .constant(.int) = $0.kind { return true } else { return false } }),
      book?.isEmpty ?? true
    {
      return nil
    }
    let keys = codes.map { book?.key($0!) ?? CustomerCode.numericKey($0!) ?? -1 }
    let list = zip(keys, items).map { TExpr(kind: .constant(.int($0)), type: .int, range: $1.range) }
    return TExpr(kind: .inList(col, list, negated: negated), type: .bool, range: range)
  }

  /// A sort key on a code column in natural order (`C2` before `C10`); the column itself
  /// when every code is a number, so that sort keeps its integer path.
  func codeSortKey(_ t: TExpr, _ scope: Scope) -> TExpr {
    guard isCodeColumn(t, scope), let book = catalog.customerCodes, !book.isEmpty else { return t }
    let rank = QueryFunction(
      name: "code_rank", signature: "code_rank(id)", help: "",
      resultType: { _ in .success(.decimal) },
      body: { args, _ in
        guard case .int(let k) = args[0] else { return .null }
        return .decimal(book.rank(k))
      })
    return TExpr(kind: .call(rank, [t]), type: .decimal, range: t.range)
  }
}
