import KehuStore

/// The final frame as the result's columns (`ResultCells`): store arrays, vectors and
/// dictionaries handed over as they are, each with the rows it is read at, so a result of
/// a million rows builds no value per cell until something reads it.
extension Evaluator {
  func resultCells(_ f: Frame) -> ResultCells {
    let columns = f.source.columns.indices.map {
      resultColumn(f.source, $0, rows: f.selection, count: f.count)
    }
    return ResultCells(columns: columns, rowCount: f.count)
  }

  /// Column c of `source` at `rows` (all when nil; -1 reads as null).
  func resultColumn(_ source: any RowSource, _ c: Int, rows: [Int]?, count: Int) -> ResultCells.Column {
    let type = source.columns[c].type
    func composed(_ inner: [Int]?) -> [Int]? {
      guard let inner else { return rows }
      guard let rows else { return inner }
      return inner.withUnsafeBufferPointer { m in rows.map { $0 < 0 ? -1 : m[$0] } }
    }
    if let v = source as? VecSource {
      switch v.cols[c] {
      case .vec(.ints(let a)) where type.isRaw: return ResultCells.Column(.ints(a, type), rows: rows)
      case .vec(.codes(let a, let dict)): return ResultCells.Column(.codes(a, dict), rows: rows)
      case .values(let vs): return ResultCells.Column(.values(vs), rows: rows)
      case .view(let inner, let ic, let irows):
        return resultColumn(inner, ic, rows: composed(irows), count: count)
      default: break
      }
    } else if let j = source as? JoinedSource {
      let lc = j.left.columns.count
      if c < lc && j.leftInPlace { return resultColumn(j.left, c, rows: rows, count: count) }
      let map = c < lc ? j.leftRows : j.rightRows
      return c < lc
        ? resultColumn(j.left, c, rows: composed(map), count: count)
        : resultColumn(j.right, c - lc, rows: composed(map), count: count)
    } else {
      switch source.reader(column: c) {
      case .int64s(let a, let null)? where type.isRaw && (null == nil || null == Vec.null):
        return ResultCells.Column(.ints(a, type), rows: rows)
      case .int32s(let a, let null)?
      where (type == .date || type == .duration) && (null == nil || null == Int32.min):
        return ResultCells.Column(.int32s(a, type), rows: rows)
      case .codeArray(let a, let dict)? where type == .text:
        return ResultCells.Column(.codes(a, dict), rows: rows)
      case .text(let buffer)? where type == .text:
        return ResultCells.Column(.text(buffer), rows: rows)
      default: break
      }
    }
    // No storage to hand over: the column's values, read once.
    var values: [Value] = []
    values.reserveCapacity(count)
    for i in 0..<count {
      let r = rows?[i] ?? i
      values.append(r < 0 ? .null : source.value(row: r, column: c))
    }
    return ResultCells.Column(.values(values))
  }
}
