/// The query language's errors and notes (KehuQuery builds them as message keys).
extension ChineseMessages {
  static let query: [String: String] = [
    "unknown verb `{0}`; SQL's `{1}` is `{2}` here":
      "未知动词 `{0}`；SQL 的 `{1}` 在这里写作 `{2}`",
    "strings take double quotes: write \"华东\", not '华东'":
      "字符串要用双引号：写 \"华东\"，不要写 '华东'",
    "there is no `like`; to match part of a text write contains(name, \"王\") or starts_with(name, \"王\")":
      "没有 `like`；匹配文本的一部分请写 contains(name, \"王\") 或 starts_with(name, \"王\")",
    "${0} is a table; use it as a source: `${1} | …`":
      "${0} 是一个表；请把它作为数据源：`${1} | …`",
    "{0} needs numbers, not {1}":
      "{0} 需要数字，而不是 {1}",
    "{0} takes one argument: {1}(x)":
      "{0} 只接受一个参数：{1}(x)",
    "`=` names a column; compare with `==`":
      "`=` 用于给列命名；比较请用 `==`",
    "`{0}` works over the whole result; use it in `derive` or `select`":
      "`{0}` 作用于整个结果；请在 `derive` 或 `select` 中使用",
    "`{0}` cannot combine {1} and {2}{3}":
      "`{0}` 不能把 {1} 和 {2} 组合{3}",
    "`{0}` needs true/false on both sides; the {1} side is {2}":
      "`{0}` 两边都需要真/假值；{1} 边是 {2}",
    "`export` must end the pipeline":
      "`export` 必须位于管道末尾",
    "`not` needs true/false, but this is {0}":
      "`not` 需要真/假值，但这里是 {0}",
    "`take` needs a whole number of rows, 0 or more":
      "`take` 需要 0 或更大的整数行数",
    "`where` needs a true/false condition, but this is {0}":
      "`where` 需要真/假条件，但这里是 {0}",
    "a duration is a whole number of days or weeks":
      "时长是整数天或整数周",
    "aggregate `{0}` belongs in `summarize`":
      "聚合函数 `{0}` 应在 `summarize` 中使用",
    "aggregates do not nest":
      "聚合函数不能嵌套",
    "bad escape; write `\\u{4E2D}`":
      "转义有误；请写作 `\\u{4E2D}`",
    "bad number `{0}`; durations are written `30d` or `2w`":
      "数字 `{0}` 有误；时长写作 `30d` 或 `2w`",
    "cannot compare {0} with {1} using `{2}`":
      "不能用 `{2}` 比较 {0} 与 {1}",
    "cannot compare {0} with {1} in a list":
      "不能在列表中比较 {0} 与 {1}",
    "cannot join {0} with {1}":
      "不能把 {0} 与 {1} 连接",
    "cannot negate {0}":
      "不能对 {0} 取负",
    "cannot set {0} column \"{1}\" to {2}":
      "不能把 {0} 列 \"{1}\" 设为 {2}",
    "coalesce mixes {0} and {1}":
      "coalesce 混用了 {0} 和 {1}",
    "coalesce takes 2 or more arguments: coalesce(a, b)":
      "coalesce 需要 2 个或更多参数：coalesce(a, b)",
    "column \"{0}\" is set twice":
      "列 \"{0}\" 被设置了两次",
    "column \"{0}\" is named twice":
      "列 \"{0}\" 被命名了两次",
    "column \"{0}\" is selected twice":
      "列 \"{0}\" 被选择了两次",
    "column \"{0}\" must be inside an aggregate such as sum({1}), or listed after `by`":
      "列 \"{0}\" 必须放在聚合函数中（如 sum({1})），或列在 `by` 之后",
    "comparisons do not chain; write `a < b and b < c`":
      "比较不能连写；请写作 `a < b and b < c`",
    "duration too large":
      "时长太大",
    "expected a variable name after `$`":
      "`$` 之后应为变量名",
    "if takes 3 arguments: if(condition, then, else)":
      "if 需要 3 个参数：if(条件, 则, 否则)",
    "integer too large":
      "整数太大",
    "no column \"{0}\" in {1}{2}":
      "{1} 中没有列 \"{0}\"{2}",
    "no function \"{0}\"{1}":
      "没有函数 \"{0}\"{1}",
    "no such date `{0}`":
      "没有日期 `{0}`",
    "no table \"{0}\"":
      "没有表 \"{0}\"",
    "no table \"{0}\"{1}":
      "没有表 \"{0}\"{1}",
    "no variable ${0}{1}":
      "没有变量 ${0}{1}",
    "no variables are set; bind one with `let NAME = …`":
      "尚未设置变量；用 `let NAME = …` 绑定",
    "number too large (overflow)":
      "数字太大（溢出）",
    "number too large":
      "数字太大",
    "division by zero":
      "除数为零",
    "range needs three numbers, three percentages, or two dates and a duration; found {0}, {1}, {2}":
      "range 需要三个数字、三个百分比，或两个日期加一个时长；实际为 {0}、{1}、{2}",
    "range would give more than 100,000 values":
      "range 将产生超过 100,000 个值",
    "rank takes no arguments: rank()":
      "rank 不接受参数：rank()",
    "columns in {0}: {1}":
      "{0} 中的列：{1}",
    "no columns are in scope here":
      "此处没有可用的列",
    "the branches of if differ: {0} and {1}":
      "if 的两个分支类型不同：{0} 和 {1}",
    "the condition of if must be true/false, not {0}":
      "if 的条件必须是真/假值，而不是 {0}",
    "the step of a range must be more than zero":
      "range 的步长必须大于零",
    "this statement is run by the shell":
      "此语句由外壳执行",
    "unexpected `}` with no open `{`":
      "出现了多余的 `}`，没有对应的 `{`",
    "unexpected character `{0}`":
      "意外的字符 `{0}`",
    "unknown escape `\\{0}` in a string":
      "字符串中有未知的转义 `\\{0}`",
    "unknown verb `{0}`; the verbs are {1}":
      "未知的动词 `{0}`；动词有 {1}",
    "unknown verb `{0}`{1}":
      "未知的动词 `{0}`{1}",
    "; did you mean {0}?":
      "；是否要找 {0}？",
    "{0} or {1}":
      "{0} 或 {1}",
  ]
}
