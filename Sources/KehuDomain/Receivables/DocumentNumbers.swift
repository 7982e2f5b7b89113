import KehuStore

/// The one rule for a new document's number when none is given: the prefix and the row count
/// plus one, zero-padded (`INV-00013`, `CN-00002`, `BN-004`), or the next number after it not
/// yet taken. Several documents in one batch draw from one `DocumentNumbers`, so each gets its
/// own number before any is stored.
public struct DocumentNumbers: Sendable {
  /// Invoices: `INV-00001`.
  public static func invoices(_ db: Database) -> DocumentNumbers { .init(Invoices(db).table, prefix: "INV-") }
  /// Credit notes: `CN-00001`.
  public static func creditNotes(_ db: Database) -> DocumentNumbers {
    .init(CreditNotes(db).table, prefix: "CN-")
  }
  /// Orders: `SO-00001`.
  public static func orders(_ db: Database) -> DocumentNumbers { .init(Orders(db).table, prefix: "SO-") }
  /// Notes receivable: `BN-001`.
  public static func notes(_ db: Database) -> DocumentNumbers {
    .init(Notes(db).table, prefix: "BN-", width: 3)
  }

  private let table: Table
  private let prefix: String
  private let width: Int
  private var n: Int

  /// Numbers for the documents of `table` (keyed by text), `prefix` then `width` digits.
  public init(_ table: Table, prefix: String, width: Int = 5) {
    self.table = table
    self.prefix = prefix
    self.width = width
    // A session that sees only its own customers' rows (row-level security) holds the whole
    // table's count in the id counter (`StoreBackend.counters`): numbers start after them all.
    n = max(table.count, Int(table.nextId) - 1)
  }

  /// The next number not yet taken in the table nor handed out by this one.
  public mutating func next() -> String {
    while true {
      n += 1
      let digits = String(n)
      let no = prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
      if table.row(forNo: no) == nil { return no }
    }
  }

  /// The invoice that reopens the debt of dishonoured note `note` given for no invoice.
  public static func reopening(note: String) -> String { "DH-" + note }

  /// The invoice of the late interest charged to `customer` as of `asof` (one per day each).
  public static func interest(asof: Day, customer: Int64) -> String { "INT-\(asof)-\(customer)" }

  /// The number of a single new document.
  public var first: String {
    var copy = self
    return copy.next()
  }
}
