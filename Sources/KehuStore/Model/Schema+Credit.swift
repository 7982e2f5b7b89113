/// The credit-management tables of §3: scorecards, investigations, reviews, emergency
/// reports, countermeasures, refused-invoice overrides and the editable credit policy.
extension Catalog {
  /// One scorecard of §3.3 (5) per row; the latest per customer is the one used.
  public static let creditScores = TableDef(
    "credit_scores", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      ColumnDef("profitability", .int), ColumnDef("safety", .int), ColumnDef("liquidity", .int),
      ColumnDef("sales", .int), ColumnDef("purchasing", .int), ColumnDef("staff", .int), .coded("by"),
    ])

  /// §3.1: one investigation through one channel, with the warning signs it found.
  public static let creditInvestigations = TableDef(
    "credit_investigations", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      .coded("channel", allowed: ["bank", "agency", "association", "internal"]),
      // Sign ids separated by commas (O1,F3): the checklist itself lives in KehuDomain.
      ColumnDef("signs", .text), ColumnDef("note", .text), .coded("by"),
    ])

  /// §3.2: periodic reports on a customer's credit.
  public static let creditReviews = TableDef(
    "credit_reviews", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      .coded("class", allowed: ["A", "B", "C"]), ColumnDef("note", .text), .coded("by"),
      // The warning signs the ledger showed on the review's day, kept in the credit file.
      ColumnDef("signs", .text),
    ])

  /// §3.2 emergency reports: the customer is on watch until `instructed` is set.
  public static let creditAlerts = TableDef(
    "credit_alerts", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      ColumnDef("reason", .text), .coded("by"), ColumnDef("instructed", .date), .coded("instructed_by"),
      ColumnDef("measure", .text),
    ])

  /// §3.2 countermeasures: guarantor, deposit, notarized contract, shipment cap, subrogation
  /// and payment in kind.
  public static let creditMeasures = TableDef(
    "credit_measures", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      .coded(
        "kind", nullable: false,
        allowed: ["guarantor", "deposit", "notarize", "restrict", "subrogation", "in-kind"]),
      ColumnDef("detail", .text), ColumnDef("amount", .money), .coded("by"),
    ])

  /// New credit given although the exposure check refused it, and who allowed it.
  public static let creditOverrides = TableDef(
    "credit_overrides", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      ColumnDef("reference", .text), ColumnDef("amount", .money, nullable: false),
      ColumnDef("blocks", .text), .coded("by", nullable: false), ColumnDef("reason", .text),
    ])

  /// The credit policy's editable parameters (scorecard weights, step rule, defaults), one
  /// row per parameter that differs from the built-in value.
  public static let creditPolicy = TableDef(
    "credit_policy", key: "name",
    [ColumnDef("name", .text, nullable: false), ColumnDef("value", .text, nullable: false)])

  static let creditTables: [TableDef] = [
    creditScores, creditInvestigations, creditReviews, creditAlerts, creditMeasures, creditOverrides,
    creditPolicy,
  ]
}
