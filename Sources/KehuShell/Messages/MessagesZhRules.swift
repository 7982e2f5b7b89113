/// Chinese for the rules of issue 18: band rules, collection steps and letters, the order
/// of a claim, reviews and limit adjustment, holidays, and whose rule a figure follows.
extension ChineseMessages {
  static let rules: [String: String] = [
    // Domain messages (KehuDomain builds them as Message keys).
    "A while the cumulative share before the customer is below {0} (so the biggest customer is always A), B while below {1}, the rest C; equal amounts take the higher band; shares compared exactly, never rounded first":
      "该客户之前的累计比重低于 {0} 为A级（所以最大的客户总是A级），低于 {1} 为B级，其余为C级；金额相同的客户归入较高的级别；比重精确比较，不先四舍五入",
    "A while the cumulative share up to and including the customer is at most {0}, B while at most {1}, the rest C (rule=through); equal amounts take the higher band; shares compared exactly, never rounded first":
      "含该客户在内的累计比重不超过 {0} 为A级，不超过 {1} 为B级，其余为C级（rule=through）；金额相同的客户归入较高的级别；比重精确比较，不先四舍五入",
    "days past due counted from the oldest overdue due date; done: the last step logged since then":
      "逾期天数从最早逾期款项的到期日算起；done：此后记录的最后一个步骤",
    "next step: the first one above those done whose day has come; late when a later step's day has come too":
      "下一步：已完成步骤之后、日子已到的第一个步骤；后面步骤的日子也已到时为迟延",
    "ladder: {0} (kehu default (editable), see `collect ladder`)":
      "催收阶梯：{0}（kehu 默认（可修改），见 `collect ladder`）",
    "{0} step(s) late":
      "{0} 个步骤迟延",
    "skippable steps ({0}) are passed over once a later day has come":
      "可跳过的步骤（{0}）在后面步骤的日子已到时跳过",
    "§3.2: class A every 6 months, B every 3, C every month; never reviewed: counted from the first trade":
      "§3.2：A类每6个月、B类每3个月、C类每月报告一次；从未审查的客户从首次交易算起",
    "§3.2: a new trading customer without a class is C (new) until it is reviewed":
      "§3.2：没有信用等级的新交易客户在审查前为C类（新客户）",
    "{0} invoice(s) paid late or unpaid past due: cut {1}":
      "{0} 笔发票逾期付款或逾期未付：降低 {1}",
    "{0} payment(s), all on time, and sales up ({1} against {2}): raise {3}":
      "{0} 笔付款全部按时，销售额上升（{1}，上期 {2}）：提高 {3}",
    "{0} payment(s), all on time, and sales up ({1} against {2}): raise {3}, held at the ceiling {4}":
      "{0} 笔付款全部按时，销售额上升（{1}，上期 {2}）：提高 {3}，以上限 {4} 为止",
    "{0} payment(s), all on time, but sales not up ({1} against {2}): hold":
      "{0} 笔付款全部按时，但销售额没有上升（{1}，上期 {2}）：不变",
    "no payment fell due or was made in the period: hold":
      "本期没有到期或支付的款项：不变",
    "limit already set on {0}, inside this period: one step per review period":
      "限度已于本期内的 {0} 设定：每个审查期只调整一步",
    "payment reminder":
      "催款函",
    "formal demand for payment":
      "正式催款通知",
    "before: in a band while the share before the customer is below the line (default); through: up to and including it":
      "before：客户之前的累计比重低于界线即属该级（默认）；through：含该客户的累计比重不超过界线",
    "`rule` is for share lines; standard amounts compare each customer alone":
      "`rule` 只用于比重界线；等级标准额逐个客户比较",
    "complaint {0} is being investigated: no {1} while investigating (§4 claims rule 2, 不可在调查的阶段里轻易与客户妥协); record who is responsible and propose a solution first":
      "投诉 {0} 正在调查中：调查阶段不可 {1}（§4 索赔处理第2条，不可在调查的阶段里轻易与客户妥协）；请先记录责任并提出解决方案",
    "complaint {0} has no responsibility recorded: `complaint responsibility {0} ours|supplier|carrier|customer` comes before a {1} (§4 principle 03, claims rule 4)":
      "投诉 {0} 尚未记录责任：{1} 之前须先 `complaint responsibility {0} ours|supplier|carrier|customer`（§4 原则03，索赔处理第4条）",
    "complaint {0} has no proposed solution: `complaint propose {0} note=…` comes before a {1} (§4 methods 03, 04)":
      "投诉 {0} 尚未提出解决方案：{1} 之前须先 `complaint propose {0} note=…`（§4 方法03、04）",
    "working days skip Saturday, Sunday and the holidays of `holiday list`; deadlines are fixed when a complaint is received":
      "工作日不含周六、周日和 `holiday list` 中的节假日；期限在受理投诉时确定",
    "the chapter asks only to handle promptly; the days are kehu's defaults (acknowledge within 1 working day, resolve within 7 days), editable here":
      "本章只要求及时处理；天数是 kehu 的默认值（1个工作日内确认，7天内解决），可在此修改",
    "kehu default (editable)":
      "kehu 默认（可修改）",
    "edited":
      "已修改",
    "write the reminder or formal demand of a collection step, bilingual Markdown, from the open items":
      "按未结款项写出催收步骤的催款函或正式催款通知（中英双语 Markdown）",
    "letter (default) or demand":
      "letter（默认，催款函）或 demand（正式催款通知）",
    "write the letter to this Markdown file (default: print it)":
      "把函件写入此 Markdown 文件（默认直接显示）",
    "who signs it (default the user)":
      "署名人（默认当前用户）",
    "the plan may jump this step once a later step's day has come":
      "后面步骤的日子已到时，催收计划可跳过此步骤",
    "customer {0} has nothing past due on {1}: no letter to write":
      "客户 {0} 在 {1} 没有逾期款项：无需催款函",
    "record it with `collect log {0} step={1}` once it is sent":
      "发出后请用 `collect log {0} step={1}` 记录",
    "{0} for customer {1} written to {2} ({3} items past due)":
      "客户 {1} 的 {0} 已写入 {2}（逾期款项 {3} 笔）",
    "may be skipped":
      "可跳过",
    "a step is due once the oldest overdue item is this many days past due and the steps before it are done; one whose day came while an earlier step waited is flagged late":
      "最早逾期款项逾期达到该天数且前面的步骤已完成时，该步骤到期；前面步骤未完成期间已到日子的步骤标为迟延",
    "the chapter names a reasonable collection procedure (收账程序, §5) but not its steps or days: these are kehu's, editable with `collect ladder set`":
      "本章只要求合理的收账程序（§5），未规定步骤和天数：这些是 kehu 的默认值，可用 `collect ladder set` 修改",
    "say what changes: days= or skip=":
      "请说明修改什么：days= 或 skip=",
    "a new step needs days=":
      "新步骤需要 days=",
    "add a holiday or a range of holidays to the working-day calendar":
      "向工作日日历添加一天或一段节假日",
    "a date, or FROM..TO (both included)":
      "一个日期，或 FROM..TO（含首尾两天）",
    "the holidays that working-day deadlines skip":
      "按工作日计算的期限所跳过的节假日",
    "remove a holiday from the calendar":
      "从日历中删除一个节假日",
    "the holiday's id from `holiday list`":
      "`holiday list` 中节假日的编号",
    "`{0}` is not a date or a range FROM..TO (e.g. 2026-10-01..2026-10-07)":
      "`{0}` 不是日期，也不是 FROM..TO 的日期范围（例如 2026-10-01..2026-10-07）",
    "the range ends ({0}) before it starts ({1})":
      "日期范围的结束日（{0}）早于开始日（{1}）",
    "a holiday of more than a year is not a holiday: {0}..{1}":
      "超过一年的假期不是节假日：{0}..{1}",
    "{0}..{1} overlaps holiday {2} ({3}, {4}..{5})":
      "{0}..{1} 与节假日 {2}（{3}，{4}..{5}）重叠",
    "holiday {0} added: {1}, {2}..{3} ({4} days, {5} of them weekdays); working-day deadlines skip it":
      "已添加节假日 {0}：{1}，{2}..{3}（共 {4} 天，其中 {5} 天为周一至周五）；按工作日计算的期限将跳过它",
    "Holidays: days that working-day deadlines skip":
      "节假日：按工作日计算的期限所跳过的日子",
    "working days are Monday to Friday less these holidays (kehu default (editable): no holidays until added)":
      "工作日为周一至周五，扣除这些节假日（kehu 默认（可修改）：未添加前没有节假日）",
    "used by every deadline counted in working days; deadlines already fixed keep their dates":
      "所有按工作日计算的期限都使用它；已确定的期限不变",
    "no holiday {0}":
      "没有节假日 {0}",
    "holiday {0} removed: {1}, {2}..{3}":
      "已删除节假日 {0}：{1}，{2}..{3}",
    "`asof` {0} is after today ({1})":
      "`asof` {0} 晚于今天（{1}）",
    "stored: {0} limit(s) changed, dated {1}":
      "已保存：{0} 个信用限度已修改，日期 {1}",
    "nothing stored: add `apply` to store the proposed limits ({0} would change)":
      "未保存：加 `apply` 保存建议的限度（将修改 {0} 个）",
    "rule: one step per review period (A 6 months, B 3, C 1, §3.2), weighing payment status and trade volume (支付状况和交易额大小, §3.3 (5)): paid late → cut {0}; all on time and sales above the period before → raise {1}; otherwise hold":
      "规则：每个审查期（A 6个月，B 3个月，C 1个月，§3.2）最多调整一步，兼顾支付状况和交易额大小（§3.3 (5)）：有逾期付款 → 降低 {0}；全部按时付款且销售额高于上一期 → 提高 {1}；否则不变",
    "the weighing and its figures are kehu's defaults (editable: `credit policy raise= cut= grace= ceiling=`); on time = paid within {0} days of due":
      "这种权衡及其数字是 kehu 的默认值（可修改：`credit policy raise= cut= grace= ceiling=`）；按时 = 到期后 {0} 天内付款",
    "Limit adjustment as of {0} (§3.3 (5))":
      "截至 {0} 的信用限度调整（§3.3 (5)）",
    "{0} customers with a limit looked at; those whose limit would change are listed":
      "查看了 {0} 家有信用限度的客户；只列出限度将变化的客户",
    "{0} on time":
      "{0} 笔按时",
    "Limit review of customer {0} {1}: {2} → {3}":
      "客户 {0} {1} 的信用限度审查：{2} → {3}",
    "{0}: reviewed every {1} month(s)":
      "{0}：每 {1} 个月审查一次",
    "review period":
      "审查期",
    "{0} to {1}":
      "{0} 至 {1}",
    "payment status":
      "支付状况",
    "sales in the period":
      "本期销售额",
    "sales in the period before":
      "上期销售额",
    "decision":
      "决定",
    "{0} → {1}":
      "由 {0} 调为 {1}",
    "reason: {0}":
      "理由：{0}",
    "the period before: {0} to {1}":
      "上期：{0} 至 {1}",
    "propose one limit step per review period from payment status and trade volume":
      "按支付状况和交易额，每个审查期建议一步信用限度调整",
    "store the proposed limits (one audited change)":
      "保存建议的限度（一次有审计记录的修改）",
    " (new customer, until reviewed)":
      "（新客户，审查前）",
    "one period after the first trade":
      "首次交易后一个周期",
    "customer {0} is not trading and has no credit class: set one with `credit class {0} A|B|C`":
      "客户 {0} 尚未交易且没有信用等级：请用 `credit class {0} A|B|C` 设定",
    "write the comment, problem or measure of an evaluation item, or the figure of item 5 or 8":
      "填写评价项目的评语、存在的问题或改进措施，或第5、8项的数字",
    "item 5: the sales expense spent on the customer over the last 12 months":
      "第5项：最近12个月花在该客户上的销售费用",
    "item 8: the customer's support for our sales, 1 (none) to 5 (strong)":
      "第8项：客户对我方销售的支持，1（没有）至5（很强）",
    "`expense` is the figure of item 5 (sales expense)":
      "`expense` 是第5项（销售费用）的数字",
    "`expense` must not be negative":
      "`expense` 不能为负数",
    "`support` is the figure of item 8 (support for our sales)":
      "`support` 是第8项（对销售的支持）的数字",
    "`support` must be from 1 to 5":
      "`support` 必须在1到5之间",
    "give comment=, problem= or measure= (or expense= for item 5, support= for item 8)":
      "请给出 comment=、problem= 或 measure=（第5项可给 expense=，第8项可给 support=）",
    "not recorded: `evaluation note ID item=5 expense=AMOUNT`":
      "未记录（用 evaluation note 记录）",
    "{0}, against no sales":
      "{0}，而没有销售额",
    "{0} = {1} of sales {2}":
      "{0} = 销售额 {2} 的 {1}",
    "not recorded: `evaluation note ID item=8 support=1..5`":
      "未记录（用 evaluation note 记录）",
    "{0} of 5 ({1})":
      "{0} / 5（{1}）",
    "little":
      "很少",
    "some":
      "一些",
    "good":
      "较好",
    "strong":
      "很强",
    "items 5 and 8 are figures the store cannot derive: noted with `evaluation note ID item=5 expense=…` and `item=8 support=1..5`":
      "第5、8项是无法从数据中得出的数字：用 `evaluation note ID item=5 expense=…` 和 `item=8 support=1..5` 记录",
    "late: due from day {0}":
      "迟延：第 {0} 天起应办",
    "waiting: {0} from day {1}":
      "等待：第 {1} 天起 {0}",
    "every step taken":
      "各步骤均已完成",
    "{0} at {1}":
      "{0}（第 {1} 天）",
  ]
}
