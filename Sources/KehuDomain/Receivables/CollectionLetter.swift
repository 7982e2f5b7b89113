import KehuStore

/// The letters of the collection procedure (收账程序, §5): the reminder (催款函) of the first
/// step and the formal demand (正式催款通知) of the last, in Chinese and English, as Markdown,
/// from the customer's open items in the ledger.
public enum CollectionLetterKind: String, Sendable, CaseIterable {
  /// The ladder's `letter` step.
  case reminder = "letter"
  /// The ladder's `demand` step.
  case demand

  /// The letter's name in a sentence.
  public var name: Message {
    switch self {
    case .reminder: return "payment reminder"
    case .demand: return "formal demand for payment"
    }
  }

  public var title: String {
    switch self {
    case .reminder: return "催款函 / Payment reminder"
    case .demand: return "正式催款通知 / Formal demand for payment"
    }
  }
}

public struct CollectionLetter: Sendable, Equatable {
  public var kind: CollectionLetterKind
  public var customer: String
  public var customerName: String
  public var asof: Day
  /// For a formal demand: the day by which payment must be made.
  public var payBy: Day
  public var sender: String
  public var items: [OpenInvoice]

  /// Days a formal demand gives to pay: kehu's default, not the chapter's.
  public static let demandDays = 7

  public init(
    kind: CollectionLetterKind, customer: String, customerName: String, asof: Day, sender: String,
    items: [OpenInvoice], payBy: Day? = nil
  ) {
    self.kind = kind
    self.customer = customer
    self.customerName = customerName
    self.asof = asof
    self.sender = sender
    self.items = items
    self.payBy = payBy ?? asof.adding(days: Self.demandDays)
  }

  /// Items past due at `asof`, oldest due first.
  public var overdue: [OpenInvoice] {
    items.filter { $0.due < asof && $0.balance.fen > 0 }.sorted { ($0.due, $0.no) < ($1.due, $1.no) }
  }

  public func markdown() throws(DomainError) -> String {
    let late = overdue
    var total = Money.zero
    for i in late { total = try addMoney(total, i.balance, "total") }
    var notDue = Money.zero
    for i in items where i.due >= asof && i.balance.fen > 0 {
      notDue = try addMoney(notDue, i.balance, "not yet due")
    }
    var md = "# \(kind.title)\n\n"
    md += "致 To: \(customerName)（客户编号 customer \(customer)）  \n日期 Date: \(asof)\n\n"
    switch kind {
    case .reminder:
      md += "尊敬的客户：截至 \(asof)，贵方下列款项已逾期未付，合计 **\(total.formatted)** 元。请尽快安排付款；如已付款，请告知我们并忽略本函。\n\n"
      md += "Dear customer, as of \(asof) the items below are past due, **\(total.formatted)** in all. "
      md +=
        "Please arrange payment soon; if you have already paid, please let us know and disregard this letter.\n\n"
    case .demand:
      md += "贵方下列款项已严重逾期，合计 **\(total.formatted)** 元，我方此前已多次催收。请于 **\(payBy)** 前付清全部逾期款项；"
      md += "逾期不付，我方将停止供货，并依法追讨欠款及相关费用。\n\n"
      md +=
        "The items below are long past due, **\(total.formatted)** in all, and our earlier requests have not been met. "
      md += "Please pay all of it by **\(payBy)**. Failing that, we will suspend supply and recover the debt "
      md += "and its costs by legal means.\n\n"
    }
    md += "| 发票 Invoice | 开票日期 Date | 到期日 Due | 逾期天数 Days past due | 未付余额 Balance |\n"
    md += "|---|---|---|---:|---:|\n"
    for i in late {
      md +=
        "| \(i.no) | \(i.date) | \(i.due) | \(daysPastDue(due: i.due, asof: asof)) | \(i.balance.formatted) |\n"
    }
    md += "| 合计 Total | | | | \(total.formatted) |\n\n"
    if notDue.fen > 0 {
      md += "另有未到期款项 \(notDue.formatted) 元，请按期支付。 / A further \(notDue.formatted) is not yet due; "
      md += "please pay it when due.\n\n"
    }
    md += "此致 / Yours faithfully,\n\n\(sender)\n"
    return md
  }
}
