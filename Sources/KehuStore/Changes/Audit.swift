extension Database {
  /// An update together with one `audit` row per cell it really changes (old and new as
  /// plain text). Time and actor come from the caller: the store never reads the clock.
  public func auditedUpdate(
    table: String, key: Value, values: [String: Value], time: Timestamp, actor: String
  ) -> [Mutation] {
    var out: [Mutation] = [.update(table: table, key: key, values: values)]
    // An unknown table, row or column is left for `apply` to refuse with its own message.
    guard let t = self.table(table), let row = t.row(forKey: key) else { return out }
    for (name, new) in values.sorted(by: { $0.key < $1.key }) {
      guard let c = t.def.columnIndex(name) else { continue }
      let old = t.columns[c].value(row)
      if old == new { continue }
      out.append(
        .insert(
          table: "audit",
          values: [
            "time": .timestamp(time), "actor": .text(actor), "table": .text(table),
            "row": .text(key.plainText), "field": .text(name),
            "old": old.isNull ? .null : .text(old.plainText),
            "new": new.isNull ? .null : .text(new.plainText),
          ]))
    }
    return out
  }
}
