/// Chinese messages of credit limits, exposure, investigation and review.
/// Keyed by the English text; see MessagesZh.swift.
extension ChineseMessages {
  static let credit: [String: String] = [
    "customer {0} has no credit limit to adjust":
      "客户 {0} 没有可调整的信用限度",
    "rule: {0}":
      "规则：{0}",
    "note {0} dishonoured":
      "票据 {0} 被拒付",
    "{0} paid {1} days late":
      "{0} 迟付 {1} 天",
    "give the credit although the check refuses it":
      "即使检查拒绝也给予信用",
    "who allows the override":
      "批准越限的人",
    "Credit exposure of customer {0} {1}":
      "客户 {0} {1} 的信用占用",
    "Credit exposure of every customer with a limit (§3.3)":
      "所有设有限度的客户的信用占用（§3.3）",
    "exposure = receivables + unsettled notes + open orders; use = exposure ÷ limit":
      "信用占用 = 应收账款 + 未结算票据 + 未发货订单；使用率 = 信用占用 ÷ 限度",
    "over limit":
      "超过限度",
    "on watch":
      "被监视",
    "shipment cap {0}":
      "单笔限额 {0}",
    "supply suspended":
      "已停止供货",
    "customer {0}: {1} allowed over the refusal by {2}; recorded in `credit overrides`":
      "客户 {0}：{1} 越过拒绝由 {2} 放行；已记入 `credit overrides`",
    "customer {0}: {1} may go on credit; exposure after it {2} of limit {3}":
      "客户 {0}：{1} 可以赊销；之后信用占用 {2}，限度 {3}",
    "customer {0}: {1} may go on credit (no credit limit set: not checked)":
      "客户 {0}：{1} 可以赊销（未设信用限度：未检查）",
    "Credit overrides (new credit given over a refusal)":
      "越限放行记录（越过拒绝给予的新信用）",
    "entered, entered by: from the audit trail (the session user and time of the change)":
      "录入、录入人：取自审计记录（会话用户和修改时间）",
    "`by=` and `reason=` go with `override`":
      "`by=` 和 `reason=` 须与 `override` 一起使用",
    "an override needs by=NAME (who allows it)":
      "越限放行需要 by=NAME（批准人）",
    "an override needs reason=TEXT":
      "越限放行需要 reason=TEXT",
    "limit {0}, receivables {1}, unsettled notes {2}, open orders {3}, exposure {4}, this invoice {5}":
      "限度 {0}，应收账款 {1}，未结算票据 {2}，未发货订单 {3}，信用占用 {4}，本张发票 {5}",
    "limit {0}, receivables {1}, unsettled notes {2}, open orders {3}, exposure {4}, this order {5}":
      "限度 {0}，应收账款 {1}，未结算票据 {2}，未发货订单 {3}，信用占用 {4}，本张订单 {5}",
    "none":
      "无",
    ", shipment cap {0}":
      "，单笔限额 {0}",
    "credit refused for customer {0}: {1}":
      "拒绝给客户 {0} 信用：{1}",
    "to give it anyway: add `override by=NAME reason=TEXT` (recorded in `credit overrides`)":
      "如仍要给予：加上 `override by=NAME reason=TEXT`（记入 `credit overrides`）",
    "figures not given are taken from customer {0}'s card":
      "未给出的数字取自客户 {0} 的档案卡",
    "customer {0} has no stored `{1}` (needed by the {2}); give {3}=":
      "客户 {0} 没有存储 `{1}`（{2} 需要）；请给出 {3}=",
    "the {0} needs {1}= (or a customer id with the figure stored)":
      "{0} 需要 {1}=（或给出已存储该数字的客户编号）",
    "usage: see `help credit limit {0}`":
      "用法：见 `help credit limit {0}`",
    "take stored figures":
      "使用已存储的数字",
    "store the limit on the customer":
      "把限度存入客户档案",
    "the customer's purchases from all suppliers":
      "客户向所有供应商的采购额",
    "our share of its supply (本公司供货比率)":
      "我方在其供货中的比例（本公司供货比率）",
    "credit period, in the unit":
      "信用期，以 unit 为单位",
    "month: monthly purchases; day: annual purchases":
      "month：月采购额；day：年采购额",
    "days in a year, with unit=day":
      "一年的天数，用于 unit=day",
    "a customer id, or all (the default)":
      "客户编号，或 all（默认）",
    "`apply` needs the customer id: credit limit {0} ID … apply":
      "`apply` 需要客户编号：credit limit {0} ID … apply",
    "stored purchases are annual: use unit=day, or give purchases= as a monthly figure":
      "已存储的采购额是年度数：请用 unit=day，或用 purchases= 给出月度数",
    "`apply` needs a limit: give standard=AMOUNT":
      "`apply` 需要一个限度：请给出 standard=AMOUNT",
    "give standard=AMOUNT (policy: {0}) for a limit scaled by this ratio":
      "请给出 standard=AMOUNT（政策：{0}），按此比率调整限度",
    "customer {0} has no scorecard: record one with `credit score {0} profitability=… …`":
      "客户 {0} 没有评分卡：请用 `credit score {0} profitability=… …` 记录",
    "customer {0} {1}":
      "客户 {0} {1}",
    "applied: customer {0} credit limit {1} → {2} ({3}, {4})":
      "已应用：客户 {0} 信用限度 {1} → {2}（{3}，{4}）",
    "current limit {0} ({1}, set {2})":
      "当前限度 {0}（{1}，设定于 {2}）",
    "defaults from `credit policy`: sales period {0} {1}, {2}-day year; standard {3}; base {4}":
      "`credit policy` 的默认值：销售额法期间 {0} {1}，一年 {2} 天；标准 {3}；基数 {4}",
    "`{0}` must be a score from 1 to 5, not {1}":
      "`{0}` 必须是 1 到 5 的评分，而不是 {1}",
    "the first scorecard of customer {0} needs all six scores; `{1}=` is missing":
      "客户 {0} 的第一张评分卡需要全部六项评分；缺少 `{1}=`",
    "Scorecard of customer {0} {1}, {2}":
      "客户 {0} {1} 的评分卡，{2}",
    "`credit limit judgement {0}` turns it into a limit":
      "`credit limit judgement {0}` 由此得出限度",
    "Credit policy (§3.3 scorecard, step rule and method defaults)":
      "信用政策（§3.3 评分卡、逐步调整规则和各方法默认值）",
    "scorecard: weighted score = Σ score × weight ÷ Σ weight; multiple = lowest + (score − 1) × (highest − lowest) ÷ 4":
      "评分卡：加权评分 = Σ 评分 × 权重 ÷ Σ 权重；倍数 = 最低 + (评分 − 1) × (最高 − 最低) ÷ 4",
    "step rule: {0}":
      "逐步调整规则：{0}",
    "change with `credit policy NAME=VALUE …`; inside a scenario the change is discarded by `scenario end`":
      "用 `credit policy NAME=VALUE …` 修改；在情景中修改会在 `scenario end` 时放弃",
    "Credit record of customer {0} {1}":
      "客户 {0} {1} 的信用记录",
    "method {0}":
      "方法 {0}",
    "{0}; signs {1}":
      "{0}；信号 {1}",
    "class {0}":
      "等级 {0}",
    "limit {0}, exposure {1}, available {2}, use {3}":
      "限度 {0}，信用占用 {1}，可用 {2}，使用率 {3}",
    "no credit limit (not checked); exposure {0}":
      "未设信用限度（未检查）；信用占用 {0}",
    "credit class {0}: a report every {1} month(s); last {2}; next due {3}":
      "信用等级 {0}：每 {1} 个月报告一次；上次 {2}；下次 {3}",
    "never":
      "从未",
    "no credit class":
      "未设信用等级",
    "ON WATCH since {0}: {1} — no new credit until an instruction":
      "自 {0} 起被监视：{1} — 在上级指示前不给新信用",
    "supply suspended by the collection procedure":
      "已按收账程序停止供货",
    "CREDIT INVESTIGATION REPORT (信用调查报告) — customer {0} {1}, {2}":
      "客户信用调查报告（信用调查报告）— 客户 {0} {1}，{2}",
    "1. Customer":
      "一、客户",
    "2. Exposure":
      "二、信用占用",
    "4. Warning signs seen (§3.1)":
      "四、发现的警示信号（§3.1）",
    "no warning signs recorded":
      "未记录警示信号",
    "5. Credit limit by each method (§3.3)":
      "五、各方法的信用限度（§3.3）",
    "6. Review schedule, watch and countermeasures (§3.2)":
      "六、报告周期、监视和对策（§3.2）",
    "no countermeasures recorded":
      "未记录对策",
    "3. Payment record (invoices due in the last 12 months)":
      "三、付款记录（近12个月内到期的发票）",
    "paid on time":
      "按时付款",
    "paid late":
      "迟付",
    "average days late (late ones)":
      "平均迟付天数（仅迟付者）",
    "open and past due":
      "未结且已过期",
    "oldest due date still open":
      "仍未结的最早到期日",
    "average days late is rounded down to a whole day":
      "平均迟付天数向下取整到整天",
    "sign ids, e.g. O1,F3":
      "信号编号，例如 O1,F3",
    "Warning signs to watch for in an investigation (§3.1 调查时应注意的事项)":
      "调查时应注意的警示信号（§3.1 调查时应注意的事项）",
    "O 经营者 the operator, I 企业内状况 the company's inside, F 资金状况 funds, P 支付情况 payment":
      "O 经营者，I 企业内状况，F 资金状况，P 支付情况",
    "P9 (a dishonoured note) and P1 (a payment more than {0} days late) are read from the records":
      "P9（票据被拒付）和 P1（付款迟于 {0} 天）从记录中读取",
    "`{0}` is not a warning sign id":
      "`{0}` 不是警示信号编号",
    "ids are O1–O12, I1–I13, F1–F13, P1–P10; `credit signs` lists them":
      "编号为 O1–O12、I1–I13、F1–F13、P1–P10；`credit signs` 列出全部",
    "the investigation date {0} is after today":
      "调查日期 {0} 晚于今天",
    "investigation of customer {0} recorded ({1}, {2})":
      "已记录客户 {0} 的信用调查（{1}，{2}）",
    "no warning signs seen":
      "未发现警示信号",
    "Warning signs seen":
      "发现的警示信号",
    "channel “records”: read from notes and payments, not typed in":
      "途径 “records”：从票据和付款记录读取，不是手工录入",
    "customer {0} is credit class {1} ({2}): a report every {3} month(s); next due {4}":
      "客户 {0} 的信用等级为 {1}（{2}）：每 {3} 个月报告一次；下次 {4}",
    "a report on a month's last day is next due on the last day of the target month":
      "在月末最后一天的报告，下次在目标月份的最后一天到期",
    "the review date {0} is after today":
      "报告日期 {0} 晚于今天",
    "periodic report on customer {0} recorded ({1}, class {2}); next due {3}":
      "已记录客户 {0} 的定期报告（{1}，等级 {2}）；下次 {3}",
    "customer {0} is already on watch since {1} ({2}); record the instruction with `credit instruct`":
      "客户 {0} 自 {1} 起已被监视（{2}）；请用 `credit instruct` 记录上级指示",
    "emergency report on customer {0} filed; the customer is on watch: no new credit until `credit instruct {0} by=NAME measure=…`":
      "已提交客户 {0} 的紧急报告；该客户被监视：在 `credit instruct {0} by=NAME measure=…` 之前不给新信用",
    "customer {0} has no emergency report awaiting an instruction":
      "客户 {0} 没有等待指示的紧急报告",
    "instruction by {0} recorded on the report of {1}; customer {2} is off watch":
      "已在 {1} 的报告上记录 {0} 的指示；客户 {2} 解除监视",
    "`credit measure … {0}` needs {1}=":
      "`credit measure … {0}` 需要 {1}=",
    "`{0}` must be more than zero":
      "`{0}` 必须大于零",
    "guarantor {0}":
      "保证人 {0}",
    "deposit received":
      "已收取信用保证金",
    "contract {0} notarized":
      "合同 {0} 已公证",
    "shipment cap: no single invoice or order above it":
      "单笔限额：任何一张发票或订单不得超过此额",
    "claim on {0} taken over (代位求偿)":
      "已取得对 {0} 的求偿权（代位求偿）",
    "paid in kind: {0}":
      "以物抵债：{0}",
    "countermeasure recorded for customer {0} ({1}): {2}; {3}":
      "已记录客户 {0} 的对策（{1}）：{2}；{3}",
    "countermeasure recorded for customer {0} ({1}): {2}":
      "已记录客户 {0} 的对策（{1}）：{2}",
    // Why new credit is refused (CreditBlock).
    "exposure would be {0}, over the credit limit {1} by {2}":
      "信用占用将为 {0}，超出信用限度 {1} 达 {2}",
    "the customer is on watch: no new credit until a superior's instruction":
      "客户在监视中：上级指示前不给新信用",
    "the shipment {0} is over the shipment cap {1}":
      "此次发货 {0} 超过发货上限 {1}",
    "supply is suspended by the collection procedure":
      "收账程序已停止供货",
    // The credit record's kinds of entry, and the Z-score's zones.
    "scorecard":
      "评分",
    "investigation":
      "信用调查",
    "review":
      "定期报告",
    "emergency report":
      "紧急报告",
    "instruction":
      "上级指示",
    "override":
      "越限放行",
    "measure: {0}":
      "对策：{0}",
    "safe":
      "安全区",
    "grey":
      "灰色区",
    "distress":
      "危险区",
    // The six factors of the comprehensive judgement, named once.
    "profitability (收益性)":
      "收益性",
    "safety (安全性)":
      "安全性",
    "liquidity (流动性)":
      "流动性",
    "sales ability (销售能力)":
      "销售能力",
    "purchasing record (购买情况)":
      "购买情况",
    "staff quality (人员素质)":
      "人员素质",
    "{0} + (score − 1) × ({1} − {2}) ÷ 4":
      "{0} + (得分 − 1) × ({1} − {2}) ÷ 4",
    // A limit review's decision.
    "raise":
      "提高",
    "cut":
      "降低",
    "hold":
      "维持",
  ]
}
