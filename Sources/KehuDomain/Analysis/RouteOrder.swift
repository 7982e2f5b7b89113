import KehuStore

/// The route order of an area's customers (路序, §2.6 step 5): the order stored with
/// `route set`, and an order suggested from their coordinates.
public enum RouteOrder {
  /// The customers of `area` a route visits: every one that has not ended trading.
  public static func members(_ db: Database, area: String) -> [Int] {
    let c = Customers(db)
    return c.area.rows(equalTo: area).filter { c.status[$0] != "ended" }
  }

  /// `rows` by stored route position; customers without one come last, by id.
  public static func stored(_ db: Database, _ rows: [Int]) -> [Int] {
    let c = Customers(db)
    return rows.sorted { (c.routeSeq[$0] ?? Int64.max, c.id[$0]) < (c.routeSeq[$1] ?? Int64.max, c.id[$1]) }
  }

  /// Where a route finds the customer: its address, else its business address.
  public static func address(_ c: Customers, _ r: Int) -> String {
    c.address[r] ?? c.businessAddress[r] ?? ""
  }

  /// A suggested order and how it was found.
  public struct Suggestion: Sendable, Equatable {
    /// Customer rows in the suggested order: those with coordinates first, along the tour.
    public var sequence: [Int]
    /// Customers with coordinates, on the tour.
    public var placed: Int
    /// Customers without coordinates, after the tour in address order.
    public var unplaced: Int
    /// Over `nearestOnlyAbove` customers with coordinates: nearest neighbour, no 2-opt.
    public var nearestOnly: Bool
    /// The tour's length in km in the stored order and in the suggested one; nil with no
    /// customer placed.
    public var kmBefore: Double?
    public var kmAfter: Double?
  }

  public static let nearestOnlyAbove = 10_000

  /// Nearest neighbour from the current first stop, improved by 2-opt (`Tour.plan`).
  /// Coordinates are for the tour's geometry only, so they are read as `Double`.
  public static func suggest(_ db: Database, _ rows: [Int]) -> Suggestion {
    let c = Customers(db)
    func point(_ r: Int) -> Tour.Point? {
      guard let lat = c.latitude[r].flatMap({ Double($0.description) }),
        let lon = c.longitude[r].flatMap({ Double($0.description) })
      else { return nil }
      return Tour.Point(latitude: lat, longitude: lon)
    }
    let placed = stored(db, rows.filter { point($0) != nil })
    let unplaced = rows.filter { point($0) == nil }
      .sorted { (address(c, $0), c.id[$0]) < (address(c, $1), c.id[$1]) }
    let points = placed.map { point($0)! }
    var order = Array(points.indices)
    let nearestOnly = points.count > nearestOnlyAbove
    if nearestOnly {
      order = Tour.nearestNeighbour(points)
    } else if points.count > 1 {
      order = Tour.plan(points)
    }
    return Suggestion(
      sequence: order.map { placed[$0] } + unplaced, placed: placed.count, unplaced: unplaced.count,
      nearestOnly: nearestOnly,
      kmBefore: points.isEmpty ? nil : Tour.length(points, Array(points.indices)),
      kmAfter: points.isEmpty ? nil : Tour.length(points, order))
  }
}
