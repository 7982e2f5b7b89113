import KehuDomain
import KehuStore

/// The sales mix by product (§2.5 (1) 3–7).
enum ProductAnalysis {
  static func products(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (from, to) = try AnalyzeCommands.period(a)
    let sales = Cols(s.db["sales"])
    let lo = from ?? Day(number: Int32.min + 1)
    let hi = to ?? Day(number: Int32.max)
    // By dictionary code, so a scan of millions of lines makes no String per line.
    let product = sales.col("product")
    let codes = product.int32s
    let days = sales.col("date").int32s
    let amounts = sales.col("amount").ints
    let costs = sales.col("cost").ints
    var byCode = [(amount: Int64, cost: Int64)](repeating: (0, 0), count: product.dictionary.names.count + 1)
    for i in 0..<codes.count where days[i] >= lo.number && days[i] <= hi.number {
      let k = codes[i] == Column.nullCode ? byCode.count - 1 : Int(codes[i])
      byCode[k].amount &+= amounts[i]
      if costs[i] != Column.nullInt { byCode[k].cost &+= costs[i] }
    }
    var amount: [String: Int64] = [:]
    var cost: [String: Int64] = [:]
    for (k, v) in byCode.enumerated() where v != (0, 0) {
      let p = k < product.dictionary.names.count ? product.dictionary.names[k] : "—"
      amount[p, default: 0] += v.amount
      cost[p, default: 0] += v.cost
    }
    // Average stock at cost: the mean of the counts dated in the period.
    let products = Cols(s.db["products"])
    let counts = Cols(s.db["stock_counts"])
    var stock: [String: (sum: Int64, n: Int)] = [:]
    for i in 0..<counts.table.count {
      let d = counts.col("date").day(i)
      guard d >= lo && d <= hi, let p = counts.string("product", i), let pr = products.table.row(forNo: p)
      else {
        continue
      }
      let unitCost = products.money("cost", pr)?.fen ?? 0
      stock[p, default: (0, 0)].sum += counts.col("quantity").int(i) * unitCost
      stock[p, default: (0, 0)].n += 1
    }
    let total = amount.values.reduce(0, +)
    var t = ResultTable(
      columns: [
        ResultColumn("product", .text), ResultColumn("name", .text), ResultColumn("sales", .money),
        ResultColumn("share", .percent), ResultColumn("cost", .money), ResultColumn("margin_rate", .percent),
        ResultColumn("avg_stock", .money), ResultColumn("turnover", .decimal),
        ResultColumn("cross_ratio", .decimal),
        ResultColumn("contribution", .percent),
      ],
      title: tr("Sales mix by product (不同商品的销售构成, §2.5 (1) 3–7)"))
    var contribution = Dec.zero
    for p in amount.keys.sorted(by: { (amount[$1]!, $0) < (amount[$0]!, $1) }) {
      let avg = stock[p].map { Money(fen: $0.sum / Int64($0.n)) }
      let line = try ProductMix.line(
        sales: Money(fen: amount[p]!), cost: Money(fen: cost[p]!), total: Money(fen: total), averageStock: avg
      )
      if let c = line.contribution { contribution = try contribution.adding(c) }
      let name = products.table.row(forNo: p).flatMap { products.string("name", $0) }
      t.rows.append([
        .text(p), name.map(Value.text) ?? .null, .money(line.sales), .percent(line.share.rounded(to: 4)),
        .money(line.cost), line.marginRate.map { .percent($0.rounded(to: 4)) } ?? .null,
        avg.map(Value.money) ?? .null, line.turnover.map { .decimal($0.rounded(to: 2)) } ?? .null,
        line.crossRatio.map { .decimal($0.rounded(to: 2)) } ?? .null,
        line.contribution.map { .percent($0.rounded(to: 4)) } ?? .null,
      ])
    }
    t.notes =
      ProductMix.rules + [
        tr("average stock = mean of the stock counts dated in the period × the product's unit cost"),
        tr(
          "the contributions add up to {0}, the overall gross margin rate",
          Value.percentText(contribution.rounded(to: 4))),
        tr(
          "period: {0} to {1}", from?.description ?? tr("the first sale"),
          to?.description ?? tr("the last sale")),
      ]
    return .table(t)
  }
}

/// The comprehensive customer evaluation table (客户情况综合评价表, §2.3).
enum Evaluation {
  /// Item 5: the sales expense and its ratio to the customer's sales (§2.3: the sales cost of
  /// every deal and its ratio to sales, to judge future sales spending).
  static func expenseFigure(_ v: Value, sales: Int64) -> String {
    guard case .money(let m) = v else {
      return tr("not recorded: `evaluation note ID item=5 expense=AMOUNT`")
    }
    guard sales > 0 else { return tr("{0}, against no sales", m.formatted) }
    return tr(
      "{0} = {1} of sales {2}", m.formatted,
      Value.percentText(Grading.share(m.fen, of: sales)),
      Money(fen: sales).formatted)
  }

  /// Item 8: the support for our sales, as noted on a scale of 1 to 5.
  static func supportFigure(_ v: Value) -> String {
    guard case .int(let n) = v else { return tr("not recorded: `evaluation note ID item=8 support=1..5`") }
    let words = [tr("none"), tr("little"), tr("some"), tr("good"), tr("strong")]
    return tr("{0} of 5 ({1})", n, words[Int(n) - 1])
  }

  static let items = [
    "basic situation 基本情况", "quantity per order 每次订货量", "number of orders 订货次数",
    "share of our sales 占公司销售额比重", "sales expense level 销售费用水平", "collection expense level 收款费用水平",
    "opinion of us 对公司的意见", "support for our sales 对销售的支持", "visit plan 访问计划", "delays 延迟情况",
  ]

  static func note(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, _) = try Analysis.customerRow(s, a)
    let item = a.int("item")!
    guard (1...10).contains(item) else { throw a.error(tr("`item` must be from 1 to 10"), at: "item") }
    var v: [String: Value] = [:]
    for k in ["comment", "problem", "measure"] { if let x = a.text(k) { v[k] = .text(x) } }
    if let m = a.money("expense") {
      guard item == 5 else {
        throw a.error(tr("`expense` is the figure of item 5 (sales expense)"), at: "expense")
      }
      guard m.fen >= 0 else { throw a.error(tr("`expense` must not be negative"), at: "expense") }
      v["expense"] = .money(m)
    }
    if let n = a.int("support") {
      guard item == 8 else {
        throw a.error(tr("`support` is the figure of item 8 (support for our sales)"), at: "support")
      }
      guard (1...5).contains(n) else { throw a.error(tr("`support` must be from 1 to 5"), at: "support") }
      v["support"] = .int(n)
    }
    guard !v.isEmpty else {
      throw a.error(
        tr("give comment=, problem= or measure= (or expense= for item 5, support= for item 8)"), at: "item")
    }
    let t = Cols(s.db["evaluation_notes"])
    let existing = (0..<t.table.count).first {
      t.col("customer").int($0) == id && t.col("item").int($0) == item
    }
    if let r = existing {
      try s.change([.update(table: "evaluation_notes", key: .int(t.col("id").int(r)), values: v)])
    } else {
      v["customer"] = .int(id)
      v["item"] = .int(item)
      try s.change([.insert(table: "evaluation_notes", values: v)])
    }
    return .message(tr("evaluation of customer {0}, item {1} noted", id, item))
  }

  static func evaluation(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let c = Cols(s.db.customers)
    let asof = s.today
    let yearStart = asof.adding(months: -12).adding(days: 1)
    let sales = Cols(s.db["sales"])
    var orders = 0
    var amount: Int64 = 0
    var qty: Int64 = 0
    for i in sales.rows(ofCustomer: id) {
      let d = sales.col("date").day(i)
      guard d >= yearStart && d <= asof else { continue }
      orders += 1
      amount += sales.col("amount").int(i)
      qty += sales.int("quantity", i) ?? 0
    }
    let all = SalesTotals.totals(s.db, from: yearStart, to: asof).reduce(0, &+)
    func count(_ table: String, since: Day) -> Int {
      let t = Cols(s.db[table])
      return (0..<t.table.count).filter { t.col("customer").int($0) == id && t.col("date").day($0) >= since }
        .count
    }
    let visits = count("visits", since: yearStart)
    let collections = count("collections", since: yearStart)
    let complaints = count("complaints", since: yearStart)
    let delay = Ledger(s.db).daysPaidLate(customer: id, asof: s.today)
    let basic = [c.string("kind", r), c.string("tier", r), c.string("tenure", r), c.string("industry", r)]
      .compactMap { $0 }.joined(separator: ", ")
    let perOrder =
      orders == 0
      ? tr("no orders")
      : tr("{0} and {1} units on average", Money(fen: amount / Int64(orders)).formatted, qty / Int64(orders))
    let n = Cols(s.db["evaluation_notes"])
    var notes: [Int: Int] = [:]
    for i in n.rows(ofCustomer: id) { notes[Int(n.col("item").int(i))] = i }
    func noted(_ item: Int, _ column: String) -> Value { notes[item].map { n.value(column, $0) } ?? .null }
    let figures = [
      basic + (c.string("abc_grade", r).map { tr(", grade {0}", $0) } ?? ""),
      perOrder,
      tr("orders in 12 months: {0}", orders),
      tr("{0} of {1}", Value.percentText(Grading.share(amount, of: all)), Money(fen: all).formatted),
      expenseFigure(noted(5, "expense"), sales: amount),
      tr("collection actions in 12 months: {0}", collections),
      tr("complaints in 12 months: {0}", complaints),
      supportFigure(noted(8, "support")),
      tr("visits and calls in 12 months: {0}", visits),
      delay.average.map { tr("{0} days late on average over {1} invoices", $0, delay.invoices) }
        ?? tr("no settled invoices"),
    ]
    var t = ResultTable(
      columns: [
        ResultColumn("item", .int), ResultColumn("aspect", .text), ResultColumn("figure", .text),
        ResultColumn("comment", .text), ResultColumn("problem", .text), ResultColumn("measure", .text),
      ],
      title: tr("Comprehensive evaluation of {0} {1} (客户情况综合评价表, §2.3)", id, Analysis.name(s, r)))
    for (k, item) in items.enumerated() {
      let note = notes[k + 1]
      t.rows.append([
        .int(Int64(k + 1)), .text(tr(item)), .text(figures[k]), note.map { n.value("comment", $0) } ?? .null,
        note.map { n.value("problem", $0) } ?? .null, note.map { n.value("measure", $0) } ?? .null,
      ])
    }
    t.notes = [
      tr(
        "figures over the 12 months to {0}; comment, problem and measure come from `evaluation note`",
        asof.description),
      tr(
        "items 5 and 8 are figures the store cannot derive: noted with `evaluation note ID item=5 expense=…` and `item=8 support=1..5`"
      ),
    ]
    return .table(t)
  }
}
