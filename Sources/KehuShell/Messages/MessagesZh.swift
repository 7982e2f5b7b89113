/// The Chinese catalogue: keyed by the English text, as `tr` looks messages up. `core` holds
/// help summaries, settings, common errors and what the case library and lessons say; the
/// area tables (MessagesZh*.swift) hold each area's headings, notes, working lines and errors.
/// Column names and data values stay English so that scripts work in either language
/// (scripts/tr-strings lists what is missing). A message not here stays in English.
extension MessageCatalogue {
  public static let chinese = MessageCatalogue(language: "zh", table: ChineseMessages.table)
}

enum ChineseMessages {
  /// The tables by area; a key given in two of them must have one wording (a test checks).
  static let parts: [[String: String]] = [
    core, receivables, credit, customers, indirect, domain, query, ledger, rules, charts, progress, team,
    transferProgress,
  ]
  static let table: [String: String] = parts.reduce(
    into: [:]) {
      $0.merge($1) { first, _ in first }
    }

  static let core: [String: String] = [
    // A torn journal tail dropped at open (KehuStore's StoreFiles).
    "{0}: dropped {1} bytes of {2} at byte {3} ({4}); last good record is sequence {5}; the dropped bytes are kept in {6}":
      "{0}：在第 {3} 字节处丢弃了 {1} 字节的{2}（{4}）；最后一条完好记录的序号是 {5}；丢弃的字节保存在 {6}",
    "a complete final record damaged after it was written": "写入后又损坏的完整末条记录",
    "an incomplete write": "未写完的数据",
    "read-only": "只读",
    "at the prompt, page results through $PAGER (less -S): when taller than the screen, always, or never":
      "在提示符下用 $PAGER（less -S）分页显示结果：超过一屏时、总是、或从不",
    "… stopped (Ctrl-C)": "……已停止输出（Ctrl-C）",
    // The lines around a table (RenderLabels).
    "({0} row)":
      "（{0} 行）",
    "({0} rows)":
      "（{0} 行）",
    "… {0} more row (set rows all to see them)":
      "… 还有 {0} 行（`set rows all` 可全部显示）",
    "… {0} more rows (set rows all to see them)":
      "… 还有 {0} 行（`set rows all` 可全部显示）",
    "RECORD {0}":
      "记录 {0}",
    "customer composition: customers, sales and share by a classification":
      "客户构成：按某一分类统计客户数、销售额和份额",
    "a customer's trade with us: sales by month, orders, share, delays":
      "客户与本公司的交易：逐月销售额、订单、份额、拖延",
    "sales mix, gross margin, turnover, cross and contribution ratios":
      "销售构成、毛利率、周转率、交叉比率和贡献率",
    "the ten-item comprehensive customer evaluation table":
      "十项客户综合评价表",
    "write the comment, problem or measure of an evaluation item":
      "填写评价项目的评语、问题或对策",
    "customers whose trade started or stopped in a period":
      "某一期间开始或停止交易的客户",
    "list the commands, or explain one":
      "列出全部命令，或说明某一命令",
    "show the settings, or change one":
      "显示设置，或修改某项设置",
    "run the statements of a script file":
      "运行脚本文件中的语句",
    "send results to a file, or back to the screen":
      "把结果输出到文件，或恢复输出到屏幕",
    "print a line of text":
      "打印一行文字",
    "leave kehu":
      "退出 kehu",
    "every overdue customer with the collection step due now":
      "每家逾期客户及当前应采取的催收步骤",
    "record a collection action, with any promise to pay":
      "记录一次催收行动及付款承诺",
    "promises to pay: kept, open or broken (a broken one is warning sign P1)":
      "付款承诺：已履行、未到期或已违约（违约即警示信号P1）",
    "amount recovered after each step and method, per staff member":
      "按员工统计每一步骤和方式收回的金额",
    "the collection ladder: steps by days past due":
      "收账程序：按逾期天数排列的步骤",
    "move a step of the ladder, or add one":
      "调整收账程序的某一步骤，或增加一步",
    "record who is responsible (§4 principle 03)":
      "记录责任方（§4 原则03）",
    "record the meeting that settles responsibility when we are not at fault (claims rule 4)":
      "记录非我方责任时确定责任的协调会议（索赔规则4）",
    "give a remedy: apology, replacement, refund or compensation (settled as a credit note or paid out)":
      "给予补救：道歉、换货、退款或赔偿（冲抵应收或直接支付）",
    "record money recovered from the supplier or carrier (claims rule 6)":
      "记录向供应商或承运方追回的款项（索赔规则6）",
    "record a complaint received from a customer; prints its id and deadlines":
      "登记客户投诉，显示编号和处理期限",
    "reopen a resolved or closed complaint; it goes back to investigating":
      "重新打开已解决或已结案的投诉，回到调查阶段",
    "show or change the deadlines to acknowledge and resolve, per complaint type":
      "显示或修改各类投诉的确认和解决期限",
    "list complaints: all, open ones, overdue ones, by type or customer":
      "列出投诉：全部、未结、逾期，可按类型或客户",
    "one complaint and its whole timeline":
      "一件投诉及其全部处理记录",
    "complaint analysis: counts, times, breaches, claims paid and recovered, repeat complainers":
      "投诉分析：件数、用时、超期、赔付与追偿、重复投诉客户",
    "limit, receivables, unsettled notes, available credit and use %":
      "信用限度、应收账款、未结算票据、可用额度和使用率",
    "customers over their credit limit, on watch, capped or suspended":
      "超过信用限度、被监视、被限额或被停止供货的客户",
    "check a new invoice or order of AMOUNT against the limit (override by=… reason=…)":
      "检查一笔新发票或订单是否超出限度（越限需 by=… reason=…）",
    "credit given over a refusal: when, how much, by whom and why":
      "越限放行的信用：时间、金额、批准人和理由",
    "limit = purchases × our supply share × credit period":
      "限度 = 采购额 × 我方供货比例 × 信用期",
    "limit = working capital ÷ number of suppliers":
      "限度 = 营运资金 ÷ 供应商数",
    "the current ratio; with standard=, the standard limit scaled by ratio ÷ usual, capped":
      "流动比率；给出 standard= 时，按比率 ÷ 常规比率调整标准限度，并设上限",
    "limit = (assets − liabilities) ÷ number of suppliers":
      "限度 =（资产 − 负债）÷ 供应商数",
    "base limit × the multiple of the customer's weighted score":
      "基准限度 × 客户加权评分对应的倍数",
    "every method side by side, with the spread between them":
      "各种方法并列比较，及其差距",
    "record the six judgement scores (1–5) of a customer":
      "记录客户的六项综合判断评分（1–5）",
    "show or change the scorecard weights, step rule and method defaults":
      "显示或修改评分权重、调整规则和各方法的默认值",
    "the 48 warning signs of §3.1 with their ids (also `help signs`)":
      "§3.1 的48个警示信号及编号（也可用 `help signs`）",
    "record an investigation: channel, date, signs seen, note":
      "记录一次信用调查：渠道、日期、发现的信号、备注",
    "the written credit investigation report of a customer":
      "客户的书面信用调查报告",
    "set a customer's credit class: A every 6 months, B every 3, C monthly":
      "设定客户信用等级：A每6个月、B每3个月、C每月复查",
    "customers due or overdue for a periodic credit report, oldest first":
      "到期或逾期应做定期信用报告的客户，最久的在前",
    "record a periodic credit report on a customer":
      "记录客户的定期信用报告",
    "file an emergency report: the customer is on watch, no new credit":
      "提交紧急报告：客户列入监视，不再给新信用",
    "record a superior's instruction on an emergency report; lifts the watch":
      "记录上级对紧急报告的指示，解除监视",
    "record a countermeasure: guarantor, deposit, notarize, restrict, subrogation, in-kind":
      "记录对策：担保人、保证金、公证、限制交易、代位清偿、以物抵债",
    "a customer's credit record: limit, class, reviews, alerts, measures":
      "客户信用记录：限度、等级、复查、警报、对策",
    "add a customer (individual or company card) and print its id":
      "新增客户（个人或公司档案卡），显示编号",
    "change fields of a customer's card":
      "修改客户档案卡的字段",
    "show a customer's archive card":
      "显示客户档案卡",
    "find customers by name, phone or address":
      "按名称、电话或地址查找客户",
    "the trading customer list (交易往来客户一览表)":
      "交易往来客户一览表",
    "end trading with a customer; its records are kept":
      "终止与客户的交易，保留其记录",
    "delete a customer for good (refused while it owes money)":
      "永久删除客户（仍有欠款时拒绝）",
    "a customer's change history (audit)":
      "客户的变更历史（审计）",
    "hand a prospect to a member of staff to develop by a date":
      "把准客户交给员工限期开发",
    "mark a development task done":
      "标记开发任务已完成",
    "open development tasks, by staff or overdue":
      "未完成的开发任务，按员工或逾期",
    "customers ranked by sales or margin, with cumulative share and A/B/C bands":
      "按销售额或毛利给客户排序，显示累计份额和A/B/C区间",
    "grade customers A/B/C by monthly average sales over full months":
      "按完整月份的月平均销售额把客户划为A/B/C级",
    "the working of a customer's monthly average":
      "客户月平均销售额的计算过程",
    "cost of holding receivables: opportunity, management and bad-debt cost":
      "持有应收账款的成本：机会成本、管理成本和坏账成本",
    "store a named credit policy for what-ifs":
      "保存一个命名的信用政策，供试算比较",
    "the stored credit policies":
      "已保存的信用政策",
    "stored policies side by side; the highest net benefit is better":
      "已保存的政策并列比较，净收益最高者为优",
    "annual cost of forgoing a cash discount d/D n/N":
      "放弃现金折扣 d/D n/N 的年成本",
    "record a competitor's strengths and weaknesses (竞争对手情况调查表)":
      "记录竞争对手的优势和劣势（竞争对手情况调查表）",
    "the competitor survey entries":
      "竞争对手调查记录",
    "each competitor once: where it is met, for how many customers":
      "每个竞争对手一行：在哪里遇到，涉及多少客户",
    "prospects per source and how many became trading customers":
      "各来源的准客户数及成为交易客户的数量",
    "record a credit sale's invoice (its balance is derived from payments)":
      "登记赊销发票（余额由收款推算）",
    "record a payment, applied oldest first with any cash discount":
      "登记收款，先冲最早的发票，并计算现金折扣",
    "record a commercial bill (note) received, optionally for an invoice":
      "登记收到的商业票据，可对应某张发票",
    "discount a held note at the bank: the discount interest and the proceeds":
      "把持有的票据向银行贴现：贴现利息和贴现所得",
    "a note paid at maturity":
      "票据到期已兑付",
    "a note not paid at maturity: the debt is owed again, with its original dates":
      "票据到期未兑付：债务按原日期恢复",
    "receivables ageing by days past due; the buckets add up to the total":
      "按逾期天数做应收账款账龄分析，各区间之和等于总额",
    "days sales outstanding over a period":
      "一个期间的应收账款周转天数",
    "a customer's statement: open items, ageing, notes, promises, total due":
      "客户对账单：未结项目、账龄、票据、承诺、应付总额",
    "bad-debt provision: Σ ageing bucket × loss rate":
      "坏账准备：Σ 账龄区间金额 × 损失率",
    "late-payment interest on overdue items (added only with `apply`)":
      "逾期款项的滞纳利息（仅在 `apply` 时入账）",
    "the customer management card (客户管理卡)":
      "客户管理卡",
    "customers by area and grade (客户分布现状表)":
      "按地区和等级的客户分布（客户分布现状表）",
    "sales target against sales achieved per customer":
      "各客户销售目标与实际完成",
    "set a customer's sales target for a month":
      "设定客户某月的销售目标",
    "invoiced, collected and owed per customer in a month":
      "各客户某月的开票、收款和欠款",
    "add a sales area (code, name, group, boundaries)":
      "新增销售地区（代码、名称、组别、范围）",
    "the areas by group, with their customers":
      "按组别列出地区及其客户",
    "put a customer in an area at a route position":
      "把客户放入某地区的路序位置",
    "an area's customers in route order, with grade and id":
      "按路序列出某地区的客户，含等级和编号",
    "propose a route order: nearest neighbour + 2-opt, or address order":
      "建议路序：最近邻加2-opt，或按地址排序",
    "the customer register; `by grade, industry` for the classification table":
      "客户名册；`by grade, industry` 生成客户等级分类表",
    "open a what-if scenario: later changes stay apart from the store":
      "开始一个试算情景：之后的修改与数据库分开保存",
    "list the rows and fields the open scenario changed":
      "列出当前情景修改过的行和字段",
    "discard the open scenario and every change made in it":
      "放弃当前情景及其中的全部修改",
    "apply the open scenario's changes as one change":
      "把当前情景的修改作为一次修改写入",
    "write a snapshot of the store and start a new journal":
      "写入数据库快照并开始新的日志",
    "list the tables with their row counts":
      "列出各数据表及其行数",
    "list a table's columns, their types and its row count":
      "列出数据表的列、类型和行数",
    "file the trade start investigation form (交易开始调查书); the prospect becomes pending":
      "提交交易开始调查书，准客户进入待批状态",
    "approve a trade start form: the unit head first, then the chairman":
      "审批交易开始调查书：先由单位负责人，再由董事长",
    "show a customer's trade start investigation form and its approvals":
      "显示客户的交易开始调查书及审批情况",
    "the teaching cases built into kehu":
      "kehu 内置的教学案例",
    "print a case's files: data script, CSV data, introduction, lesson":
      "显示案例的文件：数据脚本、CSV数据、简介、课程",
    "write a case's files into a folder, for editing":
      "把案例的文件写入文件夹，供编辑",
    "load a case into a scratch in-memory store and print its introduction":
      "把案例载入临时内存数据库并显示简介",
    "leave the open case and go back to your own store":
      "关闭当前案例，回到自己的数据库",
    "run a case's lesson: narration, each command echoed and run, exercises":
      "运行案例课程：讲解、逐条显示并运行命令、练习",
    "narration in a lesson: print the text in the session's language":
      "课程中的讲解：按当前语言显示文字",
    "in a lesson at the prompt, wait for Enter (q stops the lesson)":
      "在提示符下的课程中等待回车（q 结束课程）",
    "ask a question; the learner's answer is compared with the model answer":
      "提出问题，把学员的答案与标准答案比较",
    "add (or with update=yes change) a table's rows from a CSV file, all or nothing":
      "从CSV文件添加（或用 update=yes 修改）数据表的行，要么全部成功，要么全不执行",
    "load a directory written by `export all` into an empty store":
      "把 `export all` 写出的目录载入空数据库",
    "write a table to a CSV or JSON file":
      "把数据表写入CSV或JSON文件",
    "write every table as CSV plus a manifest into a directory":
      "把所有数据表写成CSV并附清单，存入一个目录",
    "grade a prospect A–D by how far it meets the conditions to buy":
      "按满足购买条件的程度把准客户划为A–D级",
    "the prospect table: visit frequency and expected purchase per grade":
      "准客户等级表：各等级的访问频率和预计购买时间",
    "prospects whose next visit is due":
      "下次访问已到期的准客户",
    "visits per grade and role (the visit plan table)":
      "各等级、各职务的访问次数（客户访问计划表）",
    "record a visit or call on a customer":
      "记录一次客户访问或电话",
    "visits due per customer and role in a month":
      "某月各客户、各职务应做的访问",
    "customers and roles behind their visit plan":
      "未完成访问计划的客户和职务",
    "command":
      "命令",
    "what it does":
      "用途",
    "Type `help COMMAND` for its arguments, an example and its chapter section.":
      "输入 `help 命令` 查看其参数、示例和对应章节。",
    "Example:":
      "示例：",
    "Chapter:":
      "章节：",
    "kehu default (editable): the chapter gives no calendar":
      "kehu 默认（可修改）：章节未给出日历",
    "§1 dynamic management":
      "§1 动态管理",
    "§3.3 (5); the weighing: kehu default (editable)":
      "§3.3 (5)；权重：kehu 默认（可修改）",
    "§4 claims rules 3, 6":
      "§4 索赔规则 3、6",
    "§4 principle 02 (handle promptly); the days: kehu default (editable)":
      "§4 原则 02（及时处理）；天数：kehu 默认（可修改）",
    "§4 principle 03":
      "§4 原则 03",
    "§4 principle 04":
      "§4 原则 04",
    "§5 collection procedure (收账程序)":
      "§5 收账程序",
    "§5 collection procedure (收账程序); the steps and days: kehu default (editable)":
      "§5 收账程序；步骤和天数：kehu 默认（可修改）",
    "(optional)":
      "（可选）",
    "error: {0}":
      "错误：{0}",
    "unknown command `{0}`":
      "未知命令 `{0}`",
    "; did you mean `{0}`?":
      "；是不是 `{0}`？",
    "type `help` for the list of commands":
      "输入 `help` 查看命令列表",
    "unknown subcommand `{0}` for `{1}`":
      "`{1}` 没有子命令 `{0}`",
    "; did you mean `{0} {1}`?":
      "；是不是 `{0} {1}`？",
    "`{0}` has: {1}":
      "`{0}` 的子命令：{1}",
    "`{0}` needs a subcommand: {1}":
      "`{0}` 需要子命令：{1}",
    "no command `{0}`":
      "没有命令 `{0}`",
    "no customer {0}":
      "没有客户 {0}",
    "unknown setting `{0}`":
      "未知设置 `{0}`",
    "settings: {0}":
      "设置项：{0}",
    "`{0}` must be one of {1}, not `{2}`":
      "`{0}` 必须是 {1} 之一，而不是 `{2}`",
    "cannot read `{0}`":
      "无法读取 `{0}`",
    "cannot write `{0}`":
      "无法写入 `{0}`",
    "cannot write `{0}`: {1}":
      "无法写入 `{0}`：{1}",
    "`{0}` cannot be negative, not `{1}`":
      "`{0}` 不能为负数，而不是 `{1}`",
    "`{0}` must be more than zero, not `{1}`":
      "`{0}` 必须大于零，而不是 `{1}`",
    "`{0}` holds the invisible or control character {1} at character {2}":
      "`{0}` 的第 {2} 个字符处含有不可见字符或控制字符 {1}",
    "not valid UTF-8 (byte 0x{0}); scripts are read as UTF-8":
      "不是有效的 UTF-8（字节 0x{0}）；脚本按 UTF-8 读取",
    "cannot write `{0}`: it is a directory":
      "无法写入 `{0}`：它是一个目录",
    "cannot write `{0}`: it is a symbolic link, which kehu does not replace; name its target":
      "无法写入 `{0}`：它是一个符号链接，kehu 不会替换它；请写出它指向的文件",
    "cannot write `{0}`: it is a device, a FIFO or a socket, not a regular file":
      "无法写入 `{0}`：它是设备、FIFO 或套接字，不是普通文件",
    "interrupted":
      "已中断",
    "no scenario is open":
      "没有打开的情景",
    "setting":
      "设置",
    "value":
      "值",
    "values":
      "可选值",
    "how results are printed":
      "结果的显示方式",
    "rows as lines, or each row as a card":
      "每行一条，或每行一张卡片",
    "rows as lines, or each row as a card, or cards only when the lines do not fit":
      "每行一条，或每行一张卡片，或仅在一行放不下时用卡片",
    "keeps the rows where EXPR is true (null counts as false)":
      "保留 EXPR 为真的行（null 视为假）",
    "keeps and computes columns, in that order":
      "按顺序保留并计算列",
    "adds computed columns":
      "添加计算列",
    "orders the rows (stable); nulls first ascending":
      "对行排序（稳定）；升序时 null 在前",
    "the first N rows":
      "前 N 行",
    "one row per key (one row without `by`); aggregates: count, sum, avg, min, max, median, count_distinct":
      "每个键一行（没有 `by` 时一行）；聚合：count、sum、avg、min、max、median、count_distinct",
    "adds the joined table's columns; inner by default, `left` keeps rows without a match":
      "加入所连接表的列；默认内连接，`left` 保留没有匹配的行",
    "one row per distinct combination":
      "每种不同组合一行",
    "one row, one column `count`":
      "一行一列 `count`",
    "draws the result as text bars or a line (or writes the same chart as SVG); last verb only":
      "把结果画成文字条形图或折线（或把同一张图写成 SVG）；只能作最后一个动词",
    "writes the result (CSV, or JSON for .json) instead of showing it; last verb only":
      "把结果写入文件（CSV；.json 为 JSON）而不显示；只能作最后一个动词",
    "binds $NAME to the value or result at that moment; later changes do not change it":
      "把 $NAME 绑定到当时的值或结果；之后的修改不影响它",
    "runs the statements once per value, with $NAME bound":
      "对每个值运行一次语句，并绑定 $NAME",
    "changes many rows as one journaled, audited change and prints how many changed":
      "把多行修改作为一次记入日志并审计的变更，并显示改了多少行",
    "Functions (write them with parentheses):":
      "函数（调用时要带括号）：",
    "Settings (`set NAME VALUE`; `set` lists them with their values):":
      "设置（`set 名称 值`；`set` 列出全部设置及其值）：",
    "A query is a source (a table, $NAME or range(…)) and verbs joined by `|`:":
      "查询由一个来源（表、$NAME 或 range(…)）和用 `|` 连接的动词组成：",
    "Type `help VERB`, `help functions`, `help let`, `help for` or `help update`.":
      "输入 `help 动词`、`help functions`、`help let`、`help for` 或 `help update`。",
    "The query language: `help query`, `help VERB`, `help functions`, `help let`, `help for`, `help update`; `help settings`.":
      "查询语言：`help query`、`help 动词`、`help functions`、`help let`、`help for`、`help update`；设置：`help settings`。",
    "rows shown before the rest is counted":
      "显示的行数，其余只计数",
    "the date every calculation takes as today":
      "所有计算采用的“今天”",
    "who changes are recorded as (audit)":
      "修改记录在谁的名下（审计）",
    "print each statement's run time":
      "显示每条语句的运行时间",
    "print each statement before its output":
      "在输出前显示每条语句",
    "sync changes to disk after every statement, or in groups of 1,000":
      "每条语句后写入磁盘，或每1,000项修改写入一次",
    "days in a year for rates and average balances":
      "计算利率和平均余额时一年的天数",
    "ageing bucket edges in days past due":
      "账龄区间的逾期天数界线",
    "the language of messages, help and lessons":
      "消息、帮助和课程所用的语言",
    "The case library":
      "案例库",
    "`case open NAME` loads one into a scratch store; `lesson NAME` walks through it":
      "`case open 名称` 把案例载入临时数据库；`lesson 名称` 逐步讲解",
    "case {0} has no file `{1}`":
      "案例 {0} 没有文件 `{1}`",
    "files: {0}":
      "文件：{0}",
    "wrote {0} files of case {1} to {2}: {3}":
      "已把案例 {1} 的 {0} 个文件写入 {2}：{3}",
    "no case is open":
      "没有打开的案例",
    "closed case {0}; back on {1}":
      "已关闭案例 {0}，回到 {1}",
    "end of lesson {0}; the case stays open (`case close` goes back to your store)":
      "课程 {0} 结束；案例仍然打开（`case close` 回到自己的数据库）",
    "lesson {0} stopped; the case stays open (`case close` goes back to your store)":
      "课程 {0} 已中止；案例仍然打开（`case close` 回到自己的数据库）",
    "end of lesson {0}": "课程 {0} 结束",
    "lesson {0} stopped": "课程 {0} 已中止",
    "[Enter: go on, q: stop the lesson] ":
      "[回车：继续，q：结束课程] ",
    "Exercise: {0}":
      "练习：{0}",
    "Model answer:":
      "标准答案：",
    "answer (Enter shows the model answer)> ":
      "答案（回车显示标准答案）> ",
    "Try again, or press Enter to see the model answer.":
      "再试一次，或按回车查看标准答案。",
    "Right: the same result as the model answer ({0}).":
      "正确：与标准答案（{0}）的结果相同。",
    "Not the same result as the model answer. Try again, or press Enter to see it.":
      "与标准答案的结果不同。再试一次，或按回车查看标准答案。",
    "an exercise needs `expect` and its model answer: exercise \"QUESTION\" expect QUERY":
      "练习需要 `expect` 和标准答案：exercise \"问题\" expect 查询",
    "an exercise needs a question and a model answer: exercise \"QUESTION\" expect QUERY":
      "练习需要问题和标准答案：exercise \"问题\" expect 查询",
    "unexpected `{0}` in an exercise":
      "练习中有多余的 `{0}`",
    "error: the lesson expected this statement to be refused":
      "错误：课程预期这条语句会被拒绝",
    "the lesson {0} failed; no handout written:\n{1}":
      "课程 {0} 运行失败，未写出讲义：\n{1}",
    "wrote the handout of {0} to {1}; charts beside it: {2}":
      "已把 {0} 的讲义写入 {1}；旁边的图表：{2} 个",
    "The chapter's review questions (复习思考题)":
      "复习思考题",
    "lessons: {0}":
      "课程：{0}",
    "commands: {0}":
      "命令：{0}",
    "`lesson NAME` walks through a case; `help COMMAND` explains a command":
      "`lesson 名称` 逐步讲解一个案例；`help 命令` 说明一个命令",
    "write the lesson as Markdown, with its charts beside it":
      "把课程写成 Markdown 讲义，图表放在旁边",
    "the Chinese text":
      "中文文字",
    "the question in Chinese":
      "中文问题",
    "`expect` then the model answer (a query or command)":
      "`expect` 后接标准答案（查询或命令）",
    "Sales performance by customer, Pareto (Figure 4-1, 客户等级划分图), by {0}":
      "按客户的销售业绩帕累托分析（图4-1 客户等级划分图），按{0}",
    "ABC grading by monthly average sales (Tables 4-12, 4-13)":
      "按月平均销售额的ABC分级（表4-12、表4-13）",
    "Monthly average sales (Table 4-12)":
      "月平均销售额（表4-12）",
    "chart written to {0} ({1} bars)":
      "图表已写入 {0}（{1} 个柱）",
    "the store is open read-only (--read-only); `{0}` changes it":
      "数据库以只读方式打开（--read-only）；`{0}` 会修改它",
    "a statement must start with a command or a table name":
      "语句必须以命令或数据表名开头",
    "`{0}` needs {1}":
      "`{0}` 需要 {1}",
    "`{0}=` needs a value":
      "`{0}=` 需要一个值",
    "unknown argument `{0}` for `{1}`":
      "`{1}` 没有参数 `{0}`",
    "`{0}` takes no name=value arguments":
      "`{0}` 不接受 名称=值 形式的参数",
    "valid arguments: {0}":
      "可用参数：{0}",
    "`{0}` is given twice":
      "`{0}` 给了两次",
    "unexpected `{0}`: `{1}` takes no more words":
      "多余的 `{0}`：`{1}` 不再接受更多参数",
    "usage: {0}":
      "用法：{0}",
    "`{0}` must be {1}, not `{2}`":
      "`{0}` 必须是{1}，而不是 `{2}`",
    "text":
      "文字",
    "a whole number":
      "整数",
    "an amount":
      "金额",
    "a percentage":
      "百分比",
    "a number":
      "数字",
    "a date (YYYY-MM-DD)":
      "日期（YYYY-MM-DD）",
    "yes or no":
      "是或否",
    "a customer id":
      "客户编号",
    "a table name":
      "数据表名",
    "a file path":
      "文件路径",
    "a command":
      "命令",
    "a setting name":
      "设置名",
    "acknowledge a complaint (within the policy's deadline)":
      "确认投诉（在规定期限内）",
    "start establishing the facts (§4 method 02)":
      "开始查明事实（§4 方法02）",
    "put a solution to the customer (§4 method 03)":
      "向客户提出解决方案（§4 方法03）",
    "record that the customer accepted the solution":
      "记录客户已接受解决方案",
    "close a resolved complaint":
      "结案已解决的投诉",
  ]
}
