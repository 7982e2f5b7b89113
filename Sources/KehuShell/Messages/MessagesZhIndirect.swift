/// Chinese for texts that reach `tr` through a variable, not as a literal at the call:
/// the credit policy's parameter meanings (CreditPolicySettings.parameters), the labels of
/// the credit report's customer section, the credit classes' `who`, and the trade start
/// refusals without interpolation. scripts/tr-strings cannot see these; keep them in step
/// with their sources by hand.
extension ChineseMessages {
  static let indirect: [String: String] = [
    // CreditPolicySettings.parameters: "scorecard weight of \(english) (\(chinese))"
    "scorecard weight of profitability (收益性)":
      "评分卡中收益性的权重",
    "scorecard weight of safety (安全性)":
      "评分卡中安全性的权重",
    "scorecard weight of liquidity (流动性)":
      "评分卡中流动性的权重",
    "scorecard weight of sales ability (销售能力)":
      "评分卡中销售能力的权重",
    "scorecard weight of purchasing record (购买情况)":
      "评分卡中购买情况的权重",
    "scorecard weight of staff quality (人员素质)":
      "评分卡中人员素质的权重",
    "multiple of the base limit at score 1":
      "评分为1时基准限度的倍数",
    "multiple of the base limit at score 5":
      "评分为5时基准限度的倍数",
    "judgement method: base limit for an average customer":
      "综合判断法：一般客户的基准限度",
    "current-ratio method: limit at the usual ratio":
      "流动比率法：常规比率下的限度",
    "current-ratio method: the usual ratio (2 = 200%)":
      "流动比率法：常规比率（2 = 200%）",
    "current-ratio method: ceiling as a multiple of the standard":
      "流动比率法：上限，为标准限度的倍数",
    "sales method: credit period used with a customer id":
      "销售额法：给出客户编号时使用的信用期",
    "sales method: unit of the period":
      "销售额法：信用期的单位",
    "step rule: consecutive on-time payments before a raise":
      "逐步调整规则：提高限度前须连续按时付款的次数",
    "step rule: raise after the run":
      "逐步调整规则：连续按时付款后的提高比例",
    "step rule: cut after a late payment":
      "逐步调整规则：迟付后的降低比例",
    "step rule: days after due still counted on time":
      "逐步调整规则：到期后仍算按时的天数",
    "step rule: raises stop here":
      "逐步调整规则：限度提高到此为止",
    // CreditReport: the customer section's labels
    "kind":
      "类别",
    "credit code":
      "统一社会信用代码",
    "address":
      "营业地址",
    "phone":
      "电话",
    "nature of enterprise":
      "企业性质",
    "industry":
      "行业",
    "scale":
      "经营规模",
    "operating status":
      "经营状况",
    "area":
      "区域",
    "responsible person":
      "负责人",
    "status":
      "状态",
    "credit class":
      "信用等级",
    // CreditClass.who (§3.2)
    "large, reputable, well funded, first-rate companies":
      "规模大、信誉好、资金雄厚的一流企业",
    "average credit, fairly good reputation":
      "信用一般、声誉较好的企业",
    "ordinary small and medium customers, new customers, customers with a poor name":
      "一般中小客户、新客户、名声欠佳的客户",
    // TradeStartApproval refusals
    "the form is already approved by the unit head and the chairman":
      "调查书已经单位负责人和董事长批准",
    "`approved` is not a role; approve as unit-head or chairman":
      "`approved` 不是角色；请以 unit-head 或 chairman 身份批准",
  ]
}
