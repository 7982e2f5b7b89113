/// The domain's working lines, titles, notes and errors (KehuDomain builds them as message
/// keys; the shell shows them in the session's language).
extension ChineseMessages {
  static let domain: [String: String] = [
    "A while the cumulative share up to and including the customer is at most {0}, B while at most {1}, the rest C; shares compared exactly, never rounded first":
      "累计份额（含该客户）不超过 {0} 为 A，不超过 {1} 为 B，其余为 C；份额按精确值比较，不先舍入",
    "grade standard amounts (等级标准额): monthly average ≥ {0} is A, ≥ {1} is B, the rest C":
      "等级标准额：月平均 ≥ {0} 为 A，≥ {1} 为 B，其余为 C",
    "running total to {0}":
      "截至 {0} 的累计",
    "Monthly average sales of {0} (Table 4-12)":
      "{0} 的月平均销售额（表4-12）",
    "§2.6 step 3 (1): sum of the {0} months ÷ {1}":
      "§2.6 第3步 (1)：{0} 个月之和 ÷ {1}",
    "sales {0}":
      "{0} 销售额",
    "monthly average":
      "月平均",
    "full calendar months before the as-of date; the current month is not counted":
      "截止日期之前的完整自然月；当月不计",
    "a month without sales counts as 0; the average is rounded to the fen for display, grading uses exact sums":
      "无销售的月份按 0 计；平均值显示时舍入到分，评级用精确合计",
    "gross margin rate (毛利率) = (sales − cost) ÷ sales":
      "毛利率 =（销售额 − 成本）÷ 销售额",
    "inventory turnover (商品周转率) = cost of goods sold ÷ average inventory at cost (the accounting convention)":
      "商品周转率 = 销售成本 ÷ 按成本计的平均库存（会计惯例）",
    "cross ratio (交叉比率) = gross margin rate × inventory turnover":
      "交叉比率 = 毛利率 × 商品周转率",
    "contribution ratio (贡献比率) = gross margin rate × share of sales; the contributions add up to the overall margin rate":
      "贡献比率 = 毛利率 × 销售额份额；各贡献之和等于总毛利率",
    "sales method":
      "销售额测定法",
    "working-capital division":
      "周转资产分割法",
    "current-ratio method":
      "流动比率法",
    "net-asset division":
      "净资产分割法",
    "comprehensive judgement":
      "综合判断法",
    "rounding: the limit is worked from unrounded figures and rounded once, half away from zero, to the fen":
      "舍入：限度由未舍入的数字算出，最后一次四舍五入到分",
    "must be at least 1 (the limit is divided among the customer's suppliers)":
      "必须至少为 1（限度在客户的各供应商之间分配）",
    "purchases × share":
      "采购额 × 份额",
    "months":
      "月",
    "days":
      "天",
    "purchases":
      "采购额",
    "monthly, all suppliers":
      "每月，全部供应商",
    "annual, all suppliers":
      "每年，全部供应商",
    "our supply share":
      "本公司供货比率",
    "credit period":
      "信用期",
    "monthly purchases from us":
      "每月向本公司的采购额",
    "annual purchases from us":
      "每年向本公司的采购额",
    "unit: monthly purchases × credit period in months":
      "单位：月采购额 × 以月计的信用期",
    "unit: annual purchases × credit period in days ÷ days in a year":
      "单位：年采购额 × 以天计的信用期 ÷ 一年的天数",
    "Credit limit: sales method (销售额测定法)":
      "信用限度：销售额测定法",
    "§3.3 (1): limit = monthly purchases × our supply share × credit period (months)":
      "§3.3 (1)：限度 = 月采购额 × 本公司供货比率 × 信用期（月）",
    "§3.3 (1): limit = annual purchases × our supply share × credit period (days) ÷ days in a year":
      "§3.3 (1)：限度 = 年采购额 × 本公司供货比率 × 信用期（天）÷ 一年的天数",
    "credit limit":
      "信用限度",
    "from us × {0} months":
      "向本公司的采购额 × {0} 个月",
    "annual from us × {0} ÷ {1}":
      "每年向本公司的采购额 × {0} ÷ {1}",
    "must be more than zero (no working capital leaves nothing to divide among suppliers)":
      "必须大于零（没有周转资产就无可分配给供应商）",
    "Credit limit: working-capital division (周转资产分割法)":
      "信用限度：周转资产分割法",
    "§3.3 (2): limit = working capital ÷ number of suppliers":
      "§3.3 (2)：限度 = 周转资产 ÷ 供应商数",
    "working capital":
      "周转资产",
    "suppliers":
      "供应商数",
    "number of the customer's suppliers":
      "客户的供应商数",
    "working capital ÷ {0}":
      "周转资产 ÷ {0}",
    "net assets":
      "净资产",
    "Credit limit: net-asset division (净资产分割法)":
      "信用限度：净资产分割法",
    "§3.3 (4): limit = (assets − liabilities) ÷ number of suppliers":
      "§3.3 (4)：限度 =（资产 − 负债）÷ 供应商数",
    "assets":
      "资产",
    "total assets":
      "资产总额",
    "liabilities":
      "负债",
    "total liabilities":
      "负债总额",
    "assets − liabilities":
      "资产 − 负债",
    "net assets ÷ {0}":
      "净资产 ÷ {0}",
    "limit = standard × current ratio ÷ usual ratio ({0}), capped at {1} × standard":
      "限度 = 标准限度 × 流动比率 ÷ 通常比率（{0}），上限为 {1} × 标准限度",
    "must be more than zero (the current ratio divides by it)":
      "必须大于零（流动比率以它为除数）",
    "current ratio":
      "流动比率",
    "Current ratio (流动比率)":
      "流动比率",
    "§3.3 (3): current ratio = current assets ÷ current liabilities × 100%":
      "§3.3 (3)：流动比率 = 流动资产 ÷ 流动负债 × 100%",
    "current assets":
      "流动资产",
    "current liabilities":
      "流动负债",
    "current assets ÷ current liabilities":
      "流动资产 ÷ 流动负债",
    "the ratio is shown to a hundredth of a percent":
      "比率显示到百分之一个百分点",
    "must be more than zero":
      "必须大于零",
    "Credit limit: current-ratio method (流动比率法)":
      "信用限度：流动比率法",
    "§3.3 (3) as read here: {0}":
      "§3.3 (3)（本软件的解读）：{0}",
    "standard limit":
      "标准限度",
    "limit at the usual ratio":
      "通常比率下的限度",
    "usual ratio":
      "通常比率",
    "cap":
      "上限",
    "× standard":
      "× 标准限度",
    "current ratio ÷ usual ratio":
      "流动比率 ÷ 通常比率",
    "scaled limit":
      "按比例的限度",
    "standard × scale":
      "标准限度 × 比例",
    "ceiling (scaled limit is above it)":
      "上限（按比例的限度高于上限）",
    "the chapter gives no amount formula for this method; the rule above is this product's reading":
      "本章没有给出此方法的金额公式；上述规则是本软件的解读",
    "profitability":
      "收益性",
    "safety":
      "安全性",
    "liquidity":
      "流动性",
    "sales ability":
      "销售能力",
    "purchasing record":
      "购买实绩",
    "staff quality":
      "员工素质",
    "at least one weight must be more than zero":
      "至少一个权重必须大于零",
    "must not be below the lowest multiple {0}":
      "不得低于最低倍数 {0}",
    "base limit":
      "基本限度",
    "limit for an average customer (score 3)":
      "一般客户（得分 3）的限度",
    "score for {0}":
      "{0} 的得分",
    "a score must be 1 to 5":
      "得分必须为 1 到 5",
    "score, weight {0}":
      "得分，权重 {0}",
    "weighted score":
      "加权得分",
    "Σ score × weight ÷ Σ weight":
      "Σ 得分 × 权重 ÷ Σ 权重",
    "multiple":
      "倍数",
    "mapping: score 1 → {0}× base, score 5 → {1}× base, straight line between":
      "对应关系：得分 1 → {0} 倍基本限度，得分 5 → {1} 倍基本限度，其间按直线",
    "the rough limit is then adjusted step by step by the payment record (credit adjust)":
      "粗略限度再按付款记录逐步调整（credit adjust）",
    "Altman Z-score":
      "阿特曼 Z 值",
    "cross-check, does not change the limit":
      "交叉核对，不改变限度",
    "Z zone":
      "Z 值区间",
    "warning: the Z-score is in the distress zone; consider a lower limit":
      "警告：Z 值处于困境区；考虑降低限度",
    "Credit limit: comprehensive judgement (综合判断法)":
      "信用限度：综合判断法",
    "§3.3 (5): rough limit = base limit × multiple of the weighted score of six factors":
      "§3.3 (5)：粗略限度 = 基本限度 × 六项因素加权得分对应的倍数",
    "base × multiple":
      "基本限度 × 倍数",
    "over 2.99":
      "高于 2.99",
    "1.81 to 2.99":
      "1.81 至 2.99",
    "under 1.81":
      "低于 1.81",
    "working capital ÷ total assets":
      "营运资本 ÷ 资产总额",
    "retained earnings ÷ total assets":
      "留存收益 ÷ 资产总额",
    "EBIT ÷ total assets":
      "息税前利润 ÷ 资产总额",
    "market value of equity ÷ total liabilities":
      "股权市值 ÷ 负债总额",
    "sales ÷ total assets":
      "销售额 ÷ 资产总额",
    "zone":
      "区间",
    "Altman Z-score (阿特曼Z值)":
      "阿特曼 Z 值",
    "Altman (1968): Z = 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5; over 2.99 safe, 1.81–2.99 grey, under 1.81 distress":
      "Altman (1968)：Z = 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5；高于 2.99 为安全，1.81–2.99 为灰色，低于 1.81 为困境",
    "retained earnings":
      "留存收益",
    "EBIT":
      "息税前利润",
    "earnings before interest and tax":
      "息税前利润",
    "market value of equity":
      "股权市值",
    "sales":
      "销售额",
    // Pareto's other measure (`pareto by=margin`).
    "margin":
      "毛利",
    "Z-score":
      "Z 值",
    "for public manufacturing companies; one input to the comprehensive judgement, not a limit":
      "适用于上市制造企业；是综合判断的一项输入，不是限度",
    "ratios are shown to 4 decimals; Z and its zone are worked from the unrounded ratios":
      "比率显示到 4 位小数；Z 值及其区间由未舍入的比率算出",
    "raise by {0} after {1} consecutive on-time payments; cut by {2} after a late one (on time = paid within {3} days of due)":
      "连续 {1} 次按时付款后提高 {0}；一次延迟后降低 {2}（按时 = 到期后 {3} 天内付款）",
    "raise by {0} after {1} consecutive on-time payments; cut by {2} after a late one (on time = paid on or before the due date)":
      "连续 {1} 次按时付款后提高 {0}；一次延迟后降低 {2}（按时 = 到期日或之前付款）",
    "Limit adjustment: {0} → {1}":
      "限度调整：{0} → {1}",
    "rule: §3.3 (5) step adjustment: {0}":
      "规则：§3.3 (5) 逐步调整：{0}",
    "{0} on-time payment(s) since the last change":
      "上次调整以来按时付款 {0} 次",
    "rounding: each new limit is rounded half away from zero to the fen":
      "舍入：每个新限度四舍五入到分",
    "must be at least 1":
      "必须至少为 1",
    "must not be negative":
      "不得为负数",
    "unpaid past due":
      "逾期未付",
    "paid {0} days late":
      "延迟 {0} 天付款",
    "{0}: cut {1}":
      "{0}：降低 {1}",
    "{0} consecutive on-time payments: raise {1} (held at the ceiling {2})":
      "连续 {0} 次按时付款：提高 {1}（以上限 {2} 为限）",
    "{0} consecutive on-time payments: raise {1}":
      "连续 {0} 次按时付款：提高 {1}",
    "Credit limit by every method (§3.3)":
      "各方法的信用限度（§3.3）",
    "lowest {0}, highest {1}, spread {2} (highest − lowest)":
      "最低 {0}，最高 {1}，差额 {2}（最高 − 最低）",
    "the spread is {0} of the lowest limit":
      "差额为最低限度的 {0}",
    "no method could give a limit from the figures given":
      "根据所给数字，没有方法能得出限度",
    "each method's working is shown by credit limit METHOD":
      "各方法的计算过程用 credit limit METHOD 显示",
    "{0}={1}: {2}":
      "{0}={1}：{2}",
    "{0} needs {1}, which is not given":
      "{0} 需要 {1}，但未给出",
    "net assets are not positive (assets {0} − liabilities {1} = {2}): net-asset division gives no credit limit; use another method":
      "净资产不为正（资产 {0} − 负债 {1} = {2}）：净资产分割法得不出信用限度；请用其他方法",
    "terms \"{0}\": {1} (write them as d/D n/N, e.g. 2/10 n/30)":
      "条件“{0}”：{1}（写作 d/D n/N，例如 2/10 n/30）",
    "payment {0} is more than the {1} open; refused (record it with on_account=yes to keep the rest on account)":
      "付款 {0} 多于未结的 {1}；拒绝（用 on_account=yes 记录可把余额留作预收）",
    "invoice {0} is not among the customer's open items":
      "发票 {0} 不在该客户的未结项目中",
    "{0}: number too large for exact arithmetic":
      "{0}：数字太大，无法精确计算",
    // Domain refusals: figures out of range, terms that do not parse, ladders and edges.
    "must be between 0% and 100%":
      "必须在 0% 到 100% 之间",
    "must be at least 0% and under 100%":
      "必须不小于 0% 且小于 100%",
    "there is no discount to forgo":
      "没有可放弃的现金折扣",
    "the net period n/N comes last":
      "信用期 n/N 应写在最后",
    "the net period must not be negative":
      "信用期不能为负",
    "no net period n/N":
      "缺少信用期 n/N",
    "discount windows must lengthen in order":
      "各折扣期必须依次变长",
    "a discount window must end before the net period":
      "折扣期必须在信用期之前结束",
    "a discount must be more than 0% and less than 100%":
      "折扣必须大于 0% 且小于 100%",
    "\"{0}\" is not a discount d/D (percent/days)":
      "\"{0}\" 不是 d/D 形式的折扣（百分比/天数）",
    "\"{0}\" is not a net period in whole days":
      "\"{0}\" 不是以整天数表示的信用期",
    "\"{0}\" is not d/D or n/N":
      "\"{0}\" 既不是 d/D 也不是 n/N",
    "360 or 365":
      "360 或 365",
    "a list of whole days such as 30,60,90":
      "整天数的列表，例如 30,60,90",
    "a period in days ({0}) needs unit day":
      "以天计的期间（{0}）需要 unit=day",
    "a step starts 1 day or more past due":
      "步骤须从逾期 1 天或以上开始",
    "at most the {0} on account on {1}":
      "最多为 {1} 账上的预收款 {0}",
    "compare at least two policies":
      "至少比较两个政策",
    "each step name once":
      "每个步骤名称只能出现一次",
    "edges must increase":
      "界线必须递增",
    "every edge must be 1 day or more":
      "每条界线必须为 1 天或以上",
    "give at least one edge, e.g. 30,60,90":
      "至少给出一条界线，例如 30,60,90",
    "give at least one step":
      "至少给出一个步骤",
    "month or day":
      "month 或 day",
    "must be at least 1 day":
      "必须至少 1 天",
    "must be later than {0} at {1} days":
      "必须晚于 {0}（第 {1} 天）",
    "must not be more than the {0} still outstanding on the claim":
      "不能超过索赔尚未追回的 {0}",
    "nothing on account on {0} to apply":
      "{0} 账上没有可冲抵的预收款",
    "on or before the day the note matures, {0}":
      "应在票据到期日 {0} 当天或之前",
    "give one loss rate per bucket ({0}: {1})":
      "每个账龄段给一个损失率（{0} 个：{1}）",
  ]
}
