import XCTest

@testable import KehuStore

final class GeneratorTests: XCTestCase {
  let today = Day(parsing: "2026-11-29")!

  func testSplitMix64KnownValues() {
    // Reference outputs of SplitMix64 seeded with 0 (from the published C code).
    var r = SplitMix64(seed: 0)
    XCTAssertEqual(r.next(), 0xE220_A839_7B1D_CDAF)
    XCTAssertEqual(r.next(), 0x6E78_9E6A_A1B9_65F4)
  }

  func testDeterministicAndShaped() throws {
    let a = generate(customers: 3_000, sales: 20_000, seed: 42, today: today)
    let b = generate(customers: 3_000, sales: 20_000, seed: 42, today: today)
    let c = generate(customers: 3_000, sales: 20_000, seed: 43, today: today)
    for t in a.tables {
      let bt = b[t.name]
      XCTAssertEqual(t.count, bt.count, t.name)
      for r in stride(from: 0, to: t.count, by: max(1, t.count / 200)) {
        XCTAssertEqual(t.rowValues(r), bt.rowValues(r), "\(t.name) row \(r)")
      }
    }
    XCTAssertNotEqual(a["customers"].rowValues(0), c["customers"].rowValues(0))

    let cust = a["customers"]
    XCTAssertEqual(cust.count, 3_000)
    XCTAssertEqual(a["sales"].count, 20_000)
    XCTAssertEqual(a["invoices"].count, 2_000)
    XCTAssertEqual(cust.column(named: "area")!.dictionary.names.count, 20)
    XCTAssertEqual(cust.column(named: "owner")!.dictionary.names.count, 200)
    XCTAssertEqual(Set(cust.column(named: "kind")!.dictionary.names), ["company", "individual"])
    // Sales fall in the 24 months before today and name existing customers.
    let dates = a["sales"].column(named: "date")!
    let start = today.adding(months: -24)
    let custs = a["sales"].column(named: "customer")!
    for r in 0..<a["sales"].count {
      XCTAssertTrue(dates.day(r) >= start && dates.day(r) <= today)
      XCTAssertNotNil(cust.row(forId: custs.int(r)))
    }
    // Some invoices are paid late, some not at all.
    let inv = a["invoices"]
    let bal = inv.column(named: "balance")!
    let due = inv.column(named: "due")!
    XCTAssertTrue((0..<inv.count).contains { bal.int($0) > 0 && due.day($0) < today })
    XCTAssertTrue((0..<inv.count).contains { bal.int($0) == 0 })
  }

  func testGeneratedStoreSavesReopensAndTakesChanges() throws {
    let db = generate(customers: 500, sales: 3_000, seed: 7, today: today)
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.replaceAll(with: db)
    try store.close()
    let (again, w) = try Store.open(.directory(dir))
    XCTAssertEqual(w, [])
    for t in db.tables {
      XCTAssertEqual(again.state[t.name].count, t.count, t.name)
      if t.count > 0 { XCTAssertEqual(again.state[t.name].rowValues(t.count - 1), t.rowValues(t.count - 1)) }
    }
    XCTAssertEqual(try again.apply([customer("新")]).insertedKeys, [.int(501)])
    try again.close()
  }
}
