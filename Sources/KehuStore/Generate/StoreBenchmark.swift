#if canImport(Glibc)
  import Glibc
#endif

/// The store's benchmark, as a library function so that `kehu bench-store` (or a test) can
/// run it: the caller hands in the clock and, optionally, a peak-memory probe.
public enum StoreBenchmark {
  public struct Figure: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var unit: String
  }

  /// Generates a store in `dir` (which must not hold one), saves it, reopens it, then
  /// times small commits beside bare fsyncs of the same disk. `clock` returns seconds.
  public static func run(
    dir: String, customers: Int, sales: Int, seed: UInt64 = 1, today: Day, commits: Int = 40,
    clock: () -> Double, resetPeak: () -> Void = {}, peakBytes: () -> Int = { 0 }
  ) throws -> [Figure] {
    var out: [Figure] = []
    func mark(_ name: String, _ v: Double, _ unit: String = "s") {
      out.append(Figure(name: name, value: v, unit: unit))
    }

    resetPeak()
    var t = clock()
    let db = generate(customers: customers, sales: sales, seed: seed, today: today)
    mark("generate", clock() - t)
    do {
      let (store, _) = try Store.open(.directory(dir))
      t = clock()
      try store.replaceAll(with: db)
      mark("save", clock() - t)
      try store.close()
    }
    mark("peak memory generate+save", Double(peakBytes()) / 1_048_576, "MiB")

    resetPeak()
    t = clock()
    let (store, _) = try Store.open(.directory(dir))
    mark("open", clock() - t)
    mark("peak memory open", Double(peakBytes()) / 1_048_576, "MiB")
    mark("rows", Double(store.state.rowCount), "rows")

    // A prompt-time statement: one update, one record, one sync.
    var times: [Double] = []
    let n = max(1, store.state.customers.count)
    for i in 0..<commits {
      let key = Value.int(Int64(i % n + 1))
      try store.apply([.update(table: "customers", key: key, values: ["remarks": .text("基准 \(i)")])])
      t = clock()
      try store.commit()
      times.append(clock() - t)
    }
    mark("commit (median)", median(times) * 1000, "ms")
    try store.close()

    let path = FileIO.join(dir, "fsync-probe")
    let fd = try FileIO.openWrite(path, truncate: true)
    defer {
      close(fd)
      FileIO.remove(path)
    }
    let record = [UInt8](repeating: 0x5A, count: 120)
    times = []
    for _ in 0..<commits {
      t = clock()
      try FileIO.writeAll(fd, path, record)
      try FileIO.sync(fd, path, dataOnly: true)
      times.append(clock() - t)
    }
    mark("bare fsync (median)", median(times) * 1000, "ms")
    return out
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
