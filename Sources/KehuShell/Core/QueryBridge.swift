import Foundation
import KehuDomain
import KehuQuery
import KehuStore

/// The store's tables as the query language sees them: typed columns read in place, with
/// fast readers for the integer-backed and coded columns (no `Value` per row).
struct StoreCatalog: QueryCatalog {
  let db: Database

  var tableNames: [String] { Catalog.tableNames }

  func columns(of table: String) -> [ResultColumn]? {
    Catalog.table(named: table)?.columns.map(ResultColumn.init)
  }

  var customerCodes: CustomerCodeBook? { CustomerCodeBook(db) }

  func rows(of table: String) -> RowSource? { db.table(table).map(StoreTableSource.init) }
}

struct StoreTableSource: RowSource {
  let table: Table

  var columns: [ResultColumn] { table.def.columns.map(ResultColumn.init) }
  var rowCount: Int { table.count }
  func value(row: Int, column: Int) -> Value { table.value(row: row, column: column) }

  func reader(column i: Int) -> ColumnReader? {
    let c = table.columns[i]
    let nullable = table.def.columns[i].nullable
    // The store's own arrays, handed over whole: filters and sums run in a tight loop.
    // Only a nullable column names its null sentinel (a check per row costs time).
    switch c.kind {
    case .int64:
      return .int64s(c.ints, null: nullable ? Column.nullInt : nil)
    case .day:
      return .int32s(c.int32s, null: nullable ? Column.nullDay : nil)
    case .bool:
      let bytes = c.bytes
      return .int64(get: { Int64(bytes[$0]) }, isNull: { bytes[$0] == 2 })
    case .coded:
      return .codeArray(c.int32s, dictionary: c.dictionary.names)
    case .text:
      return .text(c.text)
    case .decimal:
      return nil
    }
  }
}

extension Session {
  /// The query engine over the current state, variables and today's date.
  var queryEngine: QueryEngine {
    var engine = QueryEngine(
      catalog: StoreCatalog(db: db), today: today,
      environment: Environment(variables.mapValues { Binding.value($0) }.merging(tables) { a, _ in a }),
      functions: Session.functions(year: settings.year), commands: Set(commands.topWords))
    let flag = interruptFlag
    let outside = options.interrupted
    engine.isCancelled = { flag.peek() || outside() }
    engine.workers = options.workers
    return engine
  }

  /// The built-in functions plus the chapter's calculations (`limit_sales`, …), which the
  /// domain defines and the shell registers, so the query language never imports the domain.
  /// These read a 360-day year; a query runs with `functions(year:)`, the session's.
  static let functions = functions(year: .standard)

  /// The registry with the chapter's calculations reading `year` when a call gives none
  /// (`set year 365` reaches `limit_sales()` as it reaches the commands).
  static func functions(year: DayCountConvention) -> FunctionRegistry {
    var r = FunctionRegistry.standard
    for f in DomainFunctions.all {
      r.register(
        QueryFunction(
          name: f.name, signature: f.signature, help: f.help,
          resultType: { args in
            f.arity.contains(args.count)
              ? .success(f.result)
              : .failure(
                FunctionTypeError(
                  "\(f.name) takes \(f.arity.lowerBound)–\(f.arity.upperBound) arguments: \(f.signature)"))
          },
          body: { args, _ in
            do {
              return try f.call(args, year: year)
            } catch {
              throw QueryRuntimeMessage(message: String(describing: error))
            }
          }))
    }
    return r
  }

  /// Runs a statement of the query language (a pipeline, `let`, `update`, `for`, or a
  /// bare expression).
  func runQuery(_ st: Statement) throws -> CommandOutput {
    var engine = queryEngine
    let parsed: [KehuQuery.Statement]
    do {
      parsed = try engine.parse(st.text)
    } catch {
      throw shellError(error)
    }
    var last: CommandOutput = .none
    for q in parsed {
      last = try runParsed(q, engine: &engine, statement: st)
    }
    return last
  }

  private func runParsed(_ q: KehuQuery.Statement, engine: inout QueryEngine, statement st: Statement) throws
    -> CommandOutput
  {
    try checkInterrupted()
    switch q.kind {
    case .command(_, let text):
      // A command inside a `for` body: run it with the loop's variables in scope.
      let inner = Statement(text: text, line: st.line, column: st.column)
      return try runStatement(inner, variables: engine.environment)
    case .for(let loop):
      let values: [Value]
      do {
        values = try engine.loopValues(loop)
      } catch {
        throw shellError(error)
      }
      for v in values {
        var inner = engine
        inner.environment[loop.variable] = .value(v)
        for s in loop.body {
          let out = try runParsed(s, engine: &inner, statement: st)
          try emitOutput(out)
        }
      }
      return .none
    default:
      let outcome: KehuQuery.Outcome
      do {
        // At the prompt, in the table format, only the rows the screen shows are built.
        engine.rowLimit = screenRows.map { $0 + 1 }
        outcome = try engine.execute(q)
      } catch {
        throw shellError(error)
      }
      switch outcome {
      case .table(let r):
        if let path = r.exportPath {
          let written = try exportResult(r.table, to: path)
          return .message(tr("exported {0} rows to {1}", r.table.rowCount, written))
        }
        if let spec = r.chart { return try drawChart(spec, r.table) }
        var table = r.table
        if r.totalRows > table.rowCount { table.totalRows = r.totalRows }
        return .table(table)
      case .value(let v):
        return .table(ResultTable(columns: [ResultColumn("value", v.type)], rows: [[v]]))
      case .bound(let name, let b):
        switch b {
        case .value(let v):
          variables[name] = v
          tables[name] = nil
          return .message("$\(name) = \(v.plainText)")
        case .table(let t):
          tables[name] = b
          variables[name] = nil
          return .message(tr("${0}: {1} rows", name, t.rowCount))
        }
      case .update(let plan):
        return try applyUpdate(plan)
      }
    }
  }

  /// An `update`'s changed rows as one audited, journaled change.
  func applyUpdate(_ plan: UpdatePlan) throws -> CommandOutput {
    guard let table = db.table(plan.table) else { throw ShellError(tr("no table `{0}`", plan.table)) }
    if table.def.columns.contains(where: { $0.derived && plan.columns.contains($0.name) }) {
      throw ShellError(tr("derived columns cannot be set with update"))
    }
    var batch: [Mutation] = []
    for (i, row) in plan.rows.enumerated() {
      let key = table.value(row: row, column: table.def.keyColumn)
      var values: [String: Value] = [:]
      for (j, c) in plan.columns.enumerated() {
        try FieldValues.check(plan.values[i][j], table: plan.table, column: c)
        values[c] = plan.values[i][j]
      }
      batch.append(.update(table: plan.table, key: key, values: values))
    }
    if !batch.isEmpty { try change(batch) }
    return .message(tr("{0} rows changed ({1} matched)", batch.count, plan.matched))
  }

  func shellError(_ e: QueryError) -> ShellError {
    let r = e.range
    let length = r.end.line == r.start.line ? max(1, r.end.column - r.start.column) : 1
    return ShellError(
      tr(e.message), line: r.start.line, column: r.start.column, length: length,
      hint: e.notes.isEmpty ? nil : e.notes.map(tr).joined(separator: "\n"))
  }

  /// `| export "FILE"`: JSON for `.json`, else the CSV `export TABLE` writes, through the
  /// one safe writer; returns the absolute path written. Ctrl-C stops a CSV export between
  /// rows, before the file is put in place: the file keeps what it had.
  func exportResult(_ t: ResultTable, to path: String) throws -> String {
    if path.lowercased().hasSuffix(".json") {
      return try writeFile(Array(render(db.showingCodes(t), RenderOptions(format: .json)).utf8), to: path)
    }
    return try withProgress(tr("exporting {0}", path)) { progress in
      try writeCSV(
        db.showingCodes(t), to: path, excel: false, counter: WorkCounter(progress, total: t.rowCount))
    }
  }
}

/// A domain calculation's refusal, raised inside a query (a runtime error at the call).
struct QueryRuntimeMessage: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
