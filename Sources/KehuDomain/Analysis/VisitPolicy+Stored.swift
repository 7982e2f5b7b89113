import KehuStore

extension VisitPolicy {
  /// The visit plan in force: the chapter's defaults with the user's `visit_policy` rows over
  /// them (§2.6 step 6).
  public static func stored(_ db: Database) -> [String: [VisitFrequency]] {
    var out = defaults
    let t = VisitPolicies(db)
    for r in t.rows {
      let g = t.grade[r]
      guard let i = roles.firstIndex(of: t.role[r]), out[g] != nil else { continue }
      out[g]![i] = VisitFrequency(t.count[r].map(Int.init), per: Int(t.months[r] ?? 1), t.text[r] ?? "")
    }
    return out
  }
}

extension ProspectRule {
  /// The prospect rules in force: the defaults with the user's `prospect_policy` rows (§2.2).
  public static func stored(_ db: Database) -> [ProspectRule] {
    let t = ProspectPolicies(db)
    return defaults.map { d in
      guard let r = t.row(no: d.grade) else { return d }
      var rule = d
      rule.everyDays = t.every[r].map(Int.init)
      if let v = t.visits[r] { rule.visits = v }
      if let p = t.purchase[r] { rule.purchase = p }
      return rule
    }
  }
}
