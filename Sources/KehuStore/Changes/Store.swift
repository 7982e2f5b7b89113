#if canImport(Glibc)
  import Glibc
#endif

public enum StoreLocation: Sendable, Equatable {
  /// A store that writes nothing (`--memory`).
  case memory
  case directory(String)
  /// A shared database (`postgresql://…`), opened through a `StoreBackend`.
  case database(String)
}

/// An open store: the database state plus, for a directory, its journal and lock.
///
/// Commit policy belongs to the caller: `apply` only adds a record to a buffer; `commit`
/// writes and syncs it. The shell commits after each statement at the prompt, and in
/// scripts every 1,000 mutations (`unsyncedMutations`), at `save` and at the end.
public final class Store {
  public let location: StoreLocation
  public let readOnly: Bool
  /// The directory's last path component, or "memory".
  public let name: String
  public private(set) var state: Database

  /// A clean `close` saves when the journal has grown past this many bytes.
  public var journalSaveThreshold = 16 << 20

  let dir: String?
  private var lock: StoreLock?
  private var journalFd: Int32 = -1
  private var journalPath = ""
  private var journalSize = 0
  private var snapshotSequence: UInt64 = 0
  private var pending: [UInt8] = []
  public private(set) var unsyncedMutations = 0
  /// Set when a write failed: memory is then ahead of the disk and nothing more is accepted.
  private var broken: String?
  /// A database store's persistence; nil for a directory or memory store.
  private(set) var backend: StoreBackend?

  private init(location: StoreLocation, readOnly: Bool, dir: String?, state: Database) {
    self.location = location
    self.readOnly = readOnly
    self.dir = dir
    self.state = state
    if let dir {
      let parts = dir.split(separator: "/")
      name = parts.last.map(String.init) ?? dir
    } else if case .database(let address) = location {
      name = address
    } else {
      name = "memory"
    }
  }

  deinit {
    if journalFd >= 0 { Glibc.close(journalFd) }
    lock?.release()
  }

  /// A store that writes nothing, holding `db`. It cannot fail: no file is read or written.
  public static func inMemory(_ db: Database) -> Store {
    var db = db
    // Numbered as `replaceAll` numbers a new state, so both ways to fill a store agree.
    if db.rowCount > 0 { db.sequence = 1 }
    return Store(location: .memory, readOnly: false, dir: nil, state: db)
  }

  /// A store over a shared database: `db` is what the backend loaded, at the position from
  /// which `follow` goes on.
  public static func open(backend: StoreBackend, loaded db: Database, location: StoreLocation, readOnly: Bool)
    -> Store
  {
    let store = Store(location: location, readOnly: readOnly, dir: nil, state: db)
    store.backend = backend
    return store
  }

  /// Opens (creating a directory store on first use). Warnings say what a torn tail cost.
  public static func open(_ loc: StoreLocation, readOnly: Bool = false) throws -> (Store, warnings: [Message])
  {
    if case .database(let url) = loc {
      throw StoreError.io(file: url, reason: "a database store is opened with open(backend:)")
    }
    guard case .directory(let dir) = loc else {
      return (Store(location: loc, readOnly: readOnly, dir: nil, state: Database()), [])
    }
    if readOnly {
      guard FileIO.exists(dir) else { throw StoreError.io(file: dir, reason: "no store here") }
      let store = Store(location: loc, readOnly: true, dir: dir, state: Database())
      try store.reload()
      return (store, [])
    }
    try FileIO.makeDirectories(dir)
    let lock = try StoreLock.acquire(dir)
    do {
      let listing = try StoreFiles.list(dir)
      for t in listing.temporaries { FileIO.remove(FileIO.join(dir, t)) }
      if listing.snapshots.isEmpty {
        // Only a new store cut short before its first snapshot may have an empty journal.
        try StoreFiles.refuseOrphanedJournals(listing, after: 0, dir: dir)
        let first = try StoreFiles.readJournal(FileIO.join(dir, StoreFiles.journalName(0)))
        if listing.journals.contains(where: { $0 != 0 }) || !(first?.records.isEmpty ?? true) {
          throw StoreError.corrupt(
            file: FileIO.join(dir, StoreFiles.journalName(listing.journals[0])), offset: 0,
            reason: "journal without a snapshot")
        }
        try StoreFiles.writeEmptyJournal(base: 0, dir: dir)
        _ = try StoreFiles.writeSnapshot(Database(), dir: dir)
      }
      let loaded = try StoreFiles.load(dir, writer: true)
      let store = Store(location: loc, readOnly: false, dir: dir, state: loaded.db)
      store.lock = lock
      store.snapshotSequence = loaded.snapshotSequence
      if !loaded.journalExists {
        try StoreFiles.writeEmptyJournal(base: loaded.snapshotSequence, dir: dir)
      }
      try store.openJournal(size: max(loaded.journalSize, JournalFile.headerSize))
      return (store, loaded.warnings)
    } catch {
      lock.release()
      throw error
    }
  }

  private func openJournal(size: Int) throws {
    if journalFd >= 0 { Glibc.close(journalFd) }
    journalPath = FileIO.join(dir!, StoreFiles.journalName(snapshotSequence))
    journalFd = Glibc.open(journalPath, O_WRONLY | O_APPEND | O_CLOEXEC)
    if journalFd < 0 { throw FileIO.fail(journalPath, "cannot open for appending") }
    journalSize = size
  }

  /// Reads the newest state again (a read-only store following a writer). A writer's save
  /// may delete the files between listing and opening them; that only means "try again".
  public func reload() throws {
    guard readOnly, let dir else { return }
    var attempt = 0
    while true {
      do {
        let loaded = try StoreFiles.load(dir, writer: false)
        if !loaded.journalExists, try StoreFiles.list(dir).snapshots.last != loaded.snapshotSequence,
          attempt < 20
        {
          attempt += 1
          continue
        }
        state = loaded.db
        snapshotSequence = loaded.snapshotSequence
        journalSize = loaded.journalSize
        return
      } catch StoreError.io(let file, let reason)
        where attempt < 20 && reason.hasSuffix(FileIO.errorText(ENOENT))
      {
        _ = file
        attempt += 1
      } catch StoreError.corrupt(_, _, let reason) where attempt < 20 && reason.hasPrefix("file ends early") {
        // A snapshot deleted under us reads as truncated only if unlinked mid-read; retry.
        attempt += 1
      }
    }
  }

  /// Brings a read-only store up to the writer's last commit: the records appended to its
  /// journal since the last look, or the newest snapshot after the writer saved. Cheap when
  /// nothing changed (a listing and a stat), so a reader may call it before every statement.
  /// Returns whether the state moved. A database store instead applies what others
  /// committed since the last call.
  @discardableResult
  public func follow() throws -> Bool {
    if let backend {
      let batches = try backend.changesSince()
      for batch in batches { try applyFollowed(batch) }
      return !batches.isEmpty
    }
    guard readOnly, let dir else { return false }
    let before = state.sequence
    if try StoreFiles.list(dir).snapshots.last != snapshotSequence {
      try reload()
      return true
    }
    let path = FileIO.join(dir, StoreFiles.journalName(snapshotSequence))
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      // Removed by a save that listed after ours: the newer snapshot has it all.
      try reload()
      return true
    }
    defer { Glibc.close(fd) }
    let size = try FileIO.size(fd, path)
    if size == journalSize { return false }
    if size < journalSize {
      // Only a writer cutting a torn tail shortens a journal; read it all again.
      try reload()
      return true
    }
    let scan = try JournalFile.scan(
      try FileIO.readAll(fd, path), path: path, from: journalSize, after: state.sequence)
    if let d = scan.damage, scan.validAfterDamage {
      throw StoreError.corrupt(file: path, offset: d.offset, reason: d.reason + " (valid records follow)")
    }
    // A torn tail is the writer's append in progress: stop before it and look again later.
    var db = state
    try StoreFiles.replay(scan, into: &db, path: path)
    state = db
    journalSize = scan.goodEnd
    return state.sequence != before
  }

  /// Whether a shared store knows others committed changes `follow` has not applied yet (at
  /// once, while idle); false for a directory or memory store.
  public var othersCommitted: Bool { backend?.othersCommitted ?? false }
  /// How many changes others committed that `follow` has not applied yet (0 when none, and
  /// for a directory or memory store).
  public var othersPending: Int { backend?.othersPending ?? 0 }

  /// The owner a customer added without one takes (see `StoreBackend.newCustomerOwner`).
  public var newCustomerOwner: String? { backend?.newCustomerOwner }

  private func applyFollowed(_ batch: [Mutation]) throws {
    do {
      try state.apply(batch)
      state.sequence += 1
    } catch let e as MutationError {
      // Another session's committed change must apply here; if not, memory no longer
      // matches the database and only reopening can mend it.
      broken = "a change from the database does not apply here (\(e.message)); reopen the store"
      throw StoreError.readOnly(dir: name, reason: broken!)
    }
  }

  /// Builds a batch on the newest state and applies it. A directory store applies it at once
  /// (journaled at `commit`); a database store does so inside one transaction, having first
  /// applied what others committed, so the batch is checked and keyed against the newest rows.
  @discardableResult
  public func write(_ build: (Database) throws -> [Mutation]) throws -> ApplyResult {
    guard let backend else { return try apply(try build(state)) }
    if readOnly { throw StoreError.readOnly(dir: name, reason: "opened with --read-only") }
    if let broken { throw StoreError.readOnly(dir: name, reason: broken) }
    // A transaction the database gave up is built again on the newer rows (bounded by the
    // backend): a change that fits is never refused only because another was made at once.
    var attempt = 1
    while true {
      do {
        return try writeOnce(build, backend)
      } catch let error where broken == nil && backend.retries(after: error, attempt: attempt) {
        attempt += 1
      }
    }
  }

  private func writeOnce(_ build: (Database) throws -> [Mutation], _ backend: StoreBackend) throws
    -> ApplyResult
  {
    let others = try backend.beginWrite()
    do {
      for batch in others { try applyFollowed(batch) }
      for (table, next) in try backend.counters() { state.raiseNextId(table, to: next) }
      let batch = try build(state)
      guard !batch.isEmpty else {
        backend.abortWrite()
        return ApplyResult()
      }
      var next = state
      let (result, resolved) = try next.apply(batch)
      next.sequence += 1
      try backend.commitWrite(resolved, before: state, after: next)
      state = next
      return result
    } catch {
      backend.abortWrite()
      throw error
    }
  }

  // MARK: Changing

  /// Checks and applies a batch as one journal record (not yet synced: see `commit`).
  @discardableResult
  public func apply(_ batch: [Mutation]) throws -> ApplyResult {
    if backend != nil { return try write { _ in batch } }
    if readOnly { throw StoreError.readOnly(dir: dir ?? name, reason: "opened with --read-only") }
    if let broken { throw StoreError.readOnly(dir: dir ?? name, reason: broken) }
    guard !batch.isEmpty else { return ApplyResult() }
    let (result, resolved) = try state.apply(batch)
    state.sequence += 1
    if dir != nil {
      pending.append(contentsOf: JournalFile.record(sequence: state.sequence, resolved))
      unsyncedMutations += resolved.reduce(0) { $0 + $1.weight }
    }
    return result
  }

  /// Writes the buffered records and syncs them: once this returns they survive a crash.
  public func commit() throws {
    guard !pending.isEmpty, dir != nil else { return }
    if let broken { throw StoreError.readOnly(dir: dir!, reason: broken) }
    do {
      try FileIO.writeAll(journalFd, journalPath, pending)
      // fdatasync: the size change is included; the inode times are not worth a second write.
      try FileIO.sync(journalFd, journalPath, dataOnly: true)
    } catch {
      // Take back a partial append so the file ends at a record boundary.
      _ = ftruncate(journalFd, off_t(journalSize))
      broken = "a write to the journal failed (\(error)); reopen the store"
      throw error
    }
    journalSize += pending.count
    pending.removeAll(keepingCapacity: true)
    unsyncedMutations = 0
  }

  /// Writes a new snapshot and starts a new journal; the previous pair stays for `recover`.
  public func save() throws {
    guard let dir else { return }
    if readOnly { throw StoreError.readOnly(dir: dir, reason: "opened with --read-only") }
    try commit()
    let db = state
    guard db.sequence != snapshotSequence else { return }
    // The journal first: then a snapshot never stands without its journal, and a missing
    // journal can be told from a save cut short (see `StoreFiles.load`).
    try StoreFiles.writeEmptyJournal(base: db.sequence, dir: dir)
    _ = try StoreFiles.writeSnapshot(db, dir: dir)
    let previous = snapshotSequence
    snapshotSequence = db.sequence
    try openJournal(size: JournalFile.headerSize)
    let listing = try StoreFiles.list(dir)
    for s in listing.snapshots where s != snapshotSequence && s != previous {
      FileIO.remove(FileIO.join(dir, StoreFiles.snapshotName(s)))
    }
    for s in listing.journals where s != snapshotSequence && s != previous {
      FileIO.remove(FileIO.join(dir, StoreFiles.journalName(s)))
    }
  }

  /// Commits; saves only when the journal has grown past the threshold, so a one-line
  /// `kehu -c` on a large store does not pay for a snapshot.
  public func close() throws {
    backend?.close()
    backend = nil
    if dir != nil && !readOnly {
      try commit()
      if journalSize > journalSaveThreshold { try save() }
    }
    if journalFd >= 0 { Glibc.close(journalFd) }
    journalFd = -1
    lock?.release()
    lock = nil
  }

  /// Replaces the whole state (the generator's output) and saves it as a new snapshot.
  public func replaceAll(with db: Database) throws {
    if readOnly { throw StoreError.readOnly(dir: dir ?? name, reason: "opened with --read-only") }
    try commit()
    var db = db
    db.sequence = state.sequence + 1
    state = db
    try save()
  }

  /// Bytes in the journal since the last save (for `close`'s rule and status lines).
  public var journalBytes: Int { journalSize + pending.count }
}

extension StoreLocation {
  /// Where the store lives: `--memory`; else `--store DIR`; else `KEHU_STORE`; else
  /// `$XDG_DATA_HOME/kehu/default`, else `$HOME/.local/share/kehu/default`. The caller hands
  /// in the environment (libraries never read it).
  public static func resolve(memory: Bool, store: String?, environment: [String: String]) -> StoreLocation {
    if memory { return .memory }
    if let store, !store.isEmpty { return named(store) }
    if let s = environment["KEHU_STORE"], !s.isEmpty { return named(s) }
    if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") { return .directory(x + "/kehu/default") }
    return .directory((environment["HOME"] ?? ".") + "/.local/share/kehu/default")
  }

  /// A `postgresql://` or `postgres://` URL names a database; anything else a directory.
  public static func named(_ s: String) -> StoreLocation {
    s.hasPrefix("postgresql://") || s.hasPrefix("postgres://") ? .database(s) : .directory(s)
  }
}
