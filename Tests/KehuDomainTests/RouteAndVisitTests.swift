import KehuStore
import XCTest

@testable import KehuDomain

/// Route order (§2.6 step 5) and the visits the plans ask for (§2.2, §2.6 step 6), over rows
/// written here.
final class RouteAndVisitTests: XCTestCase {
  func customer(_ id: Int64, _ values: [String: Value]) -> Mutation {
    var v: [String: Value] = [
      "id": .int(id), "kind": .text("company"), "name": .text("客户\(id)"), "status": .text("trading"),
    ]
    v.merge(values) { $1 }
    return .insert(table: "customers", values: v)
  }

  func visit(_ id: Int64, _ date: String, role: String = "handler") -> Mutation {
    .insert(table: "visits", values: ["customer": .int(id), "date": .date(day(date)), "role": .text(role)])
  }

  func testARouteVisitsThePlacedCustomersFirstThenTheOthersByAddress() throws {
    var db = Database()
    _ = try db.apply([
      customer(
        1,
        [
          "area": .text("R"), "route_seq": .int(2), "latitude": .decimal(dec("31")),
          "longitude": .decimal(dec("121")),
        ]),
      customer(
        2, ["area": .text("R"), "latitude": .decimal(dec("31")), "longitude": .decimal(dec("121.1"))]),
      customer(3, ["area": .text("R"), "address": .text("b 路")]),
      customer(4, ["area": .text("R"), "route_seq": .int(1), "business_address": .text("a 路")]),
      customer(5, ["area": .text("R"), "status": .text("ended")]),
      customer(6, ["area": .text("S")]),
    ])
    let members = RouteOrder.members(db, area: "R")
    XCTAssertEqual(members.count, 4, "the ended customer and the other area's are not on the route")
    let id = { (r: Int) in Customers(db).id[r] }
    XCTAssertEqual(RouteOrder.stored(db, members).map(id), [4, 1, 2, 3])
    let plan = RouteOrder.suggest(db, members)
    XCTAssertEqual([plan.placed, plan.unplaced], [2, 2])
    XCTAssertFalse(plan.nearestOnly)
    XCTAssertEqual(Set(plan.sequence.prefix(2).map(id)), [1, 2])
    // Without coordinates, by address: the business address stands in for a missing one.
    XCTAssertEqual(plan.sequence.suffix(2).map(id), [4, 3])
    // 0.1° of longitude at 31° north is about 111.3 km × cos 31° ÷ 10 ≈ 9.5 km.
    XCTAssertEqual(plan.kmAfter!, 9.5, accuracy: 0.2)
    XCTAssertNil(RouteOrder.suggest(db, []).kmBefore)
  }

  func testVisitsOwedCountTheRolesVisitsInTheRulesWindow() throws {
    var db = Database()
    _ = try db.apply([
      customer(1, ["abc_grade": .text("A"), "owner": .text("张")]),
      customer(2, ["abc_grade": .text("A"), "owner": .text("李"), "status": .text("prospect")]),
      visit(1, "2026-11-02"), visit(1, "2026-11-20"), visit(1, "2026-10-30"), visit(1, "2026-12-01"),
      visit(1, "2026-10-15", role: "manager"),
    ])
    let month = day("2026-11-01")
    let owed = VisitPolicy.owed(
      db, staff: nil, role: nil,
      windowStart: { VisitPolicy.window(endingWith: month, months: $0.months).start },
      end: month.adding(months: 1))
    XCTAssertEqual(owed.count, 6, "one line per role of grade A; the prospect is not planned")
    // Handler: 3 a month, 2 logged in November.
    XCTAssertEqual([owed[0].done, owed[0].due], [2, 1])
    XCTAssertEqual(owed[0].last, day("2026-11-20"))
    // Manager: 1 per 2 months (October and November), met by the visit of 15 October.
    XCTAssertEqual(VisitPolicy.roles[owed[3].role], "manager")
    XCTAssertEqual([owed[3].done, owed[3].due], [1, 0])
    let onlyLeader = VisitPolicy.owed(db, staff: "张", role: "leader", windowStart: { _ in month }, end: month)
    XCTAssertEqual(onlyLeader.map(\.role), [1])
    XCTAssertEqual(VisitPolicy.owed(db, staff: "王", role: nil, windowStart: { _ in month }, end: month), [])
  }

  func testProspectsAreDueWhenNeverVisitedOrTheGapHasRunOut() throws {
    var db = Database()
    _ = try db.apply([
      customer(1, ["status": .text("prospect"), "prospect_grade": .text("A")]),
      customer(2, ["status": .text("prospect"), "prospect_grade": .text("B")]),
      customer(3, ["status": .text("prospect"), "prospect_grade": .text("C")]),
      customer(4, ["status": .text("prospect"), "prospect_grade": .text("D")]),
      visit(1, "2026-11-01"), visit(2, "2026-11-20"), visit(1, "2026-11-30"),
    ])
    let due = ProspectRule.due(db, asof: day("2026-11-10"))
    let ids = due.map { Customers(db).id[$0.row] }
    // A: visited 1 Nov, every 7 days: due 8 Nov, 2 days late (the visit of 30 Nov is after).
    // B: its visit is after the day asked about, so never visited; C never visited; D has no schedule.
    XCTAssertEqual(ids, [1, 2, 3])
    XCTAssertEqual(due[0].next, day("2026-11-08"))
    XCTAssertEqual(due[0].daysLate, 2)
    XCTAssertNil(due[1].last)
    XCTAssertNil(due[1].daysLate)
  }
}
