import KehuStore

/// Ageing fed straight from a store's columns (day numbers and fen), one item at a time, so
/// a million invoices are aged without building an item or a String per row.
public struct AgeingScan: Sendable {
  public let asof: Day
  public let edges: AgeingEdges
  let asofNumber: Int
  var amounts: [Int64]
  var counts: [Int]
  var total: Int64 = 0
  var overflowed = false

  public init(asof: Day, edges: AgeingEdges = .standard) {
    self.asof = asof
    self.edges = edges
    asofNumber = Int(asof.number)
    amounts = [Int64](repeating: 0, count: edges.buckets.count)
    counts = [Int](repeating: 0, count: edges.buckets.count)
  }

  /// One open item: its due date's day number and its balance in fen.
  @inline(__always)
  public mutating func add(dueNumber: Int32, fen: Int64) {
    let i = edges.bucketIndex(daysPastDue: asofNumber - Int(dueNumber))
    let (a, o1) = amounts[i].addingReportingOverflow(fen)
    let (t, o2) = total.addingReportingOverflow(fen)
    amounts[i] = a
    total = t
    counts[i] += 1
    if o1 || o2 { overflowed = true }
  }

  /// The buckets and their total; the total is the sum of the buckets by construction.
  public func result() throws(DomainError) -> Ageing {
    if overflowed { throw .overflow("ageing total") }
    return Ageing(
      asof: asof, buckets: edges.buckets, amounts: amounts.map(Money.init(fen:)), counts: counts,
      total: Money(fen: total))
  }
}
