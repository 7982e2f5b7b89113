import KehuStore

/// A user's local cache of a team store: a snapshot of the database at a known change-log
/// position (the store's own snapshot format, checksummed), so that an open reads one file
/// and catches up from the log instead of reading every table. The caller hands in the
/// directory (`$XDG_CACHE_HOME/kehu`, else `~/.cache/kehu`): libraries never read the
/// environment. One file per address and login, mode 0600: a cache holds what that login
/// may see (row-level security), and no one else reads it.
///
/// The cache is used only when it is a copy of this very database: its identity (a random
/// id `pg init` writes, renewed by `pg push`, which replaces the rows without the log) must
/// match, and the log entry at the cache's position must still be there, unchanged (else the
/// log no longer reaches back, or the database was restored to another history). Otherwise
/// the tables are read in full and the cache is written again.
public struct LocalCache: Sendable {
  public var directory: String
  /// An open that catches up more log entries than this writes the cache again.
  public var rewriteAfter: Int

  public init(directory: String, rewriteAfter: Int = 1000) {
    self.directory = directory
    self.rewriteAfter = rewriteAfter
  }

  /// The cache file of `address`: readable by a person listing the folder, with a hash of
  /// the whole key so two addresses never share a file name.
  public func fileName(_ address: DatabaseAddress) -> String {
    let key = Self.key(address)
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    let readable = [address.host, String(address.port), address.database, address.schema, address.user]
      .joined(separator: "-")
      .map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" }
    return "team-" + String(readable.prefix(120)) + "-" + Transfer.hex(h) + ".kehu"
  }

  static func key(_ a: DatabaseAddress) -> String {
    "\(a.user)@\(a.host):\(a.port)/\(a.database)?schema=\(a.schema)"
  }
}

/// What the cache did when a store was opened.
public enum CacheOutcome: Equatable, Sendable {
  /// No cache was asked for, or the database has no identity to check one against.
  case off
  /// Opened from the cache, then `caughtUp` log entries applied; `rewritten` when that many
  /// made the open write the cache again.
  case loaded(caughtUp: Int, rewritten: Bool)
  /// Read in full and the cache written, because of `reason` (no cache yet, another database…).
  case written(reason: String)
}

/// What a cache file says it is a copy of: text lines `key=value`, checked before its
/// snapshot is read.
struct CacheLabel: Equatable {
  var key: String
  var identity: String
  var position: Int64
  /// The md5 of the log entry at `position` (empty at position 0).
  var entry: String

  var bytes: [UInt8] {
    Array("kehu team cache\nkey=\(key)\nidentity=\(identity)\nposition=\(position)\nentry=\(entry)\n".utf8)
  }

  init(key: String, identity: String, position: Int64, entry: String) {
    self.key = key
    self.identity = identity
    self.position = position
    self.entry = entry
  }

  init?(_ bytes: [UInt8]) {
    var fields: [String: String] = [:]
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    guard lines.first == "kehu team cache" else { return nil }
    for line in lines.dropFirst() {
      guard let eq = line.firstIndex(of: "=") else { return nil }
      fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
    }
    guard let key = fields["key"], let identity = fields["identity"], let p = fields["position"],
      let position = Int64(p), let entry = fields["entry"]
    else { return nil }
    self.init(key: key, identity: identity, position: position, entry: entry)
  }
}

extension LocalCache {
  /// A database opened through the cache: its rows at `position`, already caught up.
  struct Hit {
    var db: Database
    var position: Int64
    var caughtUp: Int
  }

  /// The database's identity, or nil when it has none (made before identities existed).
  static func identity(_ link: Link) throws -> String? {
    guard
      try link.run("SELECT to_regclass($1) IS NOT NULL", [SchemaSQL.identity]).first?.decode(Bool.self)
        == true
    else { return nil }
    return try link.run("SELECT min(id) FROM \(SchemaSQL.identity)").first?.decode(String?.self)
  }

  /// The md5 of the log entry at `position`, or nil when the log no longer holds it.
  static func entry(_ link: Link, at position: Int64) throws -> String? {
    if position == 0 { return "" }
    return try link.run("SELECT md5(record) FROM \(SchemaSQL.log) WHERE seq = $1::bigint", [String(position)])
      .first?.decode(String.self)
  }

  /// Loads the cache of `link`'s database and catches it up from the log. Returns the reason
  /// it cannot be used instead; a damaged file is removed and named in `warnings`.
  func load(_ link: Link, identity: String, warnings: inout [Message]) -> Result<Hit, CacheMiss> {
    let name = fileName(link.address)
    let key = Self.key(link.address)
    var label: CacheLabel?
    let found: (label: [UInt8], db: Database)?
    do {
      found = try CacheFile.read(dir: directory, name: name) { bytes in
        label = CacheLabel(bytes)
        return label?.key == key && label?.identity == identity
      }
    } catch {
      CacheFile.remove(dir: directory, name: name)
      warnings.append(
        Message("the local cache was damaged and is rebuilt from the database ({0})", "\(error)"))
      return .failure(.init(reason: "the cache was damaged"))
    }
    guard let found, let label else {
      guard let label else { return .failure(.init(reason: "no cache yet")) }
      return .failure(
        .init(
          reason: label.key == key
            ? "the cache is of another database" : "the cache file is of another address"))
    }
    var db = found.db
    do {
      guard Int64(db.sequence) == label.position else {
        warnings.append(
          Message(
            "the local cache was damaged and is rebuilt from the database (its position does not match)"))
        return .failure(.init(reason: "the cache was damaged"))
      }
      guard let entry = try Self.entry(link, at: label.position), entry == label.entry else {
        return .failure(.init(reason: "the change log no longer reaches back to the cache"))
      }
      let backend = try PostgresBackend(link: link, position: label.position)
      let batches = try backend.changesSince()
      for batch in batches { try db.apply(batch) }
      return .success(Hit(db: db, position: backend.position, caughtUp: batches.count))
    } catch {
      return .failure(.init(reason: "the cache could not be caught up (\(error))"))
    }
  }

  /// Writes the cache of `db`, the database's rows at `position`; a failure is a warning
  /// (the store is open either way).
  func save(_ db: Database, position: Int64, identity: String, link: Link, warnings: inout [Message]) -> Bool
  {
    do {
      guard let entry = try Self.entry(link, at: position) else { return false }
      let label = CacheLabel(
        key: Self.key(link.address), identity: identity, position: position, entry: entry)
      try CacheFile.write(
        db, sequence: UInt64(position), label: label.bytes, dir: directory, name: fileName(link.address))
      return true
    } catch {
      warnings.append(
        Message(
          "the local cache could not be written in {0} ({1}); the next open reads the database in full",
          directory, "\(error)"))
      return false
    }
  }
}

/// Why the cache was not used, said in the outcome.
struct CacheMiss: Error {
  var reason: String
}
