/// The complaint records of §4 beyond the `complaints` table itself: the timeline of every
/// step (who, when, what), recovery claims against suppliers and carriers, and the per-type
/// deadline policy ("keep complaint records in a set of forms", 投诉管理表格).
extension Catalog {
  public static let complaintEvents = TableDef(
    "complaint_events", key: "id",
    [
      ColumnDef("id", .int, nullable: false),
      ColumnDef("complaint", .int, nullable: false, references: "complaints"),
      // Kept beside the complaint so purging a customer removes its timeline too.
      .customerRef(),
      ColumnDef("time", .timestamp, nullable: false), .coded("actor"),
      .coded(
        "event", nullable: false,
        allowed: [
          "received", "acknowledged", "investigating", "proposed", "resolved", "closed", "reopened",
          "responsibility", "meeting", "remedy", "claim", "recovery",
        ]),
      .coded("stage"), ColumnDef("note", .text), ColumnDef("amount", .money),
    ])

  public static let complaintClaims = TableDef(
    "complaint_claims", key: "id",
    [
      ColumnDef("id", .int, nullable: false),
      ColumnDef("complaint", .int, nullable: false, references: "complaints"), .customerRef(),
      .coded("against", nullable: false, allowed: ["supplier", "carrier"]),
      ColumnDef("opened", .date, nullable: false),
      ColumnDef("claimed", .money, nullable: false), ColumnDef("recovered", .money, nullable: false),
      ColumnDef("recovered_on", .date),
    ])

  public static let complaintPolicy = TableDef(
    "complaint_policy", key: "type",
    [
      ColumnDef("type", .text, nullable: false),
      ColumnDef("ack_days", .int, nullable: false), ColumnDef("ack_working", .bool),
      ColumnDef("resolve_days", .int, nullable: false), ColumnDef("resolve_working", .bool),
    ])
}

/// The four kinds of complaint of §4 (投诉的类型): the one list the schema, the generator,
/// the commands' choices and the policy table read.
public enum ComplaintType: String, CaseIterable, Sendable {
  case quality, contract, transport, service

  /// The chapter's name for it.
  public var chinese: String {
    switch self {
    case .quality: return "商品质量"
    case .contract: return "购销合同"
    case .transport: return "货物运输"
    case .service: return "服务"
    }
  }

  public static var names: [String] { allCases.map(\.rawValue) }
}
