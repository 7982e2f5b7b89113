/// Chinese for the charts and the progress line (issue 21).
extension ChineseMessages {
  static let charts: [String: String] = [
    "`text` draws the Pareto chart under the table; FILE.svg writes it":
      "`text` 在表格下画出帕累托图；FILE.svg 把图写成文件",
    "sales over {0} months":
      "{0} 个月的销售额",
    "Days sales outstanding (DSO) by month, {0} to {1}":
      "按月的应收账款周转天数（DSO），{0} 至 {1}",
    "rule: DSO = receivables ÷ credit sales of the period × days in the period":
      "规则：DSO = 应收账款 ÷ 期间赊销额 × 期间天数",
    "each month on its own: receivables at its last day, credit sales invoiced in it; no sales, no DSO":
      "每月单独计算：应收账款取月末余额，赊销额取当月开票额；当月无销售则无 DSO",
    "one DSO per calendar month, drawn as a line of bars":
      "每个日历月一个 DSO，画成一排柱",
    "`chart` draws the months of `by=month`":
      "`chart` 画的是 `by=month` 的各月",
    "draw text charts with Unicode blocks or plain ASCII":
      "文字图表用 Unicode 方块或纯 ASCII 字符画",
    "the width text charts are fitted to":
      "文字图表适应的宽度",
    "`width` must be a number of columns from 20 to 1000 or `auto`, not `{0}`":
      "`width` 必须是 20 到 1000 之间的列数或 `auto`，不能是 `{0}`",
    "show a progress line during long work at a terminal":
      "在终端上为耗时的工作显示进度行",
    "({0} earlier points left out to fit the width)":
      "（为适应宽度，省略了较早的 {0} 个点）",
    "customers, ranked":
      "客户（按排名）",
    "cumulative share":
      "累计份额",
    "{0}: {1} customers":
      "{0}：{1} 个客户",
    "`text` draws a chart under the table; a FILE.svg name writes it as SVG":
      "`text` 在表格下画图；给出 FILE.svg 文件名则写成 SVG",
    "`chart` must be `text` or a file name ending in .svg, not `{0}`":
      "`chart` 必须是 `text` 或以 .svg 结尾的文件名，不能是 `{0}`",
    "{0} by {1}":
      "{0}（按 {1}）",
    "… {0} more bars (set rows all to see them)":
      "… 还有 {0} 个柱（set rows all 可全部显示）",
    "{0}/s":
      "{0}/秒",
    // The `chart` verb's errors (KehuQuery builds them as message keys).
    "`chart` must end the pipeline":
      "`chart` 必须位于管道末尾",
    "a chart is written as SVG: the file name must end in .svg":
      "图表写成 SVG：文件名必须以 .svg 结尾",
    "`chart` measures numbers, but \"{0}\" is {1}":
      "`chart` 度量的是数字，但 \"{0}\" 是 {1}",
  ]
}

extension ChineseMessages {
  static let progress: [String: String] = [
    "generating":
      "正在生成",
    "writing {0}":
      "正在写入 {0}",
    "lost: {0}":
      "丢失：{0}",
    "nothing was lost":
      "没有丢失任何内容",
  ]
}

extension ChineseMessages {
  static let transferProgress: [String: String] = [
    "importing {0}":
      "正在导入 {0}",
    "exporting {0}":
      "正在导出 {0}",
    "exporting to {0}":
      "正在导出到 {0}",
    "opening the store":
      "正在打开数据库",
    "{0} s":
      "{0} 秒",
  ]
}
