#if canImport(Glibc)
  import Glibc
#endif

/// The names of a store directory's files, and loading the newest state from them.
///
///     lock                          flock'd by the one writer; holds its PID for messages
///     snapshot-<seq>.kehu           the database at sequence <seq>
///     journal-<seq>.kehu            the records after <seq>
///
/// Sequence numbers in the names mean a save never renames a file that a reader may be
/// reading: it adds the new pair, then deletes pairs older than the previous one (kept for
/// `recover`). A crash between steps leaves the newest complete snapshot in charge.
enum StoreFiles {
  static func snapshotName(_ seq: UInt64) -> String { "snapshot-\(pad(seq)).kehu" }
  static func journalName(_ seq: UInt64) -> String { "journal-\(pad(seq)).kehu" }

  static func pad(_ n: UInt64) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 20 - s.count)) + s
  }

  static func sequence(of name: String, prefix: String) -> UInt64? {
    guard name.hasPrefix(prefix), name.hasSuffix(".kehu") else { return nil }
    let digits = name.dropFirst(prefix.count).dropLast(5)
    guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return UInt64(digits)
  }

  struct Listing {
    var snapshots: [UInt64] = []
    var journals: [UInt64] = []
    var temporaries: [String] = []
  }

  static func list(_ dir: String) throws -> Listing {
    var l = Listing()
    for name in try FileIO.listDirectory(dir) {
      if let s = sequence(of: name, prefix: "snapshot-") { l.snapshots.append(s) }
      if let s = sequence(of: name, prefix: "journal-") { l.journals.append(s) }
      if name.hasSuffix(".tmp") { l.temporaries.append(name) }
    }
    l.snapshots.sort()
    l.journals.sort()
    return l
  }

  /// A loaded store: the state and where its journal stands.
  struct Loaded {
    var db: Database
    var snapshotSequence: UInt64
    var snapshotSize: Int
    var journalSize: Int
    var journalExists: Bool
    var warnings: [Message] = []
  }

  static func readSnapshot(_ path: String) throws -> (Database, Int) {
    let fd = try FileIO.openRead(path)
    defer { close(fd) }
    return (try SnapshotFile.read(fd: fd, path: path), try FileIO.size(fd, path))
  }

  static func readJournal(_ path: String) throws -> JournalFile.Scan? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw FileIO.fail(path, "cannot open")
    }
    defer { close(fd) }
    return try JournalFile.scan(try FileIO.readAll(fd, path), path: path)
  }

  /// Replays records through the same path as live changes.
  static func replay(_ scan: JournalFile.Scan, into db: inout Database, path: String) throws {
    for rec in scan.records where rec.sequence > db.sequence {
      do { try db.apply(rec.mutations) } catch let e as MutationError {
        throw StoreError.corrupt(
          file: path, offset: rec.offset, reason: "record \(rec.sequence) does not apply: \(e.message)")
      }
      db.sequence = rec.sequence
    }
  }

  /// Loads the newest snapshot and replays its journal. A writer cuts a torn tail (and
  /// says so); a reader leaves it, since it may be the writer's append in progress.
  static func load(_ dir: String, writer: Bool) throws -> Loaded {
    let listing = try list(dir)
    guard let seq = listing.snapshots.last else {
      throw StoreError.corrupt(file: dir, offset: 0, reason: "no snapshot file in the store")
    }
    let snapPath = FileIO.join(dir, snapshotName(seq))
    var (db, snapSize) = try readSnapshot(snapPath)
    if db.sequence != seq { throw misnamedSnapshot(snapPath, holds: db.sequence, named: seq) }
    try refuseOrphanedJournals(listing, after: seq, dir: dir)
    let jPath = FileIO.join(dir, journalName(seq))
    var loaded = Loaded(
      db: db, snapshotSequence: seq, snapshotSize: snapSize, journalSize: 0, journalExists: false)
    guard let scan = try readJournal(jPath) else {
      // A save writes the journal before its snapshot, so in a store that has journals the
      // newest snapshot always has one: without it, the changes recorded after the snapshot
      // are gone. (A store of snapshots only, as early versions left, opens as before.) A
      // reader beside a writer retries instead: the writer's next save may have removed it.
      if writer && !listing.journals.isEmpty { throw missingJournal(jPath, seq) }
      return loaded
    }
    if scan.base != seq { throw foreignJournal(jPath, follows: scan.base, named: seq) }
    if let d = scan.damage, scan.validAfterDamage {
      throw StoreError.corrupt(file: jPath, offset: d.offset, reason: d.reason + " (valid records follow)")
    }
    try replay(scan, into: &db, path: jPath)
    loaded.db = db
    loaded.journalExists = true
    loaded.journalSize = scan.goodEnd
    if let d = scan.damage, writer {
      // The dropped bytes may be a complete record damaged after it was synced: they are
      // kept beside the journal (synced before the journal is cut) for `kehu recover` or a
      // person to look at, never destroyed.
      let rfd = try FileIO.openRead(jPath)
      let all = try FileIO.readAll(rfd, jPath)
      close(rfd)
      let aside = "journal-\(pad(seq))-at-\(scan.goodEnd).damaged"
      try FileIO.writeAtomically(dir: dir, name: aside) { fd, path in
        try FileIO.writeAll(fd, path, Array(all[min(scan.goodEnd, all.count)...]))
      }
      let fd = open(jPath, O_WRONLY | O_CLOEXEC)
      if fd < 0 { throw FileIO.fail(jPath, "cannot open for writing") }
      defer { close(fd) }
      try FileIO.truncate(fd, jPath, to: scan.goodEnd)
      try FileIO.sync(fd, jPath)
      let what: Message =
        scan.wholeFinalRecord ? "a complete final record damaged after it was written" : "an incomplete write"
      loaded.warnings.append(
        "\(jPath): dropped \(scan.size - scan.goodEnd) bytes of \(what) at byte \(d.offset) (\(d.reason)); last good record is sequence \(scan.lastSequence); the dropped bytes are kept in \(FileIO.join(dir, aside))"
      )
    }
    return loaded
  }

  static func misnamedSnapshot(_ path: String, holds: UInt64, named: UInt64) -> StoreError {
    StoreError.corrupt(file: path, offset: 16, reason: "holds sequence \(holds), its name says \(named)")
  }

  /// A journal copied in from another point of history (or another store) follows another
  /// sequence than its snapshot.
  static func foreignJournal(_ path: String, follows: UInt64, named: UInt64) -> StoreError {
    StoreError.corrupt(file: path, offset: 16, reason: "follows sequence \(follows), not \(named)")
  }

  static func missingJournal(_ path: String, _ seq: UInt64) -> StoreError {
    StoreError.corrupt(
      file: path, offset: 0,
      reason: "is missing: the changes after sequence \(seq) cannot be read (`kehu recover` writes a store "
        + "from what is left)")
  }

  /// A journal newer than the newest snapshot: a save cut short leaves one with no records
  /// (a save writes the journal before the snapshot); one with records means its snapshot
  /// is missing, and opening without it would silently lose them.
  static func refuseOrphanedJournals(_ listing: Listing, after seq: UInt64, dir: String) throws {
    for j in listing.journals where j > seq {
      let path = FileIO.join(dir, journalName(j))
      guard let scan = try readJournal(path), !scan.records.isEmpty || scan.damage != nil else { continue }
      throw StoreError.corrupt(
        file: path, offset: 0,
        reason: "holds changes after sequence \(j), but \(snapshotName(j)) is missing (`kehu recover` "
          + "writes a store from what is left)")
    }
  }

  static func writeSnapshot(_ db: Database, dir: String) throws -> Int {
    var size = 0
    try FileIO.writeAtomically(dir: dir, name: snapshotName(db.sequence)) { fd, path in
      try SnapshotFile.write(db, fd: fd, path: path)
      size = try FileIO.size(fd, path)
    }
    return size
  }

  static func writeEmptyJournal(base: UInt64, dir: String) throws {
    try FileIO.writeAtomically(dir: dir, name: journalName(base)) { fd, path in
      try FileIO.writeAll(fd, path, JournalFile.header(base: base))
    }
  }
}

/// The one-writer lock: flock on `DIR/lock`. The kernel releases it when the process ends,
/// however it ends, so a crash never leaves a stale lock; the PID inside is only for the
/// message. flock belongs to the open file description, so even a second open in the same
/// process conflicts.
struct StoreLock {
  let fd: Int32

  static func acquire(_ dir: String) throws -> StoreLock {
    let path = FileIO.join(dir, "lock")
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0 { throw FileIO.fail(path, "cannot open lock file") }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let e = errno
      var buf = [UInt8](repeating: 0, count: 32)
      let n = pread(fd, &buf, 31, 0)
      close(fd)
      if e == EWOULDBLOCK {
        let text = n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : ""
        throw StoreError.locked(dir: dir, pid: Int32(text.split(separator: "\n").first ?? ""))
      }
      throw FileIO.fail(path, "cannot lock", e)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pwrite(fd, pid, pid.count, 0)
    return StoreLock(fd: fd)
  }

  func release() { close(fd) }
}
