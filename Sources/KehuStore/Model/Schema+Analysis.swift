/// The tables of customer analysis (§2.2, §2.3, §2.5, §2.6).
extension Catalog {
  /// Sales areas by group (§2.6 step 5): code A/B/C/D, name, boundaries.
  public static let areas = TableDef(
    "areas", key: "code",
    [
      ColumnDef("code", .text, nullable: false), ColumnDef("name", .text, nullable: false),
      ColumnDef("group", .int), ColumnDef("bounds", .text), ColumnDef("remarks", .text),
    ])

  /// Monthly sales targets per customer (客户销售预定及成绩进度表, §2.6 step 7).
  public static let targets = TableDef(
    "targets", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), .coded("month", nullable: false),
      ColumnDef("amount", .money, nullable: false),
    ])

  /// Changes to the grade × role visit table of §2.6 step 6; key `A:handler`. Rows not
  /// here keep the chapter's defaults.
  public static let visitPolicy = TableDef(
    "visit_policy", key: "key",
    [
      ColumnDef("key", .text, nullable: false), .coded("grade", nullable: false),
      .coded("role", nullable: false), ColumnDef("count", .int), ColumnDef("months", .int),
      ColumnDef("text", .text),
    ])

  /// Changes to the prospect table of §2.2; grades not here keep the chapter's defaults.
  public static let prospectPolicy = TableDef(
    "prospect_policy", key: "grade",
    [
      ColumnDef("grade", .text, nullable: false), ColumnDef("every", .int), ColumnDef("visits", .text),
      ColumnDef("purchase", .text),
    ])

  /// What the user writes into the ten-item evaluation table of §2.3.
  public static let evaluationNotes = TableDef(
    "evaluation_notes", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("item", .int, nullable: false),
      ColumnDef("comment", .text), ColumnDef("problem", .text), ColumnDef("measure", .text),
      // The figures the store cannot derive: item 5, the sales expense spent on the customer
      // over the last 12 months; item 8, its support for our sales on a scale of 1 to 5.
      ColumnDef("expense", .money), ColumnDef("support", .int),
    ])

  /// Stock counts, for inventory turnover (§2.5 (1) 5).
  public static let stockCounts = TableDef(
    "stock_counts", key: "id",
    [
      ColumnDef("id", .int, nullable: false),
      .coded("product", nullable: false),
      ColumnDef("date", .date, nullable: false), ColumnDef("quantity", .int, nullable: false),
    ])

  static let analysisTables = [areas, targets, visitPolicy, prospectPolicy, evaluationNotes, stockCounts]
}
