import Foundation
import KehuStore
import KehuText

/// The one progress line of long work: what is being done, a bar, the count and the rate,
/// drawn on one line (carriage return, erase to the end), at most ten times a second, and
/// erased when the work ends. It is handed a writer, a clock and the width, so it never
/// reads the terminal or the time itself; the executable builds it only when stderr is a
/// terminal or `--progress` asks.
public final class ProgressLine: @unchecked Sendable {
  let write: @Sendable (String) -> Void
  let clock: @Sendable () -> UInt64
  let width: @Sendable () -> Int
  let ascii: Bool
  private let lock = NSLock()
  private var what = ""
  private var started: UInt64 = 0
  private var delay: UInt64 = 0
  private var lastDraw: UInt64?
  private var drawn = false
  /// Between `begin` and `end`: a late report from another thread draws nothing after `end`.
  private var active = false

  /// Nanoseconds between two drawings: ten a second.
  static let interval: UInt64 = 100_000_000

  public init(
    write: @escaping @Sendable (String) -> Void, clock: @escaping @Sendable () -> UInt64,
    width: @escaping @Sendable () -> Int = { 80 }, ascii: Bool = false
  ) {
    self.write = write
    self.clock = clock
    self.width = width
    self.ascii = ascii
  }

  /// Starts a piece of work; nothing is drawn before `delaySeconds` have passed, so quick
  /// work (opening a small store) shows nothing at all.
  public func begin(_ what: String, delaySeconds: Double = 0) {
    lock.withLock {
      self.what = what
      started = clock()
      delay = UInt64(delaySeconds * 1e9)
      lastDraw = nil
      active = true
    }
  }

  /// How far the work has got; drawn if a tenth of a second has passed since the last time.
  public func update(done: Int, total: Int?) {
    lock.withLock {
      let now = clock()
      guard active, now &- started >= delay else { return }
      if let last = lastDraw, now &- last < Self.interval { return }
      lastDraw = now
      drawn = true
      let line = Self.line(
        what: what, done: done, total: total, elapsed: now &- started, width: width(), ascii: ascii)
      write("\r" + line + "\u{1B}[K")
    }
  }

  /// Erases the line, if one was drawn: the work's own message takes its place.
  public func end() {
    lock.withLock {
      if drawn { write("\r\u{1B}[K") }
      drawn = false
      active = false
    }
  }

  /// The line for `done` of `total` after `elapsed` nanoseconds, at most `width − 1` cells
  /// (the last column is left free so the terminal never wraps).
  static func line(what: String, done: Int, total: Int?, elapsed: UInt64, width: Int, ascii: Bool) -> String {
    let seconds = Double(elapsed) / 1e9
    var count = groupThousands(done)
    if let total { count += " / " + groupThousands(total) }
    // Work that cannot count (opening a store) shows how long it has taken.
    if total == nil && done == 0 { count = tr("{0} s", String(format: "%.1f", seconds)) }
    // A rate over the first moments says nothing; it shows after half a second.
    let rate =
      seconds >= 0.5 && (total != nil || done > 0)
      ? tr("{0}/s", groupThousands(Int(Double(done) / seconds))) : ""
    let room = max(10, width - 1)
    let fixed = what.displayWidth + 1 + count.displayWidth + (rate.isEmpty ? 0 : 2 + rate.displayWidth)
    let barCells = min(30, room - fixed - 3)
    var bar = ""
    if let total, barCells >= 5 {
      let inner = ChartText.blocks(Double(done), of: Double(max(total, 1)), cells: barCells, ascii: ascii)
      bar = (ascii ? "[" : "▕") + inner.padded(toWidth: barCells) + (ascii ? "]" : "▏") + " "
    }
    let text = what + " " + bar + count + (rate.isEmpty ? "" : "  " + rate)
    return text.truncated(toWidth: room, ellipsis: ascii ? "~" : "…")
  }

  /// The work's side of the line: reports go to `update`, and the answer is whether to go
  /// on (`stop` says Ctrl-C was pressed).
  public func progress(_ what: String, delaySeconds: Double = 0, stop: @escaping @Sendable () -> Bool)
    -> WorkProgress
  {
    begin(what, delaySeconds: delaySeconds)
    return WorkProgress { [self] done, total in
      update(done: done, total: total)
      return !stop()
    }
  }
}
