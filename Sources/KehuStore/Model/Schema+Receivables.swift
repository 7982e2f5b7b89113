/// The receivables tables of §5 beyond invoices, payments and notes: stored credit policies
/// for what-ifs, promises to pay made during collection, and the firm's own collection ladder.
extension Catalog {
  /// A named credit policy (`ar policy set`), swept and compared by `ar policy compare`.
  public static let policies = TableDef(
    "policies", key: "name",
    [
      ColumnDef("name", .text, nullable: false), ColumnDef("terms", .text, nullable: false),
      // Share of sales taking each discount tier, comma separated, in the order of the terms.
      ColumnDef("shares", .text), ColumnDef("sales", .money, nullable: false),
      ColumnDef("variable", .percent, nullable: false), ColumnDef("bad_debt", .percent),
      ColumnDef("collection", .money), ColumnDef("capital", .percent, nullable: false),
      ColumnDef("days", .decimal),
    ])

  /// A credit note (贷项通知, issue 14): a return, an allowance or a complaint's compensation.
  /// It reduces what the customer owes (the invoice's `paid` and `balance` count it) but is
  /// never money received, so it is not a row of `payments`. Without an invoice it is a
  /// credit on the customer's account.
  public static let creditNotes = TableDef(
    "credit_notes", key: "no",
    [
      ColumnDef("no", .text, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      ColumnDef("amount", .money, nullable: false), ColumnDef("invoice", .text, references: "invoices"),
      .coded("reason", nullable: false, allowed: ["return", "allowance", "complaint"]),
      ColumnDef("complaint", .int), ColumnDef("note", .text),
    ])

  /// An order taken on credit (issue 14): open until it is invoiced or cancelled. The credit
  /// check runs once, when it is taken; while open it counts in the customer's exposure, and
  /// from the day it is invoiced (`closed`) the invoice counts instead, so never both.
  public static let orders = TableDef(
    "orders", key: "no",
    [
      ColumnDef("no", .text, nullable: false), .customerRef(), ColumnDef("date", .date, nullable: false),
      ColumnDef("amount", .money, nullable: false),
      .coded("status", nullable: false, allowed: ["open", "invoiced", "cancelled"]),
      ColumnDef("invoice", .text, references: "invoices"), ColumnDef("closed", .date),
    ])

  /// A promise to pay recorded with `collect log … promise=DATE amount=…`.
  public static let promises = TableDef(
    "promises", key: "id",
    [
      ColumnDef("id", .int, nullable: false), .customerRef(),
      ColumnDef("made", .date, nullable: false), ColumnDef("due", .date, nullable: false),
      ColumnDef("amount", .money, nullable: false), ColumnDef("action", .int),
      .coded("owner"),
    ])

  /// The collection procedure (收账程序) when the firm has edited it; empty means the
  /// chapter's default ladder.
  public static let ladder = TableDef(
    "ladder", key: "step",
    [
      ColumnDef("step", .text, nullable: false), ColumnDef("name", .text), ColumnDef("chinese", .text),
      ColumnDef("days", .int, nullable: false),
      // The policy may jump this step once a later step's day has come.
      ColumnDef("skip", .bool),
    ])
}
