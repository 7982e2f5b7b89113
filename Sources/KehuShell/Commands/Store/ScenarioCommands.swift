import KehuStore

/// What-if scenarios: changes held apart from the store, seen by every query, never
/// journaled until kept. Scenarios nest; the prompt names the open ones.
enum ScenarioCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "scenario begin", summary: tr("open a what-if scenario: later changes stay apart from the store"),
        arguments: [.positional("name", .text, required: false)], example: "scenario begin 放宽信用期",
        handler: { s, a in
          let name = a.text("name") ?? "what-if"
          s.workspace.beginScenario(name)
          return .message(
            tr("scenario {0} begun; changes are held apart from the store until `scenario keep`", name))
        }),
      CommandSpec(
        "scenario diff", summary: tr("list the rows and fields the open scenario changed"),
        example: "scenario diff", handler: { s, _ in .table(try diff(s)) }),
      CommandSpec(
        "scenario end", summary: tr("discard the open scenario and every change made in it"),
        example: "scenario end",
        handler: { s, _ in
          guard let name = s.workspace.endScenario() else { throw ShellError(tr("no scenario is open")) }
          return .message(tr("scenario {0} discarded", name))
        }),
      CommandSpec(
        "scenario keep", summary: tr("apply the open scenario's changes as one change"),
        example: "scenario keep", writes: true,
        handler: { s, _ in
          guard let kept = try s.workspace.keepScenario() else { throw ShellError(tr("no scenario is open")) }
          return .message(tr("scenario {0} kept: {1} changes applied", kept.name, kept.mutations))
        }),
    ]
  }

  /// The open scenario's changes against what it started from, read from its batches.
  static func diff(_ s: Session) throws -> ResultTable {
    guard let sc = s.workspace.scenarios.last else { throw ShellError(tr("no scenario is open")) }
    var t = ResultTable(
      columns: [
        ResultColumn(tr("table"), .text), ResultColumn(tr("row"), .text), ResultColumn(tr("change"), .text),
        ResultColumn(tr("field"), .text), ResultColumn(tr("before"), .text), ResultColumn(tr("after"), .text),
      ],
      title: tr("Changes in scenario {0}", sc.name))
    var seen = Set<String>()
    for m in sc.batches.joined() where m.table != "audit" {
      switch m {
      case .insert(let table, let values):
        guard let def = Catalog.table(named: table) else { continue }
        let key = values[def.key.name] ?? .null
        t.rows.append([.text(table), .text(key.plainText), .text(tr("added")), .null, .null, .null])
      case .update(let table, let key, let values):
        for field in values.keys.sorted() where field != "updated" {
          let id = "\(table)/\(key.plainText)/\(field)"
          guard seen.insert(id).inserted else { continue }
          let before = cell(sc.base, table, key, field)
          let after = cell(sc.db, table, key, field)
          if before != after {
            t.rows.append([
              .text(table), .text(key.plainText), .text(tr("changed")), .text(field),
              // The values themselves, not their text: money reads 1,234,567.80 like every
              // other amount at the prompt, and stays a number in CSV and JSON.
              before, after,
            ])
          }
        }
      case .delete(let table, let keys):
        for k in keys {
          t.rows.append([.text(table), .text(k.plainText), .text(tr("removed")), .null, .null, .null])
        }
      }
    }
    if t.rows.isEmpty { t.notes = [tr("nothing has changed in this scenario")] }
    return t
  }

  static func cell(_ db: Database, _ table: String, _ key: Value, _ field: String) -> Value {
    db.table(table)?.value(forKey: key, field: field) ?? .null
  }
}

extension Session {
  /// `kehu --what-if SCRIPT`: runs the script inside a scenario, prints what it changed,
  /// and discards it. The store is never touched.
  public func runWhatIf(source: String, file: String) -> Outcome {
    workspace.beginScenario("what-if")
    defer { workspace.endScenario() }
    let outcome = run(source: source, file: file)
    if let diff = try? ScenarioCommands.diff(self) { emit(renderTable(diff)) }
    return outcome
  }

  /// `kehu --atomic SCRIPT`: runs the script inside a scenario that is kept only if every
  /// statement succeeds, so a failed script changes nothing.
  public func runAtomic(source: String, file: String) -> Outcome {
    workspace.beginScenario("atomic")
    let outcome = run(source: source, file: file)
    if outcome == .failed || failures > 0 {
      workspace.endScenario()
      io.err(tr("{0}: nothing was changed (the script failed; --atomic)", file) + "\n")
      return .failed
    }
    do {
      _ = try workspace.keepScenario()
      try workspace.store.commit()
    } catch {
      workspace.endScenario()
      io.err(tr("{0}: the changes could not be kept: {1}", file, String(describing: error)) + "\n")
      return .failed
    }
    return outcome
  }
}
