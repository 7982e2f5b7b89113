import KehuStore
import XCTest

@testable import KehuDomain

final class CollectionTests: XCTestCase {
  func testDefaultLadder() {
    let l = CollectionLadder.standard
    let keys = [0, 1, 14, 15, 29, 30, 44, 45, 89, 90, 400].map { l.step(daysPastDue: $0)?.key }
    XCTAssertEqual(
      keys,
      [nil, "letter", "letter", "phone", "phone", "visit", "visit", "suspend", "suspend", "demand", "demand"])
  }

  func testEditingTheLadder() throws {
    let l = try CollectionLadder.standard.moving("phone", to: 10)
    XCTAssertEqual(l.step(daysPastDue: 10)?.key, "phone")
    let e = domainError { () throws(DomainError) in try CollectionLadder.standard.moving("suspend", to: 30) }
    XCTAssertEqual(e?.description, "suspend days=30: must be later than visit at 30 days")
    XCTAssertNotNil(
      domainError { () throws(DomainError) in try CollectionLadder.standard.moving("fax", to: 3) })
  }

  func testMethods() {
    XCTAssertEqual(CollectionMethod.allCases.map(\.chinese), ["讲理法", "恻隐术法", "疲劳战法", "激将法", "软硬术法"])
    XCTAssertEqual(CollectionMethod(rawValue: "soft-hard"), .softHard)
  }

  func testPlanMostOverdueFirstAndStepsFollowWhatWasDone() {
    let asof = day("2026-06-30")
    let t = collectionPlan(
      [
        // 15 days, nothing done: the letter (day 1), late since phone's day (15) has come.
        OverdueAccount(customer: 7, name: "华东贸易", overdue: yuan("1000"), oldestDue: day("2026-06-15")),
        // 91 days, letter to suspend done: the demand (day 90), not late.
        OverdueAccount(
          customer: 3, name: "北方机械", overdue: yuan("5000"), oldestDue: day("2026-03-31"),
          done: ["letter", "phone", "visit", "suspend"]),
        // 0: not listed
        OverdueAccount(customer: 5, name: "南方食品", overdue: yuan("300"), oldestDue: day("2026-06-30")),
      ], asof: asof)
    XCTAssertEqual(t.rows.map { $0[0] }, [.int(3), .int(7)])
    XCTAssertEqual(t.rows.map { $0[1] }, [.text("北方机械"), .text("华东贸易")])
    XCTAssertEqual(t.rows[0][5], .text("suspend"))
    XCTAssertEqual(t.rows[0][6], .text("formal demand or lawyer"))
    XCTAssertEqual(t.rows[0][8], .text(""))
    XCTAssertEqual(t.rows[1][3], .int(15))
    XCTAssertEqual(t.rows[1][6], .text("reminder letter"))
    XCTAssertEqual(t.rows[1][8], .text("late: due from day 1"))
  }

  func testNextStepIsTheFirstUndoneRungWhoseDayHasCome() {
    let l = CollectionLadder.standard
    // 40 days late, nothing done: the letter first, late (visit is the calendar's step).
    XCTAssertEqual(l.nextStep(daysPastDue: 40, done: [])?.step.key, "letter")
    XCTAssertEqual(l.nextStep(daysPastDue: 40, done: [])?.late, true)
    // The letter done: the phone call, still late; phone done too: the visit, on time.
    XCTAssertEqual(l.nextStep(daysPastDue: 40, done: ["letter"])?.step.key, "phone")
    XCTAssertEqual(l.nextStep(daysPastDue: 40, done: ["letter", "phone"])?.step.key, "visit")
    XCTAssertEqual(l.nextStep(daysPastDue: 40, done: ["letter", "phone"])?.late, false)
    // Every step reached done: nothing now; the suspension waits for day 45.
    XCTAssertNil(l.nextStep(daysPastDue: 40, done: ["letter", "phone", "visit"]))
    XCTAssertEqual(l.upcoming(daysPastDue: 40, done: ["letter", "phone", "visit"])?.key, "suspend")
    // A visit done without a letter: the steps below it are passed over.
    XCTAssertNil(l.nextStep(daysPastDue: 40, done: ["visit"]))
    XCTAssertNil(l.nextStep(daysPastDue: 0, done: []))
  }

  func testASkippableStepIsJumpedOnlyOnceALaterDayHasCome() {
    let l = CollectionLadder.standard.marking("letter", skippable: true)
    // 20 days: phone's day has come, so the letter is jumped; the phone call is not late.
    XCTAssertEqual(l.nextStep(daysPastDue: 20, done: [])?.step.key, "phone")
    XCTAssertEqual(l.nextStep(daysPastDue: 20, done: [])?.late, false)
    // 10 days: the letter is the calendar's own step, so it is still asked for.
    XCTAssertEqual(l.nextStep(daysPastDue: 10, done: [])?.step.key, "letter")
  }

  func testLetterListsOnlyOverdueItemsAndTotalsThem() throws {
    let items = [
      OpenInvoice(no: "A-2", date: day("2026-05-01"), due: day("2026-05-31"), balance: yuan("200.50")),
      OpenInvoice(no: "A-1", date: day("2026-04-01"), due: day("2026-04-30"), balance: yuan("1000")),
      OpenInvoice(no: "A-3", date: day("2026-06-20"), due: day("2026-07-20"), balance: yuan("99")),
    ]
    let l = CollectionLetter(
      kind: .demand, customer: "7", customerName: "北方机械", asof: day("2026-06-30"), sender: "王强",
      items: items)
    // Oldest due first; A-3 is not yet due.
    XCTAssertEqual(l.overdue.map(\.no), ["A-1", "A-2"])
    let md = try l.markdown()
    // 1,000.00 + 200.50 = 1,200.50; pay by 2026-06-30 + 7 days.
    XCTAssertTrue(md.contains("合计 **1,200.50** 元"))
    XCTAssertTrue(md.contains("| A-1 | 2026-04-01 | 2026-04-30 | 61 | 1,000.00 |"))
    XCTAssertTrue(md.contains("**2026-07-07**"))
    XCTAssertTrue(md.contains("A further 99.00 is not yet due"))
    XCTAssertTrue(md.hasPrefix("# 正式催款通知 / Formal demand for payment\n"))
  }
}
