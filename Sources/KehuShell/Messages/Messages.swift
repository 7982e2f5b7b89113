import KehuDomain
import KehuStore

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

  /// The catalogue for `language`; an unknown one falls back to English.
  public static func named(_ language: String) -> MessageCatalogue {
    language == "zh" ? .chinese : .english
  }

  /// The catalogue of the statement being run. A session binds its own for each statement
  /// (`Session.inLanguage`), so two sessions in one process (tests, a handout rendered in
  /// the other language) never see each other's language; outside any session it is English.
  @TaskLocal public static var current: MessageCatalogue = .english

  /// `message` in this catalogue's language.
  public func render(_ message: Message) -> String { message.rendered { table[$0] } }
}

/// Whether the statement being run speaks Chinese. The chapter gives some names in both
/// languages (warning signs, collection steps, credit limit methods): English readers see the
/// English beside the Chinese, Chinese readers the Chinese alone.
var readsChinese: Bool { MessageCatalogue.current.language == "zh" }

/// A name the chapter gives in both languages, as `both` shows it to English readers.
func bilingual(_ chinese: String, _ both: @autoclosure () -> String) -> String {
  readsChinese ? chinese : both()
}

/// A text kept in the store that may be kehu's own default wording (a visit frequency, a
/// prospect grade's rule): translated when the catalogue knows it, shown as typed when not.
func trStored(_ text: String) -> String { MessageCatalogue.current.render(Message(text)) }

/// A credit limit method in a column beside its Chinese name: its English name, or for a
/// Chinese reader its code, the word `credit limit METHOD` takes.
func methodName(_ m: CreditLimitMethod) -> String { readsChinese ? m.rawValue : m.english }

extension RenderLabels {
  /// The labels around a table in `language` (English keys, so English reads as before).
  static func inLanguage(_ language: String) -> RenderLabels {
    let c = MessageCatalogue.named(language)
    guard c.language != "en" else { return .english }
    return RenderLabels(
      rowCount: { n in c.render(Message(n == 1 ? "({0} row)" : "({0} rows)", groupThousands(n))) },
      moreRows: { n in
        c.render(
          Message(
            n == 1
              ? "… {0} more row (set rows all to see them)" : "… {0} more rows (set rows all to see them)",
            groupThousands(n)))
      },
      record: { n in c.render(Message("RECORD {0}", n)) })
  }
}

/// Translates `english` through the current catalogue and fills in its placeholders.
public func tr(_ english: String, _ args: CustomStringConvertible...) -> String {
  MessageCatalogue.current.render(Message(english, arguments: args))
}

/// The same key kept as a `Message` where one is wanted (a title, a note, a command's
/// summary): it is translated when shown, in the language of whoever shows it.
@_disfavoredOverload
public func tr(_ english: String, _ args: CustomStringConvertible...) -> Message {
  Message(english, arguments: args)
}

/// `message` in the current catalogue's language.
public func tr(_ message: Message) -> String { MessageCatalogue.current.render(message) }

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

extension Working {
  /// The working as a table in the current language.
  var table: ResultTable { resultTable(translating: tr) }
}
