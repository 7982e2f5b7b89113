import KehuDomain
import KehuStore

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
    if let key = CustomerEvaluation.noteKey(s.db, customer: id, item: item) {
      try s.change([.update(table: "evaluation_notes", key: .int(key), values: v)])
    } else {
      v["customer"] = .int(id)
      v["item"] = .int(item)
      try s.change([.insert(table: "evaluation_notes", values: v)])
    }
    return .message(tr("evaluation of customer {0}, item {1} noted", id, item))
  }

  static func evaluation(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let asof = s.today
    let e = CustomerEvaluation(s.db, customer: id, asof: asof, today: s.today)
    let (orders, amount, all) = (e.orders, e.amount, e.allSales)
    let delay = e.delay
    let notes = e.notes
    let n = EvaluationNotes(s.db)
    let basic = e.basic.joined(separator: ", ")
    let perOrder =
      e.perOrder.map { tr("{0} and {1} units on average", $0.amount.formatted, $0.units) } ?? tr("no orders")
    let figures = [
      basic + (e.grade.map { tr(", grade {0}", $0) } ?? ""),
      perOrder,
      tr("orders in 12 months: {0}", orders),
      tr("{0} of {1}", Value.percentText(Grading.share(amount, of: all)), Money(fen: all).formatted),
      expenseFigure(notes[5].map { n.expense.value($0) } ?? .null, sales: amount),
      tr("collection actions in 12 months: {0}", e.collections),
      tr("complaints in 12 months: {0}", e.complaints),
      supportFigure(notes[8].map { n.support.value($0) } ?? .null),
      tr("visits and calls in 12 months: {0}", e.visits),
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
        .int(Int64(k + 1)), .text(tr(item)), .text(figures[k]), note.map { n.comment.value($0) } ?? .null,
        note.map { n.problem.value($0) } ?? .null, note.map { n.measure.value($0) } ?? .null,
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
