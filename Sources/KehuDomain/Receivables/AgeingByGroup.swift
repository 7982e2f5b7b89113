import KehuStore

/// Ageing one row per group (customer, owner or area), built up item by item so the store
/// can feed it straight from its columns without building an array of items first.
public struct AgeingByGroup: Sendable {
  public let asof: Day
  public let edges: AgeingEdges
  let asofNumber: Int
  var index: [String: Int] = [:]
  var names: [String] = []
  /// Bucket amounts in fen, `buckets.count` per group, groups one after another.
  var fen: [Int64] = []
  let width: Int

  public init(asof: Day, edges: AgeingEdges = .standard) {
    self.asof = asof
    self.edges = edges
    asofNumber = Int(asof.number)
    width = edges.buckets.count
  }

  public mutating func add(group: String, due: Day, balance: Money) throws(DomainError) {
    let g: Int
    if let i = index[group] {
      g = i
    } else {
      g = names.count
      index[group] = g
      names.append(group)
      fen.append(contentsOf: repeatElement(0, count: width))
    }
    let slot = g * width + edges.bucketIndex(daysPastDue: asofNumber - Int(due.number))
    let (v, o) = fen[slot].addingReportingOverflow(balance.fen)
    if o { throw .overflow("ageing of \(group)") }
    fen[slot] = v
  }

  /// Columns: the group, one per bucket, total; groups by name (Unicode order), then a
  /// total row. Each row's buckets add up to its total, and the total row to the grand total.
  /// `translate` gives the total row's label in the reader's language; the buckets are
  /// column names, which stay as they are.
  public func table(
    groupColumn: String, translating translate: (Message) -> String = \.description
  ) throws(DomainError) -> ResultTable {
    let buckets = edges.buckets
    var columns = [ResultColumn(groupColumn, .text)]
    columns += buckets.map { ResultColumn($0.label, .money) }
    columns.append(ResultColumn("total", .money))
    var sums = [Int64](repeating: 0, count: width)
    var rows: [[Value]] = []
    let order = names.indices.sorted {
      names[$0].unicodeScalars.lexicographicallyPrecedes(names[$1].unicodeScalars)
    }
    for g in order {
      var row: [Value] = [.text(names[g])]
      var total: Int64 = 0
      for b in 0..<width {
        let v = fen[g * width + b]
        let (t, o1) = total.addingReportingOverflow(v)
        let (s, o2) = sums[b].addingReportingOverflow(v)
        if o1 || o2 { throw .overflow("ageing total") }
        total = t
        sums[b] = s
        row.append(.money(Money(fen: v)))
      }
      row.append(.money(Money(fen: total)))
      rows.append(row)
    }
    var grand: Int64 = 0
    for s in sums {
      let (t, o) = grand.addingReportingOverflow(s)
      if o { throw .overflow("ageing total") }
      grand = t
    }
    rows.append(
      [.text(translate("total"))] + sums.map { .money(Money(fen: $0)) } + [.money(Money(fen: grand))])
    return ResultTable(
      columns: columns, rows: rows, title: "Receivables ageing by \(groupColumn) as of \(asof)",
      notes: [
        "days past due counted from the due date; an item due on \(asof) is current",
        "each row's buckets add up to its total",
      ])
  }

  /// By customer, the groups being customer ids: id and name in columns of their own (a
  /// program reads them apart), customers in id order, the total row last.
  public func tableByCustomer(
    translating translate: (Message) -> String = \.description, name: (Int64) -> String
  ) throws(DomainError) -> ResultTable {
    var t = try table(groupColumn: "customer", translating: translate)
    let total = t.rows.removeLast()
    let rows: [(Int64, [Value])] = t.rows.map { r in
      guard case .text(let key) = r[0], let id = Int64(key) else { return (0, r) }
      return (id, [.int(id), .text(name(id))] + r.dropFirst())
    }
    t.rows = rows.sorted { $0.0 < $1.0 }.map(\.1)
    t.rows.append([.null, .text(translate("total"))] + total.dropFirst())
    t.columns = [ResultColumn("customer", .int), ResultColumn("name", .text)] + t.columns.dropFirst()
    return t
  }
}

/// What `ar ageing by=` groups the open items by: each customer's owner or area, or the
/// customer itself.
public enum AgeingGroup: String, Sendable, CaseIterable {
  case customer, owner, area
}

extension Ledger {
  /// The open items at the end of `asof` aged into `edges`' buckets, one line per group;
  /// `fromInvoiceDate` counts days from the invoice date (days outstanding) instead of the
  /// due date (days past due).
  public func ageing(
    asof: Day, edges: AgeingEdges, fromInvoiceDate: Bool, by: AgeingGroup, customers: Customers
  ) throws(DomainError) -> AgeingByGroup {
    var names: [Int64: String] = [:]
    let field = by == .owner ? customers.owner : customers.area
    var groups = AgeingByGroup(asof: asof, edges: edges)
    for (i, b) in openItems(asof: asof) {
      let id = i.customer
      let name: String
      if let n = names[id] {
        name = n
      } else {
        name = by == .customer ? String(id) : customers.row(id).flatMap { field[$0] } ?? ""
        names[id] = name
      }
      try groups.add(group: name, due: fromInvoiceDate ? i.date : i.due, balance: b)
    }
    return groups
  }

  /// The notes held or discounted at the end of `asof` (not aged with the invoices): their
  /// total and how many.
  public func notesHeld(asof: Day) -> (total: Money, count: Int) {
    let held = notes(asof: asof)
    return (Money(fen: held.reduce(0) { $0 &+ $1.note.amount.fen }), held.count)
  }
}
