/// The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
/// 31-character set (digits and capitals without I, O, Z, S, V); the last is a check
/// character computed from the first 17 with fixed weights, modulo 31.
public enum UnifiedSocialCreditCode {
  static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// Why `code` is not a valid code, or nil when it is.
  public static func problem(_ code: String) -> String? {
    let chars = Array(code.uppercased())
    guard chars.count == 18 else {
      return "a unified social credit code has 18 characters; this one has \(chars.count)"
    }
    var values: [Int] = []
    for (i, c) in chars.enumerated() {
      guard let v = alphabet.firstIndex(of: c) else {
        return "character \(i + 1) (`\(c)`) is not allowed in a unified social credit code"
      }
      values.append(v)
    }
    let expected = checkCharacter(values.prefix(17))
    if chars[17] != expected {
      return "the check character should be `\(expected)`, not `\(chars[17])` (GB 32100-2015)"
    }
    return nil
  }

  /// The check character for the first 17 values.
  static func checkCharacter(_ values: ArraySlice<Int>) -> Character {
    let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
    let c = (31 - sum % 31) % 31
    return alphabet[c]
  }

  /// Completes 17 characters with their check character (for generated test data).
  public static func withCheck(_ first17: String) -> String? {
    let chars = Array(first17.uppercased())
    guard chars.count == 17 else { return nil }
    var values: [Int] = []
    for c in chars {
      guard let v = alphabet.firstIndex(of: c) else { return nil }
      values.append(v)
    }
    return first17.uppercased() + String(checkCharacter(values[...]))
  }
}
