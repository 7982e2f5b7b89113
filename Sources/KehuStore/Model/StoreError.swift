/// Everything that can go wrong with a store's files, one case per exit status.
/// Messages name the file and, for damage, the byte offset.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Damaged or inconsistent data; also a format newer than this program reads. Exit 65.
  case corrupt(file: String, offset: Int, reason: String)
  /// The system refused a read, write, sync or rename. Exit 74.
  case io(file: String, reason: String)
  /// Another process holds the store for writing. Exit 75.
  case locked(dir: String, pid: Int32?)
  /// A change made while the store is read-only or after a failed write. Exit 74.
  case readOnly(dir: String, reason: String)

  /// The sysexits.h status the shell exits with.
  public var exitStatus: Int32 {
    switch self {
    case .corrupt: return 65
    case .io, .readOnly: return 74
    case .locked: return 75
    }
  }

  public var description: String {
    switch self {
    case .corrupt(let f, let o, let r): return "\(f): damaged at byte \(o): \(r)"
    case .io(let f, let r): return "\(f): \(r)"
    case .locked(let d, let pid):
      return "store \(d) is in use by process \(pid.map(String.init) ?? "(unknown)")"
    case .readOnly(let d, let r): return "store \(d) is read-only: \(r)"
    }
  }
}
