import KehuStore

extension CreditPolicy {
  /// The policies stored for comparison (`policy add`, §5), in stored order. A row whose terms
  /// no longer parse is left out; a share that is not a rate is skipped.
  public static func stored(_ db: Database) -> [CreditPolicy] {
    let t = StoredPolicies(db)
    return t.rows.compactMap { r in
      guard let terms = try? CashDiscountTerms(parsing: t.terms[r]) else { return nil }
      let shares = (t.shares[r] ?? "").split(separator: ",").compactMap { part -> Dec? in
        let x = String(part)
        return x.hasSuffix("%")
          ? Dec(parsing: String(x.dropLast())).flatMap { try? $0.divided(by: Dec(100)) } : Dec(parsing: x)
      }
      return CreditPolicy(
        name: t.name[r], terms: terms, discountShares: shares, expectedSales: t.sales[r],
        variableCostRate: t.variable[r], badDebtRate: t.badDebt[r] ?? .zero,
        collectionCost: t.collection[r] ?? .zero, costOfCapital: t.capital[r],
        averageCollectionDays: t.days[r])
    }
  }
}
