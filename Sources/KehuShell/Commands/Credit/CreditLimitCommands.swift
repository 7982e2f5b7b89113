import KehuDomain
import KehuStore

/// §3.3 credit limits from the shell: each of the five methods with its working, all of them
/// side by side, storing the chosen one, the scorecard, and the step rule.
enum CreditLimitCommands {
  static let idArg = ArgSpec.positional("id", .customer, required: false, help: tr("take stored figures"))
  static let applyArg = ArgSpec.key("apply", .bool, help: tr("store the limit on the customer"))

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "credit limit sales", summary: tr("limit = purchases × our supply share × credit period"),
        arguments: [
          idArg, .key("purchases", .money, help: tr("the customer's purchases from all suppliers")),
          .key("share", .percent, help: tr("our share of its supply (本公司供货比率)")),
          .key("period", .decimal, help: tr("credit period, in the unit")),
          .key(
            "unit", .choice(["month", "day"]), help: tr("month: monthly purchases; day: annual purchases")),
          .key("year", .choice(["360", "365"]), help: tr("days in a year, with unit=day")), applyArg,
        ],
        example: "credit limit sales purchases=1200000 share=25% period=2 unit=month", section: "§3.3 (1)",
        writes: true, handler: { s, a in try method(.sales, s, a) }),
      CommandSpec(
        "credit limit working-capital", summary: tr("limit = working capital ÷ number of suppliers"),
        arguments: [idArg, .key("working_capital", .money), .key("suppliers", .int), applyArg],
        example: "credit limit working-capital working_capital=3000000 suppliers=6", section: "§3.3 (2)",
        writes: true, handler: { s, a in try method(.workingCapital, s, a) }),
      CommandSpec(
        "credit limit current-ratio",
        summary: tr("the current ratio; with standard=, the standard limit scaled by ratio ÷ usual, capped"),
        arguments: [
          idArg, .key("current_assets", .money), .key("current_liabilities", .money),
          .key("standard", .money), .key("usual", .decimal), .key("cap", .decimal), applyArg,
        ],
        example:
          "credit limit current-ratio current_assets=5000000 current_liabilities=2000000 standard=300000",
        section: "§3.3 (3)", writes: true, handler: { s, a in try method(.currentRatio, s, a) }),
      CommandSpec(
        "credit limit net-assets", summary: tr("limit = (assets − liabilities) ÷ number of suppliers"),
        arguments: [
          idArg, .key("assets", .money), .key("liabilities", .money), .key("suppliers", .int), applyArg,
        ],
        example: "credit limit net-assets assets=12000000 liabilities=7000000 suppliers=5",
        section: "§3.3 (4)",
        writes: true, handler: { s, a in try method(.netAssets, s, a) }),
      CommandSpec(
        "credit limit judgement", summary: tr("base limit × the multiple of the customer's weighted score"),
        arguments: [.positional("id", .customer), .key("base", .money), applyArg],
        example: "credit limit judgement 1001 base=500000", section: "§3.3 (5)", writes: true,
        handler: { s, a in try method(.judgement, s, a) }),
      CommandSpec(
        "credit limit all", summary: tr("every method side by side, with the spread between them"),
        arguments: [
          .positional("id", .customer), .key("standard", .money), .key("base", .money),
          .key("period", .decimal), .key("unit", .choice(["month", "day"])),
          .key("year", .choice(["360", "365"])),
        ],
        example: "credit limit all 1001", section: "§3.3", handler: all),
      CommandSpec(
        "credit score", summary: tr("record the six judgement scores (1–5) of a customer"),
        arguments: [.positional("id", .customer)]
          + JudgementFactor.allCases.map { ArgSpec.key($0.rawValue, .int, help: Message($0.english)) },
        example: "credit score 1001 profitability=4 safety=4 liquidity=3 sales=5 purchasing=4 staff=3",
        section: "§3.3 (5)", writes: true, handler: score),
      CommandSpec(
        "credit policy", summary: tr("show or change the scorecard weights, step rule and method defaults"),
        arguments: CreditPolicySettings.parameters.map { ArgSpec.key($0.0, $0.1, help: Message($0.2)) },
        example: "credit policy profitability=25% run=4 raise=15%", section: "§3.3 (5)", writes: true,
        handler: policy),
      CommandSpec(
        "credit adjust",
        summary: tr("propose one limit step per review period from payment status and trade volume"),
        arguments: [
          .positional("target", .text, required: false, help: tr("a customer id, or all (the default)")),
          .key("asof", .date),
          .key("apply", .bool, help: tr("store the proposed limits (one audited change)")),
        ],
        example: "credit adjust all asof=2026-11-27",
        section: "§3.3 (5); the weighing: kehu default (editable)",
        writes: true, handler: adjust),
    ]
  }

  // MARK: the five methods

  static func method(_ m: CreditLimitMethod, _ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id: Int64? = a.text("id") == nil ? nil : try CustomerCommands.customerId(s, a)
    if a.flag("apply") && id == nil {
      throw a.error(tr("`apply` needs the customer id: credit limit {0} ID … apply", m.rawValue), at: "apply")
    }
    let f = try FigureSource(s: s, a: a, id: id, method: m)
    let limit: CreditLimit
    do {
      switch m {
      case .sales:
        let unit = try f.unit()
        if unit == .month && id != nil && a.money("purchases") == nil {
          throw a.error(
            tr("stored purchases are annual: use unit=day, or give purchases= as a monthly figure"),
            at: "unit")
        }
        limit = try salesMethodLimit(
          purchases: try f.money(.purchases),
          share: try f.share(), period: f.period(), unit: unit,
          year: try f.year())
      case .workingCapital:
        limit = try workingCapitalLimit(
          workingCapital: try f.money(.workingCapital),
          suppliers: try f.suppliers())
      case .currentRatio:
        let ca = try f.money(.currentAssets)
        let cl = try f.money(.currentLiabilities)
        guard let standard = a.money("standard") else {
          if a.flag("apply") {
            throw a.error(tr("`apply` needs a limit: give standard=AMOUNT"), at: "apply")
          }
          var t = try currentRatioWorking(currentAssets: ca, currentLiabilities: cl).table
          t.notes.append(
            tr("give standard=AMOUNT (policy: {0}) for a limit scaled by this ratio", f.policy.standard))
          return .table(t)
        }
        let usual: Dec = (a["usual"]?.decimalValue) ?? f.policy.usual
        let cap: Dec = (a["cap"]?.decimalValue) ?? f.policy.cap
        limit = try currentRatioLimit(
          currentAssets: ca, currentLiabilities: cl,
          rule: CurrentRatioRule(standard: standard, usual: usual, cap: cap))
      case .netAssets:
        limit = try netAssetLimit(
          assets: try f.money(.assets),
          liabilities: try f.money(.liabilities), suppliers: try f.suppliers())
      case .judgement:
        guard let (_, scores) = CreditCard.latestScores(s.db, customer: id!) else {
          throw a.error(
            tr("customer {0} has no scorecard: record one with `credit score {0} profitability=… …`", id!),
            at: "id")
        }
        limit = try judgementLimit(
          scores: scores, base: a.money("base") ?? f.policy.base, scorecard: f.policy.scorecard,
          altman: CreditCard(s.db, customer: id!)?.altman)
      }
    } catch let e as DomainError {
      throw a.error(tr(e.message), at: f.blame(e))
    }
    var t = limit.working.table
    if let id {
      t.title = Message("{0} — {1}", t.title ?? "", tr("customer {0} {1}", id, s.creditName(id)))
    }
    t.notes += f.sourceNotes.map(Message.init(verbatim:))
    if a.flag("apply"), let id {
      t.notes.append(Message(verbatim: try store(s, id: id, limit: limit.limit, method: m)))
    }
    return .table(t)
  }

  /// Writes the limit, its method and today's date on the customer (audited).
  static func store(_ s: Session, id: Int64, limit: Money, method: CreditLimitMethod) throws -> String {
    let before = CreditCard(s.db, customer: id)?.creditLimit
    try s.change([
      .update(
        table: "customers", key: .int(id),
        values: [
          "credit_limit": .money(limit), "limit_method": .text(method.rawValue),
          "limit_date": .date(s.today), "updated": .timestamp(s.now),
        ])
    ])
    return tr(
      "applied: customer {0} credit limit {1} → {2} ({3}, {4})", id, before.map { $0.description } ?? "none",
      limit, method.rawValue, s.today)
  }

  static func all(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let f = try FigureSource(s: s, a: a, id: id, method: .sales)
    var x = LimitFigures()
    x.purchases = try? f.money(.purchases)
    x.share = try? f.share()
    x.period = f.period()
    x.unit = try f.unit()
    x.year = try f.year()
    x.workingCapital = try? f.money(.workingCapital)
    x.suppliers = try? f.suppliers()
    x.currentAssets = try? f.money(.currentAssets)
    x.currentLiabilities = try? f.money(.currentLiabilities)
    x.standard = a.money("standard") ?? f.policy.standard
    x.usual = f.policy.usual
    x.cap = f.policy.cap
    x.assets = try? f.money(.assets)
    x.liabilities = try? f.money(.liabilities)
    x.scores = CreditCard.latestScores(s.db, customer: id)?.1
    x.base = a.money("base") ?? f.policy.base
    x.scorecard = f.policy.scorecard
    x.altman = CreditCard(s.db, customer: id)?.altman
    var t = allLimitMethods(x).resultTable(translating: tr, naming: methodName)
    t.title = Message("{0} — {1}", t.title ?? "", tr("customer {0} {1}", id, s.creditName(id)))
    if let c = CreditCard(s.db, customer: id), let cur = c.creditLimit {
      t.notes.insert(
        tr(
          "current limit {0} ({1}, set {2})", cur, c.limitMethod ?? "", c.limitDate?.description ?? ""),
        at: 0)
    }
    t.notes.append(
      tr(
        "defaults from `credit policy`: sales period {0} {1}, {2}-day year; standard {3}; base {4}",
        plain(x.period!), Message(x.unit.rawValue + "s"), x.year.days, x.standard!, x.base!))
    return .table(t)
  }

  // MARK: scorecard and policy

  static func score(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try CustomerCommands.customerId(s, a)
    let previous = CreditCard.latestScores(s.db, customer: id)?.1 ?? [:]
    var values: [String: Value] = [
      "customer": .int(id), "date": .date(s.today), "by": .text(s.settings.user),
    ]
    for f in JudgementFactor.allCases {
      if let v = a.int(f.rawValue) {
        guard (1...5).contains(v) else {
          throw a.error(tr("`{0}` must be a score from 1 to 5, not {1}", f.rawValue, v), at: f.rawValue)
        }
        values[f.rawValue] = .int(v)
      } else if let old = previous[f] {
        values[f.rawValue] = .int(Int64(old))
      } else {
        throw a.error(
          tr("the first scorecard of customer {0} needs all six scores; `{1}=` is missing", id, f.rawValue),
          at: "id",
          hint: tr(
            "usage: {0}",
            "credit score ID " + JudgementFactor.allCases.map { "\($0.rawValue)=N" }.joined(separator: " ")))
      }
    }
    try s.change([.insert(table: "credit_scores", values: values)])
    let policy = CreditPolicySettings.load(s.db, year: s.settings.year)
    var t = ResultTable(
      columns: [
        ResultColumn(tr("factor"), .text), ResultColumn(tr("因素"), .text), ResultColumn(tr("score"), .int),
        ResultColumn(tr("weight"), .percent),
      ],
      title: tr("Scorecard of customer {0} {1}, {2}", id, s.creditName(id), s.today))
    for f in JudgementFactor.allCases {
      t.rows.append([
        .text(readsChinese ? f.rawValue : f.english), .text(f.chinese), values[f.rawValue]!,
        .percent(policy.scorecard.weight(f)),
      ])
    }
    t.notes = [tr("`credit limit judgement {0}` turns it into a limit", id)]
    return .table(t)
  }

  static func policy(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    if !a.values.isEmpty {
      var trial = CreditPolicySettings.load(s.db, year: s.settings.year)
      var batch: [Mutation] = []
      for (name, _, _) in CreditPolicySettings.parameters {
        guard let v = a[name] else { continue }
        let text = CreditPolicySettings.storedText(v)
        trial.set(name, text)
        let exists = CreditPolicyParameters(s.db).row(no: name) != nil
        batch.append(
          exists
            ? .update(table: "credit_policy", key: .text(name), values: ["value": .text(text)])
            : .insert(table: "credit_policy", values: ["name": .text(name), "value": .text(text)]))
      }
      if let problem = validate(trial, asof: s.today) {
        // The caret goes under the first parameter written.
        let first = a.positions.min { ($0.value.line, $0.value.column) < ($1.value.line, $1.value.column) }
        throw a.error(problem, at: first?.key ?? "")
      }
      try s.change(batch)
    }
    return .table(CreditPolicySettings.load(s.db, year: s.settings.year).table)
  }

  /// What the rules would say of a policy, run on a dummy customer; nil when sound.
  static func validate(_ p: CreditPolicySettings, asof: Day) -> String? {
    let average = Dictionary(uniqueKeysWithValues: JudgementFactor.allCases.map { ($0, 3) })
    if case .failure(let e) = Result(catching: { () throws(DomainError) in
      try judgementLimit(scores: average, base: p.base, scorecard: p.scorecard)
    }) {
      return tr(e.message)
    }
    if case .failure(let e) = Result(catching: { () throws(DomainError) in
      try adjustLimit(limit: .zero, history: [], asof: asof, rule: p.step)
    }) {
      return tr(e.message)
    }
    return nil
  }
}
