import KehuStore

/// Expressions over whole vectors: each node is one loop over the frame's positions, on
/// raw integers or dictionary codes. A text predicate on a coded column is decided once
/// per dictionary entry. Conditions come out as 0/1 vectors with no nulls (a null counts
/// as false, as in the row-at-a-time rules). Returns nil for what has no kernel (decimal
/// and text arithmetic, the chapter's functions, …): the caller then goes row by row.
struct Kernels {
  var evaluator: Evaluator
  var frame: Evaluator.Frame
  var n: Int { frame.count }

  /// An operand: a vector, a stored column read in place from an offset (position i is
  /// `a[offset + i]`), or a constant raw integer (nil for null).
  enum Operand {
    case vec([Int64])
    case stored([Int64], Int)
    case constant(Int64?)
  }

  func vector(_ t: TExpr) throws(QueryError) -> Vec? {
    try evaluator.context.checkCancelled()
    switch t.kind {
    case .column(let c):
      if let span = frame.span { return Vec.slice(frame.source, c, span) }
      return evaluator.gather(frame.source, c, rows: frame.selection)
    case .call(let fn, let args):
      return try call(fn.name, args, t)
    case .arithmetic(let op, let a, let b):
      return try arithmetic(op, a, b, t).map(Vec.ints)
    case .negate(let a):
      guard t.type == .int || t.type == .money, case .vec(let x)? = try operand(a, t.type) else { return nil }
      return .ints(x.map { $0 == Vec.null ? Vec.null : -$0 })
    case .compare(let op, let a, let b):
      return try compare(op, a, b).map(Vec.ints)
    case .and(let a, let b), .or(let a, let b):
      guard let x = try condition(a), let y = try condition(b) else { return nil }
      if case .and = t.kind { return .ints(zip(x, y).map { $0 & $1 }) }
      return .ints(zip(x, y).map { $0 | $1 })
    case .not(let a):
      guard let x = try condition(a) else { return nil }
      return .ints(x.map { 1 - $0 })
    case .isNull(let a, let negated):
      guard let v = try vector(a) else { return nil }
      let yes: Int64 = negated ? 0 : 1
      switch v {
      case .ints(let x): return .ints(x.map { $0 == Vec.null ? yes : 1 - yes })
      case .codes(let c, _): return .ints(c.map { $0 < 0 ? yes : 1 - yes })
      }
    case .inList(let a, let items, let negated):
      return try inList(a, items, negated).map(Vec.ints)
    case .ifThen(let c, let a, let b):
      guard t.type.isRaw, a.type == t.type || a.type == .null, b.type == t.type || b.type == .null,
        let p = try condition(c), let x = try operand(a, t.type, inPlace: true),
        let y = try operand(b, t.type, inPlace: true)
      else { return nil }
      // Branch-free: the 0/1 condition widened to a mask picks a or b.
      return p.withUnsafeBufferPointer { p in
        .ints(each(x, y) { i, a, b, _ in b ^ ((a ^ b) & (0 &- p[i])) }.values)
      }
    case .coalesce(let items):
      guard t.type.isRaw, items.allSatisfy({ $0.type == t.type || $0.type == .null }) else { return nil }
      var ops: [Operand] = []
      for e in items {
        guard let o = try operand(e, t.type) else { return nil }
        ops.append(o)
      }
      var out = [Int64](repeating: Vec.null, count: n)
      for i in 0..<n {
        for o in ops {
          let v = o.at(i)
          if v != Vec.null {
            out[i] = v
            break
          }
        }
      }
      return .ints(out)
    case .constant, .aggregate, .window:
      return nil
    }
  }

  /// A condition as 0/1: true is 1; false and null are 0.
  func condition(_ t: TExpr) throws(QueryError) -> [Int64]? {
    guard t.type == .bool, case .ints(let x)? = try vector(t) else { return nil }
    switch t.kind {
    case .compare, .and, .or, .not, .inList, .isNull: return x
    default: return x.map { $0 == 1 ? 1 : 0 }
    }
  }

  /// An expression of raw type `type` as a vector or a constant. With `inPlace`, a stored
  /// 64-bit column of a batch that is a span of its source is read where it lies (no copy).
  func operand(_ t: TExpr, _ type: ValueType, inPlace: Bool = false) throws(QueryError) -> Operand? {
    if let k = t.constantValue {
      if k.isNull { return .constant(nil) }
      guard let raw = Compiler(source: frame.source, context: evaluator.context).rawInt(k, columnType: type)
      else { return nil }
      return .constant(raw)
    }
    if inPlace, t.type == type, case .column(let c) = t.kind, let span = frame.span,
      case .int64s(let a, let null)? = frame.source.reader(column: c), null == nil || null == Vec.null,
      span.upperBound <= a.count
    {
      return .stored(a, span.lowerBound)
    }
    guard t.type == type, case .ints(let x)? = try vector(t) else { return nil }
    return .vec(x)
  }

  func overflow(_ t: TExpr) -> QueryError {
    QueryError(.runtime, Message(ArithmeticError.overflow.description), at: t.range)
  }

  func arithmetic(_ op: BinaryOp, _ a: TExpr, _ b: TExpr, _ t: TExpr) throws(QueryError) -> [Int64]? {
    let types = (a.type, b.type, t.type)
    let same = types == (.int, .int, .int) || types == (.money, .money, .money)
    let days = op == .sub && types == (.date, .date, .duration)
    guard (same && op != .div && (op != .mul || t.type == .int)) || days,
      let x = try operand(a, a.type, inPlace: true), let y = try operand(b, b.type, inPlace: true)
    else { return nil }
    guard let out = arithmeticLoop(op, x, y) else { throw overflow(t) }
    return out
  }

  func compare(_ op: BinaryOp, _ a: TExpr, _ b: TExpr) throws(QueryError) -> [Int64]? {
    var (op, a, b) = (op, a, b)
    if a.constantValue != nil {
      swap(&a, &b)
      op = op.flipped
    }
    if a.type == .text, let k = b.constantValue {
      if op == .eq || op == .ne, let buf = freeText(a) {
        let needle = k.textValue.map(TextKernels.Needle.init)
        if let needle, needle.plain {
          return textEquals(buf, needle, op == .eq) { Arithmetic.compare(op, .text($0), k) }
        }
        return textTest(buf, Arithmetic.compare(op, .null, k)) { bytes, string in
          guard let needle else { return op == .ne }
          guard let same = needle.same(bytes) else {
            return Arithmetic.compare(op, .text(string()), k)
          }
          return same == (op == .eq)
        }
      }
      guard case .codes(let c, let dict)? = try vector(a) else { return nil }
      return perEntry(c, dict) { Arithmetic.compare(op, $0, k) }
    }
    guard a.type.isRaw, b.type == a.type || b.constantValue != nil,
      let x = try operand(a, a.type, inPlace: true), let y = try operand(b, a.type, inPlace: true)
    else { return nil }
    return compareLoop(op, x, y)
  }

  /// A condition on text decided once per dictionary entry (and once for null).
  func perEntry(_ codes: [Int32], _ dict: [String], _ test: (Value) -> Bool) -> [Int64] {
    let table = dict.map { test(.text($0)) ? Int64(1) : 0 }
    let null: Int64 = test(.null) ? 1 : 0
    return codes.map { $0 < 0 ? null : table[Int($0)] }
  }

  func inList(_ a: TExpr, _ items: [TExpr], _ negated: Bool) throws(QueryError) -> [Int64]? {
    guard items.allSatisfy({ $0.constantValue != nil }) else { return nil }
    let ks = items.map { $0.constantValue! }
    func hit(_ v: Value) -> Bool { ks.contains { Arithmetic.compare(.eq, v, $0) } != negated }
    if a.type == .text {
      if let buf = freeText(a) {
        let needles = ks.compactMap(\.textValue).map(TextKernels.Needle.init)
        return textTest(buf, hit(.null)) { bytes, string in
          var settled = true
          for t in needles {
            guard let same = t.same(bytes) else {
              settled = false
              break
            }
            if same { return !negated }
          }
          return settled ? negated : hit(.text(string()))
        }
      }
      guard case .codes(let c, let dict)? = try vector(a) else { return nil }
      return perEntry(c, dict, hit)
    }
    guard a.type.isRaw, case .vec(let x)? = try operand(a, a.type) else { return nil }
    var raws = Set<Int64>()
    var withNull = false
    for k in ks {
      if k.isNull {
        withNull = true
      } else if let r = Compiler(source: frame.source, context: evaluator.context).rawInt(
        k, columnType: a.type)
      {
        raws.insert(r)
      } else if a.type == .int || a.type == .money {
        continue  // 2.5 is no int: it matches nothing
      } else {
        return nil
      }
    }
    let yes: Int64 = negated ? 0 : 1
    let onNull: Int64 = withNull ? yes : 1 - yes
    guard raws.count <= 8 else {
      return x.map { v in v == Vec.null ? onNull : raws.contains(v) ? yes : 1 - yes }
    }
    // A short list is compared directly, no hashing: a few compares per row.
    let list = Array(raws)
    return [Int64](unsafeUninitializedCapacity: x.count) { out, count in
      x.withUnsafeBufferPointer { x in
        list.withUnsafeBufferPointer { list in
          for i in 0..<x.count {
            let v = x[i]
            var found = false
            for k in list { found = found || k == v }
            out[i] = v == Vec.null ? onNull : found ? yes : 1 - yes
          }
        }
      }
      count = x.count
    }
  }

  func call(_ name: String, _ args: [TExpr], _ t: TExpr) throws(QueryError) -> Vec? {
    switch name {
    case "month", "year":
      guard args.count == 1, args[0].type == .date, case .vec(let d)? = try operand(args[0], .date) else {
        return nil
      }
      return name == "year" ? .ints(Kernels.years(d)) : Kernels.months(d)
    case "days_between":
      guard args.count == 2, args.allSatisfy({ $0.type == .date }), let x = try operand(args[0], .date),
        let y = try operand(args[1], .date)
      else { return nil }
      return .ints(each(x, y) { _, a, b, _ in a == Vec.null || b == Vec.null ? Vec.null : b - a }.values)
    case "contains", "starts_with":
      guard args.count == 2, let k = args[1].constantValue else { return nil }
      guard case .text(let s) = k else { return .ints([Int64](repeating: 0, count: n)) }
      let starts = name == "starts_with"
      let needle = Array(s.utf8)
      // UTF-8 is self-synchronising: a byte match of whole characters is a match of
      // code points, as the row-at-a-time functions compare.
      if let buf = freeText(args[0]) {
        if !starts { return .ints(textContains(buf, needle)) }
        return .ints(
          textTest(buf, false) { bytes, _ in
            starts ? TextKernels.hasPrefix(bytes, needle) : TextKernels.find(bytes, needle)
          })
      }
      guard case .codes(let c, let dict)? = try vector(args[0]) else { return nil }
      return .ints(
        perEntry(c, dict) { v in
          guard case .text(let e) = v else { return false }
          return Array(e.utf8).withUnsafeBufferPointer {
            starts ? TextKernels.hasPrefix($0, needle) : TextKernels.find($0, needle)
          }
        })
    default:
      return nil
    }
  }

  /// Day numbers to `YYYY-MM` codes; the dictionary is the months present, in order.
  /// Each day in the range present is worked out once, then rows read a table.
  static func months(_ d: [Int64]) -> Vec {
    let (lo, table) = dayTable(d) { Int64($0.year * 12 + $0.month - 1) }
    guard let table else { return .codes(d.map { _ in -1 }, []) }
    let mlo = table.min() ?? 0
    var used = [Bool](repeating: false, count: Int((table.max() ?? 0) - mlo) + 1)
    for v in d where v != Vec.null { used[Int(table[Int(v - lo)] - mlo)] = true }
    var code = [Int32](repeating: -1, count: used.count)
    var dict: [String] = []
    for (m, u) in used.enumerated() where u {
      code[m] = Int32(dict.count)
      let month = mlo + Int64(m)
      dict.append(Day(year: Int(month / 12), month: Int(month % 12) + 1, day: 1)!.period)
    }
    let byDay = table.map { code[Int($0 - mlo)] }
    return .codes(d.map { $0 == Vec.null ? -1 : byDay[Int($0 - lo)] }, dict)
  }

  static func years(_ d: [Int64]) -> [Int64] {
    let (lo, table) = dayTable(d) { Int64($0.year) }
    guard let table else { return d }
    return d.map { $0 == Vec.null ? Vec.null : table[Int($0 - lo)] }
  }

  /// f of every day from the first to the last present (nil when none is).
  static func dayTable(_ d: [Int64], _ f: (Day) -> Int64) -> (Int64, [Int64]?) {
    var lo = Int64.max
    var hi = Int64.min
    for v in d where v != Vec.null {
      lo = min(lo, v)
      hi = max(hi, v)
    }
    guard hi >= lo else { return (0, nil) }
    return (lo, (lo...hi).map { f(Day(number: Int32(truncatingIfNeeded: $0))) })
  }
}

extension Kernels.Operand {
  /// The operand's first value's address (nil for a constant) and the constant's raw value.
  @inline(__always)
  func withBase<R>(_ body: (UnsafePointer<Int64>?, Int64) -> R) -> R {
    switch self {
    case .vec(let a): return a.withUnsafeBufferPointer { body($0.baseAddress, 0) }
    case .stored(let a, let lo): return a.withUnsafeBufferPointer { body($0.baseAddress.map { $0 + lo }, 0) }
    case .constant(let k): return body(nil, k ?? Vec.null)
    }
  }

  @inline(__always)
  func at(_ i: Int) -> Int64 {
    switch self {
    case .vec(let x): return x[i]
    case .stored(let a, let lo): return a[lo + i]
    case .constant(let k): return k ?? Vec.null
    }
  }
}
