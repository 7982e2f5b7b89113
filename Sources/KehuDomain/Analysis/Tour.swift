import Foundation

/// A visiting order through points (§2.6 step 5, 路序): a nearest-neighbour path from the
/// first point, then improved by 2-opt (reverse a stretch whenever that shortens the path).
/// An open path, not a round trip: the round ends at the last customer.
/// Coordinates are not money, so they are plain floating point.
public enum Tour {
  public struct Point: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
    public init(latitude: Double, longitude: Double) {
      self.latitude = latitude
      self.longitude = longitude
    }
  }

  /// Above this many points 2-opt only tries stretches of up to `window` stops, so that an
  /// area of 10,000 customers is ordered in seconds.
  public static let fullTwoOptLimit = 600
  public static let window = 60

  /// Kilometres between two points on a sphere (equirectangular approximation, which is
  /// exact enough inside one sales area).
  public static func distance(_ a: Point, _ b: Point) -> Double {
    let r = 6371.0
    let rad = Double.pi / 180
    let x = (b.longitude - a.longitude) * rad * cos((a.latitude + b.latitude) / 2 * rad)
    let y = (b.latitude - a.latitude) * rad
    return (x * x + y * y).squareRoot() * r
  }

  public static func length(_ points: [Point], _ order: [Int]) -> Double {
    guard order.count > 1 else { return 0 }
    var total = 0.0
    for i in 1..<order.count { total += distance(points[order[i - 1]], points[order[i]]) }
    return total
  }

  /// Nearest neighbour from point 0; ties go to the lower index.
  public static func nearestNeighbour(_ points: [Point]) -> [Int] {
    let n = points.count
    guard n > 2 else { return Array(0..<n) }
    // Flat arrays in radians-scaled units keep the inner loop free of trigonometry.
    let rad = Double.pi / 180
    let meanLat = points.reduce(0.0) { $0 + $1.latitude } / Double(n) * rad
    let k = cos(meanLat)
    var xs = points.map { $0.longitude * rad * k }
    var ys = points.map { $0.latitude * rad }
    var ids = Array(0..<n)
    var order: [Int] = [0]
    order.reserveCapacity(n)
    // Unvisited points live in [1, remaining); a visited one is swapped to the end.
    var remaining = n
    xs.swapAt(0, n - 1)
    ys.swapAt(0, n - 1)
    ids.swapAt(0, n - 1)
    remaining -= 1
    var cx = points[0].longitude * rad * k
    var cy = points[0].latitude * rad
    while remaining > 0 {
      var best = 0
      var bestD = Double.infinity
      for j in 0..<remaining {
        let dx = xs[j] - cx
        let dy = ys[j] - cy
        let d = dx * dx + dy * dy
        if d < bestD || (d == bestD && ids[j] < ids[best]) {
          bestD = d
          best = j
        }
      }
      order.append(ids[best])
      cx = xs[best]
      cy = ys[best]
      remaining -= 1
      xs.swapAt(best, remaining)
      ys.swapAt(best, remaining)
      ids.swapAt(best, remaining)
    }
    return order
  }

  /// 2-opt on an open path: reverse order[i...j] when the two changed edges get shorter.
  /// Stops when a pass finds nothing, after `maxPasses`, or when `stop` says so.
  public static func twoOpt(_ points: [Point], _ start: [Int], maxPasses: Int = 50) -> [Int] {
    var order = start
    let n = order.count
    guard n > 3 else { return order }
    let span = n <= fullTwoOptLimit ? n : window
    func d(_ a: Int, _ b: Int) -> Double { distance(points[order[a]], points[order[b]]) }
    for _ in 0..<maxPasses {
      var improved = false
      for i in 1..<(n - 1) {
        let last = min(n - 1, i + span)
        var j = i + 1
        while j <= last {
          // Edges (i-1,i) and (j,j+1) become (i-1,j) and (i,j+1); the path's end has no j+1.
          let before = d(i - 1, i) + (j + 1 < n ? d(j, j + 1) : 0)
          let after = d(i - 1, j) + (j + 1 < n ? d(i, j + 1) : 0)
          if after < before - 1e-9 {
            order[i...j].reverse()
            improved = true
          }
          j += 1
        }
      }
      if !improved { break }
    }
    return order
  }

  /// The suggested order: nearest neighbour, then 2-opt.
  public static func plan(_ points: [Point]) -> [Int] {
    twoOpt(points, nearestNeighbour(points))
  }
}
