import Foundation
import KehuTraining
import XCTest

@testable import KehuShell

/// The Chinese catalogue must keep every placeholder of its English key (a lost `{1}` drops
/// a figure from the message) and must cover nearly every `tr("…")` literal in Sources.
/// scripts/tr-strings is the precise tool that lists what is missing; the scan here is a
/// guard, reading the sources through #filePath as ReferenceTests reads REPL.md.
final class ChineseCatalogueTests: XCTestCase {
  func testEveryEntryKeepsThePlaceholdersOfItsKey() {
    for (key, value) in ChineseMessages.table {
      XCTAssertEqual(
        Self.placeholders(value), Self.placeholders(key), "zh entry for “\(key)” is “\(value)”")
    }
  }

  /// The areas' tables are merged into one: a key two of them give different wordings would
  /// be shown in whichever comes first, silently.
  func testNoKeyHasTwoWordings() {
    var seen: [String: String] = [:]
    var clashes: [String] = []
    for part in ChineseMessages.parts {
      for (key, value) in part {
        if let other = seen[key], other != value { clashes.append("\(key): \(other) / \(value)") }
        seen[key] = seen[key] ?? value
      }
    }
    XCTAssertEqual(clashes.sorted(), [])
  }

  func testNoEntryIsLeftInEnglish() {
    for (english, chinese) in ChineseMessages.table {
      XCTAssertNotEqual(english, chinese, english)
    }
  }

  func testEveryCommandSummaryIsTranslated() {

    let english = CommandTable.withTraining.specs
    let missing = english.filter { ChineseMessages.table[$0.summary.key] == nil }.map(\.name)
    XCTAssertEqual(missing, [])
  }

  func testPlaceholderCountingCountsRepeats() {
    XCTAssertEqual(Self.placeholders("{0} of {1}, {0}"), ["{0}": 2, "{1}": 1])
    XCTAssertEqual(Self.placeholders("no placeholder {x}"), [:])
  }

  func testTheLiteralScannerReadsEscapesAndSkipsWhatIsNoKey() {
    let source = #"""
      let a = tr("say \"hi\" to {0}", x)
      let b = tr(
        "two\\three")
      let c = ResultColumn(tr("customer"), .int)
      let d = tr("\(n) rows")
      let e = attr("not a call")
      let f = tr(label)
      """#
    XCTAssertEqual(Self.trLiterals(in: source), ["say \"hi\" to {0}", "two\\three"])
  }

  func testTheKnownMessagesAreTranslated() {
    let zh = MessageCatalogue.chinese.table
    XCTAssertEqual(zh["no invoice {0}"], "没有发票 {0}")
    XCTAssertEqual(zh["Trading customer list (交易往来客户一览表)"], "交易往来客户一览表")
    // Column names stay English so that scripts and their results work in either language.
    for column in ["customer", "limit", "exposure", "receivables", "amount", "date"] {
      XCTAssertNil(zh[column], "column name `\(column)` is translated")
    }
  }

  /// Keys left English on purpose: values in a result's column, beside the stored codes
  /// they stand with (scripts/tr-strings keeps the same list as VALUES).
  static let valuesLeftEnglish: Set<String> = [
    "added", "changed", "removed", "present", "purged",
    // Also a column name, which stays English (credit report's history rows).
    "limit",
  ]

  func testEveryTrLiteralIsTranslated() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources").standardizedFileURL
    var keys = Set<String>()
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      keys.formUnion(Self.trLiterals(in: try String(contentsOf: url, encoding: .utf8)))
    }
    // scripts/tr-strings counts 750 keys today; a scan that finds far fewer is broken.
    XCTAssertGreaterThan(keys.count, 600)
    let missing = keys.filter { ChineseMessages.table[$0] == nil && !Self.valuesLeftEnglish.contains($0) }
    XCTAssertEqual(missing.sorted(), [], "untranslated; see scripts/tr-strings")
  }

  static func placeholders(_ s: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    var rest = Substring(s)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      let digits = after.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty, after.dropFirst(digits.count).first == "}" {
        counts["{\(digits)}", default: 0] += 1
      }
      rest = after
    }
    return counts
  }

  /// The keys of the `tr("…")` calls in `source`: a plain literal as first argument, after
  /// Swift unescaping. Interpolated literals cannot be keys and are skipped, as are column
  /// names (`ResultColumn(tr("…"))`), which stay English.
  static func trLiterals(in source: String) -> [String] {
    let chars = Array(source)
    var keys: [String] = []
    var i = 0
    while i + 3 < chars.count {
      defer { i += 1 }
      guard chars[i] == "t", chars[i + 1] == "r", chars[i + 2] == "(" else { continue }
      if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_" || chars[i - 1] == "." {
        continue
      }
      if String(chars[max(0, i - 13)..<i]) == "ResultColumn(" { continue }
      var j = i + 3
      while j < chars.count, chars[j].isWhitespace { j += 1 }
      guard j < chars.count, chars[j] == "\"", j + 1 < chars.count, chars[j + 1] != "\"" else { continue }
      if let key = literal(chars, from: j + 1) { keys.append(key) }
    }
    return keys
  }

  /// The value of a one-line string literal starting at `start`, or nil if it interpolates.
  static func literal(_ chars: [Character], from start: Int) -> String? {
    var out = ""
    var j = start
    while j < chars.count, chars[j] != "\"" {
      guard chars[j] == "\\", j + 1 < chars.count else {
        out.append(chars[j])
        j += 1
        continue
      }
      let c = chars[j + 1]
      switch c {
      case "(": return nil
      case "n": out.append("\n")
      case "t": out.append("\t")
      case "0": out.append("\0")
      case "u":
        guard let close = chars[j...].firstIndex(of: "}"),
          let scalar = UInt32(String(chars[(j + 3)..<close]), radix: 16).flatMap(Unicode.Scalar.init)
        else { return nil }
        out.unicodeScalars.append(scalar)
        j = close + 1
        continue
      default: out.append(c)
      }
      j += 2
    }
    return out
  }
}
