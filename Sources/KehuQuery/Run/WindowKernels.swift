import KehuStore

/// The window functions of `derive`/`select` over raw integers: `rank()`, `running_sum`,
/// `share` and `cumshare` of an int, money or duration vector (null `Int64.min`). Sums are
/// exact in `Int128`; a share is the same decimal `Dec.divided(by:)` gives (10 digits after
/// the point, rounded half away from zero), kept as mantissas at scale 10
/// (`VecSource.Col.decimals`), so a `where` on it compares integers. The positions split
/// among the workers: each part sums its own rows, then runs on from the parts before it.
/// Whatever a kernel cannot give exactly (an overflow, a result past `Int64`, a running
/// total on the null marker) it declines (nil), and the general path gives the value or
/// the error as before.
enum WindowKernels {
  /// Digits after the point of a share: the division's.
  static let shareScale = Dec.divisionScale

  /// rank(): the position, from 1.
  static func rank(_ n: Int) -> [Int64] {
    [Int64](unsafeUninitializedCapacity: n) { out, count in
      for i in 0..<n { out[i] = Int64(i) &+ 1 }
      count = n
    }
  }

  /// The parts the positions split into among the workers, and the sum of the non-null
  /// values before each part (`before[parts.count]` is the total).
  struct PartSums {
    var parts: [Range<Int>]
    var before: [Int128]
    var total: Int128 { before[before.count - 1] }

    init(_ x: UnsafeBufferPointer<Int64>, _ workers: Int) {
      let sums = Morsels.map(x.count, workers: workers) { part -> (Range<Int>, Int128) in
        var s: Int128 = 0
        for i in part where x[i] != Vec.null { s &+= Int128(x[i]) }
        return (part, s)
      }
      var before: [Int128] = []
      var run: Int128 = 0
      for (_, s) in sums {
        before.append(run)
        run &+= s
      }
      before.append(run)
      self.parts = sums.map(\.0)
      self.before = before
    }
  }

  /// A vector as long as `x`, each part written by `body(x, out, sums, w, part)` on its own
  /// worker (the parts as in `sums`); nil when any part answers false.
  static func byParts(
    _ x: [Int64], workers: Int,
    _ body: (
      UnsafeBufferPointer<Int64>, UnsafeMutableBufferPointer<Int64>, PartSums, Int, Range<Int>
    ) -> Bool
  ) -> [Int64]? {
    let n = x.count
    var ok = true
    let out = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      let out = Morsels.Shared(value: buffer)
      x.withUnsafeBufferPointer { x in
        let sums = PartSums(x, workers)
        ok = !Morsels.map(n, workers: workers) { w, part in body(x, out.value, sums, w, part) }.contains(
          false)
      }
      count = n
    }
    return ok ? out : nil
  }

  /// The running total of the non-null values (null until the first one), for int and
  /// money (limits of `Int64`) and duration (limits of `Int32`); nil when a total passes
  /// them or lands on the null marker.
  static func runningSum(_ x: [Int64], type: ValueType, workers: Int) -> [Int64]? {
    let (lo, hi): (Int128, Int128) =
      type == .duration ? (Int128(Int32.min), Int128(Int32.max)) : (Int128(Int64.min) + 1, Int128(Int64.max))
    return byParts(x, workers: workers) { x, out, sums, w, part in
      var run = sums.before[w]
      // Null until the first value of all: a total of 0 after values is no null.
      var seen = false
      for p in 0..<w where !seen { seen = sums.parts[p].contains { x[$0] != Vec.null } }
      var bad = false
      for i in part {
        let v = x[i]
        if v != Vec.null {
          run &+= Int128(v)
          seen = true
          bad = bad || run < lo || run > hi
        }
        out[i] = seen ? Int64(truncatingIfNeeded: run) : Vec.null
      }
      return !bad
    }
  }

  /// share(x) (`cumulative` false) or cumshare(x): each value (or running total) ÷ the
  /// total, as mantissas at scale 10 with `Int64.min` for null; every row null when the
  /// total is 0. Values of one column share one scale, so the scale drops out of the
  /// quotient. nil when a quotient does not fit.
  static func shares(_ x: [Int64], cumulative: Bool, workers: Int) -> [Int64]? {
    byParts(x, workers: workers) { x, out, sums, w, part in
      let total = sums.total
      if total == 0 {
        for i in part { out[i] = Vec.null }
        return true
      }
      var run = sums.before[w]
      for i in part {
        let v = x[i]
        if v == Vec.null {
          if !cumulative {
            out[i] = Vec.null
            continue
          }
        } else {
          run &+= Int128(v)
        }
        guard let q = quotient(cumulative ? run : Int128(v), total) else { return false }
        out[i] = q
      }
      return true
    }
  }

  /// a ÷ b at scale 10 as `Dec.divided(by:)` works it out for two numbers of one scale:
  /// a·10^11 ÷ b truncated, then the last digit rounded half away from zero. nil when
  /// a·10^11 passes `Int128` (the general path's overflow) or the result passes `Int64`.
  @inline(__always)
  static func quotient(_ a: Int128, _ b: Int128) -> Int64? {
    let (num, o) = a.multipliedReportingOverflow(by: 100_000_000_000)
    if o { return nil }
    let negative = (num < 0) != (b < 0)
    let nm = num.magnitude
    let dm = b.magnitude
    var q: UInt128
    if dm >> 64 == 0, nm >> 64 < dm {
      // The quotient fits 64 bits: one hardware 128-by-64 division.
      let d = UInt64(truncatingIfNeeded: dm)
      q = UInt128(
        d.dividingFullWidth((high: UInt64(truncatingIfNeeded: nm >> 64), low: UInt64(truncatingIfNeeded: nm)))
          .quotient)
    } else {
      q = nm / dm
    }
    let (tens, last) = q.quotientAndRemainder(dividingBy: 10)
    q = tens + (last >= 5 ? 1 : 0)
    guard q <= UInt128(Int64.max) else { return nil }
    let m = Int64(q)
    return negative ? -m : m
  }

  /// The scale of a raw column's values read as decimals (money in fen: 2).
  static func scale(_ type: ValueType) -> Int? {
    switch type {
    case .int, .duration: return 0
    case .money: return 2
    default: return nil
    }
  }
}

extension Evaluator {
  /// A window function's column on the kernels, or nil when its argument has no vector
  /// or a value is beyond them (the caller then takes `window`, the general path).
  func windowColumn(_ w: WindowSpec, _ f: Frame) throws(QueryError) -> VecSource.Col? {
    if w.kind == .rank { return .vec(.ints(WindowKernels.rank(f.count))) }
    guard let arg = w.argument, WindowKernels.scale(arg.type) != nil,
      case .ints(let x)? = try Kernels(evaluator: self, frame: f).vector(arg)
    else { return nil }
    try context.checkCancelled()
    let workers = context.workers
    switch w.kind {
    case .running_sum:
      guard w.type == arg.type, let sums = WindowKernels.runningSum(x, type: arg.type, workers: workers)
      else {
        return nil
      }
      return .vec(.ints(sums))
    case .share, .cumshare:
      guard w.type == .percent,
        let m = WindowKernels.shares(x, cumulative: w.kind == .cumshare, workers: workers)
      else { return nil }
      return .decimals(m, scale: WindowKernels.shareScale)
    case .rank:
      return nil
    }
  }

  /// `where` over the frame: a comparison of a column of exact decimals with a constant
  /// runs on the mantissas; anything else goes to the kernels (`Kernels.select`).
  func filterRows(_ f: Frame, _ cond: TExpr) throws(QueryError) -> [Int] {
    if case .and(let a, let b) = cond.kind, readsDecimals(f, a) || readsDecimals(f, b) {
      let first = try filterRows(f, a)
      return try filterRows(Frame(source: f.source, selection: first), b)
    }
    if let kept = try decimalSelect(f, cond) { return kept }
    return try Kernels(evaluator: self, frame: f).select(cond)
  }

  func readsDecimals(_ f: Frame, _ t: TExpr) -> Bool {
    switch t.kind {
    case .and(let a, let b): return readsDecimals(f, a) || readsDecimals(f, b)
    case .compare(_, let a, let b):
      if case .column(let c) = a.kind { return VecSource.decimals(f.source, c) != nil }
      if case .column(let c) = b.kind { return VecSource.decimals(f.source, c) != nil }
      return false
    default: return false
    }
  }

  /// A decimals column compared with a constant number: the rows that pass, in order;
  /// nil for any other condition. Null passes only `!=`, as in `Arithmetic.compare`.
  func decimalSelect(_ f: Frame, _ cond: TExpr) throws(QueryError) -> [Int]? {
    guard case .compare(var op, var a, var b) = cond.kind else { return nil }
    if a.constantValue != nil {
      swap(&a, &b)
      op = op.flipped
    }
    guard case .column(let c) = a.kind, let k = b.constantValue?.decimalValue,
      let (m, scale, rows) = VecSource.decimals(f.source, c)
    else { return nil }
    try context.checkCancelled()
    // The constant at the column's scale: exact, or its floor with `exact` false (no
    // mantissa equals it; x < k and x <= k are x <= floor, x > k and x >= k are x > floor).
    var exact = true
    var km: Int128
    if k.scale <= scale {
      guard let r = k.rescaled(to: scale) else { return nil }
      km = r.mantissa
    } else {
      var f: Int128 = 1
      for _ in 0..<(k.scale - scale) { f *= 10 }
      let (q, r) = k.mantissa.quotientAndRemainder(dividingBy: f)
      km = r < 0 ? q - 1 : q
      exact = r == 0
    }
    if km > Int128(Int64.max) || km <= Int128(Int64.min) {
      exact = false
      km = max(min(km, Int128(Int64.max)), Int128(Int64.min))
    }
    let raw = Int64(km)
    let null = Vec.null
    let test: (Int64) -> Bool
    switch (op, exact) {
    case (.eq, true): test = { $0 == raw }
    case (.ne, true): test = { $0 != raw }
    case (.eq, false): test = { _ in false }
    case (.ne, false): test = { _ in true }
    case (.lt, true): test = { $0 < raw && $0 != null }
    case (.lt, false), (.le, _): test = { $0 <= raw && $0 != null }
    case (.gt, _), (.ge, false): test = { $0 > raw && $0 != null }
    case (.ge, true): test = { $0 >= raw && $0 != null }
    default: return nil
    }
    return m.withUnsafeBufferPointer { m in
      func at(_ r: Int) -> Int64 {
        guard let rows else { return m[r] }
        let s = rows[r]
        return s < 0 ? null : m[s]
      }
      return Morsels.positions(f.count, workers: context.workers) { part in
        [Int](unsafeUninitializedCapacity: part.count) { out, count in
          var k = 0
          for i in part {
            let r = f.row(i)
            out[k] = r
            k &+= test(at(r)) ? 1 : 0
          }
          count = k
        }
      }
    }
  }
}

extension VecSource {
  /// Column c of `source` as exact decimals: the mantissas, their scale, and the rows of
  /// them it reads (nil: row i reads mantissa i; -1 reads null), following views.
  static func decimals(_ source: any RowSource, _ c: Int) -> ([Int64], Int, [Int]?)? {
    guard let v = source as? VecSource else { return nil }
    switch v.cols[c] {
    case .decimals(let m, let scale): return (m, scale, nil)
    case .view(let inner, let ic, let rows):
      guard let (m, scale, inside) = decimals(inner, ic) else { return nil }
      guard let rows else { return (m, scale, inside) }
      guard let inside else { return (m, scale, rows) }
      return (m, scale, rows.map { $0 < 0 ? -1 : inside[$0] })
    case .vec, .values: return nil
    }
  }
}
