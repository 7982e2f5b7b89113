import KehuStore
import XCTest

@testable import KehuDomain

final class ComplaintStageTests: XCTestCase {
  /// Every ordinary step the machine allows, written out by hand from the stages.
  let allowed: Set<String> = [
    "received>acknowledged", "acknowledged>investigating", "acknowledged>proposed",
    "investigating>proposed", "proposed>resolved", "proposed>investigating", "resolved>closed",
  ]

  func testEveryPairIsAllowedOrRefused() {
    var refusedCount = 0
    for from in ComplaintStage.allCases {
      for to in ComplaintStage.allCases {
        let name = "\(from.rawValue)>\(to.rawValue)"
        do {
          let got = try ComplaintStages.transition(from: from, to: to)
          XCTAssertTrue(allowed.contains(name), "\(name) should be refused")
          XCTAssertEqual(got, to)
        } catch {
          refusedCount += 1
          XCTAssertFalse(allowed.contains(name), "\(name) should be allowed")
          XCTAssertEqual(error.from, from)
          XCTAssertEqual(error.to, to)
        }
      }
    }
    XCTAssertEqual(refusedCount, 36 - 7)
  }

  func testRefusalNamesTheAllowedNextStages() {
    do {
      _ = try ComplaintStages.transition(from: .received, to: .resolved)
      XCTFail()
    } catch {
      XCTAssertEqual(
        error.description,
        "a complaint at `received` cannot move to `resolved`; allowed next: acknowledged (complaint ack)")
    }
    do {
      _ = try ComplaintStages.transition(from: .acknowledged, to: .closed)
      XCTFail()
    } catch {
      XCTAssertTrue(
        error.description.hasSuffix("investigating (complaint investigate), proposed (complaint propose)"))
    }
    do {
      _ = try ComplaintStages.transition(from: .closed, to: .investigating)
      XCTFail()
    } catch {
      XCTAssertTrue(error.description.contains("reopen it first"))
    }
  }

  func testReopenOnlyFromResolvedOrClosed() throws {
    XCTAssertEqual(try ComplaintStages.reopen(from: .resolved), .investigating)
    XCTAssertEqual(try ComplaintStages.reopen(from: .closed), .investigating)
    for s in [ComplaintStage.received, .acknowledged, .investigating, .proposed] {
      XCTAssertThrowsError(try ComplaintStages.reopen(from: s)) { e in
        XCTAssertTrue("\(e)".contains("cannot be reopened: only resolved or closed complaints can"), "\(e)")
      }
    }
  }
}

final class ComplaintDeadlineTests: XCTestCase {
  // 2026-11-27 is a Friday, 11-28 Saturday, 11-29 Sunday, 11-30 Monday.
  func testWeekdaysOfTheFixtureDays() {
    XCTAssertEqual(day("2026-11-27").weekday, 5)
    XCTAssertEqual(day("2026-11-29").weekday, 7)
  }

  func testOneWorkingDaySkipsTheWeekend() {
    let due = { (d: String) in ComplaintDeadlines.due(from: day(d), days: 1, working: true) }
    XCTAssertEqual(due("2026-11-26"), day("2026-11-27"))  // Thursday → Friday
    XCTAssertEqual(due("2026-11-27"), day("2026-11-30"))  // Friday → Monday
    XCTAssertEqual(due("2026-11-28"), day("2026-11-30"))  // Saturday → Monday
    XCTAssertEqual(due("2026-11-29"), day("2026-11-30"))  // Sunday → Monday
    XCTAssertEqual(due("2026-11-30"), day("2026-12-01"))  // Monday → Tuesday
  }

  func testSeveralWorkingDaysAndZero() {
    XCTAssertEqual(ComplaintDeadlines.due(from: day("2026-11-26"), days: 2, working: true), day("2026-11-30"))
    XCTAssertEqual(ComplaintDeadlines.due(from: day("2026-11-27"), days: 5, working: true), day("2026-12-04"))
    XCTAssertEqual(ComplaintDeadlines.due(from: day("2026-11-28"), days: 0, working: true), day("2026-11-30"))
    XCTAssertEqual(ComplaintDeadlines.due(from: day("2026-11-25"), days: 0, working: true), day("2026-11-25"))
  }

  func testCalendarDaysCountWeekends() {
    XCTAssertEqual(
      ComplaintDeadlines.due(from: day("2026-11-27"), days: 7, working: false), day("2026-12-04"))
    XCTAssertEqual(
      ComplaintDeadlines.due(from: day("2026-11-28"), days: 1, working: false), day("2026-11-29"))
  }

  func testDefaultPolicy() {
    let p = ComplaintPolicy.standard("quality")
    let d = p.deadlines(received: day("2026-11-27"))
    XCTAssertEqual(d.ack, day("2026-11-30"))
    XCTAssertEqual(d.resolve, day("2026-12-04"))
    XCTAssertEqual(ComplaintPolicy.describe(1, working: true), "1 working day")
    XCTAssertEqual(ComplaintPolicy.describe(7, working: false), "7 days")
  }

  func testBreachStatus() {
    let due = day("2026-11-30")
    XCTAssertEqual(
      ComplaintDeadlines.status(due: due, done: day("2026-11-30"), today: day("2026-12-09")), .met)
    XCTAssertEqual(
      ComplaintDeadlines.status(due: due, done: day("2026-12-02"), today: day("2026-12-09")),
      .breached(days: 2))
    XCTAssertEqual(ComplaintDeadlines.status(due: due, done: nil, today: day("2026-11-30")), .pending)
    XCTAssertEqual(
      ComplaintDeadlines.status(due: due, done: nil, today: day("2026-12-03")), .overdue(days: 3))
    // Received Friday, acknowledged Monday: within one working day, though three calendar days.
    XCTAssertEqual(ComplaintDeadlines.workingDays(from: day("2026-11-27"), to: day("2026-11-30")), 1)
  }
}

final class ComplaintReportTests: XCTestCase {
  let today = day("2026-11-29")

  /// Four complaints in November and one in October; figures worked by hand below.
  var set: [ComplaintFacts] {
    [
      ComplaintFacts(
        id: 1, customer: 1001, type: "quality", product: "P01", owner: "李明", responsibility: "ours",
        received: day("2026-11-02"), ackDue: day("2026-11-03"), resolveDue: day("2026-11-09"),
        acknowledged: day("2026-11-03"), resolved: day("2026-11-06"), paid: yuan("500")),
      ComplaintFacts(
        id: 2, customer: 1001, type: "transport", owner: "王强", responsibility: "carrier",
        received: day("2026-11-06"), ackDue: day("2026-11-09"), resolveDue: day("2026-11-13"),
        acknowledged: day("2026-11-10"), resolved: day("2026-11-16"), paid: yuan("1000"),
        recovered: yuan("600")),
      ComplaintFacts(
        id: 3, customer: 1002, type: "quality", product: "P01", owner: "李明", responsibility: "supplier",
        received: day("2026-11-24"), ackDue: day("2026-11-25"), resolveDue: day("2026-12-01"),
        acknowledged: day("2026-11-24")),
      ComplaintFacts(
        id: 4, customer: 1003, type: "service", owner: "王强", received: day("2026-11-18"),
        ackDue: day("2026-11-19"), resolveDue: day("2026-11-25")),
      ComplaintFacts(
        id: 5, customer: 1001, type: "quality", product: "P02", received: day("2026-10-15"),
        ackDue: day("2026-10-16"), resolveDue: day("2026-10-22"), acknowledged: day("2026-10-15"),
        resolved: day("2026-10-20")),
    ]
  }

  func testByTypeInNovember() throws {
    let r = try ComplaintAnalysis.report(
      set, by: .type, from: day("2026-11-01"), to: day("2026-11-30"), today: today)
    XCTAssertEqual(r.lines.map(\.key), ["quality", "service", "transport"])
    let q = r.lines[0]
    // #1 acknowledged after 1 day, #3 after 0: mean 0.5; only #1 resolved, after 4 days.
    XCTAssertEqual(q.count, 2)
    XCTAssertEqual(q.open, 1)
    XCTAssertEqual(q.averageAckDays, dec("0.5"))
    XCTAssertEqual(q.averageResolveDays, dec("4.0"))
    XCTAssertEqual(q.ackBreaches, 0)
    XCTAssertEqual(q.resolveBreaches, 0)
    XCTAssertEqual(q.paid, yuan("500"))
    // #4 never acknowledged: both deadlines passed by 11-29, two breaches, no averages.
    let s = r.lines[1]
    XCTAssertEqual(s.open, 1)
    XCTAssertNil(s.averageAckDays)
    XCTAssertEqual(s.ackBreaches, 1)
    XCTAssertEqual(s.resolveBreaches, 1)
    // #2: acknowledged a day late (Tue after a Mon deadline), resolved 3 days late.
    let t = r.lines[2]
    XCTAssertEqual(t.averageAckDays, dec("4.0"))
    XCTAssertEqual(t.averageResolveDays, dec("10.0"))
    XCTAssertEqual(t.ackBreaches, 1)
    XCTAssertEqual(t.resolveBreaches, 1)
    XCTAssertEqual(t.recovered, yuan("600"))
    // Totals: ack (1 + 4 + 0) / 3 = 1.67 → 1.7; resolve (4 + 10) / 2 = 7.0.
    XCTAssertEqual(r.total.count, 4)
    XCTAssertEqual(r.total.open, 2)
    XCTAssertEqual(r.total.averageAckDays, dec("1.7"))
    XCTAssertEqual(r.total.averageResolveDays, dec("7.0"))
    XCTAssertEqual(r.total.ackBreaches, 2)
    XCTAssertEqual(r.total.resolveBreaches, 2)
    XCTAssertEqual(r.total.paid, yuan("1500"))
    XCTAssertEqual(r.total.recovered, yuan("600"))
    XCTAssertEqual(r.repeatComplainers.map(\.customer), [1001])
    XCTAssertEqual(r.repeatComplainers.map(\.count), [2])
  }

  func testOtherGroupings() throws {
    let byMonth = try ComplaintAnalysis.report(set, by: .month, today: today)
    XCTAssertEqual(byMonth.lines.map(\.key), ["2026-10", "2026-11"])
    XCTAssertEqual(byMonth.lines.map(\.count), [1, 4])
    XCTAssertEqual(byMonth.repeatComplainers.map(\.count), [3])
    let byResp = try ComplaintAnalysis.report(set, by: .responsibility, today: today)
    XCTAssertEqual(byResp.lines.map(\.key), ["carrier", "ours", "supplier", "undetermined"])
    XCTAssertEqual(byResp.lines.map(\.count), [1, 1, 1, 2])
    let byProduct = try ComplaintAnalysis.report(set, by: .product, today: today)
    XCTAssertEqual(byProduct.lines.map(\.key), ["P01", "P02", "—"])
    XCTAssertEqual(byProduct.lines.map(\.count), [2, 1, 2])
  }
}

final class ComplaintClaimTests: XCTestCase {
  let open = [
    OpenInvoice(no: "INV-1", date: day("2026-10-01"), due: day("2026-10-31"), balance: yuan("300")),
    OpenInvoice(
      no: "INV-2", date: day("2026-09-01"), due: day("2026-10-01"), balance: yuan("200"),
      terms: try! CashDiscountTerms(parsing: "2/10 n/30")),
    OpenInvoice(no: "INV-3", date: day("2026-11-01"), due: day("2026-12-01"), balance: yuan("1000")),
  ]

  func testCreditNoteReducesTheOldestInvoicesFirst() throws {
    // 450 = 200 on INV-2 (the oldest) + 250 of INV-1's 300; INV-3 untouched.
    let s = try ComplaintClaims.creditNote(amount: yuan("450"), date: day("2026-09-05"), openItems: open)
    XCTAssertEqual(s.allocations.map(\.invoice), ["INV-2", "INV-1"])
    XCTAssertEqual(s.allocations.map(\.applied), [yuan("200"), yuan("250")])
    XCTAssertEqual(s.allocations.map(\.balanceAfter), [yuan("0"), yuan("50")])
    // Within INV-2's discount window, but a credit note earns no cash discount.
    XCTAssertEqual(s.allocations[0].discount, .zero)
    XCTAssertEqual(s.paidOut, .zero)
  }

  func testCreditNoteLargerThanWhatIsOwedPaysOutTheRest() throws {
    // Open total 1,500; 2,000 leaves 500 to pay out.
    let s = try ComplaintClaims.creditNote(amount: yuan("2000"), date: day("2026-11-29"), openItems: open)
    XCTAssertEqual(s.allocations.map(\.balanceAfter), [.zero, .zero, .zero])
    XCTAssertEqual(s.paidOut, yuan("500"))
    let none = try ComplaintClaims.creditNote(amount: yuan("80"), date: day("2026-11-29"), openItems: [])
    XCTAssertEqual(none.paidOut, yuan("80"))
  }

  func testRecoveryCannotExceedTheClaim() throws {
    XCTAssertEqual(
      try ComplaintClaims.recover(claimed: yuan("1000"), recoveredSoFar: yuan("600"), amount: yuan("300")),
      yuan("100"))
    XCTAssertEqual(
      try ComplaintClaims.recover(claimed: yuan("1000"), recoveredSoFar: yuan("600"), amount: yuan("400")),
      .zero)
    XCTAssertNotNil(
      domainError { () throws(DomainError) in
        try ComplaintClaims.recover(claimed: yuan("1000"), recoveredSoFar: yuan("600"), amount: yuan("500"))
      })
    XCTAssertTrue(ComplaintResponsibility.supplier.claimsRecovery)
    XCTAssertFalse(ComplaintResponsibility.ours.claimsRecovery)
  }
}

final class ClaimOrderAndCalendarTests: XCTestCase {
  func testMoneyIsPaidOnlyAfterResponsibilityAndAProposal() {
    let bar = ComplaintClaims.settlementBar
    // Never while investigating, whoever is responsible.
    XCTAssertEqual(bar(.investigating, .ours), .investigating)
    XCTAssertEqual(bar(.investigating, nil), .investigating)
    // Responsibility first; "undetermined" is not a finding.
    XCTAssertEqual(bar(.proposed, nil), .noResponsibility)
    XCTAssertEqual(bar(.proposed, .undetermined), .noResponsibility)
    // Then a proposed solution.
    XCTAssertEqual(bar(.acknowledged, .ours), .noProposal)
    XCTAssertEqual(bar(.received, .supplier), .noProposal)
    XCTAssertNil(bar(.proposed, .supplier))
    XCTAssertNil(bar(.resolved, .ours))
  }

  func testHolidaysAreNotWorkingDays() {
    // 国庆节 2026-10-01 (Thursday) .. 10-07 (Wednesday).
    let cal = WorkingCalendar(ranges: [day("2026-10-01")...day("2026-10-07")])
    XCTAssertEqual(cal.holidays.count, 7)
    XCTAssertFalse(cal.isWorkingDay(day("2026-10-05")))  // a Monday inside the holiday
    XCTAssertTrue(cal.isWorkingDay(day("2026-10-08")))
    XCTAssertFalse(cal.isWorkingDay(day("2026-10-10")))  // a Saturday
    // 1 working day from Wednesday 09-30: Thursday 10-08; 3: Monday 10-12 (10-10, 10-11 weekend).
    XCTAssertEqual(cal.adding(workingDays: 1, to: day("2026-09-30")), day("2026-10-08"))
    XCTAssertEqual(cal.adding(workingDays: 3, to: day("2026-09-30")), day("2026-10-12"))
    // 0 working days from inside the holiday: the first working day after it.
    XCTAssertEqual(cal.adding(workingDays: 0, to: day("2026-10-02")), day("2026-10-08"))
    // Working days in 09-30 (exclusive) .. 10-09: only 10-08 and 10-09.
    XCTAssertEqual(cal.workingDays(from: day("2026-09-30"), to: day("2026-10-09")), 2)
    XCTAssertEqual(WorkingCalendar.weekends.workingDays(from: day("2026-09-30"), to: day("2026-10-09")), 7)
  }
}
