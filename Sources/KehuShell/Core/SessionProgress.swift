import KehuStore

extension Session {
  /// Runs long work with the progress line (when the executable handed one in and
  /// `set progress` is on), erased when the work ends however it ends. The work is told to
  /// stop at Ctrl-C; when it did, the statement fails as interrupted, with nothing written.
  func withProgress<T>(_ what: String, _ body: (WorkProgress) throws -> T) throws -> T {
    let flag = interruptFlag
    let outside = options.interrupted
    let stop: @Sendable () -> Bool = { flag.peek() || outside() }
    guard settings.progress, let line = options.progress else {
      let result = try body(WorkProgress { _, _ in !stop() })
      try checkInterrupted()
      return result
    }
    defer { line.end() }
    let result = try body(line.progress(what, stop: stop))
    try checkInterrupted()
    return result
  }
}

extension WorkProgress {
  /// Reports, and throws `interrupted` when asked to stop: for work in the shell, which
  /// stops by throwing before it writes.
  func check(_ done: Int, _ total: Int) throws {
    if !report(done, total) { throw ShellError(tr("interrupted")) }
  }
}

/// Counts rows of work toward a total across the steps of one command (building, writing,
/// checking), reporting every `WorkProgress.stride` rows so counting costs nothing.
final class WorkCounter {
  let progress: WorkProgress
  var total: Int
  private(set) var done = 0

  init(_ progress: WorkProgress, total: Int) {
    self.progress = progress
    self.total = total
  }

  @inline(__always) func tick() throws(ShellError) {
    done += 1
    if done & (WorkProgress.stride - 1) == 0 && !progress.report(done, total) {
      throw ShellError(tr("interrupted"))
    }
  }
}
