/// A text for people, kept as its English wording (the key) and its arguments until the shell
/// renders it in the session's language. Libraries build these instead of finished strings, so
/// that a working line, a title or an error can be shown in Chinese without the library knowing
/// any language or holding any catalogue.
///
/// Placeholders are `{0}`, `{1}`, … in the order of the arguments. An argument that is itself
/// a `Message` is translated too; any other argument is shown as written (names the user typed,
/// figures, column names).
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
  public var key: String
  public var arguments: [Argument]

  public indirect enum Argument: Sendable, Hashable {
    /// Shown as written: a name, a figure, a column name.
    case text(String)
    /// Translated with the message around it: a grade's name, a stage, a nested phrase.
    case message(Message)
  }

  public init(_ key: String, _ arguments: any CustomStringConvertible...) {
    self.init(key, arguments: arguments)
  }

  public init(_ key: String, arguments: [any CustomStringConvertible]) {
    self.key = key
    self.arguments = arguments.map { a in (a as? Message).map(Argument.message) ?? .text(a.description) }
  }

  /// A text that is never looked up: already translated, or not language at all.
  public init(verbatim text: String) {
    key = "{0}"
    arguments = [.text(text)]
  }

  public init(stringLiteral value: String) {
    key = value
    arguments = []
  }

  /// `"sales \(label)"` becomes the key `sales {0}` with `label` as its argument.
  public init(stringInterpolation: Interpolation) {
    key = stringInterpolation.key
    arguments = stringInterpolation.arguments
  }

  public struct Interpolation: StringInterpolationProtocol {
    var key = ""
    var arguments: [Argument] = []
    public init(literalCapacity: Int, interpolationCount: Int) {
      key.reserveCapacity(literalCapacity + 3 * interpolationCount)
    }
    public mutating func appendLiteral(_ literal: String) { key += literal }
    public mutating func appendInterpolation(_ value: Message) { add(.message(value)) }
    public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      add(.text(value.description))
    }
    mutating func add(_ argument: Argument) {
      key += "{\(arguments.count)}"
      arguments.append(argument)
    }
  }

  /// The text in the language of `lookup`, which gives a key's translation (nil: keep the key).
  /// Placeholders are filled in one pass, so an argument's own braces are never read again.
  public func rendered(_ lookup: (String) -> String?) -> String {
    let template = lookup(key) ?? key
    guard !arguments.isEmpty else { return template }
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      let digits = after.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty, after.dropFirst(digits.count).first == "}", let i = Int(digits),
        i < arguments.count
      {
        switch arguments[i] {
        case .text(let t): out += t
        case .message(let m): out += m.rendered(lookup)
        }
        rest = after.dropFirst(digits.count + 1)
      } else {
        out.append("{")
        rest = after
      }
    }
    return out + rest
  }

  /// The English text.
  public var description: String { rendered { _ in nil } }

  /// Two messages are equal when they read the same in English, however they were built:
  /// `"no column \"\(name)\""` equals the literal a test writes out in full.
  public static func == (a: Message, b: Message) -> Bool { a.description == b.description }
  public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension Message {
  /// Two texts one after the other, each translated on its own.
  public static func + (a: Message, b: Message) -> Message { Message("{0}{1}", a, b) }
}

/// An error whose text for people is a message (a key with arguments), so the shell can show
/// it in the session's language: a library below the shell (KehuPostgres) says what went
/// wrong without knowing the languages.
public protocol MessageError: Error {
  var message: Message { get }
}
