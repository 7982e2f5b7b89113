#if canImport(Glibc)
  import Glibc
#endif

/// What `check` found, one line per file, for `kehu check`.
public struct CheckReport: Sendable, Equatable {
  public var lines: [String] = []
  /// True when every file is intact (a torn tail counts as damage here: open would cut it).
  public var intact = true
}

/// What `recover` wrote and what it could not keep.
public struct RecoverReport: Sendable, Equatable {
  public var lines: [String] = []
  /// The last sequence number in the new store.
  public var sequence: UInt64 = 0
  /// Lines naming each thing lost; empty when nothing was.
  public var lost: [String] = []
}

/// Reads every snapshot and journal of `dir` without changing anything.
public func checkStore(dir: String) throws -> CheckReport {
  // A writer's save beside `check` may delete a file between the listing and the read:
  // that is not damage, so the check starts again from a new listing.
  var attempt = 0
  while true {
    let (report, vanished) = try checkOnce(dir: dir)
    if !vanished || attempt >= 20 { return report }
    attempt += 1
  }
}

/// One pass of `checkStore`; `vanished` when a listed file was gone when it was read.
func checkOnce(dir: String) throws -> (CheckReport, vanished: Bool) {
  var report = CheckReport()
  var vanished = false
  let listing = try StoreFiles.list(dir)
  // The same rules as opening: the newest snapshot needs its journal, and a journal with
  // records needs its snapshot.
  if let newest = listing.snapshots.last {
    if !listing.journals.isEmpty && !listing.journals.contains(newest) {
      report.intact = false
      report.lines.append(
        StoreFiles.missingJournal(FileIO.join(dir, StoreFiles.journalName(newest)), newest).description)
    }
    do {
      try StoreFiles.refuseOrphanedJournals(listing, after: newest, dir: dir)
    } catch let e as StoreError {
      report.intact = false
      report.lines.append(e.description)
    }
  }
  if listing.snapshots.isEmpty {
    report.intact = false
    report.lines.append("\(dir): no snapshot")
  }
  for s in listing.snapshots {
    let path = FileIO.join(dir, StoreFiles.snapshotName(s))
    var base: Database?
    do {
      let (db, _) = try StoreFiles.readSnapshot(path)
      // As open: a snapshot holding another sequence than its name says is not this store's.
      guard db.sequence == s else { throw StoreFiles.misnamedSnapshot(path, holds: db.sequence, named: s) }
      base = db
      if !db.invoiceTotalsAreConsistent() {
        report.intact = false
        report.lines.append("\(StoreFiles.snapshotName(s)): invoice paid/balance do not match the payments")
      }
      report.lines.append(
        "\(StoreFiles.snapshotName(s)): intact, sequence \(db.sequence), "
          + db.tables.map { "\($0.count) \($0.name)" }.joined(separator: ", "))
    } catch let e as StoreError {
      if !FileIO.exists(path) { vanished = true }
      report.intact = false
      report.lines.append("\(StoreFiles.snapshotName(s)): \(e.description)")
    }
    let jname = StoreFiles.journalName(s)
    guard listing.journals.contains(s) else { continue }
    let jpath = FileIO.join(dir, jname)
    do {
      guard let scan = try StoreFiles.readJournal(jpath) else { continue }
      // As open: a journal copied in from another point of history follows another sequence.
      guard scan.base == s else { throw StoreFiles.foreignJournal(jpath, follows: scan.base, named: s) }
      let range =
        scan.records.isEmpty
        ? "no records" : "\(scan.records.count) records (sequence \(scan.base + 1)–\(scan.lastSequence))"
      var line = "\(jname): \(range) intact"
      if let d = scan.damage {
        report.intact = false
        line +=
          "; damaged at byte \(d.offset) (\(d.reason)), \(scan.size - d.offset) bytes after it"
          + (scan.validAfterDamage
            ? "; valid records follow, so open refuses" : "; a torn tail open would cut")
      }
      if var db = base {
        do { try StoreFiles.replay(scan, into: &db, path: jpath) } catch let e as StoreError {
          report.intact = false
          line += "; \(e.description)"
        }
      }
      report.lines.append(line)
    } catch let e as StoreError {
      if !FileIO.exists(jpath) { vanished = true }
      report.intact = false
      report.lines.append("\(jname): \(e.description)")
    }
  }
  return (report, vanished)
}

/// Writes a new store at `to` from everything intact in `from`: the newest readable
/// snapshot and the journal records up to the first damage. Never changes `from`.
public func recoverStore(from dir: String, to newDir: String) throws -> RecoverReport {
  var report = RecoverReport()
  if FileIO.exists(newDir), !(try FileIO.listDirectory(newDir)).isEmpty {
    throw StoreError.io(file: newDir, reason: "already exists and is not empty")
  }
  let listing = try StoreFiles.list(dir)
  var db: Database?
  var firstDamage: StoreError?
  // Newest snapshot first; if it is damaged, the previous one and its journal.
  for s in listing.snapshots.reversed() {
    let path = FileIO.join(dir, StoreFiles.snapshotName(s))
    do {
      let (d, _) = try StoreFiles.readSnapshot(path)
      db = d
      report.lines.append("used \(StoreFiles.snapshotName(s)) (sequence \(s))")
      break
    } catch let e as StoreError {
      if firstDamage == nil { firstDamage = e }
      report.lost.append("\(e.description): snapshot not used")
    }
  }
  guard var state = db else {
    throw firstDamage ?? StoreError.corrupt(file: dir, offset: 0, reason: "no snapshot to recover from")
  }
  // Journals in order from the snapshot used; each continues where the previous ended. A
  // journal that the replay cannot reach is named with what it held, never skipped quietly.
  for j in listing.journals where j >= state.sequence {
    let jpath = FileIO.join(dir, StoreFiles.journalName(j))
    let scan: JournalFile.Scan
    do {
      guard let s = try StoreFiles.readJournal(jpath) else { continue }
      scan = s
    } catch let e as StoreError {
      report.lost.append("\(e.description): journal not used")
      continue
    }
    guard j == state.sequence else {
      if !scan.records.isEmpty || scan.damage != nil {
        report.lost.append(
          "\(jpath): not used: \(recordCount(scan.records.count, scan.base + 1, scan.lastSequence)) "
            + "follow sequence \(j), which the replay reached only up to \(state.sequence)")
      }
      continue
    }
    var applied = 0
    for rec in scan.records {
      do {
        try state.apply(rec.mutations)
        state.sequence = rec.sequence
        applied += 1
      } catch let e as MutationError {
        report.lost.append(
          "\(jpath): record \(rec.sequence) at byte \(rec.offset) does not apply (\(e.message)): "
            + "\(recordCount(scan.records.count - applied, rec.sequence, scan.lastSequence)) "
            + "from it on not replayed")
        break
      }
    }
    report.lines.append("replayed \(applied) records of \(StoreFiles.journalName(j))")
    if applied == scan.records.count, scan.damage != nil {
      report.lost.append(
        "\(jpath): not replayed: \(scan.lossDescription); last record kept is sequence \(scan.lastSequence)")
    }
  }
  // A torn tail an earlier open cut off was kept aside: its bytes are not in the journal.
  for name in try FileIO.listDirectory(dir).sorted() where name.hasSuffix(".damaged") {
    let path = FileIO.join(dir, name)
    let fd = try FileIO.openRead(path)
    defer { close(fd) }
    report.lost.append(
      "\(path): \(try FileIO.size(fd, path)) bytes an earlier open cut from a journal's tail, "
        + "kept aside and not replayed")
  }
  try FileIO.makeDirectories(newDir)
  let lock = try StoreLock.acquire(newDir)
  defer { lock.release() }
  try StoreFiles.writeEmptyJournal(base: state.sequence, dir: newDir)
  _ = try StoreFiles.writeSnapshot(state, dir: newDir)
  report.sequence = state.sequence
  report.lines.append("wrote \(newDir) at sequence \(state.sequence)")
  return report
}

/// "N records (sequence A–B)", or the one record's sequence.
private func recordCount(_ n: Int, _ first: UInt64, _ last: UInt64) -> String {
  n == 1 ? "1 record (sequence \(first))" : "\(n) records (sequence \(first)–\(last))"
}
