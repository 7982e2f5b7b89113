/// Chinese messages of receivables, collection, credit policies and complaints.
/// Keyed by the English text; see MessagesZh.swift.
extension ChineseMessages {
  static let receivables: [String: String] = [
    "record what was done with `collect log ID step=… method=…`":
      "用 `collect log ID step=… method=…` 记录所采取的行动",
    "`step` must be one of {0}, not `{1}`":
      "`step` 必须是 {0} 之一，而不是 `{1}`",
    "no invoice {0}":
      "没有发票 {0}",
    "invoice {0} is not customer {1}'s":
      "发票 {0} 不属于客户 {1}",
    "a promise needs amount= too":
      "付款承诺还需要 amount=",
    "amount= goes with promise=DATE":
      "amount= 须与 promise=DATE 一起使用",
    "the promised date is before {0}":
      "承诺日期早于 {0}",
    "`amount` must be more than zero":
      "`amount` 必须大于零",
    "logged {0} ({1}) for {2} {3}":
      "已记录 {0}（{1}）：客户 {2} {3}",
    " by {0}":
      "，方法：{0}",
    "; promise to pay {0} by {1}":
      "；承诺于 {1} 前付款 {0}",
    "Promises to pay as of {0}":
      "截至 {0} 的付款承诺",
    "kept: receipts from the day it was made to its date cover the amount; broken: its date has passed without that":
      "已履行：自承诺之日至承诺日期的收款足以支付承诺金额；已违约：承诺日期已过而未收足",
    "{0} broken: each is warning sign {1} of §3.1 ({2})":
      "{0} 项违约：每项都是 §3.1 的警示信号 {1}（{2}）",
    "Collection ladder (收账程序), as edited":
      "收账程序（已修改）",
    "Collection ladder (收账程序), the default":
      "收账程序（默认）",
    "no step `{0}`: give name= (and chinese=) to add it":
      "没有步骤 `{0}`：给出 name=（及 chinese=）即可增加",
    "steps: {0}":
      "步骤：{0}",
    "complaint {0}: responsibility {1}":
      "投诉 {0}：责任方 {1}",
    "recovery claim of {0} opened against the {1} (claims rule 6)":
      "已向 {1} 提出 {0} 的追偿（索赔规则6）",
    "not plainly ours: record the meeting of everyone involved with `complaint meeting` (claims rule 4)":
      "责任不明确属于我方：用 `complaint meeting` 记录全体相关方的协调会议（索赔规则4）",
    "complaint {0} is ours: apologise and act at once; no meeting is needed (claims rules 2, 4)":
      "投诉 {0} 属我方责任：立即道歉并采取行动；无需召开会议（索赔规则2、4）",
    "attendees: {0}; outcome: {1}":
      "出席者：{0}；结果：{1}",
    "complaint {0}: meeting recorded":
      "投诉 {0}：已记录会议",
    "a {0} needs `amount=`":
      "{0} 需要 `amount=`",
    "only a refund or compensation is settled; `{0}` pays the customer nothing":
      "只有退款或赔偿需要结算；`{0}` 不向客户支付款项",
    "complaint {0}: {1} recorded":
      "投诉 {0}：已记录 {1}",
    "customer {0} owes nothing: a credit note has nothing to settle against; use settle=pay-out":
      "客户 {0} 没有欠款：贷项通知无可冲抵；请用 settle=pay-out",
    "complaint {0}: {1} of {2} paid out to customer {3}":
      "投诉 {0}：{2} 中的 {1} 已支付给客户 {3}",
    "complaint {0} has no recovery claim: one is opened when the supplier or carrier is responsible and a remedy is given":
      "投诉 {0} 没有追偿：供应商或承运方负有责任并已给予补救时才会提出追偿",
    "complaint {0}: {1} recovered from the {2}; the claim is fully recovered":
      "投诉 {0}：已从 {2} 追回 {1}；追偿已全部收回",
    "complaint {0}: {1} recovered from the {2}; {3} still outstanding":
      "投诉 {0}：已从 {2} 追回 {1}；尚有 {3} 未收回",
    "Credit note of {0} for complaint {1} ({2}), against customer {3}'s open invoices":
      "投诉 {1}（{2}）的贷项通知 {0}，冲抵客户 {3} 的未结发票",
    "paid out":
      "直接支付",
    "{0} more than the customer owes is paid out":
      "超出客户欠款的 {0} 直接支付给客户",
    "complaint {0} is closed: reopen it first":
      "投诉 {0} 已结案：请先重新打开",
    "the complaint id":
      "投诉编号",
    "what was done or said":
      "所做或所说的内容",
    "the day it happened (default today)":
      "发生日期（默认今天）",
    "the complaint in the customer's words":
      "客户原话所述的投诉",
    "the amount claimed":
      "索赔金额",
    "the day it was received (default today)":
      "收到日期（默认今天）",
    "who handles it (default the customer's owner)":
      "处理人（默认为客户的负责人）",
    "days allowed to acknowledge":
      "允许确认的天数",
    "days allowed to resolve":
      "允许解决的天数",
    "`received` {0} is after today ({1})":
      "`received` {0} 晚于今天（{1}）",
    "no product {0}":
      "没有商品 {0}",
    "products: {0}":
      "商品：{0}",
    "opened complaint {0} for customer {1} {2}: acknowledge by {3} ({4}), resolve by {5} ({6})":
      "已登记客户 {1} {2} 的投诉 {0}：确认期限 {3}（{4}），解决期限 {5}（{6}）",
    "complaint {0} is at an unknown stage `{1}`":
      "投诉 {0} 处于未知阶段 `{1}`",
    "complaint {0}: {1} → {2}":
      "投诉 {0}：{1} → {2}",
    "complaint {0} reopened: {1} → {2} (resolve deadline stays {3})":
      "投诉 {0} 已重新打开：{1} → {2}（解决期限仍为 {3}）",
    "say which complaint type to change: {0}":
      "请说明要修改哪类投诉：{0}",
    "`{0}` must be between 0 and 365 days":
      "`{0}` 必须在 0 到 365 天之间",
    "Complaint deadlines by type (§4 principle 02, handle promptly 及时处理)":
      "各类投诉的处理期限（§4 原则02，及时处理）",
    "no complaint {0}":
      "没有投诉 {0}",
    "`date` {0} is after today ({1})":
      "`date` {0} 晚于今天（{1}）",
    "`date` {0} is before the complaint was received ({1})":
      "`date` {0} 早于收到投诉的日期（{1}）",
    "`date` {0} is before the complaint's last recorded step ({1})":
      "`date` {0} 早于投诉最后记录的步骤（{1}）",
    "{0} (due {1})":
      "{0}（期限 {1}）",
    "on time":
      "按时",
    "{0} late":
      "迟 {0}",
    "pending":
      "未到期",
    "overdue by {0}":
      "已逾期 {0}",
    "1 day":
      "1天",
    "{0} days":
      "{0}天",
    "only those not yet resolved":
      "只列出尚未解决的",
    "only those past a deadline":
      "只列出已超过期限的",
    "open":
      "未结",
    "overdue":
      "逾期",
    "of customer {0}":
      "客户 {0}",
    "Complaints (投诉管理表)":
      "投诉记录（投诉管理表）",
    "Complaints (投诉管理表): {0}":
      "投诉记录（投诉管理表）：{0}",
    "deadline: acknowledging until that is done, then resolving; status judged on {0}":
      "期限：未确认时为确认期限，确认后为解决期限；状态按 {0} 判断",
    "acknowledge":
      "确认",
    "resolve":
      "解决",
    "Complaint {0}: customer {1} {2}, {3} ({4}), {5}":
      "投诉 {0}：客户 {1} {2}，{3}（{4}），{5}",
    "complaint: {0}":
      "投诉内容：{0}",
    "invoice {0}":
      "发票 {0}",
    "product {0}":
      "商品 {0}",
    "claimed {0}":
      "索赔 {0}",
    "received {0}; acknowledge: {1}; resolve: {2}":
      "收到 {0}；确认：{1}；解决：{2}",
    "handled by {0}":
      "处理人 {0}",
    "responsibility: {0}":
      "责任方：{0}",
    "solution: {0}":
      "解决方案：{0}",
    "remedy: {0}; paid to the customer {1}":
      "补救：{0}；已支付给客户 {1}",
    "remedy: {0}":
      "补救：{0}",
    "recovery claim against the {0}, opened {1}: claimed {2}, recovered {3}":
      "向 {0} 的追偿，{1} 提出：索赔 {2}，已追回 {3}",
    "next: {0}":
      "下一步：{0}",
    "next: complaint reopen":
      "下一步：complaint reopen",
    "`from` {0} is after `to` {1}":
      "`from` {0} 晚于 `to` {1}",
    "Complaint analysis by {0} (留档分析, §4 principle 04)":
      "按 {0} 的投诉分析（留档分析，§4 原则04）",
    "all complaints":
      "全部投诉",
    "received {0} to {1}":
      "收到日期 {0} 至 {1}",
    "{0}; days are calendar days from receipt; breaches are judged on {1} (an open complaint past its deadline counts)":
      "{0}；天数为自收到起的日历天数；超期按 {1} 判断（已过期限的未结投诉也计入）",
    "paid: refunds and compensation to customers; recovered: from suppliers and carriers":
      "支付：给客户的退款和赔偿；追回：向供应商和承运方追回的款项",
    "repeat complainers: none":
      "重复投诉客户：无",
    "{0} {1} ({2} complaints)":
      "{0} {1}（{2} 件投诉）",
    "repeat complainers: {0}":
      "重复投诉客户：{0}",
    "{0} complaints: {1} open, {2} overdue; paid to the customer {3}":
      "{0} 件投诉：未结 {1} 件，逾期 {2} 件；已支付给客户 {3}",
    "share of sales taking each discount, e.g. 60% or 50%,20%":
      "享受各档折扣的销售额比例，例如 60% 或 50%,20%",
    "average collection days when known from experience":
      "凭经验已知的平均收账天数",
    "`ar cost` needs capital= (the cost of capital, e.g. 10%)":
      "`ar cost` 需要 capital=（资本成本，例如 10%）",
    "with sales= give days= too":
      "给出 sales= 时还需给出 days=",
    "with sales= give variable= too":
      "给出 sales= 时还需给出 variable=",
    "no DSO":
      "无 DSO",
    "annual credit sales: invoices dated {0} to {1}":
      "年赊销额：日期在 {0} 至 {1} 的发票",
    "collection days: DSO = open receivables {0} ÷ {1} × {2}":
      "收账天数：DSO = 未结应收账款 {0} ÷ {1} × {2}",
    "no sales with costs in the year: give variable=":
      "该年度没有带成本的销售：请给出 variable=",
    "variable cost rate: sales cost {0} ÷ sales {1} over the same year, to 0.01%":
      "变动成本率：同一年度销售成本 {0} ÷ 销售额 {1}，精确到 0.01%",
    "policy {0} updated: {1}":
      "已更新政策 {0}：{1}",
    "policy {0} stored: {1}":
      "已保存政策 {0}：{1}",
    "`{0}` is not a rate (write 50% or 0.5)":
      "`{0}` 不是比率（写作 50% 或 0.5）",
    "Stored credit policies":
      "已保存的信用政策",
    "no stored policy `{0}`":
      "没有已保存的政策 `{0}`",
    "stored: {0}":
      "已保存：{0}",
    "credit terms such as 2/10 n/30":
      "信用条件，例如 2/10 n/30",
    "`invoice add` needs due= or terms= to know when it is due":
      "`invoice add` 需要 due= 或 terms= 以确定到期日",
    "`due` is before the invoice date {0}":
      "`due` 早于发票日期 {0}",
    "invoice {0} already exists":
      "发票 {0} 已存在",
    "invoice {0} for {1} {2}: {3}, dated {4}, due {5}":
      "发票 {0}，客户 {1} {2}：{3}，开票 {4}，到期 {5}",
    "invoice {0} belongs to customer {1}":
      "发票 {0} 属于客户 {1}",
    "Payment of {0} from {1} {2} on {3}":
      "{1} {2} 于 {3} 付款 {0}",
    "a discount is recorded as a payment of method `discount`; balances are derived":
      "折扣记为方式 `discount` 的付款；余额由记录推算",
    "`matures` is before `issued`":
      "`matures` 早于 `issued`",
    "note {0} already exists":
      "票据 {0} 已存在",
    "the note's {0} is more than the {1} open on invoice {2}":
      "票据的 {0} 超过发票 {2} 的未结金额 {1}",
    "; {0} moved from invoice {1} (balance {2} → {3})":
      "；{0} 从发票 {1} 转出（余额 {2} → {3}）",
    "note {0} held from {1}: {2}, matures {3}":
      "持有来自 {1} 的票据 {0}：{2}，{3} 到期",
    "no note {0}":
      "没有票据 {0}",
    "note {0} is {1}; only a {2} note can become {3}":
      "票据 {0} 的状态是 {1}；只有 {2} 的票据才能变为 {3}",
    "; {0} is owed again on invoice {1}":
      "；发票 {1} 重新欠款 {0}",
    "; {0} is owed again as invoice {1}":
      "；{0} 作为发票 {1} 重新欠款",
    "note {0}: {1} → {2}":
      "票据 {0}：{1} → {2}",
    "days in a year":
      "一年的天数",
    "bucket edges such as 30,60,90":
      "区间界线，例如 30,60,90",
    "count days from the due date (default) or the invoice date":
      "从到期日（默认）或发票日期起计算天数",
    "notes held or discounted, not aged here: {0} ({1} notes)":
      "持有或已贴现的票据，不在此计算账龄：{0}（{1} 张票据）",
    "days counted from the invoice date (days outstanding); an item invoiced on {0} is current":
      "天数从发票日期起算（未收账天数）；{0} 开票的款项为未到期",
    "edges: {0} (`set ageing` or edges=)":
      "界线：{0}（`set ageing` 或 edges=）",
    "`from` is after `to`":
      "`from` 晚于 `to`",
    "Days sales outstanding (DSO), {0} to {1}":
      "应收账款周转天数（DSO），{0} 至 {1}",
    "credit sales: invoices dated in the period; receivables: invoice balances as of {0}":
      "赊销额：期间内开票的发票；应收账款：截至 {0} 的发票余额",
    "Statement of {0} {1} as of {2}":
      "{0} {1} 截至 {2} 的对账单",
    "Notes (commercial bills) held or discounted":
      "持有或已贴现的票据（商业票据）",
    "Promises to pay":
      "付款承诺",
    "invoices open: {0}; on account (money and credit notes not applied): {1}; total due: {2}":
      "未结发票：{0}；账上未冲抵（预收款和贷项通知）：{1}；应付总额：{2}",
    "notes held or discounted: {0} (already taken off their invoices, not counted twice)":
      "持有或已贴现的票据：{0}（已从其发票中扣除，不重复计算）",
    "give rates= with one loss rate per bucket ({0})":
      "请用 rates= 为每个区间给出一个损失率（{0}）",
    "`{0}` is not a rate (write 5% or 0.05)":
      "`{0}` 不是比率（写作 5% 或 0.05）",
    "rates not given: the example scale {0} was used":
      "未给出损失率：使用了示例比率 {0}",
    "interest as of {0} was already applied to customer {1} ({2})":
      "截至 {0} 的利息已计入客户 {1}（{2}）",
    "applied: {0} interest invoice(s) INT-{1}-ID added to the balances":
      "已应用：{0} 张利息发票 INT-{1}-ID 已加入余额",
    // The complaint stage machine's refusals (StageRefusal).
    "a complaint at `{0}` cannot move to {1}: it is closed (reopen it first)":
      "处于 `{0}` 阶段的投诉不能转到 {1}：已结案（请先重新打开）",
    "a complaint at `{0}` cannot be reopened: only resolved or closed complaints can":
      "处于 `{0}` 阶段的投诉不能重新打开：只有已解决或已结案的投诉可以",
    "a complaint at `{0}` cannot move to {1}; allowed next: {2}":
      "处于 `{0}` 阶段的投诉不能转到 {1}；下一步只能是：{2}",
    "reopening":
      "重新打开",
  ]
}
