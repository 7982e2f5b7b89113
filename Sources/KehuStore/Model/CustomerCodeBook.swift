/// The store's customer codes as a statement reads them: a code written in a query becomes
/// its key, and an ordering on a code column follows natural order (`CustomerCode.compare`)
/// over numbers and dictionary codes together. Built once per statement; when the store
/// holds only numbers it is empty and the integer paths run unchanged.
public struct CustomerCodeBook: Sendable {
  private let keys: [String: Int64]
  /// Dictionary codes in natural order, with their keys and the number below which every
  /// numeric code sorts before them.
  private let ordered: [(code: String, key: Int64, below: Int64)]
  private let position: [Int64: Int]

  public init(_ db: Database) {
    let codes = db.textCodes
    keys = Dictionary(uniqueKeysWithValues: codes.map { ($0.code, $0.key) })
    ordered = codes.sorted { CustomerCode.compare($0.code, $1.code) < 0 }.map {
      ($0.code, $0.key, CustomerCodeBook.numbersBelow($0.code, orEqual: false))
    }
    position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, $0) })
  }

  /// True when every code is a number.
  public var isEmpty: Bool { ordered.isEmpty }

  /// The key of `code`, or nil when no customer ever had it.
  public func key(_ code: String) -> Int64? { CustomerCode.numericKey(code) ?? keys[code] }

  /// The keys of the dictionary codes whose natural order against `code` passes `test`
  /// (given -1, 0 or 1).
  public func textKeys(comparedWith code: String, _ test: (Int) -> Bool) -> [Int64] {
    ordered.filter { test(CustomerCode.compare($0.code, code)) }.map(\.key)
  }

  /// The numeric codes that sort before `code` (or equal it, with `orEqual`) are exactly
  /// the numbers below the result: natural order compares a leading digit run as a number.
  public static func numbersBelow(_ code: String, orEqual: Bool) -> Int64 {
    let all = CustomerCode.reservedBase
    guard let first = code.unicodeScalars.first else { return 0 }
    guard first >= "0" && first <= "9" else { return first < "0" ? 0 : all }
    let digits = code.unicodeScalars.prefix { $0 >= "0" && $0 <= "9" }
    let significant = String(String.UnicodeScalarView(digits.drop { $0 == "0" }))
    guard significant.count <= 18, let v = Int64(significant.isEmpty ? "0" : significant), v < all else {
      return all
    }
    // The number itself sorts before `code` unless it is `code`: a longer run of leading
    // zeros or anything after the digits puts `code` after it.
    let exact = CustomerCode.numericKey(code) == v || code == "0"
    return exact && !orEqual ? v : v + 1
  }

  /// A sort key in natural order for a customer key: numbers by how many dictionary codes
  /// come before them, then by value; a dictionary code after the numbers its place admits.
  public func rank(_ key: Int64) -> Dec {
    if let i = position[key] {
      return Dec(mantissa: (Int128(i) << 63) + Int128(CustomerCode.reservedBase), scale: 0)
    }
    var lo = 0
    var hi = ordered.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ordered[mid].below <= key { lo = mid + 1 } else { hi = mid }
    }
    return Dec(mantissa: (Int128(lo) << 63) + Int128(key), scale: 0)
  }
}
