/// Where a store's changes go when they do not go to a directory's journal: a shared
/// database that other sessions write too (KehuPostgres). The store keeps its in-memory
/// columns either way; a backend only persists changes and tells what others committed.
///
/// A write is one transaction: `beginWrite` takes the backend's write lock and returns the
/// batches others committed since this session last followed, which the store applies before
/// it builds its own batch on the newest state (so generated keys never collide); then
/// `commitWrite` or `abortWrite` ends it.
public protocol StoreBackend: AnyObject {
  /// How messages and the prompt name the store (the database, never a password).
  var name: String { get }
  /// The batches committed by others since the last call, oldest first.
  func changesSince() throws -> [[Mutation]]
  func beginWrite() throws -> [[Mutation]]
  /// Writes `batch` (keys resolved) as `before` became `after`, and commits the transaction.
  func commitWrite(_ batch: [Mutation], before: Database, after: Database) throws
  func abortWrite()
  /// Whether a write that failed with `error` on its `attempt`-th try (from 1) may be built
  /// and tried again from `beginWrite`: the database gave up the transaction (a serialization
  /// failure, a deadlock, the connection lost before the commit), so nothing of it was kept.
  /// The backend waits a little before saying yes, so the sessions that met drift apart.
  func retries(after error: Error, attempt: Int) -> Bool
  /// Whether others committed changes not followed yet, known without asking the database
  /// (PostgreSQL's NOTIFY); `changesSince` stays what makes sure nothing is missed.
  var othersCommitted: Bool { get }
  /// How many changes others committed that are not followed yet, as far as known without
  /// asking the database.
  var othersPending: Int { get }
  /// Inside a write, after `beginWrite`: each table's id counter as the whole store holds it,
  /// when this session may not see every change (row-level security hides others' rows and
  /// their change-log entries, so the counters it followed fall behind). A text-keyed table's
  /// counter is one more than its rows, so a new document's number starts after them all.
  /// Empty when the session sees every change.
  func counters() throws -> [String: Int64]
  /// The owner a new customer takes when none is given: under row-level security by owner,
  /// the login, the only owner it may add. Nil when a customer may have any owner or none.
  var newCustomerOwner: String? { get }
  func close()
}

extension StoreBackend {
  public func retries(after error: Error, attempt: Int) -> Bool { false }
  public var othersCommitted: Bool { false }
  public var othersPending: Int { othersCommitted ? 1 : 0 }
  public func counters() throws -> [String: Int64] { [:] }
  public var newCustomerOwner: String? { nil }
}

/// A batch of mutations as bytes: the journal's record format, so a change log elsewhere
/// holds exactly what a directory store's journal would.
public enum ChangeRecord {
  public static func encode(_ batch: [Mutation], sequence: UInt64) -> [UInt8] {
    JournalFile.record(sequence: sequence, batch)
  }

  /// The mutations of one record; a damaged record is refused, never half-read.
  public static func decode(_ bytes: [UInt8], source: String) throws -> [Mutation] {
    try bytes.withUnsafeBytes { buf in
      switch JournalFile.frame(buf, at: 0) {
      case .failure(let why):
        throw StoreError.corrupt(file: source, offset: 0, reason: why.description)
      case .success(let (_, end)):
        guard end == buf.count else {
          throw StoreError.corrupt(file: source, offset: end, reason: "bytes after the record")
        }
        do {
          return try JournalFile.decodePayload(buf, from: 16, to: end - 8)
        } catch let f as ReadFailure {
          throw StoreError.corrupt(file: source, offset: f.offset, reason: f.reason)
        }
      }
    }
  }
}
