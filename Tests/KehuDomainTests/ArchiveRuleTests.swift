import XCTest

@testable import KehuDomain

final class ArchiveRuleTests: XCTestCase {
  func testApprovalsGoUnitHeadThenChairman() {
    XCTAssertEqual(
      TradeStartApproval.decide(stage: .unitHead, role: nil, person: "王经理", unitHead: nil),
      .recorded(role: .unitHead, next: .chairman))
    XCTAssertEqual(
      TradeStartApproval.decide(stage: .chairman, role: nil, person: "赵董事长", unitHead: "王经理"),
      .recorded(role: .chairman, next: .approved))
  }

  func testChairmanCannotSignFirst() {
    guard
      case .refused(let why) = TradeStartApproval.decide(
        stage: .unitHead, role: .chairman, person: "赵董事长", unitHead: nil)
    else { return XCTFail("the chairman signed before the unit head") }
    XCTAssertEqual(why, "the unit head (单位负责人) approves first, before the chairman (董事长)")
  }

  func testSamePersonCannotApproveTwice() {
    XCTAssertEqual(
      TradeStartApproval.decide(stage: .chairman, role: nil, person: "王经理", unitHead: "王经理"),
      .refused("王经理 approved as the unit head; the chairman's approval must come from someone else"))
  }

  func testApprovedFormTakesNoMoreApprovals() {
    XCTAssertEqual(
      TradeStartApproval.decide(stage: .approved, role: nil, person: "x", unitHead: "y"),
      .refused("the form is already approved by the unit head and the chairman"))
  }

  // Seven customers: fairs brought 3 (1 prospect, 1 trading, 1 ended → 2 converted),
  // bank 1 pending, referral 2 trading, one with no source; "consultancy" brought none.
  func testSourceTally() {
    let rows: [(source: String?, status: String)] = [
      ("trade-fair", "prospect"), ("trade-fair", "trading"), ("trade-fair", "ended"),
      ("bank", "pending"), ("referral", "trading"), ("referral", "trading"), (nil, "trading"),
    ]
    let t = SourceReport.tally(rows, order: ["bank", "consultancy", "trade-fair", "referral"])
    XCTAssertEqual(t.map(\.source), ["bank", "trade-fair", "referral", "unknown"])
    XCTAssertEqual(t[1], SourceTally(source: "trade-fair", brought: 3, prospects: 1, trading: 1, ended: 1))
    XCTAssertEqual(t[1].converted, 2)
    XCTAssertEqual(t[0].converted, 0)
    XCTAssertEqual(t[2].converted, 2)
    XCTAssertEqual(t[3].brought, 1)
  }
}
