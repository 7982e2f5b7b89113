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

  func testPlanMostOverdueFirst() {
    let asof = day("2026-06-30")
    let t = collectionPlan(
      [
        OverdueAccount(customer: "华东贸易", overdue: yuan("1000"), oldestDue: day("2026-06-15")),  // 15: phone
        OverdueAccount(customer: "北方机械", overdue: yuan("5000"), oldestDue: day("2026-03-31")),  // 91: demand
        // 0: not listed
        OverdueAccount(customer: "南方食品", overdue: yuan("300"), oldestDue: day("2026-06-30")),
      ], asof: asof)
    XCTAssertEqual(t.rows.map { $0[0] }, [.text("北方机械"), .text("华东贸易")])
    XCTAssertEqual(t.rows[0][4], .text("formal demand or lawyer"))
    XCTAssertEqual(t.rows[1][2], .int(15))
  }
}
