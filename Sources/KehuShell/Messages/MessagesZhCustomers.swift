/// Chinese messages of customers, analysis, grading, visits, routes, the
/// shell itself, scenarios and import/export.
/// Keyed by the English text; see MessagesZh.swift.
extension ChineseMessages {
  static let customers: [String: String] = [
    "no customer has {0} `{1}`":
      "没有客户的 {0} 为 `{1}`",
    "`{0}` is not a customer id: {1}":
      "`{0}` 不是客户编号：{1}",
    "the firm's customer code (HD-001, 1001); the next number when left out":
      "企业自己的客户代码（HD-001、1001）；不填则取下一个编号",
    "a customer id cannot be empty":
      "客户编号不能为空",
    "a customer id has at most {0} characters, not {1}":
      "客户编号最多 {0} 个字符，而不是 {1} 个",
    "a customer id holds letters, digits, `-`, `_`, `.` and Chinese characters, not `{0}` (character {1})":
      "客户编号只能由字母、数字、`-`、`_`、`.` 和汉字组成，不能含 `{0}`（第 {1} 个字符）",
    "space":
      "空格",
    "`{0}` must be a month (YYYY-MM), not `{1}`":
      "`{0}` 必须是月份（YYYY-MM），而不是 `{1}`",
    "`to` is before `from`":
      "`to` 早于 `from`",
    "Customer composition by {0} (客户构成, §2.5 (1) 1)":
      "按 {0} 的客户构成（客户构成，§2.5 (1) 1）",
    "sales from {0} to {1}; ended customers left out; — means not classified":
      "销售期间 {0} 至 {1}；不含已终止交易的客户；— 表示未分类",
    "the first sale":
      "首次销售",
    "the last sale":
      "最近一次销售",
    "Trade of {0} {1} with us (交易业绩, §2.5 (1) 2)":
      "{0} {1} 与本公司的交易（交易业绩，§2.5 (1) 2）",
    "Trade started and stopped, {0} to {1} (§2.5 (2))":
      "交易开始与中止，{0} 至 {1}（§2.5 (2)）",
    "started: the first sale falls in the period; stopped: bought before the period and nothing in it":
      "开始：首次销售在本期间内；中止：本期间前有购买而本期间内没有",
    "§2.4 rule 4: a customer that stopped is ended with `customer end`, its records kept":
      "§2.4 规则4：中止交易的客户用 `customer end` 终止，其记录予以保留",
    "`{0}` is already being run (a `source` cycle)":
      "`{0}` 已在运行中（`source` 循环调用）",
    "Company customer card (公司类顾客档案卡)":
      "公司类顾客档案卡",
    "Individual customer card (消费者个人或家庭档案卡)":
      "消费者个人或家庭档案卡",
    "every customer, ended ones included":
      "全部客户，包括已终止交易的",
    "`id` must be a positive whole number":
      "`id` 必须是正整数",
    "customer {0} already exists":
      "客户 {0} 已存在",
    "a customer needs `name=`":
      "客户需要 `name=`",
    "added customer {0} {1}":
      "已添加客户 {0} {1}",
    "`customer set` needs at least one field=value":
      "`customer set` 至少需要一个 field=value",
    "`name` cannot be empty":
      "`name` 不能为空",
    "updated customer {0}":
      "已更新客户 {0}",
    "customers matching “{0}”":
      "符合“{0}”的客户",
    "All customers":
      "全部客户",
    "Trading customer list (交易往来客户一览表)":
      "交易往来客户一览表",
    "customer {0} has already ended trading":
      "客户 {0} 已终止交易",
    "ended {0}: {1}":
      "已终止 {0}：{1}",
    "customer {0} has ended trading; its records are kept (§2.4 rule 4)":
      "客户 {0} 已终止交易；其记录予以保留（§2.4 规则4）",
    "customer {0} has open invoices ({1}); settle them before purging":
      "客户 {0} 有未结发票（{1}）；清除前请先结清",
    "customer {0} purged":
      "客户 {0} 已清除",
    "Change history of customer {0}":
      "客户 {0} 的修改历史",
    "only tasks past their due date":
      "只列出已过期限的任务",
    "done tasks too":
      "也列出已完成的任务",
    "customer {0} has ended trading; it is not developed any more":
      "客户 {0} 已终止交易；不再开发",
    "`to` needs a member of staff":
      "`to` 需要一名员工",
    "the due date {0} is already past (today is {1})":
      "期限 {0} 已过（今天是 {1}）",
    "development task {0}: {1} develops customer {2} by {3}":
      "开发任务 {0}：{1} 在 {3} 前开发客户 {2}",
    "no development task {0}":
      "没有开发任务 {0}",
    "task {0} was already done on {1}":
      "任务 {0} 已于 {1} 完成",
    "task {0} done, {1} days after its due date {2}":
      "任务 {0} 已完成，比期限 {2} 晚 {1} 天",
    "task {0} done":
      "任务 {0} 已完成",
    "Development tasks past their due date":
      "已过期限的开发任务",
    "Development tasks (§2.4 step 4)":
      "开发任务（§2.4 步骤4）",
    "overdue = today − due, for tasks not done; today is {0}.":
      "逾期 = 今天 − 期限，仅限未完成的任务；今天是 {0}。",
    "Sales mix by product (不同商品的销售构成, §2.5 (1) 3–7)":
      "不同商品的销售构成（§2.5 (1) 3–7）",
    "average stock = mean of the stock counts dated in the period × the product's unit cost":
      "平均库存 = 期间内各次盘点数量的平均值 × 该商品的单位成本",
    "the contributions add up to {0}, the overall gross margin rate":
      "各商品贡献率之和为 {0}，即总毛利率",
    "period: {0} to {1}":
      "期间：{0} 至 {1}",
    "`item` must be from 1 to 10":
      "`item` 必须在 1 到 10 之间",
    "give comment=, problem= or measure=":
      "请给出 comment=、problem= 或 measure=",
    "evaluation of customer {0}, item {1} noted":
      "已记录客户 {0} 第 {1} 项评价",
    "Comprehensive evaluation of {0} {1} (客户情况综合评价表, §2.3)":
      "{0} {1} 的客户情况综合评价表（§2.3）",
    "figures over the 12 months to {0}; comment, problem and measure come from `evaluation note`":
      "数字为截至 {0} 的12个月；评语、存在的问题和改进措施来自 `evaluation note`",
    "`{0}` cannot be empty":
      "`{0}` 不能为空",
    "a number of days":
      "天数",
    "`{0}` is set by kehu, not by hand":
      "`{0}` 由 kehu 设定，不能手工修改",
    "expected field=value, found `{0}`":
      "应为 field=value，却是 `{0}`",
    "fields: {0}":
      "字段：{0}",
    "no field `{0}` in {1}":
      "{1} 中没有字段 `{0}`",
    "the A line of cumulative share (default 80%)":
      "A 级累计份额界线（默认 80%）",
    "the B line of cumulative share (default 95%)":
      "B 级累计份额界线（默认 95%）",
    "also write an SVG Pareto chart to this file":
      "同时把 SVG 帕累托图写入此文件",
    "print the bar chart also outside the prompt":
      "在提示符之外也显示条形图",
    "grade standard amounts A,B (monthly averages)":
      "等级标准额 A,B（月平均额）",
    "store the grades (one audited change)":
      "保存等级（一次有审计记录的修改）",
    "`standard` must be two amounts A,B with A ≥ B, e.g. standard=50000,10000":
      "`standard` 必须是两个金额 A,B 且 A ≥ B，例如 standard=50000,10000",
    "give either a=/b= or standard=, not both":
      "a=/b= 与 standard= 只能给出其一",
    "`{0}` must be a share between 0% and 100%":
      "`{0}` 必须是 0% 到 100% 之间的份额",
    "the A line must be below the B line":
      "A 级界线必须低于 B 级界线",
    "period: {0} to {1}; total {2}; {3} customers: A {4}, B {5}, C {6}":
      "期间：{0} 至 {1}；合计 {2}；{3} 家客户：A {4}，B {5}，C {6}",
    "customers with no {0} in the period are left out; equal amounts rank by id and share a band":
      "期间内没有{0}的客户不列入；金额相同时按编号排序，归入同一级别",
    "margin = amount − cost of each sale line":
      "毛利 = 每一销售行的金额 − 成本",
    "`months` must be from 1 to 24 (the chapter uses 3, or 4–6)":
      "`months` 必须在 1 到 24 之间（本章用 3 个月，或 4–6 个月）",
    "monthly average = sum of {0} full months ({1} to {2}) ÷ {0}":
      "月平均额 = {0} 个完整月份（{1} 至 {2}）之和 ÷ {0}",
    "{0} customers in trade: A {1}, B {2}, C {3}; a month without sales counts as 0; equal averages rank by id and share a grade":
      "有交易的客户 {0} 家：A {1}，B {2}，C {3}；没有销售的月份按 0 计；平均额相同时按编号排序，归入同一等级",
    "stored: {0} grades changed":
      "已保存：{0} 个等级有变化",
    "nothing stored: add `apply` to store the grades ({0} would change)":
      "未保存：加上 `apply` 才保存等级（将有 {0} 个变化）",
    "`grade abc explain` needs a customer id":
      "`grade abc explain` 需要客户编号",
    "a customer it competes for":
      "与其争夺的客户",
    "a competitor needs a name":
      "竞争对手需要名称",
    "recorded competitor {0} {1}":
      "已记录竞争对手 {0} {1}",
    "Competitor survey table (竞争对手情况调查表)":
      "竞争对手情况调查表",
    "Competitor survey (竞争对手情况调查表), one line per competitor":
      "竞争对手情况调查表，每个竞争对手一行",
    "customers: how many of our customers or prospects it was met at (§2.4 step 3).":
      "customers：在我方多少家客户或准客户处遇到该对手（§2.4 步骤3）。",
    "Weigh its strengths against ours before the development visit (§2.4 step 4).":
      "开发访问前，把其优势与我方比较（§2.4 步骤4）。",
    "Where customers came from (§2.4 step 1: the new-customer range)":
      "客户来源（§2.4 步骤1：新客户范围）",
    "became_trading = trading + ended (an ended customer did trade); rate = became_trading ÷ brought.":
      "became_trading = trading + ended（已终止的客户曾经交易）；rate = became_trading ÷ brought。",
    "total":
      "合计",
    "exported {0} rows to {1}":
      "已导出 {0} 行到 {1}",
    "${0}: {1} rows":
      "${0}：{1} 行",
    "no table `{0}`":
      "没有数据表 `{0}`",
    "derived columns cannot be set with update":
      "派生列不能用 update 设置",
    "{0} rows changed ({1} matched)":
      "{0} 行已修改（匹配 {1} 行）",
    "Customer management card (客户管理卡, §2.6 step 7)":
      "客户管理卡（§2.6 步骤7）",
    "Customer distribution (客户分布现状表, §2.6 step 7)":
      "客户分布现状表（§2.6 步骤7）",
    "grades are the stored ABC grades; prospects count as ungraded; sales over the 12 months to {0}":
      "等级为已保存的 ABC 等级；准客户算作未分级；销售额为截至 {0} 的12个月",
    "a target cannot be negative":
      "目标不能为负数",
    "target of customer {0} for {1}: {2}":
      "客户 {0} {1} 的目标：{2}",
    "Sales target and progress, {0} (客户销售预定及成绩进度表, §2.6 step 7)":
      "客户销售预定及成绩进度表，{0}（§2.6 步骤7）",
    "progress = achieved ÷ target; sales counted to {0}":
      "进度 = 实际 ÷ 目标；销售额计算到 {0}",
    "all targets {0}, achieved {1}":
      "全部目标 {0}，实际 {1}",
    "Receivables collection, {0} (客户货款回收管理表, §2.6 step 7)":
      "客户货款回收管理表，{0}（§2.6 步骤7）",
    "closing = opening + invoiced − collected; collection rate = collected ÷ (opening + invoiced)":
      "期末 = 期初 + 开票 − 收回；回收率 = 收回 ÷ (期初 + 开票)",
    "all customers: opening {0}, invoiced {1}, collected {2}":
      "全部客户：期初 {0}，开票 {1}，收回 {2}",
    "invoiced trade only: cash sales paid at once never become receivables":
      "只含开票交易：当即付清的现金销售不形成应收账款",
    "store the proposed order":
      "保存建议的顺序",
    "area {0} already exists":
      "区域 {0} 已存在",
    "area {0} {1} added":
      "已添加区域 {0} {1}",
    "Areas by group (§2.6 step 5)":
      "按组划分的区域（§2.6 步骤5）",
    "no area {0}; add it with `area add`":
      "没有区域 {0}；请用 `area add` 添加",
    "`seq` must be a positive whole number":
      "`seq` 必须是正整数",
    "customer {0} is stop {1} in area {2}":
      "客户 {0} 是区域 {2} 的第 {1} 站",
    "no area {0}":
      "没有区域 {0}",
    "Route order of area {0} (路序, §2.6 step 5)":
      "区域 {0} 的路序（§2.6 步骤5）",
    "customers without a route position come last, by id":
      "没有路序位置的客户排在最后，按编号排序",
    "{0} customers with coordinates: over 10,000, so nearest neighbour only (no 2-opt)":
      "有坐标的客户 {0} 家：超过 10,000，只用最近邻法（不做 2-opt）",
    "nearest neighbour from the current first stop, improved by 2-opt; path {0} km (was {1} km)":
      "从当前第一站起用最近邻法，再用 2-opt 改进；路程 {0} 公里（原为 {1} 公里）",
    "{0} customers without coordinates follow in address order":
      "没有坐标的客户 {0} 家按地址顺序排在后面",
    "Suggested route order of area {0} (路序, §2.6 step 5)":
      "区域 {0} 的建议路序（§2.6 步骤5）",
    "stored: {0} route positions changed":
      "已保存：{0} 个路序位置有变化",
    "nothing stored: add `apply` to store this order":
      "未保存：加上 `apply` 才保存此顺序",
    "Customer register in development order (客户名册, §2.6 step 4)":
      "按开发顺序的客户名册（§2.6 步骤4）",
    "development order: when the customer was added, then id; ended customers are left out":
      "开发顺序：按客户添加时间，再按编号；不含已终止交易的客户",
    "`register` takes nothing, or `by grade, industry`":
      "`register` 不带参数，或带 `by grade, industry`",
    "Classification by grade and industry (客户等级分类表, §2.6 step 4)":
      "客户等级分类表（按等级和行业，§2.6 步骤4）",
    "grade is the stored ABC grade (`grade abc apply`); — means none":
      "grade 为已保存的 ABC 等级（`grade abc apply`）；— 表示无",
    "scenario {0} begun; changes are held apart from the store until `scenario keep`":
      "情景 {0} 已开始；修改与数据库分开保存，直到 `scenario keep`",
    "scenario {0} discarded":
      "情景 {0} 已放弃",
    "scenario {0} kept: {1} changes applied":
      "情景 {0} 已保留：应用了 {1} 项修改",
    "Changes in scenario {0}":
      "情景 {0} 中的修改",
    "nothing has changed in this scenario":
      "本情景中没有任何修改",
    "{0}: nothing was changed (the script failed; --atomic)":
      "{0}：未做任何修改（脚本失败；--atomic）",
    "{0}: the changes could not be kept: {1}":
      "{0}：修改无法保留：{1}",
    "Run time: {0} ms":
      "运行时间：{0} 毫秒",
    "the statement is not finished (an open bracket or string, or a trailing `|`, `,` or operator)":
      "语句尚未结束（有未闭合的括号或字符串，或以 `|`、`,` 或运算符结尾）",
    "no variable `${0}`":
      "没有变量 `${0}`",
    "`rows` must be a positive whole number or `all`, not `{0}`":
      "`rows` 必须是正整数或 `all`，而不是 `{0}`",
    "(clock)":
      "（时钟）",
    "`today` must be a date (YYYY-MM-DD), not `{0}`":
      "`today` 必须是日期（YYYY-MM-DD），而不是 `{0}`",
    "`user` needs a name":
      "`user` 需要一个名字",
    "`ageing`: {0}":
      "`ageing`：{0}",
    "the store is open read-only (--read-only); it cannot be saved":
      "数据库以只读方式打开（--read-only）；不能保存",
    "saved {0} rows to {1}":
      "已保存 {0} 行到 {1}",
    "the demo firm lives in memory only: nothing was saved, and nothing is kept when kehu ends":
      "演示企业只在内存中：没有保存任何内容，退出 kehu 后什么也不会留下",
    "this store lives in memory only (--memory): nothing was saved, and nothing is kept when kehu ends":
      "此存储只在内存中（--memory）：没有保存任何内容，退出 kehu 后什么也不会留下",
    "a team store has nothing to save: every change is committed to the database as it is made":
      "团队存储无需保存：每项更改在做出时即已提交到数据库",
    "{0}: {1} rows":
      "{0}：{1} 行",
    "refers to {0}":
      "引用 {0}",
    "tables: {0}":
      "数据表：{0}",
    "we sell to it, or buy from it":
      "我方向其销售，或向其采购",
    "expected yearly trade":
      "预计年交易额",
    "the responsible person; default the session's user":
      "负责人；默认为会话用户",
    "customer {0} already has a trade start form awaiting approval":
      "客户 {0} 已有一份等待批准的交易开始调查书",
    "customer {0} is already trading; no form is needed":
      "客户 {0} 已在交易中；无需调查书",
    "filed trade start investigation form {0} for customer {1}; customer {1} is pending. Next: {2} approves (`customer approve {1} by=NAME`)":
      "已提交客户 {1} 的交易开始调查书 {0}；客户 {1} 进入待批状态。下一步：由 {2} 批准（`customer approve {1} by=NAME`）",
    "customer {0} is already trading":
      "客户 {0} 已在交易中",
    "customer {0} has no trade start form awaiting approval; file one with `customer propose {0}`":
      "客户 {0} 没有等待批准的交易开始调查书；请用 `customer propose {0}` 提交",
    "`by` needs the approver's name":
      "`by` 需要批准人的名字",
    "; next: {0}":
      "；下一步：{0}",
    "{0} approved form {1} as {2}; customer {3} is now trading and on the trading customer list":
      "{0} 以 {2} 身份批准了调查书 {1}；客户 {3} 现已开始交易，并列入交易往来客户一览表",
    "{0} approved form {1} as {2}. Next: {3} approves":
      "{0} 以 {2} 身份批准了调查书 {1}。下一步：由 {3} 批准",
    "customer {0} has no trade start form; file one with `customer propose {0}`":
      "客户 {0} 没有交易开始调查书；请用 `customer propose {0}` 提交",
    "Form 调查书编号":
      "调查书编号",
    "Customer 客户":
      "客户",
    "Name 名称":
      "名称",
    "Filed 填写日期":
      "填写日期",
    "Responsible person 负责人":
      "负责人",
    "Buying or selling 交易方向":
      "交易方向",
    "Expected trade 预计交易额":
      "预计交易额",
    "Note 说明":
      "说明",
    "Unit head 单位负责人":
      "单位负责人",
    "Unit head approved 批准日期":
      "单位负责人批准日期",
    "Chairman 董事长":
      "董事长",
    "Chairman approved 批准日期":
      "董事长批准日期",
    "Trade start investigation form (交易开始调查书)":
      "交易开始调查书",
    "Approved by the unit head and the chairman: the customer is on the trading list.":
      "单位负责人和董事长均已批准：该客户已列入交易往来客户一览表。",
    "Waiting for {0}.":
      "等待 {0} 批准。",
    "the lesson expected this statement to be refused":
      "课程预期这条语句会被拒绝",
    "`refused` belongs in a lesson: it runs a statement the lesson expects to fail":
      "`refused` 只用于课程：它运行课程预期会失败的语句",
    "in a lesson, run a statement the lesson expects to be refused; its error is the lesson":
      "在课程中运行预期会被拒绝的语句；它的错误正是要讲的内容",
    "a command or query that must fail":
      "必定失败的命令或查询",
    "cannot create the directory `{0}`":
      "无法创建目录 `{0}`",
    "no `{0}` in `{1}`: not a directory written by `export all`":
      "`{1}` 中没有 `{0}`：不是 `export all` 写出的目录",
    "`{0}` is not a kehu dump manifest":
      "`{0}` 不是 kehu 导出清单",
    "`{0}`: a table entry lacks its table, file or rows":
      "`{0}`：有一个数据表条目缺少 table、file 或 rows",
    "`{0}` lists a table `{1}` this kehu does not know":
      "`{0}` 列出了本 kehu 不认识的数据表 `{1}`",
    "{0} rows, but the manifest says {1}":
      "{0} 行，但清单上是 {1} 行",
    "line {0}: {1}":
      "第 {0} 行：{1}",
    "row {0} (line {1})":
      "第 {0} 条记录（第 {1} 行）",
    "the file is empty: its first line must name the columns":
      "文件为空：第一行必须给出列名",
    "line 1: {0} has no column `{1}`":
      "第1行：{0} 没有列 `{1}`",
    "columns of {0}: {1}":
      "{0} 的列：{1}",
    "line 1: column `{0}` is named twice":
      "第1行：列 `{0}` 出现了两次",
    "the file needs a `{0}` column: {1} rows are found by it":
      "文件需要 `{0}` 列：{1} 的行按它查找",
    "{0}: {1} fields, but the header names {2} columns":
      "{0}：有 {1} 个字段，但表头给出 {2} 列",
    "{0}: {1} {2} is also on row {3}":
      "{0}：{1} {2} 也出现在第 {3} 条记录",
    "{0}: {1} already has {2} {3} (say update=yes to change existing rows)":
      "{0}：{1} 已有 {2} {3}（用 update=yes 修改已有的行）",
    "{0}: `{1}` is required":
      "{0}：`{1}` 是必填项",
    "`{0}` must be a date and time (2026-11-29T09:00:00), not `{1}`":
      "`{0}` 必须是日期和时间（2026-11-29T09:00:00），而不是 `{1}`",
    "the file is not valid UTF-8 (line {0}); is it GB18030? say encoding=gb18030":
      "文件不是有效的 UTF-8（第 {0} 行）；是否为 GB18030？请用 encoding=gb18030",
    "neither UTF-8 nor GB18030":
      "既不是 UTF-8 也不是 GB18030",
    "not valid GB18030":
      "不是有效的 GB18030",
    "the file is {0} (bad bytes on line {1})":
      "文件 {0}（第 {1} 行有错误字节）",
    "detected when left out":
      "省略时自动检测",
    "change rows whose id already exists":
      "修改编号已存在的行",
    "add a byte order mark so Excel shows Chinese correctly":
      "加上字节顺序标记，使 Excel 正确显示中文",
    "the audit table is written by kehu itself; `import all` restores it with a dump":
      "审计表由 kehu 自己写入；`import all` 从导出目录恢复它",
    "{0}: {1}; nothing was imported":
      "{0}：{1}；未导入任何数据",
    "imported {0} into {1}: {2} added":
      "已导入 {0} 到 {1}：添加 {2} 行",
    ", {0} updated":
      "，更新 {0} 行",
    "`import all` replaces the whole store; end the scenario first":
      "`import all` 会替换整个数据库；请先结束情景",
    "the store already holds {0} rows; `import all` loads only into an empty store":
      "数据库中已有 {0} 行；`import all` 只能载入空数据库",
    "the store is open read-only (--read-only); nothing can be changed":
      "数据库以只读方式打开（--read-only）；不能修改任何数据",
    "{0}; nothing was imported":
      "{0}；未导入任何数据",
    "restored {0} rows from {1}: {2}":
      "已从 {1} 恢复 {0} 行：{2}",
    "`excel=yes` is for CSV files":
      "`excel=yes` 只用于 CSV 文件",
    "write to a .csv or .json file, not `{0}`":
      "请写入 .csv 或 .json 文件，而不是 `{0}`",
    "exported {0} rows of {1} to {2}":
      "已导出 {1} 的 {0} 行到 {2}",
    "exported {0} tables ({1} rows) and {2} to {3}":
      "已导出 {0} 个数据表（{1} 行）和 {2} 到 {3}",
    "days between visits, or `none`":
      "两次访问的间隔天数，或 `none`",
    "visits per period, or `none` for when needed":
      "每期访问次数，或 `none` 表示需要时访问",
    "customer {0} is not a prospect (its status is {1})":
      "客户 {0} 不是准客户（其状态为 {1}）",
    "prospect {0} is now grade {1}: visit {2}; purchase expected {3}":
      "准客户 {0} 现为 {1} 级：访问 {2}；预计购买 {3}",
    "`every` must be a number of days or `none`, not `{0}`":
      "`every` 必须是天数或 `none`，而不是 `{0}`",
    "Prospect grades A–D (准客户等级, §2.2)":
      "准客户等级 A–D（§2.2）",
    "every_days is the longest gap that still meets the visit frequency; empty means no schedule":
      "every_days 是仍满足访问频率的最长间隔；空白表示没有计划",
    "Prospects due for a visit on {0} (§2.2)":
      "{0} 应访问的准客户（§2.2）",
    "due when never visited, or when the last visit + the grade's gap is on or before {0}":
      "从未访问过，或上次访问 + 该等级的间隔不晚于 {0} 时应访问",
    "changing the visit table needs a grade and a role":
      "修改访问表需要等级和角色",
    "`count` must be a whole number of visits or `none`, not `{0}`":
      "`count` 必须是访问次数（整数）或 `none`，而不是 `{0}`",
    "`months` must be from 1 to 24":
      "`months` 必须在 1 到 24 之间",
    "Visit plan by grade and role (客户访问计划, §2.6 step 6)":
      "按等级和角色的客户访问计划（§2.6 步骤6）",
    "a range keeps its lower bound: “2–3 a month” plans 2, “1 per 1–2 months” plans 1 every 2 months":
      "范围取其下限：“每月2–3次”计划2次，“每1–2个月1次”计划每2个月1次",
    "a visit may be a call; a visit logged without a role counts as the handler's":
      "访问可以是电话；未注明角色的访问算作经办人的",
    "a visit cannot be logged in the future":
      "不能记录未来的访问",
    "visit {0} logged: customer {1}, {2}, {3}":
      "已记录访问 {0}：客户 {1}，{2}，{3}",
    "Visits due in {0} (客户访问计划, §2.6 step 6)":
      "{0} 应访问的客户（客户访问计划，§2.6 步骤6）",
    "due = planned visits − visits already logged in the rule's months ending with {0}":
      "应访问 = 计划次数 − 在截至 {0} 的规则月份内已记录的访问次数",
    "{0} visits due; customers without a stored ABC grade are not planned (see `grade abc apply`)":
      "应访问 {0} 次；没有已保存 ABC 等级的客户不作计划（见 `grade abc apply`）",
    "Visits behind plan on {0} (§2.6 step 6)":
      "截至 {0} 访问未达计划的客户（§2.6 步骤6）",
    "behind when fewer visits than planned fall in the rule's months up to {0} (a rolling window)":
      "在截至 {0} 的规则月份内（滚动窗口）访问次数少于计划即为落后",
    "unterminated string":
      "字符串未结束",
    "`=` needs a name before it":
      "`=` 前面需要一个名字",
    "basic situation 基本情况":
      "基本情况",
    "quantity per order 每次订货量":
      "每次订货量",
    "number of orders 订货次数":
      "订货次数",
    "share of our sales 占公司销售额比重":
      "占公司销售额比重",
    "sales expense level 销售费用水平":
      "销售费用水平",
    "collection expense level 收款费用水平":
      "收款费用水平",
    "opinion of us 对公司的意见":
      "对公司的意见",
    "support for our sales 对销售的支持":
      "对销售的支持",
    "visit plan 访问计划":
      "访问计划",
    "delays 延迟情况":
      "延迟情况",
    ", grade {0}":
      "，{0} 级",
    "no orders":
      "没有订货",
    "{0} and {1} units on average":
      "平均每次 {0}，{1} 件",
    "orders in 12 months: {0}":
      "12 个月内订货 {0} 次",
    "{0} of {1}":
      "占 {1} 的 {0}",
    "collection actions in 12 months: {0}":
      "12 个月内收款行动 {0} 次",
    "complaints in 12 months: {0}":
      "12 个月内投诉 {0} 次",
    "visits and calls in 12 months: {0}":
      "12 个月内访问和电话 {0} 次",
    "{0} days late on average over {1} invoices":
      "{1} 张发票平均迟付 {0} 天",
    "no settled invoices":
      "没有已结清的发票",
    "sales, 12 months":
      "12 个月销售额",
    "sum of the months":
      "各月之和",
    "sale lines":
      "销售明细行数",
    "units on those lines":
      "这些明细的件数",
    "average order":
      "平均每单金额",
    "sales ÷ orders":
      "销售额 ÷ 订货次数",
    "share of our sales":
      "占公司销售额比重",
    "sales ÷ all customers' sales":
      "销售额 ÷ 全部客户销售额",
    "average days paid late":
      "平均迟付天数",
    "over {0} settled invoices":
      "基于 {0} 张已结清发票",
    "§2.5 (1) 2: purchases, order count and buying timing, share of sales, delays":
      "§2.5 (1) 2：购买量、订货次数和购买时机、占销售额比重、延迟情况",
    "the 12 calendar months up to and including {0}, to {1}":
      "截至 {0}（含）的 12 个日历月，到 {1} 为止",
    "invoices open past due":
      "逾期未结发票",
    "orders":
      "订货次数",
    // The chapter's defaults kept in the store (trStored): visit plan and prospect grades.
    "3 a month":
      "每月3次",
    "2–3 a month":
      "每月2–3次",
    "1 a month":
      "每月1次",
    "1 per 1–2 months":
      "1–2月1次",
    "1 per half year":
      "半年1次",
    "1 a year":
      "1年1次",
    "2 a month":
      "每月2次",
    "1–2 a month":
      "每月1–2次",
    "1 per 2–3 months":
      "2–3月1次",
    "1 per 6–12 months":
      "6–12月1次",
    "when needed":
      "需要时",
    "fully meets the conditions to buy":
      "具备完整的购买条件",
    "not fully, but worth visiting":
      "虽未具备完整的购买条件，但具有访问价值",
    "not yet; visit now and then":
      "尚不具备完整的购买条件，偶尔可以访问",
    "not yet, but has long-term potential":
      "尚不具备完整的购买条件，但从长远看有一定的开拓潜力",
    "1–2 times a week":
      "每周访问1–2次",
    "once every two weeks":
      "隔周访问1次",
    "once a month":
      "每月访问1次",
    "when passing by, or by phone":
      "顺路访问或电话访问",
    "this month":
      "当月",
    "within 2–3 months":
      "2–3个月内",
    "within half a year":
      "半年内",
    "within a year":
      "1年内",
    // Values shown in a result's column: describe's notes, trade started or stopped, promises.
    "key":
      "主键",
    "required":
      "必填",
    "derived":
      "派生",
    "started":
      "开始",
    "stopped":
      "中止",
    "kept":
      "已履行",
    "broken":
      "已违约",
    "all recorded":
      "全部记录",
  ]
}
