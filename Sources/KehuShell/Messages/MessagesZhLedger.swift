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
    "receivables + unsettled notes + open orders":
      "应收账款 + 未结算票据 + 未发货订单",
    "exposure ÷ limit":
      "信用占用 ÷ 信用限度",
    "limit − exposure":
      "信用限度 − 信用占用",
    "open invoice balances":
      "未结发票余额",
    "available credit":
      "可用信用",
    "open orders":
      "未发货订单",
    "§3.3: exposure = receivables + unsettled notes (+ open orders)":
      "§3.3：信用占用 = 应收账款 + 未结算票据（+ 未发货订单）",
    "days past due counted from the due date; an item due on {0} is current":
      "逾期天数从到期日起算；{0} 到期的款项算作未到期",
    "the buckets add up to the outstanding total":
      "各账龄段相加等于应收余额合计",
    "each row's buckets add up to its total":
      "每行各账龄段相加等于该行合计",
    "provision = Σ bucket amount × the bucket's loss rate":
      "坏账准备 = Σ 各账龄段金额 × 该段损失率",
    "sum of the buckets":
      "各账龄段之和",
    "sum of the lines":
      "各行之和",
    "each line is rounded half away from zero to the fen; the total is the sum of the rounded lines":
      "每行按四舍五入取到分；合计为取整后各行之和",
    "loss rates are the user's, not the chapter's":
      "损失率由用户给定，不是章节给出的",
    "each line is rounded half away from zero to the fen; not added to any balance":
      "每行按四舍五入取到分；不计入任何余额",
    "each line is rounded half away from zero to the fen, and later lines are worked from the figures as shown":
      "每行按四舍五入取到分，后面各行按显示的数字计算",
    "interest = outstanding × annual rate × days overdue ÷ days in a year":
      "利息 = 欠款 × 年利率 × 逾期天数 ÷ 全年天数",
    "overdue items":
      "逾期款项数",
    "convention: {0} days in a year":
      "约定：一年按 {0} 天计",
    "the rate is shown rounded half away from zero to 0.01%":
      "比率按四舍五入显示到 0.01%",
    "days are calendar days of the period; DSO is rounded half away from zero to 0.01 day":
      "天数为期间内的日历天数；DSO 按四舍五入取到 0.01 天",
    "outstanding at the end of the period":
      "期末应收余额",
    "invoiced in the period":
      "期内开票金额",
    "credit sales":
      "赊销额",
    "§5 with the standard textbook formulas: opportunity cost + management cost + bad-debt cost":
      "§5，采用标准教科书公式：机会成本 + 管理成本 + 坏账成本",
    "Cost of holding receivables (应收账款成本)":
      "应收账款成本",
    "average receivables":
      "应收账款平均余额",
    "sales ÷ {0} × days":
      "赊销额 ÷ {0} × 天数",
    "capital tied up":
      "应收账款占用资金",
    "average receivables × variable cost rate":
      "应收账款平均余额 × 变动成本率",
    "opportunity cost":
      "机会成本",
    "capital tied up × cost of capital (机会成本)":
      "占用资金 × 资金成本率",
    "management cost":
      "管理成本",
    "given (管理成本)":
      "给定",
    "total cost":
      "总成本",
    "opportunity + management + bad-debt":
      "机会成本 + 管理成本 + 坏账成本",
    "a receipt is credited to the customer's latest collection action on or before its date":
      "收款记在该客户在收款日当天或之前最近的一次催收行动上",
    "a cash discount is granted only when the payment, made on or before the last day of the window, settles the invoice in full":
      "只有在折扣期最后一天或之前付款、且付清整张发票时才给予现金折扣",
    "use":
      "使用率",
    "outstanding":
      "应收余额",
    "bad-debt cost":
      "坏账成本",
    "sales × bad-debt rate (坏账成本)":
      "赊销额 × 坏账损失率",
    "Annual cost of forgoing the cash discount {0}":
      "放弃现金折扣 {0} 的年成本",
    "rate kept by paying early":
      "提前付款的收益率",
    "d ÷ (1 − d), for {0} days":
      "d ÷ (1 − d)，{0} 天",
    "extra days of credit":
      "多得的信用天数",
    "days from the invoice date":
      "自发票日起的天数",
    "discount d":
      "折扣率 d",
    "discount period D":
      "折扣期 D",
    "net period N":
      "信用期 N",
    "annual cost":
      "年成本",
    "cost of forgoing {0}":
      "放弃 {0} 折扣的成本",
    "Late-payment interest as of {0}":
      "截至 {0} 的逾期利息",
    "annual rate":
      "年利率",
    "Bad-debt provision by ageing as of {0}":
      "截至 {0} 按账龄计提的坏账准备",
    "provision":
      "坏账准备",
    "Receivables ageing as of {0}":
      "截至 {0} 的应收账款账龄",
    "Receivables ageing by {0} as of {1}":
      "截至 {1} 按 {0} 分组的应收账款账龄",
    "Days sales outstanding (DSO)":
      "应收账款周转天数（DSO）",
    "DSO = receivables ÷ credit sales of the period × days in the period":
      "DSO = 应收账款 ÷ 期内赊销额 × 期内天数",
    "receivables ÷ credit sales × {0}":
      "应收账款 ÷ 赊销额 × {0}",
    "days in the period":
      "期内天数",
    "Credit exposure":
      "信用占用",
    "no limit set: not checked":
      "未设信用限度：不检查",
    "largest shipment allowed":
      "允许的最大单次发货金额",
    "shipment cap":
      "单次发货上限",
    "better policy: {0}":
      "较优政策：{0}",
    "tie: {0} have the same net benefit":
      "并列：{0} 的净收益相同",
    "a change is worth it when the added contribution margin exceeds the added opportunity, bad-debt, discount and collection costs":
      "增加的边际贡献超过增加的机会成本、坏账成本、折扣成本和收账成本时，改变才值得",
    "Credit policy comparison (应收账款政策)":
      "应收账款政策比较",
    "take an order on credit: checked against the limit once, now (override by=… reason=…)":
      "赊销接单：接单时按信用限度检查一次（越限放行须 override by=… reason=…）",
    "turn an open order into an invoice, without a second credit check":
      "把未发货订单开成发票，不再做第二次信用检查",
    "the new invoice's number":
      "新发票的编号",
    "cancel an open order: it no longer counts in exposure":
      "取消未发货订单：不再计入信用占用",
    "orders taken, open first, with the invoice each became":
      "已接订单，未发货的在前，并列出各自开成的发票",
    "order {0} already exists":
      "订单 {0} 已存在",
    "order {0} from {1} {2}: {3}, taken {4}; open until invoiced or cancelled":
      "订单 {0}，客户 {1} {2}：{3}，接单日 {4}；开票或取消前一直未结",
    "allowed over the refusal; recorded in `credit overrides`":
      "越过拒绝放行；已记入 `credit overrides`",
    "`order invoice` needs due= or terms= to know when the invoice is due":
      "`order invoice` 需要 due= 或 terms= 才知道发票何时到期",
    "order {0} invoiced as {1}: {2}, dated {3}, due {4} (credit checked when the order was taken on {5})":
      "订单 {0} 已开成发票 {1}：{2}，开票日 {3}，到期日 {4}（信用已在 {5} 接单时检查）",
    "order {0} of {1} cancelled on {2}: no longer in exposure":
      "订单 {0}（{1}）已于 {2} 取消：不再计入信用占用",
    "order":
      "订单",
    "closed":
      "结束日",
    "Orders taken on credit":
      "赊销订单",
    "an open order counts in exposure until it is invoiced or cancelled":
      "未发货订单在开票或取消之前计入信用占用",
    "record a sales line; a negative one with invoice= is a return credited on that invoice":
      "记录一条销售；带 invoice= 的负数销售是退货，记为该发票的贷项通知",
    "the invoice the goods were sold on":
      "售出这批货物的发票",
    "`amount` must not be zero":
      "`amount` 不能为零",
    "sales line for {0} {1}: {2} on {3}":
      "销售记录，客户 {0} {1}：{2}，日期 {3}",
    "credit note {0} against invoice {1} (balance {2} → {3})":
      "贷项通知 {0} 冲减发票 {1}（余额 {2} → {3}）",
    "a return with no invoice: in the sales figures only, not in receivables (give invoice= to credit it)":
      "未关联发票的退货：只计入销售数字，不影响应收账款（给出 invoice= 才会冲减发票）",
    "{0} returns credited on their invoices as credit notes ({1})":
      "{0} 笔退货已作为贷项通知冲减各自的发票（{1}）",
    "{0} returns with no invoice: in the sales figures only, not in receivables":
      "{0} 笔退货未关联发票：只计入销售数字，不影响应收账款",
    "no such invoice":
      "没有这张发票",
    "it is customer {0}'s":
      "这是客户 {0} 的发票",
    "not before invoice {0} ({1})":
      "不能早于发票 {0}（{1}）",
    "the return is more than the {0} open on invoice {1}":
      "退货金额超过发票 {1} 的未结余额 {0}",
    "warning signs":
      "预警信号",
    "Credit check: customers over their limit, held, or showing warning signs (§3.3)":
      "信用检查：超出限度、被暂停或出现预警信号的客户（§3.3）",
    "new credit is refused where `why` gives a reason, unless overridden (`credit approve … override`)":
      "列出拒绝原因的客户，新信用将被拒绝，除非越限放行（`credit approve … override`）",
    "warning signs from the ledger as of today (P1: more than {0} days past due or paid that late, a broken promise; P9: a dishonoured note); they do not refuse credit by themselves":
      "预警信号取自截至今天的账目（P1：逾期超过 {0} 天或付款迟了这么久、违背付款承诺；P9：票据被拒付）；信号本身不会拒绝信用",
    "no customer is over its limit, held, or showing warning signs":
      "没有客户超出限度、被暂停或出现预警信号",
    "warning signs: what the ledger shows as of {0}; `credit review` keeps them in the credit file":
      "预警信号：截至 {0} 账目所示；`credit review` 会把它们存入信用档案",
    "warning signs kept with it: {0}":
      "一并存档的预警信号：{0}",
    "signs {0}":
      "信号 {0}",
    "invoiced":
      "已开票",
    "cancelled":
      "已取消",
    "no such order":
      "没有这张订单",
    "the order is already {0}; only an open order can change":
      "订单已是 {0}；只有未发货订单可以变更",
    "on or after the day the order was taken ({0})":
      "应在接单日（{0}）当天或之后",
    // Credit policy comparison and the cost working's inputs.
    "annual credit sales":
      "年赊销额",
    "average collection days":
      "平均收账天数",
    "variable cost rate":
      "变动成本率",
    "cost of capital":
      "资金成本率",
    "bad-debt rate":
      "坏账损失率",
    "unsettled notes":
      "未结算票据",
    "terms":
      "信用条件",
    "expected sales":
      "预计销售额",
    "contribution margin":
      "边际贡献",
    "discount cost":
      "现金折扣成本",
    "collection cost":
      "收账费用",
    "net benefit":
      "净收益",
    "sales × (1 − variable cost rate)":
      "销售额 × (1 − 变动成本率)",
    "Σ share × discount days + rest × N":
      "Σ 享受折扣比例 × 折扣期 + 其余比例 × N",
    "capital tied up × cost of capital":
      "占用资金 × 资金成本率",
    "sales × bad-debt rate":
      "赊销额 × 坏账损失率",
    "sales × share taking it × d":
      "销售额 × 享受折扣比例 × d",
    "given":
      "给定",
    "margin − opportunity − bad-debt − discount − collection":
      "边际贡献 − 机会成本 − 坏账成本 − 折扣成本 − 收账费用",
    "better":
      "较优",
    "highest net benefit":
      "净收益最高",
    // Ageing buckets.
    "current":
      "未到期",
    "over {0}":
      "{0} 天以上",
    // How a payment is applied.
    "applied oldest first (invoice date, then due date, then number) unless an invoice is named":
      "按最早的先冲（先按发票日期，再按到期日，再按编号），指定了发票时除外",
  ]
}
