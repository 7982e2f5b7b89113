import KehuStore

/// `where` straight over a column's storage, when the condition is comparisons of typed
/// columns with constants joined by `and`: one tight loop per comparison over the raw
/// integers, no closure call per row. Same null rules as the general path: a null cell
/// fails every comparison but `!=`.
extension Evaluator {
  func vectorFilter(_ cond: TExpr, _ f: Frame) -> [Int]? {
    var terms: [TExpr] = []
    func flatten(_ t: TExpr) {
      if case .and(let a, let b) = t.kind {
        flatten(a)
        flatten(b)
      } else {
        terms.append(t)
      }
    }
    flatten(cond)
    var scans: [(Frame.Selection, Int) -> [Int]] = []
    for t in terms {
      guard let s = scan(t, f) else { return nil }
      scans.append(s)
    }
    var sel: [Int]? = f.selection
    let all = f.source.rowCount
    for s in scans { sel = s(sel.map { .rows($0) } ?? .all(all), context.workers) }
    guard var kept = sel else { return Array(0..<all) }
    // The loops allocate room for every row; give back what a selective filter left over.
    if kept.count < kept.capacity / 4 {
      var small: [Int] = []
      small.reserveCapacity(kept.count)
      small.append(contentsOf: kept)
      kept = small
    }
    return kept
  }

  func scan(_ t: TExpr, _ f: Frame) -> ((Frame.Selection, Int) -> [Int])? {
    guard case .compare(var op, var a, var b) = t.kind else { return nil }
    if a.constantValue != nil {
      swap(&a, &b)
      op = op.flipped
    }
    guard case .column(let c) = a.kind, let k = b.constantValue, !k.isNull else { return nil }
    let comp = compiler(f)
    switch f.source.reader(column: c) {
    case .int64s(let arr, let null)?:
      guard let raw = comp.rawInt(k, columnType: a.type) else { return nil }
      return { sel, workers in Evaluator.filterLoop(arr, null: null, op: op, raw: raw, sel, workers) }
    case .int32s(let arr, let null)?:
      guard let raw64 = comp.rawInt(k, columnType: a.type), let raw = Int32(exactly: raw64) else {
        return nil
      }
      return { sel, workers in Evaluator.filterLoop(arr, null: null, op: op, raw: raw, sel, workers) }
    case .codeArray(let arr, let dict)?:
      guard op == .eq || op == .ne, case .text(let s) = k else { return nil }
      let code = dict.firstIndex(of: s).map(Int32.init) ?? -2
      // Codes have no order, so only == and != run here; a null code (negative) is != all.
      return { sel, workers in Evaluator.filterLoop(arr, null: nil, op: op, raw: code, sel, workers) }
    default:
      return nil
    }
  }

  static func filterLoop<T: FixedWidthInteger>(
    _ a: [T], null: T?, op: BinaryOp, raw: T, _ sel: Frame.Selection, _ workers: Int
  )
    -> [Int]
  {
    guard let null else {
      switch op {
      case .eq: return loop(a, sel, workers) { $0 == raw }
      case .ne: return loop(a, sel, workers) { $0 != raw }
      case .lt: return loop(a, sel, workers) { $0 < raw }
      case .le: return loop(a, sel, workers) { $0 <= raw }
      case .gt: return loop(a, sel, workers) { $0 > raw }
      default: return loop(a, sel, workers) { $0 >= raw }
      }
    }
    switch op {
    case .eq: return loop(a, sel, workers) { $0 == raw && $0 != null }
    case .ne: return loop(a, sel, workers) { $0 != raw || $0 == null }
    case .lt: return loop(a, sel, workers) { $0 < raw && $0 != null }
    case .le: return loop(a, sel, workers) { $0 <= raw && $0 != null }
    case .gt: return loop(a, sel, workers) { $0 > raw && $0 != null }
    default: return loop(a, sel, workers) { $0 >= raw && $0 != null }
    }
  }

  /// Branch-free: every row's index is written and the count moves on only when the
  /// test holds, so a condition true for half the rows costs no mispredicted branches.
  /// Each worker scans its own part of the rows; the parts' positions join in order.
  @inline(__always)
  static func loop<T>(_ a: [T], _ sel: Frame.Selection, _ workers: Int, _ test: (T) -> Bool) -> [Int] {
    a.withUnsafeBufferPointer { p in
      switch sel {
      case .all(let n):
        return Morsels.positions(n, workers: workers) { part in
          [Int](unsafeUninitializedCapacity: part.count) { out, count in
            var k = 0
            for r in part {
              out[k] = r
              k &+= test(p[r]) ? 1 : 0
            }
            count = k
          }
        }
      case .rows(let rows):
        return rows.withUnsafeBufferPointer { rows in
          Morsels.positions(rows.count, workers: workers) { part in
            [Int](unsafeUninitializedCapacity: part.count) { out, count in
              var k = 0
              for i in part {
                let r = rows[i]
                out[k] = r
                k &+= test(p[r]) ? 1 : 0
              }
              count = k
            }
          }
        }
      }
    }
  }
}

extension Evaluator.Frame {
  enum Selection {
    case all(Int)
    case rows([Int])
  }
}
