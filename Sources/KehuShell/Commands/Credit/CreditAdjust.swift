import KehuDomain
import KehuStore

/// §3.3 (5), second half: `credit adjust` walks each customer's payment record since its
/// limit was last set and applies the step rule of the credit policy.
extension CreditLimitCommands {

  static func adjust(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let target = a.text("target") ?? "all"
    let asof = a.date("asof") ?? s.today
    let rule = CreditPolicySettings.load(s.db, year: s.settings.year).step
    let v = s.credit
    var ids: [Int64]
    if target == "all" {
      ids = CreditData.trading(v).filter {
        CreditData.money(CreditData.customer(v, $0)["credit_limit"]) != nil
      }
    } else {
      let id = try CreditData.customerId(s, a, name: "target")
      guard CreditData.money(CreditData.customer(v, id)["credit_limit"]) != nil else {
        throw a.error(tr("customer {0} has no credit limit to adjust", id), at: "target")
      }
      ids = [id]
    }
    var batch: [Mutation] = []
    var results: [(Int64, LimitAdjustment)] = []
    for id in ids {
      try s.checkInterrupted()
      let c = CreditData.customer(v, id)
      let start = CreditData.money(c["credit_limit"])!
      let since = CreditData.day(c["limit_date"])
      // Only what happened after the limit was last set: a second run does not count twice.
      let history = CreditData.paymentRecord(v, id).map(\.record).filter { r in
        guard let since else { return true }
        return (r.paid ?? r.due.adding(days: rule.graceDays + 1)) > since
      }
      let adj = try adjustLimit(limit: start, history: history, asof: asof, rule: rule)
      results.append((id, adj))
      if let last = adj.changes.last, adj.limit != start {
        batch.append(
          .update(
            table: "customers", key: .int(id),
            values: [
              "credit_limit": .money(adj.limit), "limit_date": .date(last.date), "updated": .timestamp(s.now),
            ]))
      }
    }
    if !batch.isEmpty { try s.change(batch) }
    if ids.count == 1, let (id, adj) = results.first {
      var t = adj.table(rule: rule)
      t.title = tr(
        "Limit adjustment of customer {0} {1}: {2} → {3}", id, CreditData.name(s.credit, id), adj.start,
        adj.limit
      )
      t.notes.append(tr("payments counted: those after the limit was last set, up to {0}", asof))
      if adj.changes.isEmpty { t.notes.append(tr("no change")) }
      return .table(t)
    }
    var t = ResultTable(
      columns: [
        ResultColumn(tr("customer"), .int), ResultColumn(tr("name"), .text), ResultColumn(tr("from"), .money),
        ResultColumn(tr("to"), .money), ResultColumn(tr("changes"), .int),
        ResultColumn(tr("last reason"), .text),
      ],
      title: tr("Limit adjustment as of {0} (§3.3 (5) step rule)", asof),
      notes: [
        tr("rule: {0}", rule.text),
        tr("{0} customers with a limit looked at; those whose limit changed are listed", ids.count),
        tr("payments counted: those after each limit was last set"),
      ])
    for (id, adj) in results where !adj.changes.isEmpty {
      t.rows.append([
        .int(id), .text(CreditData.name(s.credit, id)), .money(adj.start), .money(adj.limit),
        .int(Int64(adj.changes.count)), .text(adj.changes.last!.reason),
      ])
    }
    return .table(t)
  }
}
