#if canImport(Glibc)
  import Glibc
#endif

/// A local copy of a shared store (a team store's database), private to one user: a header
/// naming what it is a copy of, then an ordinary snapshot, read by the snapshot reader and
/// checked by its checksums. The label is the caller's (for a database: its identity, the
/// address and login, the change-log position); it is checked before the snapshot is read,
/// so a copy of something else costs no read.
///
///     header    "KEHUCACH" · version u32 · label length u32 · label · XXH64 of what precedes
///     snapshot  as `SnapshotFile`, its sequence the position the copy was taken at
public enum CacheFile {
  static let magic: [UInt8] = Array("KEHUCACH".utf8)
  static let version: UInt32 = 1

  /// Writes the copy atomically: a temporary file of this process (two sessions of one user
  /// may write at once), synced, then renamed over the old copy. Mode 0600, in a directory
  /// created 0700.
  public static func write(_ db: Database, sequence: UInt64, label: [UInt8], dir: String, name: String) throws
  {
    try FileIO.makeDirectories(dir)
    var copy = db
    copy.sequence = sequence
    let final = FileIO.join(dir, name)
    let tmp = final + ".\(getpid()).tmp"
    let fd = try FileIO.openWrite(tmp, truncate: true)
    do {
      var h = ByteWriter()
      h.bytes.append(contentsOf: magic)
      h.u32(version)
      h.u32(UInt32(label.count))
      h.bytes.append(contentsOf: label)
      h.u64(XXH64.hash(h.bytes))
      try FileIO.writeAll(fd, tmp, h.bytes)
      try SnapshotFile.write(copy, fd: fd, path: tmp)
      try FileIO.sync(fd, tmp)
      close(fd)
    } catch {
      close(fd)
      FileIO.remove(tmp)
      throw error
    }
    try FileIO.rename(tmp, final)
    try FileIO.syncDirectory(dir)
  }

  /// The copy named `name`, when there is one and `accept` takes its label; nil otherwise.
  /// Damage anywhere (header or snapshot) is a `StoreError.corrupt` naming the file.
  public static func read(dir: String, name: String, accept: ([UInt8]) -> Bool) throws -> (
    label: [UInt8], db: Database
  )? {
    let path = FileIO.join(dir, name)
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw FileIO.fail(path, "cannot open")
    }
    defer { close(fd) }
    let size = try FileIO.size(fd, path)
    func damaged(_ at: Int, _ why: String) -> StoreError { .corrupt(file: path, offset: at, reason: why) }
    guard size >= 16 else { throw damaged(0, "file ends early") }
    var head = [UInt8](repeating: 0, count: 16)
    try head.withUnsafeMutableBytes { try FileIO.readExact(fd, path, at: 0, into: $0) }
    guard Array(head[0..<8]) == magic else { throw damaged(0, "not a kehu cache") }
    let (version, length) = head.withUnsafeBytes {
      (
        $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian,
        Int($0.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
      )
    }
    guard length <= size - 24 else { throw damaged(12, "label length \(length) runs past the end") }
    var rest = [UInt8](repeating: 0, count: length + 8)
    try rest.withUnsafeMutableBytes { try FileIO.readExact(fd, path, at: 16, into: $0) }
    let label = Array(rest[0..<length])
    let sum = rest.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: length, as: UInt64.self).littleEndian }
    guard XXH64.hash(head + label) == sum else { throw damaged(0, "header checksum mismatch") }
    guard version == CacheFile.version else {
      throw damaged(8, "cache format \(version), not \(CacheFile.version)")
    }
    guard accept(label) else { return nil }
    return (label, try SnapshotFile.read(fd: fd, path: path, start: 16 + length + 8))
  }

  /// Removes the copy (a damaged one, or one the caller no longer trusts).
  public static func remove(dir: String, name: String) { FileIO.remove(FileIO.join(dir, name)) }
}
