extension Database {
  /// Raises a table's id counter to `next` (never lowers it). A restored dump calls this so
  /// that ids handed out before a purge are still never handed out again.
  public mutating func raiseNextId(_ table: String, to next: Int64) {
    guard let t = Catalog.tableIndex(table), next > tables[t].nextId else { return }
    tables[t].nextId = next
  }
}
