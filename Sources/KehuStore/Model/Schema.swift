/// How a column keeps its cells in memory and on disk.
public enum StorageKind: UInt8, Sendable, Hashable {
  /// `[Int64]`; null is `Int64.min`. Used for int, money (fen) and timestamp.
  case int64 = 1
  /// `[Int32]` day numbers; null is `Int32.min`.
  case day = 2
  /// `[Int64]` mantissa plus `[Int8]` scale; null is mantissa `Int64.min`.
  case decimal = 3
  /// `[UInt8]`: 0 false, 1 true, 2 null.
  case bool = 4
  /// Compact UTF-8: one byte buffer, offset and length per row.
  case text = 5
  /// Low-cardinality text as `[Int32]` codes into a dictionary; null is -1.
  case coded = 6
}

/// One column of a table as the catalog declares it.
public struct ColumnDef: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var storage: StorageKind
  public var nullable: Bool
  /// Computed by the store (an invoice's `paid`, `balance`); never written by a mutation.
  public var derived: Bool
  /// The only values a coded column accepts, when the chapter fixes them.
  public var allowed: [String]?
  /// The table whose key this column names (`customer` → customers).
  public var references: String?
  /// Holds customer codes (`CustomerCode`): the customers' id and every column naming a
  /// customer. Stored as `Int64` keys; shown, parsed, exported and compared as codes.
  public var isCustomerCode: Bool { references == "customers" || customerKey }
  var customerKey = false

  public init(
    _ name: String, _ type: ValueType, storage: StorageKind? = nil, nullable: Bool = true,
    derived: Bool = false, allowed: [String]? = nil, references: String? = nil
  ) {
    self.name = name
    self.type = type
    self.storage = storage ?? ColumnDef.defaultStorage(type)
    self.nullable = nullable
    self.derived = derived
    self.allowed = allowed
    self.references = references
  }

  static func defaultStorage(_ t: ValueType) -> StorageKind {
    switch t {
    case .int, .money, .timestamp, .null: return .int64
    case .date, .duration: return .day
    case .decimal, .percent: return .decimal
    case .bool: return .bool
    case .text: return .text
    }
  }

  static func coded(_ name: String, nullable: Bool = true, allowed: [String]? = nil) -> ColumnDef {
    ColumnDef(name, .text, storage: .coded, nullable: nullable, allowed: allowed)
  }
  static var customerId: ColumnDef {
    var c = ColumnDef("id", .int, nullable: false)
    c.customerKey = true
    return c
  }
  static func customerRef(_ name: String = "customer") -> ColumnDef {
    ColumnDef(name, .int, nullable: false, references: "customers")
  }
}

/// One table: its columns, and which column is the key. Integer keys may be generated
/// from a per-table counter that never goes back, so an id is never reused.
public struct TableDef: Sendable, Hashable {
  public var name: String
  public var columns: [ColumnDef]
  public var keyColumn: Int
  public var generatesKeys: Bool { columns[keyColumn].type == .int }

  public init(_ name: String, key: String, _ columns: [ColumnDef]) {
    self.name = name
    self.columns = columns
    self.keyColumn = columns.firstIndex { $0.name == key }!
  }

  func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
  public var key: ColumnDef { columns[keyColumn] }
}

/// The one definition of every table: the query checker, `describe` and Tab completion
/// read it, and the snapshot format follows it.
public enum Catalog {
  /// Bumped whenever a table or column is added; older snapshots remain readable.
  // Version 1: the first ten tables. Version 2: the archive workflow, receivables, credit,
  // analysis and complaint tables and the columns they added (trade_starts … credit_policy;
  // customers.retained_earnings … longitude, notes.invoice, visits.role, complaints.invoice …).
  // Version 3: the one receivables ledger (issue 14): credit_notes, notes.discounted …
  // recourse, notes.closed, invoices.note.
  // Tables and columns are stored by name, so every older version reads: a missing table
  // loads empty and a missing column null (a note with no `closed` day stood as it stands now).
  // Version 4: holidays; evaluation_notes.expense and .support; ladder.skip.
  // Version 5: orders (taken on credit, open until invoiced or cancelled); sales.invoice;
  // credit_reviews.signs.
  // Version 6: customer codes (issue 18): the customers' id column keeps its code dictionary,
  // and ids from `CustomerCode.reservedBase` up stand for its entries. Older snapshots have
  // none, so they read as they are; an older kehu refuses a version 6 store rather than
  // take a code's key for a number.
  public static let formatVersion: UInt32 = 6

  /// The four customer classifications of §1 and their values: nature (性质: government body
  /// 政府机构, special company 特殊公司, ordinary company 普通公司, individual consumer 顾客个人,
  /// trading partner 交易伙伴), transaction stage (交易过程: had business before, trading now,
  /// about to trade), time (时间序列: old 老客户, new 新客户, potential 潜在客户), and volume
  /// and market position (交易数量和市场地位: major 主力客户, general 一般客户, scattered 零散客户).
  public static let classifications: [String: [String]] = [
    "nature": ["government", "special", "ordinary", "individual", "partner"],
    "stage": ["past", "current", "upcoming"],
    "tenure": ["old", "new", "potential"],
    "tier": ["major", "general", "scattered"],
  ]

  public static let customers = TableDef(
    "customers", key: "id",
    [
      .customerId,
      .coded("kind", nullable: false, allowed: ["individual", "company"]),
      ColumnDef("name", .text, nullable: false),
      // The individual or household card (§2.1).
      .coded("gender"), ColumnDef("address", .text), .coded("education"), ColumnDef("age", .int),
      ColumnDef("interests", .text), .coded("occupation"), ColumnDef("income", .money),
      // The company card (§2.1).
      ColumnDef("org_name", .text), ColumnDef("business_address", .text),
      .coded("enterprise_nature"), ColumnDef("business_scope", .text), ColumnDef("phone", .text),
      .coded("scale"), ColumnDef("daily_sales", .money), .coded("operating_status"),
      ColumnDef("credit_code", .text),
      // The four classifications of §1, and who and where.
      .coded("nature", allowed: Catalog.classifications["nature"]),
      .coded("stage", allowed: Catalog.classifications["stage"]),
      .coded("tenure", allowed: Catalog.classifications["tenure"]),
      .coded("tier", allowed: Catalog.classifications["tier"]), .coded("industry"),
      .coded("owner"), .coded("area"), ColumnDef("route_seq", .int),
      .coded("prospect_grade", allowed: ["A", "B", "C", "D"]), .coded("abc_grade"),
      .coded("credit_class", allowed: ["A", "B", "C"]),
      ColumnDef("credit_limit", .money), .coded("limit_method"), ColumnDef("limit_date", .date),
      // The figures the credit limit methods use (§3).
      ColumnDef("purchases", .money), ColumnDef("supply_share", .percent),
      ColumnDef("working_capital", .money), ColumnDef("current_assets", .money),
      ColumnDef("current_liabilities", .money), ColumnDef("assets", .money),
      ColumnDef("liabilities", .money), ColumnDef("suppliers", .int),
      .coded("status", nullable: false, allowed: ["prospect", "pending", "trading", "ended"]),
      .coded("source", allowed: prospectSources), ColumnDef("remarks", .text),
      ColumnDef("created", .timestamp), ColumnDef("updated", .timestamp),
      // The further figures the Altman Z-score needs (credit limit judgement, §3.3 (5)).
      ColumnDef("retained_earnings", .money), ColumnDef("ebit", .money),
      ColumnDef("equity_value", .money), ColumnDef("annual_sales", .money),
      // Where the customer is, for route ordering (§2.6 step 5); optional.
      ColumnDef("latitude", .decimal), ColumnDef("longitude", .decimal),
    ])

  public static let products = TableDef(
    "products", key: "code",
    [
      ColumnDef("code", .text, nullable: false), ColumnDef("name", .text), .coded("category"),
      .coded("unit"), ColumnDef("price", .money), ColumnDef("cost", .money),
    ])

  public static let sales = TableDef(
    "sales", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("date", .date, nullable: false), .coded("product"), ColumnDef("quantity", .int),
      ColumnDef("amount", .money, nullable: false), ColumnDef("cost", .money),
      // The invoice the line was sold on: a negative line (a return) with it is also a
      // credit note against that invoice.
      ColumnDef("invoice", .text, references: "invoices"),
    ])

  public static let invoices = TableDef(
    "invoices", key: "no",
    [
      ColumnDef("no", .text, nullable: false), .customerRef(),
      ColumnDef("date", .date, nullable: false), ColumnDef("due", .date),
      ColumnDef("amount", .money, nullable: false), .coded("terms"),
      ColumnDef("paid", .money, nullable: false, derived: true),
      ColumnDef("balance", .money, nullable: false, derived: true),
      // The dishonoured note whose debt this invoice reopens: not a sale, owed from the day the
      // note was dishonoured, aged from the note's own dates. Not a checked reference: notes
      // already name their invoice, and a reference each way would have no order to insert in.
      ColumnDef("note", .text),
    ])

  public static let payments = TableDef(
    "payments", key: "id",
    [
      ColumnDef("id", .int, nullable: false),
      ColumnDef("invoice", .text, references: "invoices"), .customerRef(),
      ColumnDef("date", .date, nullable: false), ColumnDef("amount", .money, nullable: false),
      .coded("method"),
    ])

  public static let notes = TableDef(
    "notes", key: "no",
    [
      ColumnDef("no", .text, nullable: false), .customerRef(),
      ColumnDef("amount", .money, nullable: false), ColumnDef("issued", .date),
      ColumnDef("matures", .date),
      .coded(
        "status", nullable: false, allowed: ["held", "discounted", "settled", "dishonoured"]),
      // The invoice a note was given for: its amount moved from that invoice to the note.
      ColumnDef("invoice", .text, references: "invoices"),
      // The day it was settled or dishonoured, so the ledger shows it as it stood on any day.
      ColumnDef("closed", .date),
      // Discounted at the bank (贴现): when, at what yearly rate over a year of how many days,
      // the discount interest and the proceeds, and whether the bank keeps recourse to us.
      ColumnDef("discounted", .date), ColumnDef("rate", .percent), ColumnDef("year", .int),
      ColumnDef("interest", .money), ColumnDef("proceeds", .money), ColumnDef("recourse", .bool),
    ])

  public static let visits = TableDef(
    "visits", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("date", .date, nullable: false), .coded("owner"),
      .coded("kind", allowed: ["visit", "call"]), ColumnDef("purpose", .text),
      ColumnDef("result", .text),
      // Who called, by the roles of the visit plan (§2.6 step 6); null is the handler.
      .coded("role"),
    ])

  public static let complaints = TableDef(
    "complaints", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("date", .date, nullable: false),
      .coded("type", allowed: ComplaintType.names),
      ColumnDef("description", .text), .coded("stage"), .coded("owner"),
      ColumnDef("resolution", .text), ColumnDef("compensation", .money),
      ColumnDef("closed", .date),
      // Issue 9: what it concerns, its deadlines (fixed when received, so a later policy
      // change does not rewrite history), when it was acknowledged and resolved, and who
      // was responsible.
      ColumnDef("invoice", .text, references: "invoices"), .coded("product"), ColumnDef("amount", .money),
      ColumnDef("ack_due", .date), ColumnDef("resolve_due", .date), ColumnDef("acknowledged", .date),
      ColumnDef("resolved", .date),
      .coded("responsibility", allowed: ["ours", "supplier", "carrier", "customer", "undetermined"]),
      .coded("remedy", allowed: ["apology", "replace", "refund", "compensate"]),
    ])

  public static let collections = TableDef(
    "collections", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("invoice", .text, references: "invoices"),
      ColumnDef("date", .date, nullable: false), .coded("step"), .coded("method"),
      .coded("owner"), ColumnDef("amount", .money), ColumnDef("remarks", .text),
    ])

  public static let audit = TableDef(
    "audit", key: "id",
    [
      ColumnDef("id", .int, nullable: false), ColumnDef("time", .timestamp, nullable: false),
      .coded("actor"), .coded("table", nullable: false), ColumnDef("row", .text, nullable: false),
      .coded("field"), ColumnDef("old", .text), ColumnDef("new", .text),
    ])

  /// The firm's holidays (`holiday add`): days that are not working days, for every
  /// deadline counted in working days. One row per range, both ends included.
  public static let holidays = TableDef(
    "holidays", key: "id",
    [
      ColumnDef("id", .int, nullable: false), ColumnDef("from", .date, nullable: false),
      ColumnDef("to", .date, nullable: false), ColumnDef("name", .text),
    ])

  /// Every table, in the order `tables` lists them and the snapshot stores them.
  public static let tables: [TableDef] =
    [
      customers, products, sales, invoices, payments, notes, visits, complaints, collections, audit,
      tradeStarts, competitors, developTasks, complaintEvents, complaintClaims, complaintPolicy,
      policies, promises, ladder, holidays,
    ] + creditTables + analysisTables + [creditNotes, orders]

  public static let tableNames: [String] = tables.map(\.name)

  static let indexByName: [String: Int] = Dictionary(
    uniqueKeysWithValues: tables.enumerated().map { ($1.name, $0) })

  public static func tableIndex(_ name: String) -> Int? { indexByName[name] }
  public static func table(named name: String) -> TableDef? {
    tableIndex(name).map { tables[$0] }
  }
}
