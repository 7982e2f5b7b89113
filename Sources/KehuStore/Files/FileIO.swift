#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin checked wrappers over the POSIX calls the store needs; every failure becomes a
/// `StoreError.io` naming the file.
enum FileIO {
  static func errorText(_ e: Int32 = errno) -> String { String(cString: strerror(e)) }

  static func fail(_ path: String, _ what: String, _ e: Int32 = errno) -> StoreError {
    .io(file: path, reason: "\(what): \(errorText(e))")
  }

  static func join(_ dir: String, _ name: String) -> String {
    dir.hasSuffix("/") ? dir + name : dir + "/" + name
  }

  /// Creates `path` and missing parents with mode 0700 (existing ones are left alone).
  static func makeDirectories(_ path: String) throws {
    var st = stat()
    if stat(path, &st) == 0 {
      if (st.st_mode & S_IFMT) != S_IFDIR { throw StoreError.io(file: path, reason: "not a directory") }
      return
    }
    let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    if !parent.isEmpty { try makeDirectories(parent) }
    if mkdir(path, 0o700) != 0 && errno != EEXIST { throw fail(path, "cannot create directory") }
  }

  static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }

  static func size(_ fd: Int32, _ path: String) throws -> Int {
    var st = stat()
    if fstat(fd, &st) != 0 { throw fail(path, "cannot stat") }
    return Int(st.st_size)
  }

  static func listDirectory(_ path: String) throws -> [String] {
    guard let d = opendir(path) else { throw fail(path, "cannot list directory") }
    defer { closedir(d) }
    var out: [String] = []
    while let e = readdir(d) {
      let name = withUnsafePointer(to: e.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { out.append(name) }
    }
    return out
  }

  static func openRead(_ path: String) throws -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw fail(path, "cannot open") }
    return fd
  }

  /// Opens for writing, creating the file with mode 0600.
  static func openWrite(_ path: String, truncate: Bool) throws -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0o600)
    if fd < 0 { throw fail(path, "cannot open for writing") }
    return fd
  }

  static func readAll(_ fd: Int32, _ path: String) throws -> [UInt8] {
    let n = try size(fd, path)
    return try [UInt8](unsafeUninitializedCapacity: n) { buf, made in
      try readExact(fd, path, at: 0, into: UnsafeMutableRawBufferPointer(buf))
      made = n
    }
  }

  /// Reads exactly `into.count` bytes at `offset`; a short file is damage at that point.
  static func readExact(_ fd: Int32, _ path: String, at offset: Int, into: UnsafeMutableRawBufferPointer)
    throws
  {
    var done = 0
    while done < into.count {
      let want = min(into.count - done, 1 << 30)
      let r = pread(fd, into.baseAddress! + done, want, off_t(offset + done))
      if r < 0 {
        if errno == EINTR { continue }
        throw fail(path, "cannot read")
      }
      if r == 0 {
        throw StoreError.corrupt(
          file: path, offset: offset + done, reason: "file ends early (\(into.count - done) bytes missing)")
      }
      done += r
    }
  }

  static func writeAll(_ fd: Int32, _ path: String, _ buf: UnsafeRawBufferPointer) throws {
    var done = 0
    while done < buf.count {
      let r = write(fd, buf.baseAddress! + done, min(buf.count - done, 1 << 30))
      if r < 0 {
        if errno == EINTR { continue }
        throw fail(path, "cannot write")
      }
      done += r
    }
  }

  static func writeAll(_ fd: Int32, _ path: String, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try writeAll(fd, path, $0) }
  }

  static func sync(_ fd: Int32, _ path: String, dataOnly: Bool = false) throws {
    let r = dataOnly ? fdatasync(fd) : fsync(fd)
    if r != 0 { throw fail(path, "cannot sync to disk") }
  }

  /// A rename is durable only once the directory entry itself is on disk.
  static func syncDirectory(_ dir: String) throws {
    let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { throw fail(dir, "cannot open directory") }
    defer { close(fd) }
    if fsync(fd) != 0 { throw fail(dir, "cannot sync directory") }
  }

  static func rename(_ from: String, _ to: String) throws {
    if Glibc.rename(from, to) != 0 { throw fail(to, "cannot rename \(from)") }
  }

  static func remove(_ path: String) { unlink(path) }

  static func truncate(_ fd: Int32, _ path: String, to n: Int) throws {
    if ftruncate(fd, off_t(n)) != 0 { throw fail(path, "cannot truncate") }
  }

  /// Writes a whole file by the safe recipe: a temp file in the same directory, fsync,
  /// rename over the name, fsync the directory. A crash at any point leaves either the old
  /// file or the new one under the name, never a half-written one.
  static func writeAtomically(dir: String, name: String, _ body: (Int32, String) throws -> Void) throws {
    let final = join(dir, name)
    let tmp = final + ".tmp"
    let fd = try openWrite(tmp, truncate: true)
    do {
      try body(fd, tmp)
      try sync(fd, tmp)
      close(fd)
    } catch {
      close(fd)
      remove(tmp)
      throw error
    }
    try rename(tmp, final)
    try syncDirectory(dir)
  }
}
