/// Chinese messages of the one receivables ledger (issue 14): notes discounted, settled and
/// dishonoured, credit notes, orders, money on account, and the signs the ledger shows.
/// Keyed by the English text; see MessagesZh.swift.
extension ChineseMessages {
  static let ledger: [String: String] = [
    "apply money on account to open invoices, oldest first":
      "把客户账上的预收款冲抵未结发票，先冲最早的",
    "Money on account of {0} {1} applied on {2}":
      "{0} {1} 账上款项于 {2} 冲抵",
    "still on account: {0}":
      "账上仍有：{0}",
    "no invoice open: everything stays on account":
      "没有未结发票：全部留在账上",
    "Note discount":
      "票据贴现",
    "interest = face × rate × days to maturity ÷ days in the year; proceeds = face − interest":
      "贴现利息 = 票面金额 × 贴现率 × 到期天数 ÷ 全年天数；贴现所得 = 票面金额 − 贴现利息",
    "face value":
      "票面金额",
    "a year":
      "年利率",
    "discounted":
      "贴现日",
    "matures":
      "到期日",
    "matures − discounted":
      "到期日 − 贴现日",
    "discount interest":
      "贴现利息",
    "discount rate":
      "贴现率",
    "face × rate × days ÷ {0}":
      "票面金额 × 贴现率 × 天数 ÷ {0}",
    "proceeds":
      "贴现所得",
    "face − interest":
      "票面金额 − 贴现利息",
    "{0} paid {1}":
      "{0} 于 {1} 付款部分",
    "days overdue counted from the due date (to the day paid, for amounts paid late)":
      "逾期天数自到期日起算（逾期后付的部分算到付款日）",
    "record a credit note (return, allowance, complaint): owed less, no cash":
      "登记贷项通知（退货、折让、投诉补偿）：减少欠款，不是收款",
    "the invoice it reduces; without it the credit is kept on account":
      "所冲减的发票；不指定则作为客户账上的贷项",
    "kept on account":
      "记在客户账上",
    "{0} is before invoice {1} ({2})":
      "{0} 早于发票 {1} 的日期（{2}）",
    "the credit note's {0} is more than the {1} open on invoice {2}":
      "贷项通知 {0} 超过发票 {2} 的未收余额 {1}",
    "against invoice {0} (balance {1} → {2})":
      "冲减发票 {0}（余额 {1} → {2}）",
    "credit note {0} already exists":
      "贷项通知 {0} 已存在",
    "credit note {0} for {1} {2}: {3} ({4}), {5}":
      "贷项通知 {0}，客户 {1} {2}：{3}（{4}），{5}",
    "an invoice cannot be negative: a return or allowance is a credit note (use `credit note`)":
      "发票金额不能为负：退货或折让应登记为贷项通知（使用 `credit note`）",
    "credit note {0} amount={1} reason=return invoice=NO":
      "credit note {0} amount={1} reason=return invoice=发票号",
    "applied oldest first, as credit notes (reason complaint); a credit note earns no cash discount":
      "按最早的先冲抵，作为贷项通知（原因 complaint）；贷项通知不享受现金折扣",
    "invoice {0} {1} days past due":
      "发票 {0} 逾期 {1} 天",
    "promise to pay {0} by {1} broken":
      "承诺于 {1} 前支付 {0}，未兑现",
    "whether the bank can come back to us if it is not paid (yes)":
      "票据不获付款时银行能否向我方追索（yes）",
    "{0} is before the note was issued ({1})":
      "{0} 早于票据出票日（{1}）",
    "{0} is before the note was discounted ({1})":
      "{0} 早于票据贴现日（{1}）",
    "Note {0} discounted on {1}":
      "票据 {0} 于 {1} 贴现",
    "with recourse: the note stays in the customer's exposure until it is settled":
      "附追索权：票据在兑付前仍计入该客户的信用占用",
    "without recourse: the note leaves the customer's exposure":
      "不附追索权：票据不再计入该客户的信用占用",
  ]
}
