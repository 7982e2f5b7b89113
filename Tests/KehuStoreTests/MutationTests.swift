import XCTest

@testable import KehuStore

final class MutationTests: XCTestCase {
  func testAFailingBatchChangesNothing() throws {
    let (store, _) = try Store.open(.memory)
    try store.apply([customer("甲"), customer("乙")])
    let before = store.state["customers"].count
    XCTAssertThrowsError(
      try store.apply([
        customer("丙"),
        .update(table: "customers", key: .int(1), values: ["name": .text("甲二")]),
        sale(99, 100),  // no customer 99
      ])
    ) { e in
      XCTAssertEqual((e as? MutationError)?.index, 2)
      XCTAssertTrue("\(e)".contains("customers has no id 99"), "\(e)")
    }
    XCTAssertEqual(store.state["customers"].count, before)
    XCTAssertEqual(store.state["customers"].column(named: "name")!.string(0), "甲")
    XCTAssertEqual(store.state["customers"].nextId, 3)
  }

  func testGeneratedIdsAreNeverReused() throws {
    let (store, _) = try Store.open(.memory)
    let r = try store.apply([customer("甲"), customer("乙", id: 10), customer("丙")])
    XCTAssertEqual(r.insertedKeys, [.int(1), .int(10), .int(11)])
    try store.apply([.delete(table: "customers", keys: [.int(11)])])
    XCTAssertEqual(try store.apply([customer("丁")]).insertedKeys, [.int(12)])
    // A given id is accepted when unused, even one freed by a delete.
    XCTAssertEqual(try store.apply([customer("戊", id: 11)]).insertedKeys, [.int(11)])
    XCTAssertThrowsError(try store.apply([customer("己", id: 10)]))
    let names = store.state["customers"].column(named: "name")!
    XCTAssertEqual((0..<names.count).map { names.string($0)! }, ["甲", "乙", "丁", "戊"])
    XCTAssertEqual(store.state["customers"].row(forId: 11), 3)
  }

  func testTypesRequiredColumnsAndAllowedValues() throws {
    let (store, _) = try Store.open(.memory)
    XCTAssertThrowsError(try store.apply([.insert(table: "customers", values: ["name": .text("x")])]))
    XCTAssertThrowsError(
      try store.apply([customer("甲"), .update(table: "customers", key: .int(1), values: ["age": .text("9")])])
    )
    XCTAssertThrowsError(
      try store.apply([
        customer("甲"), .update(table: "customers", key: .int(1), values: ["credit_class": .text("D")]),
      ]))
    XCTAssertThrowsError(try store.apply([.insert(table: "nosuch", values: [:])]))
    XCTAssertThrowsError(
      try store.apply([customer("甲"), sale(1, Int64.min)]), "the null sentinel is not money")
    XCTAssertEqual(store.state["customers"].count, 0)
  }

  func testInvoicePaidAndBalanceFollowPayments() throws {
    let (store, _) = try Store.open(.memory)
    try store.apply([
      customer("甲"),
      .insert(
        table: "invoices",
        values: [
          "no": .text("F-1"), "customer": .int(1), "date": .date(Day(parsing: "2026-10-01")!),
          "amount": .money(Money(fen: 100_000)),
        ]),
      .insert(
        table: "payments",
        values: [
          "invoice": .text("F-1"), "customer": .int(1), "date": .date(Day(parsing: "2026-10-20")!),
          "amount": .money(Money(fen: 30_000)),
        ]),
    ])
    func totals() -> (Int64, Int64) {
      let t = store.state["invoices"]
      return (t.column(named: "paid")!.int(0), t.column(named: "balance")!.int(0))
    }
    XCTAssertEqual(totals().0, 30_000)
    XCTAssertEqual(totals().1, 70_000)
    try store.apply([.update(table: "payments", key: .int(1), values: ["amount": .money(Money(fen: 45_000))])]
    )
    XCTAssertEqual(totals().1, 55_000)
    try store.apply([
      .update(table: "invoices", key: .text("F-1"), values: ["amount": .money(Money(fen: 50_000))])
    ])
    XCTAssertEqual(totals().1, 5_000)
    XCTAssertThrowsError(
      try store.apply([.update(table: "invoices", key: .text("F-1"), values: ["paid": .money(.zero)])]))
    XCTAssertThrowsError(try store.apply([.delete(table: "invoices", keys: [.text("F-1")])]))
    try store.apply([.delete(table: "payments", keys: [.int(1)])])
    XCTAssertEqual(totals().0, 0)
    XCTAssertEqual(totals().1, 50_000)
    try store.apply([.delete(table: "invoices", keys: [.text("F-1")])])
    XCTAssertEqual(store.state["invoices"].count, 0)
  }

  func testDeleteKeepsOrderAndIndex() throws {
    let (store, _) = try Store.open(.memory)
    try store.apply((1...6).map { customer("c\($0)") })
    try store.apply([.delete(table: "customers", keys: [.int(2), .int(5)])])
    let t = store.state["customers"]
    XCTAssertEqual((0..<t.count).map { t.column(0).int($0) }, [1, 3, 4, 6])
    XCTAssertEqual(t.row(forId: 6), 3)
    XCTAssertNil(t.row(forId: 5))
  }

  func testScenarioDiscardAndKeep() throws {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("甲")])
    store.beginScenario()
    try store.apply([customer("乙")])
    XCTAssertEqual(store.state["customers"].count, 2)
    store.discardScenario()
    XCTAssertEqual(store.state["customers"].count, 1)
    store.beginScenario()
    try store.apply([customer("丙")])
    try store.apply([.update(table: "customers", key: .int(1), values: ["name": .text("甲改")])])
    try store.keepScenario()
    try store.close()
    let (again, _) = try Store.open(.directory(dir))
    let t = again.state["customers"]
    XCTAssertEqual(t.count, 2)
    XCTAssertEqual(t.column(named: "name")!.string(0), "甲改")
    // A discarded scenario never happened, so its id 2 was never issued: 丙 got it.
    XCTAssertEqual(t.column(0).int(1), 2)
    try again.close()
  }

  func testUnsyncedCountAndCommit() throws {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("甲"), customer("乙")])
    try store.apply([.delete(table: "customers", keys: [.int(1), .int(2)])])
    XCTAssertEqual(store.unsyncedMutations, 4)
    try store.commit()
    XCTAssertEqual(store.unsyncedMutations, 0)
    try store.close()
  }

  func testTextUpdatesAppendAndSaveCompacts() throws {
    var c = Column(kind: .text, type: .text)
    c.append(.text("ab"))
    c.append(.null)
    c.append(.text("中文"))
    c.set(0, .text("xyz"))
    XCTAssertEqual(c.text.garbage, 2)
    let k = c.text.compacted()
    XCTAssertEqual(k.bytes, Array("xyz中文".utf8))
    XCTAssertEqual(k.string(0), "xyz")
    XCTAssertNil(k.string(1))
    XCTAssertEqual(k.string(2), "中文")
    XCTAssertTrue(k.isCompact)
  }
}

final class AuditTests: XCTestCase {
  func testAuditedUpdateRecordsOnlyRealChanges() throws {
    let (store, _) = try Store.open(.memory)
    try store.apply([customer("甲")])
    let when = Timestamp(day: Day(parsing: "2026-11-30")!, hour: 14, minute: 5)
    let batch = store.state.auditedUpdate(
      table: "customers", key: .int(1),
      values: [
        "name": .text("甲公司"), "status": .text("trading"), "credit_limit": .money(Money(fen: 1_000_000)),
      ],
      time: when, actor: "王芳")
    XCTAssertEqual(batch.count, 3, "status did not change, so two audit rows")
    try store.apply(batch)
    let a = store.state["audit"]
    XCTAssertEqual(a.count, 2)
    XCTAssertEqual(a.rowValues(0)["field"], .text("credit_limit"))
    XCTAssertEqual(a.rowValues(0)["old"], .null)
    XCTAssertEqual(a.rowValues(0)["new"], .text("10000.00"))
    XCTAssertEqual(a.rowValues(1)["old"], .text("甲"))
    XCTAssertEqual(a.rowValues(1)["new"], .text("甲公司"))
    XCTAssertEqual(a.rowValues(1)["time"], .timestamp(when))
    XCTAssertEqual(a.rowValues(1)["actor"], .text("王芳"))
    XCTAssertEqual(a.rowValues(1)["row"], .text("1"))
  }
}
