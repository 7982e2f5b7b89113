/// Chinese for the rules of issue 18: band rules, collection steps and letters, the order
/// of a claim, reviews and limit adjustment, holidays, and whose rule a figure follows.
extension ChineseMessages {
  static let rules: [String: String] = [
    "before: in a band while the share before the customer is below the line (default); through: up to and including it":
      "before：客户之前的累计比重低于界线即属该级（默认）；through：含该客户的累计比重不超过界线",
    "`rule` is for share lines; standard amounts compare each customer alone":
      "`rule` 只用于比重界线；等级标准额逐个客户比较",
  ]
}
