import KehuDomain
import KehuStore

/// The costs of holding receivables and the credit-policy what-ifs of §5 (credit standards,
/// credit period, cash discount), with stored named policies that scripts can sweep.
enum PolicyCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "ar cost", summary: tr("cost of holding receivables: opportunity, management and bad-debt cost"),
        arguments: [
          .key("sales", .money), .key("days", .decimal), .key("variable", .percent),
          .key("capital", .percent),
          .key("bad_debt", .percent), .key("management", .money), ReceivableReports.yearArg,
        ],
        example: "ar cost sales=3000000 days=60 variable=60% capital=10%", section: "§5", handler: cost),
      CommandSpec(
        "ar policy set", summary: tr("store a named credit policy for what-ifs"),
        arguments: [
          .positional("name", .text), .key("terms", .text, required: true),
          .key("share", .text, help: tr("share of sales taking each discount, e.g. 60% or 50%,20%")),
          .key("sales", .money, required: true), .key("variable", .percent, required: true),
          .key("bad_debt", .percent), .key("collection", .money), .key("capital", .percent, required: true),
          .key("days", .decimal, help: tr("average collection days when known from experience")),
        ],
        example:
          "ar policy set B terms=\"2/10 n/60\" share=50% sales=5400000 variable=60% bad_debt=2% collection=30000 capital=10%",
        section: "§5", writes: true, handler: setPolicy),
      CommandSpec(
        "ar policy list", summary: tr("the stored credit policies"), example: "ar policy list", section: "§5",
        handler: listPolicies),
      CommandSpec(
        "ar policy compare", summary: tr("stored policies side by side; the highest net benefit is better"),
        arguments: [.positional("names", .text, rest: true), ReceivableReports.yearArg],
        example: "ar policy compare A B", section: "§5", handler: compare),
      CommandSpec(
        "discount cost", summary: tr("annual cost of forgoing a cash discount d/D n/N"),
        arguments: [.positional("terms", .text, rest: true), ReceivableReports.yearArg],
        example: "discount cost 2/10 n/30 year=365", section: "§5", handler: discountCostCommand),
    ]
  }

  static func percent(_ a: ParsedArguments, _ name: String) -> Dec? {
    if case .percent(let d)? = a[name] { return d }
    return nil
  }
  static func decimal(_ a: ParsedArguments, _ name: String) -> Dec? {
    if case .decimal(let d)? = a[name] { return d }
    return nil
  }

  // MARK: cost

  static func cost(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let year = a.dayCount(s)
    guard let capital = percent(a, "capital") else {
      throw a.error(tr("`ar cost` needs capital= (the cost of capital, e.g. 10%)"), at: "sales")
    }
    var notes: [String] = []
    let sales: Money
    let days: Dec
    var variable = percent(a, "variable")
    if let given = a.money("sales") {
      sales = given
      guard let d = decimal(a, "days") else { throw a.error(tr("with sales= give days= too"), at: "sales") }
      days = d
      guard variable != nil else { throw a.error(tr("with sales= give variable= too"), at: "sales") }
    } else {
      // The store's own year: invoices dated in the last `year` days, receivables open now.
      let from = s.today.adding(days: 1 - year.days)
      let ledger = Ledger(s.db)
      let open = ledger.outstanding(asof: s.today).fen
      let invoiced = ledger.creditSales(from: from, to: s.today).fen
      sales = Money(fen: invoiced)
      let w = try a.rule(at: "sales") { () throws(DomainError) in
        try KehuDomain.dso(receivables: Money(fen: open), creditSales: sales, periodDays: year.days)
      }
      guard case .decimal(let d) = w.result.value else { throw ShellError(tr("no DSO")) }
      days = d
      notes.append(tr("annual credit sales: invoices dated {0} to {1}", from, s.today))
      notes.append(
        tr("collection days: DSO = open receivables {0} ÷ {1} × {2}", Money(fen: open), sales, year.days))
      if variable == nil {
        guard let v = variableCostRate(s.db, from: from, to: s.today) else {
          throw a.error(tr("no sales with costs in the year: give variable="), at: "variable")
        }
        variable = v.rate
        notes.append(
          tr(
            "variable cost rate: sales cost {0} ÷ sales {1} over the same year, to 0.01%", v.costs, v.revenue)
        )
      }
    }
    let figures = HoldingCostFigures(
      annualCreditSales: sales, collectionDays: days, variableCostRate: variable!, costOfCapital: capital,
      badDebtRate: percent(a, "bad_debt") ?? .zero, managementCost: a.money("management") ?? .zero, year: year
    )
    var t = try a.rule(at: "sales") { () throws(DomainError) in try holdingCost(figures) }
      .table
    t.notes += notes.map(Message.init(verbatim:))
    return .table(t)
  }

  // MARK: policies

  static func setPolicy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let name = a.text("name")!
    let p = try policy(from: a, name: name)
    var values: [String: Value] = [
      "terms": .text(p.terms.description), "sales": .money(p.expectedSales),
      "variable": .percent(p.variableCostRate),
      "bad_debt": .percent(p.badDebtRate), "collection": .money(p.collectionCost),
      "capital": .percent(p.costOfCapital),
      "shares": p.discountShares.isEmpty
        ? .null : .text(p.discountShares.map { Value.percentText($0) }.joined(separator: ",")),
      "days": p.averageCollectionDays.map(Value.decimal) ?? .null,
    ]
    let exists = StoredPolicies(s.db).row(no: name) != nil
    if exists {
      try s.change([.update(table: "policies", key: .text(name), values: values)])
    } else {
      values["name"] = .text(name)
      try s.change([.insert(table: "policies", values: values.filter { !$0.value.isNull })])
    }
    return .message(tr(exists ? "policy {0} updated: {1}" : "policy {0} stored: {1}", name, p.terms))
  }

  /// Checks the figures now, so a stored policy always compares.
  static func policy(from a: ParsedArguments, name: String) throws -> CreditPolicy {
    let terms = try a.rule(at: "terms") { () throws(DomainError) in
      try CashDiscountTerms(parsing: a.text("terms")!)
    }
    let shares = try rates(a.text("share"), a, at: "share")
    let p = CreditPolicy(
      name: name, terms: terms, discountShares: shares, expectedSales: a.money("sales")!,
      variableCostRate: percent(a, "variable")!, badDebtRate: percent(a, "bad_debt") ?? .zero,
      collectionCost: a.money("collection") ?? .zero, costOfCapital: percent(a, "capital")!,
      averageCollectionDays: decimal(a, "days"))
    // A comparison with itself runs every check of the rule on this one policy.
    _ = try a.rule(at: "share") { () throws(DomainError) in try comparePolicies([p, p]) }
    return p
  }

  static func rates(_ text: String?, _ a: ParsedArguments, at name: String) throws -> [Dec] {
    guard let text, !text.isEmpty else { return [] }
    return try text.split(separator: ",").map { part in
      let t = String(part)
      let pct = t.hasSuffix("%")
      guard let d = Dec(parsing: pct ? String(t.dropLast()) : t),
        let r = pct ? try? d.divided(by: Dec(100)) : d
      else {
        throw a.error(tr("`{0}` is not a rate (write 50% or 0.5)", t), at: name)
      }
      return r
    }
  }

  static func listPolicies(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = StoredPolicies(s.db).table
    var out = ResultTable(
      columns: t.def.columns.map { ResultColumn($0.name, $0.type) }, title: tr("Stored credit policies"))
    out.rows = (0..<t.count).map { r in (0..<t.def.columns.count).map { t.value(row: r, column: $0) } }
    return .table(out)
  }

  static func compare(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let names = a.rest
    let all = CreditPolicy.stored(s.db)
    var chosen: [CreditPolicy] = []
    for n in names {
      guard let p = all.first(where: { $0.name == n }) else {
        throw a.error(
          tr("no stored policy `{0}`", n), at: "names",
          hint: tr("stored: {0}", all.map(\.name).joined(separator: ", ")))
      }
      chosen.append(p)
    }
    let year = a.dayCount(s)
    return .table(
      try a.rule(at: "names") { () throws(DomainError) in
        try comparePolicies(chosen, year: year)
      }.table(translating: tr))
  }

  static func discountCostCommand(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let year = a.dayCount(s)
    let text = a.rest.joined(separator: " ")
    return .table(
      try a.rule(at: "terms") { () throws(DomainError) in
        try discountCost(try CashDiscountTerms(parsing: text), year: year)
      }.table)
  }
}
