import KehuQuery
import KehuStore
import KehuTraining
import XCTest

@testable import KehuShell

final class SplitterTests: XCTestCase {
  func texts(_ s: String) -> [String] { Splitter.split(s).statements.map(\.text) }

  func testNewlinesAndSemicolonsEndStatements() {
    XCTAssertEqual(texts("help\nset; print a\n\n"), ["help", "set", "print a"])
  }

  func testCommentsAreBlankedButStringsKeepHash() {
    XCTAssertEqual(texts("print \"#1 客户\" # a comment\n# only a comment\nset"), ["print \"#1 客户\"", "set"])
  }

  func testSemicolonInsideStringOrBracketDoesNotSplit() {
    XCTAssertEqual(texts("print \"a;b\"; x [1; 2]"), ["print \"a;b\"", "x [1; 2]"])
  }

  func testTrailingPipeAndBackslashContinue() {
    let r = Splitter.split("customers |\n  where a == 1\nprint x \\\n  y\n")
    XCTAssertEqual(r.statements.map(\.text), ["customers |\n  where a == 1", "print x  \n  y"])
    XCTAssertFalse(r.incomplete)
    XCTAssertEqual(r.statements[1].line, 3)
  }

  func testLongCommentsAndTrailingSpaceSplitInOnePass() {
    // Trimming used to re-measure the statement for every space it dropped (quadratic): a
    // 40,000-character comment took 11 s, a megabyte never finished.
    let comment = "print a #" + String(repeating: "x", count: 1_000_000) + "\nset"
    XCTAssertEqual(texts(comment), ["print a", "set"])
    XCTAssertEqual(texts("print 1" + String(repeating: " ", count: 1_000_000)), ["print 1"])
  }

  func testIncompleteDetection() {
    XCTAssertTrue(Splitter.isIncomplete("customers |"))
    XCTAssertTrue(Splitter.isIncomplete("for x in [1, 2] {"))
    XCTAssertTrue(Splitter.isIncomplete("print \"open"))
    XCTAssertTrue(Splitter.isIncomplete("print a \\"))
    XCTAssertFalse(Splitter.isIncomplete("customers | take 3"))
    XCTAssertFalse(Splitter.isIncomplete("print \"a|\""))
    XCTAssertFalse(Splitter.isIncomplete("print a # trailing | in a comment"))
  }

  func testPositionsMapBackToTheSource() {
    let r = Splitter.split("  help\nset;  print 你好")
    XCTAssertEqual(r.statements.map { [$0.line, $0.column] }, [[1, 3], [2, 1], [2, 7]])
    let st = r.statements[2]
    XCTAssertEqual(st.sourcePosition(line: 1, column: 7).column, 13)
  }

  func testBlockSpansLines() {
    XCTAssertEqual(
      texts("for x in [1, 2] {\n  print a\n  print b\n}\nset"),
      ["for x in [1, 2] {\n  print a\n  print b\n}", "set"])
  }
}

final class WordsTests: XCTestCase {
  func testPairsQuotesAndPositions() throws {
    let w = try Words.split("customer add individual name=\"王 芳\" age=34 \"x\\\"y\"")
    XCTAssertEqual(w.count, 6)
    XCTAssertEqual(w[3].kind, .pair(key: "name", value: "王 芳", quoted: true))
    XCTAssertEqual(w[3].column, 25)
    XCTAssertEqual(w[4].kind, .pair(key: "age", value: "34", quoted: false))
    XCTAssertEqual(w[5].kind, .plain("x\"y", quoted: true))
  }

  func testErrors() {
    XCTAssertThrowsError(try Words.split("print \"open")) { e in
      XCTAssertEqual((e as? WordError)?.column, 7)
    }
    XCTAssertThrowsError(try Words.split("customer set 1 name=")) { e in
      XCTAssertEqual((e as? WordError)?.column, 16)
    }
  }

  func testEditDistanceAndNearest() {
    XCTAssertEqual(editDistance("custmoer", "customer"), 1)
    XCTAssertEqual(editDistance("aera", "area"), 1)
    XCTAssertEqual(editDistance("", "abc"), 3)
    XCTAssertEqual(nearest("custmer", in: ["customer", "credit", "help"]), "customer")
    XCTAssertNil(nearest("zzzzzz", in: ["customer", "credit"]))
  }
}

final class CompletionTests: XCTestCase {
  let session = Session(
    options: SessionOptions(), io: SessionIO(out: { _ in }, err: { _ in }), commands: .withTraining)

  func testAfterANewNameComeExpressionsNotTables() {
    for line in ["customers | derive x = cre", "customers | select a = cre", "customers | summarize n = cre"]
    {
      let c = session.complete(line: line, cursor: line.count).candidates
      XCTAssertTrue(c.contains("credit_limit"), "\(line): \(c)")
      XCTAssertFalse(
        c.contains { $0.hasPrefix("credit_") && Catalog.table(named: $0) != nil }, "\(line): \(c)")
    }
    let let_ = session.complete(line: "let big = cus", cursor: 13).candidates
    XCTAssertEqual(let_, ["customers"])
    let fns = session.complete(line: "customers | derive y = co", cursor: 25).candidates
    XCTAssertTrue(fns.contains("coalesce(") && fns.contains("contains("), "\(fns)")
    let ifs = session.complete(line: "customers | derive y = i", cursor: 24).candidates
    XCTAssertTrue(ifs.contains("if("), "\(ifs)")
  }

  /// `refused` and `exercise` are commands of the table like any other: completion and
  /// help know them, and the lesson narration is marked there, not listed again.
  func testLessonWordsComeFromTheCommandTable() throws {
    XCTAssertEqual(session.complete(line: "refu", cursor: 4).candidates, ["refused"])
    XCTAssertEqual(session.complete(line: "exer", cursor: 4).candidates, ["exercise"])
    let narration = session.commands.specs.filter { $0.narration != nil }.map(\.name)
    XCTAssertEqual(Set(narration), ["say", "pause", "exercise"])
    let whole = session.commands.specs.filter { $0.statementHandler != nil }.map(\.name)
    XCTAssertEqual(Set(whole), ["exercise", "refused"])
    XCTAssertNotNil(session.commands.leading("refused customers | count")?.statementHandler)
    XCTAssertNil(session.commands.leading("refusedx")?.statementHandler)
  }

  /// The words after `|` are the parser's verbs, and inside an expression the operators and
  /// clause words: both from the query language's own enums.
  func testQueryWordsComeFromTheLanguage() {
    XCTAssertEqual(session.complete(line: "customers | ", cursor: 12).candidates, Verb.names)
    XCTAssertEqual(
      Verb.names,
      [
        "where", "select", "derive", "sort", "take", "summarize", "join", "distinct", "count", "export",
        "chart",
      ])
    let words = session.complete(line: "customers | where a", cursor: 19).candidates
    XCTAssertTrue(words.contains("and") && words.contains("asc"), "\(words)")
  }

  func testCommandNames() {
    XCTAssertEqual(session.complete(line: "he", cursor: 2), Completion(replaceFrom: 0, candidates: ["help"]))
    XCTAssertEqual(session.complete(line: "print 1; se", cursor: 11).candidates, ["set"])
  }

  func testSettingNamesAndHelpTopics() {
    XCTAssertEqual(
      session.complete(line: "set fo", cursor: 6), Completion(replaceFrom: 4, candidates: ["format"]))
    XCTAssertEqual(session.complete(line: "help so", cursor: 7).candidates, ["source", "sort"])
    // The topics that are not commands are completed too: no topic is hidden.
    XCTAssertEqual(session.complete(line: "help rev", cursor: 8).candidates, ["review"])
    XCTAssertEqual(session.complete(line: "help sig", cursor: 8).candidates, ["signs"])
    XCTAssertEqual(session.complete(line: "help func", cursor: 9).candidates, ["functions"])
  }

  func testQueryContext() {
    XCTAssertEqual(session.complete(line: "cust", cursor: 4).candidates, ["customer", "customers"])
    XCTAssertEqual(
      session.complete(line: "customers | wh", cursor: 14), Completion(replaceFrom: 12, candidates: ["where"])
    )
    XCTAssertEqual(session.complete(line: "customers | where ar", cursor: 20).candidates, ["area"])
    XCTAssertEqual(session.complete(line: "sales | join cu", cursor: 15).candidates, ["customers"])
    XCTAssertEqual(
      session.complete(line: "sales | join customers on customer == id | summarize t = sum(amo", cursor: 63)
        .candidates, ["amount"])
  }

  func testCustomerIdsAndKeys() throws {
    let s = Session(
      options: SessionOptions(), io: SessionIO(out: { _ in }, err: { _ in }), commands: .withTraining)
    for name in ["甲", "乙"] {
      try s.change([
        .insert(
          table: "customers",
          values: ["kind": .text("individual"), "name": .text(name), "status": .text("trading")])
      ])
    }
    XCTAssertEqual(s.complete(line: "customer show ", cursor: 14).candidates.prefix(2), ["1", "2"])
    XCTAssertEqual(s.complete(line: "customer add individual ag", cursor: 26).candidates, ["age="])
    XCTAssertEqual(
      s.complete(line: "customer add individual status=pro", cursor: 34).candidates, ["status=prospect"])
  }

  func testSubcommandsBesideArguments() {
    XCTAssertTrue(session.complete(line: "export a", cursor: 8).candidates.contains("all"))
    XCTAssertTrue(session.complete(line: "export a", cursor: 8).candidates.contains("audit"))
  }

  func testNamesMadeEarlierInThePipeline() {
    let line = "sales | derive margin = amount - cost | summarize total_margin = sum(mar"
    XCTAssertEqual(session.complete(line: line, cursor: line.unicodeScalars.count).candidates, ["margin"])
    let sorted = "sales | summarize total = sum(amount) by customer | sort tot"
    XCTAssertEqual(session.complete(line: sorted, cursor: sorted.unicodeScalars.count).candidates, ["total"])
  }
}

/// The session asks the query lexer whether a query goes on past the end of a line.
final class QueryContinuationTests: XCTestCase {
  func session(_ out: OutputBuffer) -> Session {
    Session(
      options: SessionOptions(), io: SessionIO(out: out.append, err: out.append), commands: .withTraining)
  }

  func testATrailingCommaOrOperatorContinuesAQueryInAScript() {
    let out = OutputBuffer()
    let s = session(out)
    let script =
      "customer add company name=甲\ncustomers | select id,\n  name\ncustomers | where id > 0 and\n  id < 5 | count"
    XCTAssertEqual(s.run(source: script, file: "t.kehu"), .ok, out.text)
    XCTAssertTrue(out.text.contains("甲"), out.text)
    XCTAssertTrue(s.isIncomplete("customers | select id,"))
    XCTAssertTrue(s.isIncomplete("customers | where id > 1 and"))
    XCTAssertFalse(s.isIncomplete("customers | select id"))
  }

  func testACommandLineEndingInACommaIsNotAQuery() {
    let out = OutputBuffer()
    let s = session(out)
    XCTAssertFalse(s.isIncomplete("print a,"))
    XCTAssertEqual(s.run(source: "print a,\nprint b", file: "t.kehu"), .ok, out.text)
    XCTAssertEqual(out.text, "a,\nb\n")
  }

  func testAnUnfinishedQueryAtTheEndOfAScriptIsReportedNotRun() {
    let out = OutputBuffer()
    let s = session(out)
    XCTAssertEqual(s.run(source: "customers | select id,", file: "t.kehu"), .failed)
    XCTAssertTrue(out.text.contains("the statement is not finished"), out.text)
  }
}
