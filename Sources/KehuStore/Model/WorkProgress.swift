/// How long work says how far it has got, and hears that it should stop. The work only
/// counts; the caller decides whether and how to show it and how often (it holds the
/// clock and the terminal), so the libraries stay free of both.
public struct WorkProgress: Sendable {
  /// `done` of `total` units; returns false to ask the work to stop where it is (Ctrl-C),
  /// before anything is written.
  public var report: @Sendable (_ done: Int, _ total: Int) -> Bool

  public init(_ report: @escaping @Sendable (_ done: Int, _ total: Int) -> Bool) {
    self.report = report
  }

  /// Nobody is watching and nothing stops the work.
  public static let none = WorkProgress { _, _ in true }

  /// How many units between reports: often enough for ten updates a second, rarely enough
  /// that counting costs nothing.
  public static let stride = 1 << 16
}
