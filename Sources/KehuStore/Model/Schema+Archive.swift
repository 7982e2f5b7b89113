/// The tables of §2.4's archive process: the trade start investigation form with its two
/// approvals, the competitor survey, and the development tasks a sales department hands out.
extension Catalog {
  /// 交易开始调查书 (§2.4 rule 5.1): filed by the responsible person, approved by the unit
  /// head and then by the chairman; `stage` says which approval is awaited.
  public static let tradeStarts = TableDef(
    "trade_starts", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("filed", .date, nullable: false), .coded("filed_by"),
      .coded("direction", allowed: ["sell", "buy"]), ColumnDef("expected", .money),
      ColumnDef("note", .text),
      .coded("stage", nullable: false, allowed: ["unit-head", "chairman", "approved"]),
      .coded("unit_head"), ColumnDef("unit_head_date", .date),
      .coded("chairman"), ColumnDef("chairman_date", .date),
    ])

  /// 竞争对手情况调查表 (§2.4 step 3): one competitor as seen in an area or at a customer.
  public static let competitors = TableDef(
    "competitors", key: "id",
    [
      ColumnDef("id", .int, nullable: false), ColumnDef("name", .text, nullable: false),
      ColumnDef("strengths", .text), ColumnDef("weaknesses", .text), .coded("area"),
      ColumnDef("customer", .int, references: "customers"), ColumnDef("recorded", .date),
      .coded("recorded_by"),
    ])

  /// Development tasks (§2.4 step 4): a prospect handed to a member of staff by a due date.
  public static let developTasks = TableDef(
    "develop_tasks", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), .coded("staff", nullable: false),
      ColumnDef("assigned", .date, nullable: false), ColumnDef("due", .date, nullable: false),
      ColumnDef("note", .text), ColumnDef("done", .date), ColumnDef("result", .text),
      .coded("assigned_by"),
    ])

  /// The source of a prospect (§2.4 step 1), the values `customers.source` accepts.
  public static let prospectSources = [
    "government", "bank", "consultancy", "research", "trade-fair", "directory", "referral", "other",
  ]
}
