import KehuStore

/// Customers ranked and graded by an amount each (sales, margin, a window's sum), as Pareto
/// (Figure 4-1) and ABC grading (Tables 4-12, 4-13) show them.
public struct CustomerRanking: Sendable {
  /// The customer rows ranked; `RankedCustomer.index` points into this and `ids`.
  public var rows: [Int]
  public var ids: [Int64]
  public var ranked: [RankedCustomer]
  /// The positive amounts added up: what the shares are of.
  public var total: Int64
  /// How many customers are in grade A, B and C.
  public var counts: [Int]

  public func row(_ c: RankedCustomer) -> Int { rows[c.index] }
  public func id(_ c: RankedCustomer) -> Int64 { ids[c.index] }
}

extension Grading {
  /// Ranks the customer rows `keep` marks by `amounts` (one per customer row), equal amounts
  /// by id, and grades them by `lines`; with `boughtOnly`, customers whose amount is not
  /// positive are left out.
  public static func customers(
    _ db: Database, amounts: [Int64], keep: [Bool], lines: GradeLines, months: Int = 1, boughtOnly: Bool
  ) -> CustomerRanking {
    let rows = keep.indices.filter { keep[$0] && (!boughtOnly || amounts[$0] > 0) }
    let mine = rows.map { amounts[$0] }
    let keys = db.customers.keyColumn.ints
    let ids = rows.map { keys[$0] }
    let ranked = grade(mine, order: rank(mine, tieKeys: ids), lines: lines, months: months)
    var total: Int64 = 0
    for x in mine where x > 0 { total &+= x }
    let counts = SalesGrade.allCases.map { g in ranked.filter { $0.grade == g }.count }
    return CustomerRanking(rows: rows, ids: ids, ranked: ranked, total: total, counts: counts)
  }
}
