import KehuStore

/// A frame worked through `Batches.size` rows at a time, so the kernels' vectors stay
/// small and in the cache; the batches are shared among the workers in contiguous runs,
/// and each run's result comes back in order (see `Morsels`).
struct Batches {
  /// Rows per batch: a few vectors of this many 64-bit values fit in a core's cache, and
  /// each stays under the allocator's threshold for mapping fresh pages.
  static let size = 1 << 13

  var frame: Evaluator.Frame
  var evaluator: Evaluator

  /// The frame with the columns `reading` names read once, up front: a joined or derived
  /// column is gathered once here rather than once per batch.
  init(_ f: Evaluator.Frame, reading: [TExpr], evaluator: Evaluator) {
    var columns = Set<Int>()
    for t in reading { t.collectColumns(into: &columns) }
    frame = Evaluator.Frame(
      source: ReadOnce(f.source, columns: columns), selection: f.selection)
    var one = evaluator
    one.context.workers = 1
    self.evaluator = one
  }

  /// `body(&state, batch)` for every batch, each worker from a fresh `start()`; the states
  /// in order, or nil as soon as a batch answers false (no kernel for it). The first error
  /// in row order is thrown.
  func run<State>(
    workers: Int, _ start: () -> State,
    _ body: (inout State, Kernels) throws(QueryError) -> Bool
  ) throws(QueryError) -> [State]? {
    let sel = frame.selection
    let source = frame.source
    let n = frame.count
    let parts = Morsels.map(n, workers: workers) { part -> Result<State?, QueryError> in
      var state = start()
      var lo = part.lowerBound
      while lo < part.upperBound {
        let hi = min(lo + Batches.size, part.upperBound)
        // A batch of the whole source is its span: no list of its rows is written.
        var batch = Evaluator.Frame(source: source, selection: sel.map { Array($0[lo..<hi]) })
        if sel == nil { batch.span = lo..<hi }
        do throws(QueryError) {
          guard try body(&state, Kernels(evaluator: evaluator, frame: batch)) else { return .success(nil) }
        } catch { return .failure(error) }
        lo = hi
      }
      return .success(state)
    }
    var states: [State] = []
    for p in parts {
      switch p {
      case .failure(let e): throw e
      case .success(nil): return nil
      case .success(let s?): states.append(s)
      }
    }
    return states
  }
}

/// A source whose fast readers were asked once: the store's arrays as they are, a joined
/// or derived column gathered whole.
struct ReadOnce: RowSource {
  let inner: any RowSource
  let readers: [Int: ColumnReader]

  init(_ inner: any RowSource, columns: Set<Int>) {
    self.inner = inner
    var readers: [Int: ColumnReader] = [:]
    let derived = inner is JoinedSource || inner is VecSource
    for c in columns {
      if derived, let v = Vec.gather(inner, c, rows: nil) {
        switch v {
        case .ints(let a): readers[c] = .int64s(a, null: Vec.null)
        case .codes(let a, let dict): readers[c] = .codeArray(a, dictionary: dict)
        }
      } else if let r = inner.reader(column: c) {
        readers[c] = r
      }
    }
    self.readers = readers
  }

  var columns: [ResultColumn] { inner.columns }
  var rowCount: Int { inner.rowCount }
  func value(row: Int, column: Int) -> Value { inner.value(row: row, column: column) }
  func reader(column: Int) -> ColumnReader? { readers[column] }
}

extension Vec {
  /// Column c of `source` at the rows `span`, copied as one block where it can be.
  static func slice(_ source: any RowSource, _ c: Int, _ span: Range<Int>) -> Vec? {
    switch source.reader(column: c) {
    case .int64s(let a, let null)? where null == nil || null == Vec.null:
      return .ints(Array(a[span]))
    case .int32s(let a, let null)?:
      return .ints(
        a.withUnsafeBufferPointer { p in
          guard let null else { return p[span].map { Int64($0) } }
          return p[span].map { $0 == null ? Vec.null : Int64($0) }
        })
    case .codeArray(let a, let dict)?:
      return .codes(Array(a[span]), dict)
    default:
      return gather(source, c, rows: Array(span))
    }
  }
}

extension TExpr {
  /// The columns the expression reads.
  func collectColumns(into out: inout Set<Int>) {
    visit { if case .column(let c) = $0.kind { out.insert(c) } }
  }
}
