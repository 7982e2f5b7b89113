#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Puts the complete store at `fresh` where the store at `dir` is, and moves that one to
  /// the first free `DIR.replaced-N` (returned), so it stays a store. The two trade places in
  /// one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`): a kill at any moment leaves
  /// `dir` holding the old store or the new one, never neither (`kehu gen --replace`,
  /// `scripts/crash`). Where the system has no exchange, two renames. The old store's lock is
  /// held meanwhile, so no writer has it open (75 otherwise, nothing moved).
  public static func replaceDirectory(_ dir: String, with fresh: String) throws -> String {
    var trimmed = Substring(dir)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    let path = String(trimmed)
    var n = 1
    while FileIO.exists("\(path).replaced-\(n)") { n += 1 }
    let aside = "\(path).replaced-\(n)"
    let lock = try StoreLock.acquire(path)
    defer { lock.release() }
    if exchange(fresh, path) {
      // `fresh` now names the old store: give it its name beside.
      try FileIO.rename(fresh, aside)
    } else {
      try FileIO.rename(path, aside)
      try FileIO.rename(fresh, path)
    }
    let slash = path.lastIndex(of: "/")
    try FileIO.syncDirectory(slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ".")
    return aside
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// `renameat2(a, b, RENAME_EXCHANGE)`, looked up at run time (the C library declares it only
  /// under _GNU_SOURCE); false when the system or file system has no such exchange.
  private static func exchange(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
      guard let symbol = dlsym(nil, "renameat2") else { return false }
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      let renameExchange: UInt32 = 2
      return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    #else
      return false
    #endif
  }
}
