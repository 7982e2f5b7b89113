import Dispatch
import KehuStore
import PostgresNIO

/// Where a team store lives: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=S]`, with
/// what the URL leaves out taken from the usual PGHOST, PGPORT, PGUSER, PGPASSWORD and
/// PGDATABASE (the caller hands in the environment; libraries never read it).
public struct DatabaseAddress: Sendable, Equatable {
  public var host: String
  public var port: Int
  public var user: String
  public var password: String?
  public var database: String
  public var schema: String

  public init(url: String, environment: [String: String] = [:], schema: String? = nil) throws {
    var rest = Substring(url)
    for prefix in ["postgresql://", "postgres://"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
    }
    guard rest.count < url.count else {
      throw PostgresStoreError.address(url, "it must start with postgresql://")
    }
    var query: [String: String] = [:]
    if let q = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: q)...].split(separator: "&") {
        let kv = pair.split(separator: "=", maxSplits: 1)
        query[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
      }
      rest = rest[..<q]
    }
    var db: String?
    if let slash = rest.firstIndex(of: "/") {
      db = String(rest[rest.index(after: slash)...])
      rest = rest[..<slash]
    }
    var userPart: Substring?
    if let at = rest.lastIndex(of: "@") {
      userPart = rest[..<at]
      rest = rest[rest.index(after: at)...]
    }
    var portText: Substring?
    if let colon = rest.lastIndex(of: ":") {
      portText = rest[rest.index(after: colon)...]
      rest = rest[..<colon]
    }
    if let userPart, let colon = userPart.firstIndex(of: ":") {
      user = String(userPart[..<colon])
      password = String(userPart[userPart.index(after: colon)...])
    } else {
      user = userPart.map(String.init) ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
      password = environment["PGPASSWORD"]
    }
    host = rest.isEmpty ? environment["PGHOST"] ?? "localhost" : String(rest)
    let p = portText.map(String.init) ?? environment["PGPORT"] ?? "5432"
    guard let port = Int(p), (1...65535).contains(port) else {
      throw PostgresStoreError.address(url, "the port '\(p)' is not a number from 1 to 65535")
    }
    self.port = port
    database = db.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGDATABASE"] ?? user
    self.schema = schema ?? query["schema"] ?? "public"
    guard Self.isName(self.schema) else {
      throw PostgresStoreError.address(url, "the schema '\(self.schema)' must be letters, digits and _")
    }
  }

  /// The address without its password, for messages and the prompt.
  public var display: String {
    "postgresql://\(user)@\(host):\(port)/\(database)" + (schema == "public" ? "" : "?schema=\(schema)")
  }

  static func isName(_ s: String) -> Bool {
    !s.isEmpty && s.utf8.count < 64
      && s.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_"
      }
      && !("0"..."9").contains(s.unicodeScalars.first!)
  }
}

/// What can go wrong with a team store, in words that say what to do: message keys with
/// arguments, which the shell shows in the session's language (the server's own words, kept
/// verbatim, are an argument).
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible, MessageError {
  case address(String, Message)
  case server(Message)
  case refused(Message)
  /// The database gave up the transaction (a serialization failure or a deadlock): nothing
  /// of it was kept, and the same change may be tried again.
  case transient(Message)

  public var message: Message {
    switch self {
    case .address(let url, let why): return "\(url): not a database address: \(why)"
    case .server(let m), .refused(let m), .transient(let m): return m
    }
  }

  /// In English (the `kehu pg` commands and logs).
  public var description: String { message.description }
}

/// One connection, used blocking: the shell runs statements one after another, so each call
/// waits for its answer. The async client runs on its own event loop thread.
final class Link: @unchecked Sendable {
  private(set) var connection: PostgresConnection
  let address: DatabaseAddress
  private let logger = Logger(label: "kehu.postgres")

  /// The change-log positions announced by NOTIFY, kept by the client's thread.
  private let heard = Heard()
  private var listening: String?

  init(_ address: DatabaseAddress) throws {
    self.address = address
    connection = try Link.connect(address, logger: logger)
  }

  /// LISTENs on `channel` (again after each reconnect): every NOTIFY's payload, a change-log
  /// position, raises `announced`.
  func listen(_ channel: String) throws {
    listening = channel
    try ensureConnected()
    try startListening()
  }

  private func startListening() throws {
    guard let channel = listening else { return }
    let heard = self.heard
    connection.addListener(channel: channel) { _, note in heard.raise(Int64(note.payload) ?? 0) }
    try run("LISTEN \(SchemaSQL.quote(channel))")
  }

  /// The newest change-log position a NOTIFY announced (0 before any).
  var announced: Int64 { heard.value }

  /// How many commits NOTIFY announced after `position`.
  func announcements(after position: Int64) -> Int { heard.count(after: position) }

  private static func connect(_ address: DatabaseAddress, logger: Logger) throws -> PostgresConnection {
    let config = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user, password: address.password,
      database: address.database, tls: .disable)
    let connection: PostgresConnection
    do {
      connection = try blocking {
        try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
      }
    } catch {
      throw PostgresStoreError.server("cannot reach the database \(address.display): \(Link.reason(error))")
    }
    do {
      _ = try connection.query(
        PostgresQuery(unsafeSQL: "SET search_path TO \(SchemaSQL.quote(address.schema))"), logger: logger
      ).wait()
    } catch {
      try? connection.close().wait()
      throw PostgresStoreError.server(Message(verbatim: Link.reason(error)))
    }
    return connection
  }

  /// Whether the connection has gone (the server stopped or ended it).
  var isLost: Bool { connection.isClosed }

  /// A lost connection is made again before the next call: the server may be back. A
  /// transaction it held is gone with it (the server rolled it back).
  private func ensureConnected() throws {
    guard connection.isClosed else { return }
    connection = try Link.connect(address, logger: logger)
    try startListening()
  }

  /// Runs one statement and returns its rows; text binds are cast in the SQL.
  @discardableResult
  func run(_ sql: String, _ binds: [String?] = []) throws -> [PostgresRow] {
    try ensureConnected()
    var b = PostgresBindings(capacity: binds.count)
    for v in binds {
      if let v { b.append(v) } else { b.appendNull() }
    }
    let query = PostgresQuery(unsafeSQL: sql, binds: b)
    let logger = self.logger
    return try send { $0.query(query, logger: logger).map(\.rows) }
  }

  /// Sends a statement from the connection's own event loop thread, where the client also
  /// learns that the connection closed: the check that it is open and the send cannot have a
  /// close between them (a statement written to a channel already torn down is never answered).
  private func send<T: Sendable>(
    _ statement: @escaping @Sendable (PostgresConnection) -> EventLoopFuture<T>
  ) throws -> T {
    let connection = self.connection
    do {
      return try connection.eventLoop.flatSubmit {
        guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(Closed()) }
        return statement(connection)
      }.wait()
    } catch {
      throw lostOr(error)
    }
  }

  /// Whether the server ended the session with this error (severity FATAL or PANIC, as when
  /// its backend is terminated): it closes the socket next, and nothing more can be sent.
  static func endsTheConnection(_ error: Error) -> Bool {
    guard let e = error as? PSQLError, let info = e.serverInfo,
      let severity = info[.severity] ?? info[.localizedSeverity]
    else { return false }
    return severity == "FATAL" || severity == "PANIC"
  }

  private func lostOr(_ error: Error) -> PostgresStoreError {
    if let e = error as? PostgresStoreError { return e }
    if Link.endsTheConnection(error) {
      // Our side closes at once rather than when the server's close arrives: the statement
      // fails as a lost connection, and the next one connects again instead of being sent
      // down a connection that is about to go.
      try? connection.close().wait()
    }
    if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState],
      state == "40001" || state == "40P01"
    {
      return .transient(Message(verbatim: Link.reason(error)))
    }
    if connection.isClosed {
      return .server("the connection to the database \(address.display) was lost (\(Link.reason(error)))")
    }
    return .server(Message(verbatim: Link.reason(error)))
  }

  /// Streams a query's rows to `each` as they arrive, without holding them all.
  func stream(_ sql: String, _ each: @escaping @Sendable (PostgresRow) throws -> Void) throws {
    try ensureConnected()
    let logger = self.logger
    _ = try send { $0.query(PostgresQuery(unsafeSQL: sql), logger: logger, each) }
  }

  /// `COPY table (columns) FROM STDIN` with rows already in COPY's text format; the client
  /// quotes the names itself (they come from kehu's catalog, never from input).
  func copy(into table: String, columns: [String], text: [UInt8]) throws {
    try ensureConnected()
    let logger = self.logger
    let connection = self.connection
    let loop = OnLoop(connection.eventLoop)
    do {
      try blocking {
        try await loop.copy(into: table, columns: columns, text: text, on: connection, logger: logger)
      }
    } catch {
      // Ended by the server (or already gone): lost, as a statement would be, and the next
      // call connects again.
      if Link.endsTheConnection(error) || connection.isClosed { throw lostOr(error) }
      throw PostgresStoreError.server(Message(verbatim: Link.reason(error)))
    }
  }

  /// Refuses a database (or schema) that `kehu pg init` has not made a store.
  func requireStore() throws {
    guard try run("SELECT to_regclass($1) IS NOT NULL", [SchemaSQL.log]).first?.decode(Bool.self) == true
    else {
      throw PostgresStoreError.refused(
        "\(address.display) holds no kehu store (schema \(address.schema)); create one with `kehu pg init`")
    }
  }

  func close() {
    try? connection.close().wait()
  }

  /// The server's own message (and detail), never the client's generic text.
  static func reason(_ error: Error) -> String {
    if let e = error as? PostgresStoreError { return e.description }
    if let e = error as? PSQLError {
      if let info = e.serverInfo, let message = info[.message] {
        return message + (info[.detail].map { " (\($0))" } ?? "")
      }
      return "\(e.code)"
    }
    return String(describing: error)
  }
}

/// A position raised from the client's event loop thread and read from the session's.
private final class Heard: @unchecked Sendable {
  private let queue = DispatchQueue(label: "kehu.postgres.heard")
  private var newest: Int64 = 0
  /// The positions announced and not yet passed, to count them.
  private var pending: Set<Int64> = []
  func raise(_ n: Int64) {
    queue.sync {
      newest = max(newest, n)
      pending.insert(n)
    }
  }
  var value: Int64 { queue.sync { newest } }
  /// How many announced positions are after `position` (those up to it are forgotten).
  func count(after position: Int64) -> Int {
    queue.sync {
      pending = pending.filter { $0 > position }
      return pending.count
    }
  }
}

/// The client's async calls run on a connection's own event loop (the client runs them on
/// the caller's executor): COPY is sent, as every statement is, where the close is seen.
private actor OnLoop {
  nonisolated let loop: any EventLoop
  init(_ loop: any EventLoop) { self.loop = loop }
  nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

  func copy(
    into table: String, columns: [String], text: [UInt8], on connection: PostgresConnection, logger: Logger
  ) async throws {
    guard !connection.isClosed else { throw Closed() }
    try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
      var start = 0
      // In pieces, so one huge buffer is never held twice.
      while start < text.count {
        let end = min(text.count, start + (1 << 20))
        try await writer.write(ByteBuffer(bytes: text[start..<end]))
        start = end
      }
    }
  }
}

/// What a statement meets when the connection closed before it could be sent.
private struct Closed: Error, CustomStringConvertible {
  var description: String { "the connection is closed" }
}

/// Waits for an async call from synchronous code (the shell's statements are synchronous).
private final class Outcome<T>: @unchecked Sendable {
  var result: Result<T, Error>?
}

func blocking<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
  let box = Outcome<T>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
    done.signal()
  }
  done.wait()
  return try box.result!.get()
}
