import KehuStore

/// Commands about the store itself: its tables and their columns.
enum StoreCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "save", summary: tr("write a snapshot of the store and start a new journal"),
        example: "save", writes: true,
        handler: { s, _ in
          if s.workspace.readOnly {
            throw ShellError(tr("the store is open read-only (--read-only); it cannot be saved"))
          }
          if s.workspace.store.location == .memory {
            return .message(
              s.options.storeName == "demo"
                ? tr(
                  "the demo firm lives in memory only: nothing was saved, and nothing is kept when kehu ends")
                : tr(
                  "this store lives in memory only (--memory): nothing was saved, and nothing is kept when kehu ends"
                ))
          }
          if case .database = s.workspace.store.location {
            return .message(
              tr("a team store has nothing to save: every change is committed to the database as it is made"))
          }
          try s.workspace.store.save()
          return .message(tr("saved {0} rows to {1}", s.db.rowCount, s.workspace.store.name))
        }),
      CommandSpec(
        "tables", summary: tr("list the tables with their row counts"), example: "tables",
        handler: { s, _ in
          var t = ResultTable(columns: [ResultColumn(tr("table"), .text), ResultColumn(tr("rows"), .int)])
          for table in s.db.tables { t.rows.append([.text(table.name), .int(Int64(table.count))]) }
          return .table(t)
        }),
      CommandSpec(
        "describe", summary: tr("list a table's columns, their types and its row count"),
        arguments: [.positional("table", .table)], example: "describe customers",
        handler: { s, a in
          let name = a.text("table") ?? ""
          guard let table = s.db.table(name) else { throw unknownTable(name, a) }
          var t = ResultTable(
            columns: [
              ResultColumn(tr("column"), .text), ResultColumn(tr("type"), .text),
              ResultColumn(tr("notes"), .text),
            ],
            title: tr("{0}: {1} rows", table.name, table.count))
          for (i, c) in table.def.columns.enumerated() {
            var notes: [String] = []
            if i == table.def.keyColumn { notes.append(tr("key")) }
            if !c.nullable && i != table.def.keyColumn { notes.append(tr("required")) }
            if c.derived { notes.append(tr("derived")) }
            if let r = c.references { notes.append(tr("refers to {0}", r)) }
            if let allowed = c.allowed { notes.append(allowed.joined(separator: "|")) }
            t.rows.append([.text(c.name), .text(c.type.rawValue), .text(notes.joined(separator: ", "))])
          }
          return .table(t)
        }),
    ]
  }

  static func unknownTable(_ name: String, _ a: ParsedArguments) -> ShellError {
    var msg = tr("no table `{0}`", name)
    if let near = nearest(name, in: Catalog.tableNames) { msg += tr("; did you mean `{0}`?", near) }
    return a.error(msg, at: "table", hint: tr("tables: {0}", Catalog.tableNames.joined(separator: ", ")))
  }
}
