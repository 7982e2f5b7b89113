import XCTest

@testable import LineEditor

final class CompletionPlanTests: XCTestCase {
  func testOneCandidateIsInsertedWithASpace() {
    let plan = CompletionPlan.make(typed: "hel", candidates: ["help"], followedBySpace: false)
    XCTAssertEqual(plan, CompletionPlan(replacement: "help ", listed: [], beep: false))
  }

  func testNoSpaceWhenMoreTextMustFollowOrASpaceIsThere() {
    let directory = CompletionPlan.make(typed: "da", candidates: ["data/"], followedBySpace: false)
    XCTAssertEqual(directory.replacement, "data/")
    let argument = CompletionPlan.make(typed: "me", candidates: ["method="], followedBySpace: false)
    XCTAssertEqual(argument.replacement, "method=")
    let spaced = CompletionPlan.make(typed: "hel", candidates: ["help"], followedBySpace: true)
    XCTAssertEqual(spaced.replacement, "help")
  }

  func testSeveralCandidatesShareTheirPrefixAndAreListed() {
    let plan = CompletionPlan.make(
      typed: "cu", candidates: ["customer", "customers", "customs"], followedBySpace: false)
    XCTAssertEqual(plan.replacement, "custom")
    XCTAssertEqual(plan.listed, ["customer", "customers", "customs"])
    XCTAssertFalse(plan.beep)
  }

  func testNoProgressLeavesTheLineButStillLists() {
    let plan = CompletionPlan.make(typed: "c", candidates: ["customer", "credit"], followedBySpace: false)
    XCTAssertNil(plan.replacement)
    XCTAssertEqual(plan.listed, ["customer", "credit"])
  }

  func testAShorterPrefixNeverEatsTypedText() {
    // Candidates matched without regard to case share nothing: keep what was typed.
    let plan = CompletionPlan.make(
      typed: "cust", candidates: ["customer", "Customs"], followedBySpace: false)
    XCTAssertNil(plan.replacement)
    XCTAssertEqual(plan.listed.count, 2)
  }

  func testChinesePrefixIsCountedInScalars() {
    let plan = CompletionPlan.make(typed: "张", candidates: ["张三丰", "张三"], followedBySpace: false)
    XCTAssertEqual(plan.replacement, "张三")
  }

  func testDuplicatesCountOnceAndNothingBeeps() {
    XCTAssertEqual(
      CompletionPlan.make(typed: "q", candidates: ["quit", "quit"], followedBySpace: false).replacement,
      "quit ")
    XCTAssertEqual(
      CompletionPlan.make(typed: "zz", candidates: [], followedBySpace: false),
      CompletionPlan(replacement: nil, listed: [], beep: true))
  }
}

final class CandidateColumnsTests: XCTestCase {
  func testOneRowWhenAllFit() {
    // Widest is 8 cells, so each column is 10 wide; three fit in 80.
    XCTAssertEqual(
      CandidateColumns.layout(["customer", "credit", "tables"], width: 80),
      ["customer  credit    tables"])
  }

  func testColumnsFillTopToBottom() {
    // Width 20 holds two 10-cell columns: three items make two rows, read down first.
    XCTAssertEqual(
      CandidateColumns.layout(["customer", "credit", "tables"], width: 20),
      ["customer  tables", "credit"])
  }

  func testOneColumnWhenTooNarrow() {
    XCTAssertEqual(CandidateColumns.layout(["customer", "credit"], width: 5), ["customer", "credit"])
  }

  func testChineseTakesTwoCellsACharacter() {
    // Widths 4, 6 and 2: columns are 8 cells, so 张三 gets four spaces and 李四五 two.
    XCTAssertEqual(CandidateColumns.layout(["张三", "李四五", "ab"], width: 80), ["张三    李四五  ab"])
    XCTAssertEqual(CandidateColumns.displayWidth("客户A"), 5)
    XCTAssertEqual(CandidateColumns.displayWidth("e\u{301}"), 1)
    XCTAssertEqual(CandidateColumns.displayWidth("ＡＢ"), 4)
  }

  func testPromptFallsBackToASCII() {
    XCTAssertEqual(LineEditor.asciiOnly("kehu[客户]> "), "kehu[??]> ")
  }
}
