/// Chinese messages of the one receivables ledger (issue 14): notes discounted, settled and
/// dishonoured, credit notes, orders, money on account, and the signs the ledger shows.
/// Keyed by the English text; see MessagesZh.swift.
extension ChineseMessages {
  static let ledger: [String: String] = [
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
