/// The message catalogue. Every user-facing text goes through `tr`, keyed by its English
/// wording (gettext style), so another language is a second table, not a rewrite.
/// Placeholders are `{0}`, `{1}`, … in the order of the arguments.
public struct MessageCatalogue: Sendable {
  public var language: String
  public var table: [String: String]
  public init(language: String, table: [String: String]) {
    self.language = language
    self.table = table
  }
  public static let english = MessageCatalogue(language: "en", table: [:])
}

/// The active catalogue. Set once by the session from its `language` setting; read
/// everywhere through `tr`. A lock-free box is enough: changes happen between statements.
public final class Catalogues: @unchecked Sendable {
  public static let shared = Catalogues()
  public var active: MessageCatalogue = .english
  public var available: [String: MessageCatalogue] = ["en": .english, "zh": .chinese]
  /// Makes `language` active; an unknown one falls back to English.
  public func select(_ language: String) { active = available[language] ?? .english }
}

/// Translates `english` through the active catalogue and fills in its placeholders.
public func tr(_ english: String, _ args: CustomStringConvertible...) -> String {
  let template = Catalogues.shared.active.table[english] ?? english
  if args.isEmpty { return template }
  var out = template
  for (i, a) in args.enumerated() {
    out = out.replacingAll("{\(i)}", with: a.description)
  }
  return out
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let r = rest.range(of: target) {
      result += rest[..<r.lowerBound]
      result += replacement
      rest = rest[r.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Substring.Index>? {
    guard !target.isEmpty, count >= target.count else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(target) {
        return i..<(index(i, offsetBy: target.count))
      }
      i = index(after: i)
    }
    return nil
  }
}
