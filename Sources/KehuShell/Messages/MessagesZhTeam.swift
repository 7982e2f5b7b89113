/// The team store's refusals and faults (KehuPostgres builds them as message keys; the shell
/// shows them in the session's language).
extension ChineseMessages {
  static let team: [String: String] = [
    "the local cache was damaged and is rebuilt from the database ({0})":
      "本地缓存已损坏，正从数据库重建（{0}）",
    "the local cache was damaged and is rebuilt from the database (its position does not match)":
      "本地缓存已损坏，正从数据库重建（其位置对不上）",
    "the local cache could not be written in {0} ({1}); the next open reads the database in full":
      "无法在 {0} 写入本地缓存（{1}）；下次打开时将完整读取数据库",
    "{0}: not a database address: {1}":
      "{0}：不是数据库地址：{1}",
    "it must start with postgresql://":
      "须以 postgresql:// 开头",
    "the port '{0}' is not a number from 1 to 65535":
      "端口“{0}”不是 1 到 65535 之间的数",
    "the schema '{0}' must be letters, digits and _":
      "模式“{0}”只能由字母、数字和 _ 组成",
    "cannot reach the database {0}: {1}":
      "连不上数据库 {0}：{1}",
    "the connection to the database {0} was lost ({1})":
      "与数据库 {0} 的连接断开了（{1}）",
    "{0} holds no kehu store (schema {1}); create one with `kehu pg init`":
      "{0} 里没有 kehu 数据库（模式 {1}）；请先用 `kehu pg init` 创建",
    "{0} already holds a kehu store (schema {1}); nothing was changed":
      "{0} 里已有 kehu 数据库（模式 {1}）；未做任何更改",
    "the database login {0} may change only the customers it owns (owner {1}) and their rows; nothing was changed (the database said: {2})":
      "数据库登录名 {0} 只能更改自己负责的客户（负责人 {1}）及其记录；未做任何更改（数据库的原话：{2}）",
    "kehu_manager (approvals, overrides, purge)":
      "kehu_manager（审批、越权放行、清除）",
    "kehu_clerk (day-to-day changes)":
      "kehu_clerk（日常更改）",
    "the database login {0} may not make this change: it needs the role {1}; nothing was changed (the database said: {2})":
      "数据库登录名 {0} 无权做此更改：需要角色 {1}；未做任何更改（数据库的原话：{2}）",
    "{0}; whether the change was committed is not known: the next statement reads the change log and shows it if it was":
      "{0}；不知道这次更改是否已提交：下一条语句会读取变更日志，若已提交即可看到",
    "{0} {1} was changed by {2} at {3} after this statement read it; nothing was changed: look at it again and repeat the change":
      "{0} {1} 在本语句读取之后已被 {2} 于 {3} 更改；未做任何更改：请重新查看后再做一次",
    "{0} is not empty ({1} has {2} rows); push copies into an empty store only; nothing was changed":
      "{0} 不是空的（{1} 有 {2} 行）；push 只复制到空数据库；未做任何更改",
    "{0} does not match after the copy: {1} has {2} rows (checksum {3}) where {4} (checksum {5}) were copied":
      "复制后 {0} 不一致：{1} 有 {2} 行（校验和 {3}），而复制的是 {4} 行（校验和 {5}）",
    "{0} was made by an earlier kehu: it lacks {1}; nothing was changed. Add them once with `kehu pg upgrade {2}` (as the login that ran `kehu pg init`), then open it again":
      "{0} 是早先版本的 kehu 创建的：缺少 {1}；未做任何更改。请用 `kehu pg upgrade {2}` 补上一次（以当初运行 `kehu pg init` 的登录名），然后再打开",
    "the upgrade of {0} left {1} missing; nothing was changed":
      "升级 {0} 后仍缺少 {1}；未做任何更改",
    "1 change by others: it shows at your next statement":
      "其他人做了 1 处更改：下一条语句时即可看到",
    "{0} changes by others: they show at your next statement":
      "其他人做了 {0} 处更改：下一条语句时即可看到",
    "customer codes that are not plain numbers (HD-001) are not kept in a database store yet: use numeric customer ids there; nothing was changed":
      "数据库存储暂不支持非纯数字的客户编码（如 HD-001）：请在其中使用数字客户号；未做任何更改",
  ]
}
