import KehuStore

/// The data a session works on: the store's state, and the what-if scenarios opened over
/// it. Every change goes through `change`, which fills in generated keys, adds the audit
/// rows, and sends the whole batch to the store (journaled) or to the open scenario (never
/// journaled) as one unit: it all applies, or nothing does.
public final class Workspace {
  public let store: Store
  /// Open scenarios, innermost last: each holds its own copy of the state and the batches
  /// applied to it, which `keepScenario` replays on the level below as one batch.
  public private(set) var scenarios: [Scenario] = []

  public struct Scenario {
    public var name: String
    public var base: Database
    public var db: Database
    public var batches: [[Mutation]] = []
  }

  public init(store: Store) { self.store = store }

  /// A workspace over a store that writes nothing, holding `db`.
  public convenience init(_ db: Database = Database()) {
    self.init(store: .inMemory(db))
  }

  /// What every query and command reads: the innermost scenario, else the store.
  public var db: Database { scenarios.last?.db ?? store.state }

  public var readOnly: Bool { store.readOnly }

  /// Applies `batch` with its audit rows. `actor` and `time` are the session's.
  @discardableResult
  public func change(_ batch: [Mutation], actor: String, time: Timestamp) throws -> [Value] {
    try change(actor: actor, time: time) { _ in batch }
  }

  /// Applies the batch `building` makes from the newest state, with its audit rows. On a
  /// shared database `building` runs inside the writing transaction, after what others
  /// committed is applied (and again if the transaction is retried), so a check it makes (a
  /// credit limit, a free number) holds for the rows the batch is written over.
  @discardableResult
  public func change(actor: String, time: Timestamp, building: (Database) throws -> [Mutation]) throws
    -> [Value]
  {
    // A scenario never reaches the store, so a read-only session may hold one.
    if readOnly && scenarios.isEmpty {
      throw ShellError(tr("the store is open read-only (--read-only); nothing can be changed"))
    }
    var keys: [Value] = []
    func build(_ current: Database) throws -> [Mutation] {
      let keyed: [Mutation]
      (keyed, keys) = assignKeys(owned(try building(current)), in: current)
      return keyed + Auditor.rows(for: keyed, in: current, actor: actor, time: time)
    }
    if scenarios.isEmpty {
      // The store hands over its newest state: on a shared database, keys are taken after
      // what others committed is applied.
      do { try store.write(build) } catch let e as MutationError { throw ShellError(e.message) }
    } else {
      try applyBelow(try build(db), level: scenarios.count)
    }
    return keys
  }

  /// Applies a checked batch at a level: 0 is the store (journaled), k the k-th scenario.
  private func applyBelow(_ batch: [Mutation], level: Int) throws {
    do {
      if level == 0 {
        try store.apply(batch)
      } else {
        var d = scenarios[level - 1].db
        try d.apply(batch)
        scenarios[level - 1].db = d
        scenarios[level - 1].batches.append(batch)
      }
    } catch let e as MutationError {
      throw ShellError(e.message)
    }
  }

  /// A customer added without an owner, by a login that may add only its own (row-level
  /// security by owner, `pg init --owner-rows`), is the login's.
  private func owned(_ batch: [Mutation]) -> [Mutation] {
    guard let owner = store.newCustomerOwner else { return batch }
    return batch.map { m in
      guard case .insert(let t, var values) = m, t == Catalog.customers.name,
        values["owner"] == nil || values["owner"] == .null
      else { return m }
      values["owner"] = .text(owner)
      return .insert(table: t, values: values)
    }
  }

  /// Integer keys left out of inserts are taken from the table's counter here, so that
  /// the audit rows (built before the batch applies) can name them.
  func assignKeys(_ batch: [Mutation], in db: Database) -> ([Mutation], [Value]) {
    var next: [String: Int64] = [:]
    var keys: [Value] = []
    let out = batch.map { m -> Mutation in
      guard case .insert(let t, var values) = m, let table = db.table(t) else { return m }
      let keyName = table.def.key.name
      if table.def.generatesKeys, values[keyName] == nil || values[keyName] == .null {
        let id = next[t] ?? table.nextId
        next[t] = id + 1
        values[keyName] = .int(id)
      } else if case .int(let given)? = values[keyName] {
        next[t] = max(next[t] ?? table.nextId, given + 1)
      }
      keys.append(values[keyName] ?? .null)
      return .insert(table: t, values: values)
    }
    return (out, keys)
  }

  // MARK: scenarios

  public func beginScenario(_ name: String) { scenarios.append(Scenario(name: name, base: db, db: db)) }

  /// Discards the innermost scenario; its name, or nil when none is open.
  @discardableResult
  public func endScenario() -> String? { scenarios.popLast()?.name }

  /// Applies the innermost scenario's changes to the level below as one batch.
  public func keepScenario() throws -> (name: String, mutations: Int)? {
    guard let s = scenarios.last else { return nil }
    let all = s.batches.flatMap { $0 }
    if !all.isEmpty { try applyBelow(all, level: scenarios.count - 1) }
    scenarios.removeLast()
    return (s.name, all.filter { $0.table != "audit" }.count)
  }
}

/// Builds the audit rows of a batch (§1 dynamic management: every change recorded):
/// time, actor, table, row, field, old and new value.
enum Auditor {
  static func rows(for batch: [Mutation], in db: Database, actor: String, time: Timestamp) -> [Mutation] {
    var out: [Mutation] = []
    func row(_ table: String, _ key: Value, _ field: String?, _ old: Value, _ new: Value) {
      // Customers by their codes, as a person looks them up (`history HD-001`).
      let (key, old, new) = (db.codeText(key), db.codeText(old), db.codeText(new))
      out.append(
        .insert(
          table: "audit",
          values: [
            "time": .timestamp(time), "actor": .text(actor), "table": .text(table),
            "row": .text(key.plainText), "field": field.map { .text($0) } ?? .null,
            "old": old.isNull ? .null : .text(old.plainText),
            "new": new.isNull ? .null : .text(new.plainText),
          ]))
    }
    for m in batch where m.table != "audit" {
      switch m {
      case .insert(let t, let values):
        let key = db.table(t).map { values[$0.def.key.name] ?? .null } ?? .null
        row(t, key, nil, .null, .text(tr("added")))
      case .update(let t, let key, let values):
        guard let table = db.table(t) else { continue }
        let r = table.row(forKey: key)
        for (field, new) in values.sorted(by: { $0.key < $1.key }) where field != "updated" {
          let old =
            r.flatMap { rr in table.def.column(named: field).map { table.value(row: rr, $0) } } ?? .null
          if old != new { row(t, key, field, old, new) }
        }
      case .delete(let t, let keys):
        for k in keys { row(t, k, nil, .text(tr("present")), .text(tr("purged"))) }
      }
    }
    return out
  }
}
