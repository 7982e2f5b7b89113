/// A customer's id is the firm's own code (客户代码): `HD-001`, `C0123`, `华东-17`, or a plain
/// number. Inside the store every code is a dense `Int64` key so that joins, indexes and
/// query kernels keep working on integers: a canonical number (no sign, no leading zero,
/// below `reservedBase`) is its own key, so every store written before codes existed reads
/// unchanged; any other code gets a key from `reservedBase` up, kept in the store's code
/// dictionary (see `Database.customerCode`).
public enum CustomerCode {
  public static let maxLength = 32
  /// Keys from here up stand for dictionary codes; numbers never reach it (2^62).
  public static let reservedBase: Int64 = 1 << 62

  public static func isReserved(_ key: Int64) -> Bool { key >= reservedBase }

  /// The key a code is by itself: a number written the canonical way, or nil.
  public static func numericKey(_ code: String) -> Int64? {
    let u = code.utf8
    guard let first = u.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"), u.count <= 19,
      u.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int64(code),
      n < reservedBase
    else { return nil }
    return n
  }

  /// Why `code` cannot be a customer id, or nil when it can.
  public static func problem(_ code: String) -> Message? {
    if code.isEmpty { return "a customer id cannot be empty" }
    if code.count > maxLength {
      return Message("a customer id has at most {0} characters, not {1}", maxLength, code.count)
    }
    for (i, ch) in code.enumerated() where !allowed(ch) {
      let shown: Message = ch == " " ? "space" : Message(verbatim: String(ch))
      return Message(
        "a customer id holds letters, digits, `-`, `_`, `.` and Chinese characters, not `{0}` (character {1})",
        shown, i + 1)
    }
    return nil
  }

  static func allowed(_ ch: Character) -> Bool {
    guard ch.unicodeScalars.count == 1, let u = ch.unicodeScalars.first else { return false }
    if u.isASCII {
      return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
        || u == "-" || u == "_" || u == "."
    }
    return u.properties.isIdeographic
  }

  /// Natural order: runs of digits compare as numbers (`C2` < `C10`, `9` < `10`), the rest
  /// by code point; a run with more leading zeros sorts after the same number without
  /// (`123` < `000123`), so two different codes never compare equal.
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    var i = 0
    var j = 0
    var zeros = 0
    while i < x.count && j < y.count {
      if isDigit(x[i]) && isDigit(y[j]) {
        let (si, ei) = run(x, i)
        let (sj, ej) = run(y, j)
        // Significant digits: longer is larger, then digit by digit.
        let li = ei - si
        let lj = ej - sj
        if li != lj { return li < lj ? -1 : 1 }
        for k in 0..<li where x[si + k] != y[sj + k] { return x[si + k].value < y[sj + k].value ? -1 : 1 }
        if zeros == 0 && (si - i) != (sj - j) { zeros = (si - i) < (sj - j) ? -1 : 1 }
        i = ei
        j = ej
      } else {
        if x[i] != y[j] { return x[i].value < y[j].value ? -1 : 1 }
        i += 1
        j += 1
      }
    }
    if i < x.count { return 1 }
    if j < y.count { return -1 }
    return zeros
  }

  private static func isDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }

  /// The digit run starting at `i`: where its significant digits start, and its end.
  private static func run(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int) {
    var e = i
    while e < s.count && isDigit(s[e]) { e += 1 }
    var start = i
    while start < e - 1 && s[start] == "0" { start += 1 }
    return (start, e)
  }
}

extension Database {
  /// The customers' code dictionary: entry n is the code whose key is `reservedBase + n`.
  /// It lives with the key column, so a snapshot keeps it and a what-if copy carries it.
  var codeBook: CodeDictionary { tables[0].columns[tables[0].def.keyColumn].dictionary }

  /// The key of a customer code (whether or not the customer exists), or nil when the code
  /// is not a number and no customer ever had it.
  public func customerKey(_ code: String) -> Int64? {
    if let n = CustomerCode.numericKey(code) { return n }
    return codeBook.lookup(code).map { CustomerCode.reservedBase + Int64($0) }
  }

  /// The code a key stands for: the number itself, or the dictionary's text.
  public func customerCode(_ key: Int64) -> String {
    if CustomerCode.isReserved(key) {
      let n = key - CustomerCode.reservedBase
      let names = codeBook.names
      if n < Int64(names.count) { return names[Int(n)] }
    }
    return String(key)
  }

  /// Whether the store holds any code that is not a plain number: when not, every id is
  /// its own number and the integer paths need no help.
  public var hasTextCodes: Bool { !codeBook.names.isEmpty }

  /// Every dictionary code with its key, for a ranking or a lookup by text.
  public var textCodes: [(key: Int64, code: String)] {
    codeBook.names.enumerated().map { (CustomerCode.reservedBase + Int64($0), $1) }
  }

  /// Adds `code` to the dictionary (the check already proved it new and valid).
  mutating func internCode(_ code: String) -> Int64 {
    let ci = tables[0].def.keyColumn
    return CustomerCode.reservedBase + Int64(tables[0].columns[ci].dictionary.code(for: code))
  }
}
