import KehuStore

/// Days in a year for rates and average balances. 360 is the convention of Chinese
/// financial management textbooks and the default; 365 is offered for actual-day users.
public enum DayCountConvention: Int, Sendable, CaseIterable, CustomStringConvertible {
  case days360 = 360
  case days365 = 365

  public static let standard = DayCountConvention.days360

  public var days: Int { rawValue }
  public var dec: Dec { Dec(rawValue) }

  /// Parses `360` or `365` (the `year=` argument and the `set year` setting).
  public init?(parsing text: String) {
    switch text.trimmed(" ") {
    case "360": self = .days360
    case "365": self = .days365
    default: return nil
    }
  }

  public var description: String { "\(rawValue)-day year" }
  /// The sentence every result prints.
  public var note: Message { "convention: \(rawValue) days in a year" }
}

extension String {
  func trimmed(_ set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
