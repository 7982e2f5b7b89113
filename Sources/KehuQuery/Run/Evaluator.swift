import KehuStore

/// The result of running a pipeline: the table, and the file `export` asked for (the
/// shell writes it; this library writes no files).
public struct QueryResult: Sendable, Equatable {
  public var table: ResultTable
  public var exportPath: String?
  /// The picture `chart …` asked for, drawn by the shell.
  public var chart: ChartSpec? = nil
  /// Rows the pipeline produced; more than `table.rows.count` when a row limit cut it.
  public var totalRows: Int = 0
}

/// Runs checked plans over the catalog's rows. Rows flow as a selection of row indexes
/// over one source while verbs only filter, sort or cut (`where`, `sort`, `take`); verbs
/// that make new columns or rows (`derive`, `select`, `summarize`, `join`, `distinct`)
/// build a new in-memory source.
public struct Evaluator {
  public var catalog: any QueryCatalog
  public var context: EvaluationContext

  public init(catalog: any QueryCatalog, context: EvaluationContext) {
    self.catalog = catalog
    self.context = context
  }

  /// Rows of `source` in order: all of them when `selection` is nil.
  struct Frame {
    var source: any RowSource
    var selection: [Int]?
    /// The rows `span` in order (a batch of a whole source), with no selection written:
    /// a column is read as one block, in place.
    var span: Range<Int>? = nil
    var count: Int { selection?.count ?? span?.count ?? source.rowCount }
    func row(_ i: Int) -> Int { selection?[i] ?? (span.map { $0.lowerBound + i } ?? i) }
    /// The rows, to look up in a loop without writing a span out as a list.
    var rows: Rows { Rows(list: selection, base: span?.lowerBound ?? 0) }

    /// Row i of a frame: the selection's i-th, else `base + i`.
    struct Rows {
      let list: [Int]?
      let base: Int
      /// Whether row i is i (every row of the source, in order).
      var isIdentity: Bool { list == nil && base == 0 }
      @inline(__always) subscript(_ i: Int) -> Int { list?[i] ?? base &+ i }
    }
  }

  /// Runs `plan`. With `rowLimit`, only the first rows are turned into values (a prompt
  /// that shows 10M sales rows should not build them all); `totalRows` still counts all.
  public func run(_ plan: QueryPlan, rowLimit: Int? = nil) throws(QueryError) -> QueryResult {
    var frame = Frame(source: try rows(plan.source), selection: nil)
    var notes: [Message] = []
    let steps = Rewrite.steps(plan.steps)
    var i = 0
    while i < steps.count {
      try context.checkCancelled()
      let next: PlanStep? = i + 1 < steps.count ? steps[i + 1] : nil
      // `where` then `summarize` without `by`: one pass, batch by batch.
      if case .filter(let cond) = steps[i], case .summarize(let keys, let aggs, let outputs)? = next,
        keys.isEmpty, let totals = try batchTotals(frame, where: cond, aggs, outputs)
      {
        frame = Frame(source: totals, selection: nil)
        i += 2
        continue
      }
      frame = try apply(steps[i], to: frame, next: next, notes: &notes)
      i += 1
    }
    let total = frame.count
    if let rowLimit, rowLimit < total {
      frame = Frame(source: frame.source, selection: (0..<rowLimit).map(frame.row))
    }
    // The result keeps the frame's columns as they are: rows become values only when read.
    var table = ResultTable(columns: plan.columns, cells: resultCells(frame))
    table.notes = notes
    return QueryResult(table: table, exportPath: plan.exportPath, totalRows: total)
  }

  func rows(_ s: PlanSource) throws(QueryError) -> any RowSource {
    switch s {
    case .table(let name):
      guard let r = catalog.rows(of: name) else {
        throw QueryError(
          .name, "no table \"\(name)\"",
          at: SourceRange(
            start: SourcePosition(line: 1, column: 1, offset: 0),
            end: SourcePosition(line: 1, column: 1, offset: 0)))
      }
      return r
    case .rows(let t), .values(let t): return t
    }
  }

  func compiler(_ f: Frame, slots: [[Value]] = []) -> Compiler {
    Compiler(source: f.source, context: context, slots: slots)
  }

  func apply(_ step: PlanStep, to f: Frame, next: PlanStep?, notes: inout [Message]) throws(QueryError)
    -> Frame
  {
    switch step {
    case .filter(let cond):
      return Frame(source: f.source, selection: try filterRows(f, cond))
    case .take(let n):
      if n >= f.count { return f }
      return Frame(source: f.source, selection: (0..<n).map(f.row))
    case .sort(let keys):
      var limit: Int?
      if case .take(let n)? = next { limit = n }
      return Frame(source: f.source, selection: try sort(f, keys, limit: limit))
    case .project(let outputs, let windows):
      // Each window once, in order: on the kernels (`WindowKernels`) when its argument has
      // a vector, so a derived share stays a typed column; as values otherwise. Slots, by
      // position in the frame, only for windows an expression reads.
      var read = Set<Int>()
      for o in outputs where !o.isWindow { o.windowsRead(into: &read) }
      var windowCols: [VecSource.Col] = []
      var slots: [[Value]] = []
      for (i, w) in windows.enumerated() {
        if let col = try windowColumn(w, f) {
          windowCols.append(col)
          slots.append(
            read.contains(i)
              ? VecSource(columns: [ResultColumn("", w.type)], cols: [col], rowCount: f.count).valuesOf(0)
              : [])
        } else {
          let vs = try window(w, f)
          windowCols.append(.values(vs))
          slots.append(vs)
        }
      }
      let c = compiler(f, slots: slots)
      var cells: [VecSource.Col] = []
      let kernels = Kernels(evaluator: self, frame: f)
      for o in outputs {
        if case .column(let i) = o.kind {
          cells.append(.view(f.source, i, f.selection))
          continue
        }
        if case .window(let w) = o.kind {
          cells.append(windowCols[w])
          continue
        }
        if !usesWindow(o), let v = try kernels.vector(o) {
          cells.append(.vec(v))
          continue
        }
        let fn = c.compile(o)
        var col: [Value] = []
        col.reserveCapacity(f.count)
        if usesWindow(o) {
          // Expressions with window slots read slot[i] by frame position.
          let positional = Compiler(source: PositionalSource(frame: f), context: context, slots: slots)
            .compile(o)
          for i in 0..<f.count {
            if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
            col.append(try positional(i))
          }
        } else {
          for i in 0..<f.count {
            if i & 0xFFFF == 0xFFFF { try context.checkCancelled() }
            col.append(try fn(f.row(i)))
          }
        }
        cells.append(.values(col))
      }
      let columns = outputs.enumerated().map { ResultColumn("c\($0.offset)", $0.element.type) }
      return Frame(source: VecSource(columns: columns, cols: cells, rowCount: f.count), selection: nil)
    case .summarize(let keys, let aggregates, let outputs):
      if keys.isEmpty, let totals = try batchTotals(f, where: nil, aggregates, outputs) {
        return Frame(source: totals, selection: nil)
      }
      return Frame(source: try vectorSummarize(f, keys, aggregates, outputs), selection: nil)
    case .join(let left, let src, let rightName, let lk, let rk):
      return Frame(
        source: try join(f, left: left, try rows(src), rightName: rightName, lk, rk, notes: &notes),
        selection: nil)
    case .distinct:
      return try vectorDistinct(f)
    case .count:
      let t = TableSource(
        columns: [ResultColumn("count", .int)], cells: [[.int(Int64(f.count))]], rowCount: 1)
      return Frame(source: t, selection: nil)
    }
  }

  func usesWindow(_ t: TExpr) -> Bool {
    var read = Set<Int>()
    t.windowsRead(into: &read)
    return !read.isEmpty
  }
}

extension TExpr {
  /// A bare window function: its column is the window's own.
  var isWindow: Bool {
    if case .window = kind { return true }
    return false
  }

  /// The window slots the expression reads.
  func windowsRead(into read: inout Set<Int>) {
    visit { if case .window(let i) = $0.kind { read.insert(i) } }
  }
}

/// Reads a frame by position (0..<count), so window slots line up with the rows.
struct PositionalSource: RowSource {
  var frame: Evaluator.Frame
  var columns: [ResultColumn] { frame.source.columns }
  var rowCount: Int { frame.count }
  func value(row: Int, column: Int) -> Value { frame.source.value(row: frame.row(row), column: column) }
}
