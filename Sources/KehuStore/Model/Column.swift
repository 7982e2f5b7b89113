/// The cells of one column, in contiguous arrays of one storage kind (see `StorageKind`).
/// Only the arrays of its kind are used; the others stay empty. A struct of arrays rather
/// than an enum with payloads, so that `columns[i].ints[row] = v` mutates in place instead
/// of copying the payload out of the enum.
public struct Column: Sendable {
  public let kind: StorageKind
  public let type: ValueType
  /// int64 and decimal mantissas.
  public internal(set) var ints: [Int64] = []
  /// Day numbers and dictionary codes.
  public internal(set) var int32s: [Int32] = []
  /// Decimal scales and booleans.
  public internal(set) var bytes: [Int8] = []
  public internal(set) var text = TextBuffer()
  public internal(set) var dictionary = CodeDictionary()

  public static let nullInt = Int64.min
  public static let nullDay = Int32.min
  public static let nullCode: Int32 = -1
  static let nullBool: Int8 = 2

  public init(kind: StorageKind, type: ValueType) {
    self.kind = kind
    self.type = type
  }

  public var count: Int {
    switch kind {
    case .int64, .decimal: return ints.count
    case .day, .coded: return int32s.count
    case .bool: return bytes.count
    case .text: return text.count
    }
  }

  public func isNull(_ row: Int) -> Bool {
    switch kind {
    case .int64, .decimal: return ints[row] == Column.nullInt
    case .day: return int32s[row] == Column.nullDay
    case .coded: return int32s[row] == Column.nullCode
    case .bool: return bytes[row] == Column.nullBool
    case .text: return text.isNull(row)
    }
  }

  // Typed fast paths for the query engine: no allocation, caller checks isNull first.
  @inline(__always) public func int(_ row: Int) -> Int64 { ints[row] }
  @inline(__always) public func money(_ row: Int) -> Money { Money(fen: ints[row]) }
  @inline(__always) public func day(_ row: Int) -> Day { Day(number: int32s[row]) }
  @inline(__always) public func code(_ row: Int) -> Int32 { int32s[row] }
  @inline(__always) public func bool(_ row: Int) -> Bool { bytes[row] == 1 }
  public func decimal(_ row: Int) -> Dec { Dec(mantissa: Int128(ints[row]), scale: Int(bytes[row])) }
  /// Calls `body` with the row's UTF-8 bytes without making a String.
  public func withTextBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try text.withBytes(row, body)
  }
  /// The row's text (text or coded columns); nil when null.
  public func string(_ row: Int) -> String? {
    switch kind {
    case .text: return text.string(row)
    case .coded:
      let c = int32s[row]
      return c == Column.nullCode ? nil : dictionary.names[Int(c)]
    default: return nil
    }
  }

  /// The slow path: any cell as a `Value`.
  public func value(_ row: Int) -> Value {
    if isNull(row) { return .null }
    switch type {
    case .int: return .int(ints[row])
    case .money: return .money(Money(fen: ints[row]))
    case .timestamp: return .timestamp(Timestamp(seconds: ints[row]))
    case .date: return .date(Day(number: int32s[row]))
    case .duration: return .duration(int32s[row])
    case .decimal: return .decimal(decimal(row))
    case .percent: return .percent(decimal(row))
    case .bool: return .bool(bytes[row] == 1)
    case .text: return .text(string(row)!)
    case .null: return .null
    }
  }

  // MARK: Writing (the store's own mutation path)

  /// Whether `v` can be stored in this column (types must match; null is checked elsewhere).
  func accepts(_ v: Value) -> String? {
    switch (type, v) {
    case (_, .null): return nil
    case (.int, .int(let i)): return i == Column.nullInt ? "value out of range" : nil
    case (.timestamp, .timestamp(let t)):
      return t.seconds == Column.nullInt ? "time out of range" : nil
    case (.money, .money(let m)): return m.fen == Column.nullInt ? "money out of range" : nil
    case (.date, .date(let d)): return d.number == Column.nullDay ? "date out of range" : nil
    case (.duration, .duration(let d)): return d == Column.nullDay ? "duration out of range" : nil
    case (.decimal, .decimal(let d)), (.percent, .percent(let d)), (.percent, .decimal(let d)):
      return Column.storable(d) == nil ? "number has too many digits to store" : nil
    case (.bool, .bool): return nil
    case (.text, .text(let s)):
      return s.utf8.count > TextBuffer.maxCell ? "text longer than \(TextBuffer.maxCell) bytes" : nil
    default: return "expects \(type.rawValue), got \(v.type.rawValue)"
    }
  }

  static func storable(_ d: Dec) -> (Int64, Int8)? {
    let n = d.normalized
    guard n.scale <= 30, let m = Int64(exactly: n.mantissa), m != Column.nullInt else { return nil }
    return (m, Int8(n.scale))
  }

  mutating func append(_ v: Value) {
    switch kind {
    case .int64: ints.append(Column.int64Payload(v))
    case .day: int32s.append(Column.dayPayload(v))
    case .decimal:
      let (m, s) = Column.decPayload(v)
      ints.append(m)
      bytes.append(s)
    case .bool: bytes.append(Column.boolPayload(v))
    case .text: text.append(v.textValue)
    case .coded: int32s.append(v.textValue.map { dictionary.code(for: $0) } ?? Column.nullCode)
    }
  }

  mutating func set(_ row: Int, _ v: Value) {
    switch kind {
    case .int64: ints[row] = Column.int64Payload(v)
    case .day: int32s[row] = Column.dayPayload(v)
    case .decimal:
      let (m, s) = Column.decPayload(v)
      ints[row] = m
      bytes[row] = s
    case .bool: bytes[row] = Column.boolPayload(v)
    case .text: text.set(row, v.textValue)
    case .coded: int32s[row] = v.textValue.map { dictionary.code(for: $0) } ?? Column.nullCode
    }
  }

  /// Removes the rows whose flag is set, keeping the order of the rest.
  mutating func remove(where doomed: [Bool]) {
    func keep<T>(_ a: inout [T]) {
      var w = 0
      for r in 0..<a.count where !doomed[r] {
        a[w] = a[r]
        w += 1
      }
      a.removeLast(a.count - w)
    }
    switch kind {
    case .int64: keep(&ints)
    case .day, .coded: keep(&int32s)
    case .decimal:
      keep(&ints)
      keep(&bytes)
    case .bool: keep(&bytes)
    case .text: text.remove(where: doomed)
    }
  }

  mutating func reserve(_ n: Int) {
    switch kind {
    case .int64: ints.reserveCapacity(n)
    case .day, .coded: int32s.reserveCapacity(n)
    case .decimal:
      ints.reserveCapacity(n)
      bytes.reserveCapacity(n)
    case .bool: bytes.reserveCapacity(n)
    case .text: text.reserve(rows: n)
    }
  }

  static func int64Payload(_ v: Value) -> Int64 {
    switch v {
    case .int(let i): return i
    case .money(let m): return m.fen
    case .timestamp(let t): return t.seconds
    default: return nullInt
    }
  }
  static func dayPayload(_ v: Value) -> Int32 {
    switch v {
    case .date(let d): return d.number
    case .duration(let n): return n
    default: return nullDay
    }
  }
  static func decPayload(_ v: Value) -> (Int64, Int8) {
    switch v {
    case .decimal(let d), .percent(let d): return storable(d) ?? (nullInt, 0)
    default: return (nullInt, 0)
    }
  }
  static func boolPayload(_ v: Value) -> Int8 {
    if case .bool(let b) = v { return b ? 1 : 0 }
    return nullBool
  }
}

/// Text of low cardinality (area, owner, grade, type): each distinct string once.
public struct CodeDictionary: Sendable {
  public internal(set) var names: [String] = []
  var codes: [String: Int32] = [:]

  public init() {}
  init(names: [String]) {
    self.names = names
    for (i, n) in names.enumerated() { codes[n] = Int32(i) }
  }

  /// The code of `name`, adding it on first use (codes are never reassigned).
  mutating func code(for name: String) -> Int32 {
    if let c = codes[name] { return c }
    let c = Int32(names.count)
    names.append(name)
    codes[name] = c
    return c
  }
  public func lookup(_ name: String) -> Int32? { codes[name] }
}
