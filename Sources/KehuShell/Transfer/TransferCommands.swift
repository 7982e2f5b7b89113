import Foundation
import KehuStore

/// Getting data in and out the way Chinese users hold it (issue 4): CSV from spreadsheets
/// (UTF-8 or GB18030, slashed dates, ¥ amounts), CSV and JSON out, and a whole-store dump.
enum TransferCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "import",
        summary: tr("add (or with update=yes change) a table's rows from a CSV file, all or nothing"),
        arguments: [
          .positional("table", .table), .positional("file", .path),
          .key(
            "encoding", .choice(TextEncoding.allCases.map(\.rawValue)), help: tr("detected when left out")),
          .key("update", .bool, help: tr("change rows whose id already exists")),
        ],
        example: "import customers \"客户.csv\" encoding=gb18030", writes: true, handler: importTable),
      CommandSpec(
        "import all", summary: tr("load a directory written by `export all` into an empty store"),
        arguments: [.positional("dir", .path)], example: "import all \"备份/2026-11-29\"", writes: true,
        handler: importAll),
      CommandSpec(
        "export", summary: tr("write a table to a CSV or JSON file"),
        arguments: [
          .positional("table", .table), .positional("file", .path),
          .key("excel", .bool, help: tr("add a byte order mark so Excel shows Chinese correctly")),
        ],
        example: "export invoices \"应收.csv\" excel=yes", handler: exportTable),
      CommandSpec(
        "export all", summary: tr("write every table as CSV plus a manifest into a directory"),
        arguments: [.positional("dir", .path)], example: "export all \"备份/2026-11-29\"",
        handler: exportAll),
    ]
  }

  /// A relative path inside a `source`d script is taken from the script's directory.
  static func path(_ s: Session, _ given: String) -> String {
    guard !given.hasPrefix("/"), let script = s.sourceStack.last else { return given }
    return (script.full as NSString).deletingLastPathComponent + "/" + given
  }

  static func tableDef(_ a: ParsedArguments) throws -> TableDef {
    let name = a.text("table") ?? ""
    guard let def = Catalog.table(named: name) else { throw StoreCommands.unknownTable(name, a) }
    return def
  }

  static func importTable(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let def = try tableDef(a)
    if def.name == "audit" {
      throw a.error(
        tr("the audit table is written by kehu itself; `import all` restores it with a dump"), at: "table")
    }
    let given = a.text("file") ?? ""
    guard let bytes = s.readFile(path(s, given)) else {
      throw a.error(tr("cannot read `{0}`", given), at: "file")
    }
    let encoding = a.text("encoding").flatMap(TextEncoding.init(rawValue:))
    let plan: ImportPlan
    let used: TextEncoding
    do {
      (plan, used) = try s.withProgress(tr("importing {0}", given)) { progress in
        try importPlan(s, def, Array(bytes), encoding, update: a.flag("update"), progress)
      }
    } catch let error as ShellError where error.message != tr("interrupted") {
      throw a.error(tr("{0}: {1}; nothing was imported", given, error.message), at: "file", hint: error.hint)
    }
    var done = plan
    if !plan.batch.isEmpty {
      // A sales file's returns become credit notes numbered on the newest rows: on a shared
      // database, inside the writing transaction, so they never take another's number.
      try s.change { current in
        do throws(ShellError) {
          done = try credited(plan, def, current)
        } catch {
          throw a.error(
            tr("{0}: {1}; nothing was imported", given, error.message), at: "file", hint: error.hint)
        }
        return done.batch
      }
    }
    var msg = tr("imported {0} into {1}: {2} added", given, def.name, done.inserted)
    if a.flag("update") { msg += tr(", {0} updated", done.updated) }
    return .message(([msg + " (" + used.rawValue + ")"] + done.notes).joined(separator: "\n"))
  }

  /// The rows a CSV file adds or changes, checked against a copy of the store.
  static func importPlan(
    _ s: Session, _ def: TableDef, _ bytes: [UInt8], _ encoding: TextEncoding?, update: Bool,
    _ progress: WorkProgress
  ) throws(ShellError) -> (ImportPlan, TextEncoding) {
    let (text, used) = try TextDecoding.decode(bytes, as: encoding)
    let records = try parseCSV(text)
    let plan = try TableImport.plan(
      def, records, db: s.db, options: .init(update: update, defaults: true, now: s.now),
      counter: WorkCounter(progress, total: max(0, records.count - 1)))
    var check = s.db
    try TableImport.apply(try credited(plan, def, s.db), to: &check)
    return (plan, used)
  }

  /// The plan with a sales file's returns (negative lines with an invoice) credited as
  /// credit notes, numbered and checked on `db`.
  static func credited(_ plan: ImportPlan, _ def: TableDef, _ db: Database) throws(ShellError) -> ImportPlan {
    var out = plan
    if def.name == "sales" { try SalesReturnCommands.creditReturns(&out, db) }
    return out
  }

  static func importAll(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if !s.workspace.scenarios.isEmpty {
      throw a.error(tr("`import all` replaces the whole store; end the scenario first"), at: "dir")
    }
    if s.db.rowCount > 0 {
      throw a.error(
        tr("the store already holds {0} rows; `import all` loads only into an empty store", s.db.rowCount),
        at: "dir")
    }
    if s.workspace.readOnly {
      throw ShellError(tr("the store is open read-only (--read-only); nothing can be changed"))
    }
    let given = a.text("dir") ?? ""
    let db: Database
    do {
      db = try s.withProgress(tr("importing {0}", given)) { progress in
        try StoreDump.read(from: path(s, given), shown: given, counter: WorkCounter(progress, total: 0))
      }
    } catch let e as ShellError where e.message != tr("interrupted") {
      throw a.error(tr("{0}; nothing was imported", e.message), at: "dir", hint: e.hint)
    }
    try s.workspace.store.replaceAll(with: db)
    let tables = db.tables.filter { $0.count > 0 }.map { "\($0.name) \($0.count)" }
    return .message(tr("restored {0} rows from {1}: {2}", db.rowCount, given, tables.joined(separator: ", ")))
  }

  static func exportTable(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let def = try tableDef(a)
    let given = a.text("file") ?? ""
    let table = s.db[def.name]
    let ext = (given as NSString).pathExtension.lowercased()
    let written: String
    switch ext {
    case "csv":
      written = try write { counter in
        try writeCSV(
          StoreDump.result(table, codes: s.db, counter: counter), to: path(s, given), excel: a.flag("excel"),
          counter: counter)
      }
    case "json":
      if a.flag("excel") { throw a.error(tr("`excel=yes` is for CSV files"), at: "excel") }
      written = try write { counter in
        try writeFile(
          Array(renderJSON(StoreDump.result(table, codes: s.db, counter: counter)).utf8), to: path(s, given))
      }
    default:
      throw a.error(tr("write to a .csv or .json file, not `{0}`", given), at: "file")
    }
    // Rows are counted twice: once gathered, once written.
    func write(_ body: (WorkCounter) throws -> String) throws -> String {
      do {
        return try s.withProgress(tr("exporting {0}", def.name)) { progress in
          try body(WorkCounter(progress, total: table.count * 2))
        }
      } catch let e as ShellError where e.message != tr("interrupted") {
        throw a.error(e.message, at: "file")
      }
    }
    return .message(tr("exported {0} rows of {1} to {2}", table.count, def.name, written))
  }

  static func exportAll(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let given = a.text("dir") ?? ""
    do {
      let counts = try s.withProgress(tr("exporting to {0}", given)) { progress in
        try StoreDump.write(
          s.db, to: path(s, given), at: s.now, counter: WorkCounter(progress, total: s.db.rowCount * 2))
      }
      let rows = counts.reduce(0) { $0 + $1.1 }
      return .message(
        tr("exported {0} tables ({1} rows) and {2} to {3}", counts.count, rows, StoreDump.manifestName, given)
      )
    } catch let e as ShellError where e.message != tr("interrupted") {
      throw a.error(e.message, at: "dir")
    }
  }
}
