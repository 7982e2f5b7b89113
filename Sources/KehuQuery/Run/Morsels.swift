import Dispatch

/// Morsel-driven loops on every core the session was given (`EvaluationContext.workers`):
/// 0..<n splits into one contiguous part per worker, each worker writes only its own
/// positions or builds its own partial result, and partial results are merged in part
/// order, so any number of workers gives exactly what one gives.
enum Morsels {
  /// Below this many positions a second thread costs more than it saves.
  static let minimum = 1 << 16

  /// Hands a value to the workers; every use here writes disjoint positions or only reads.
  struct Shared<T>: @unchecked Sendable {
    let value: T
  }

  static func parts(_ n: Int, _ workers: Int) -> Int {
    n < minimum ? 1 : max(1, min(workers, n / (minimum / 2)))
  }

  /// `body` of each part of 0..<n, all at once; the results in part order.
  static func map<R>(_ n: Int, workers: Int, _ body: (Range<Int>) -> R) -> [R] {
    map(n, workers: workers) { _, part in body(part) }
  }

  /// `map`, with each part told its number.
  static func map<R>(_ n: Int, workers: Int, _ body: (Int, Range<Int>) -> R) -> [R] {
    let k = parts(n, workers)
    if k == 1 { return [body(0, 0..<n)] }
    var results = [R?](repeating: nil, count: k)
    results.withUnsafeMutableBufferPointer { res in
      let out = Shared(value: res)
      withoutActuallyEscaping(body) { body in
        let work = Shared(value: body)
        DispatchQueue.concurrentPerform(iterations: k) { w in
          out.value[w] = work.value(w, n * w / k..<n * (w + 1) / k)
        }
      }
    }
    return results.map { $0! }
  }

  /// Positions kept by each part, joined in order.
  static func positions(_ n: Int, workers: Int, _ body: (Range<Int>) -> [Int]) -> [Int] {
    let parts = map(n, workers: workers, body)
    if parts.count == 1 { return parts[0] }
    var out: [Int] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for p in parts { out.append(contentsOf: p) }
    return out
  }
}
