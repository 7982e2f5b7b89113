import KehuStore

/// Where prospects came from and how many became trading customers (§2.4 step 1: the
/// new-customer range — government and bank material, consultancies, the firm's own market
/// research, trade fairs, directories).
public struct SourceTally: Equatable, Sendable {
  public var source: String
  /// Every customer the source brought, whatever its status now.
  public var brought: Int
  public var prospects: Int
  public var pending: Int
  public var trading: Int
  public var ended: Int

  /// Became trading: trading now, or traded and then ended (an ended customer did trade).
  public var converted: Int { trading + ended }

  /// converted ÷ brought as a fraction to a tenth of a percent (0.125 is 12.5%), rounded half
  /// up exactly; nil when the source brought no one.
  public var rate: Dec? {
    brought == 0 ? nil : Dec(mantissa: Int128((converted * 2000 + brought) / (2 * brought)), scale: 3)
  }

  /// The tallies added up, under the label `source`.
  public static func total(_ tallies: [SourceTally], source: String) -> SourceTally {
    var t = SourceTally(source: source)
    for x in tallies {
      t.brought += x.brought
      t.prospects += x.prospects
      t.pending += x.pending
      t.trading += x.trading
      t.ended += x.ended
    }
    return t
  }

  public init(
    source: String, brought: Int = 0, prospects: Int = 0, pending: Int = 0, trading: Int = 0, ended: Int = 0
  ) {
    self.source = source
    self.brought = brought
    self.prospects = prospects
    self.pending = pending
    self.trading = trading
    self.ended = ended
  }
}

public enum SourceReport {
  /// One tally per source, in the order of `order` (then any other source by name, then
  /// customers with no source recorded, as `unknown`). `customers` is (source, status).
  public static func tally(_ customers: [(source: String?, status: String)], order: [String]) -> [SourceTally]
  {
    var by: [String: SourceTally] = [:]
    for (source, status) in customers {
      let key = source ?? "unknown"
      var t = by[key] ?? SourceTally(source: key)
      t.brought += 1
      switch status {
      case "prospect": t.prospects += 1
      case "pending": t.pending += 1
      case "trading": t.trading += 1
      case "ended": t.ended += 1
      default: break
      }
      by[key] = t
    }
    let known = order.filter { by[$0] != nil }
    let others = by.keys.filter { !order.contains($0) && $0 != "unknown" }.sorted()
    return (known + others + (by["unknown"] == nil ? [] : ["unknown"])).map { by[$0]! }
  }
}
