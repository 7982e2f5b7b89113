import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one way kehu writes a file for the user (`output FILE`, `export`, the pipeline's
/// `| export`, `export all`, handouts, charts, case files).
///
/// The bytes go to a temporary file beside the destination, are synced, and are renamed
/// over it, so a reader (or a crash) sees the old file or the new one, never half of one.
/// Only a regular file is ever replaced: a device node, a FIFO, a socket or a directory at
/// the path is refused (as root, a rename over `/dev/full` would replace the device), and
/// so is a symbolic link, which a rename would silently turn into a plain file. Every
/// failure is an error naming the absolute path, never a trap.
package final class OutputFile {
  /// The path as the user gave it (after a `source`d script's folder is put in front).
  let path: String
  /// `path` made absolute against the working directory, for messages.
  let absolute: String
  private let temporary: String
  private var fd: Int32
  private var mode: mode_t?

  /// Creates the temporary file; nothing at `path` changes until `commit`.
  init(_ path: String) throws {
    self.path = path
    absolute = OutputFile.absolute(path)
    mode = try OutputFile.checkDestination(path, absolute: absolute)
    let dir = (path as NSString).deletingLastPathComponent
    let base = (path as NSString).lastPathComponent
    OutputFile.counter += 1
    temporary = (dir.isEmpty ? "" : dir + "/") + ".\(base).kehu-\(getpid())-\(OutputFile.counter).tmp"
    fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if fd < 0 { throw OutputFile.failure(absolute, errno) }
    if let mode { _ = fchmod(fd, mode) }
  }

  deinit { discard() }

  nonisolated(unsafe) private static var counter = 0

  /// Writes `bytes` to `path` in one step; returns the absolute path written.
  @discardableResult
  package static func write(_ bytes: [UInt8], to path: String) throws -> String {
    let file = try OutputFile(path)
    try file.append(bytes)
    try file.commit()
    return file.absolute
  }

  /// Appends to the temporary file. A failed write (a full disk, a file-size limit with
  /// SIGXFSZ ignored) throws, and the destination is left as it was.
  func append(_ bytes: [UInt8]) throws {
    guard fd >= 0 else { throw OutputFile.failure(absolute, EBADF) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        let e = errno
        discard()
        throw OutputFile.failure(absolute, e)
      }
      done += n
    }
  }

  /// Syncs the temporary file, renames it over `path` and syncs the folder, so the new
  /// name survives a power loss.
  func commit() throws {
    guard fd >= 0 else { throw OutputFile.failure(absolute, EBADF) }
    if fsync(fd) != 0 || close(fd) != 0 {
      let e = errno
      fd = -1
      discard()
      throw OutputFile.failure(absolute, e)
    }
    fd = -1
    // Checked again: something may have been put at the path since the file was opened.
    do {
      _ = try OutputFile.checkDestination(path, absolute: absolute)
    } catch {
      discard()
      throw error
    }
    if rename(temporary, path) != 0 {
      let e = errno
      discard()
      throw OutputFile.failure(absolute, e)
    }
    let dir = (path as NSString).deletingLastPathComponent
    let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }

  /// Drops the temporary file; the destination keeps what it had.
  func discard() {
    if fd >= 0 {
      close(fd)
      fd = -1
      unlink(temporary)
    } else if access(temporary, F_OK) == 0 {
      unlink(temporary)
    }
  }

  /// The mode of the regular file at `path` (kept by the new file), nil when there is none;
  /// an error for anything that is not a regular file.
  static func checkDestination(_ path: String, absolute: String) throws -> mode_t? {
    var st = stat()
    guard lstat(path, &st) == 0 else {
      if errno == ENOENT { return nil }
      throw failure(absolute, errno)
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return st.st_mode & 0o7777
    case S_IFDIR: throw ShellError(tr("cannot write `{0}`: it is a directory", absolute))
    case S_IFLNK:
      throw ShellError(
        tr(
          "cannot write `{0}`: it is a symbolic link, which kehu does not replace; name its target", absolute)
      )
    default:
      throw ShellError(
        tr("cannot write `{0}`: it is a device, a FIFO or a socket, not a regular file", absolute))
    }
  }

  /// `path` against the working directory, with `.` and `..` taken out for reading.
  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  static func failure(_ absolute: String, _ code: Int32) -> ShellError {
    ShellError(tr("cannot write `{0}`: {1}", absolute, String(cString: strerror(code))))
  }
}
