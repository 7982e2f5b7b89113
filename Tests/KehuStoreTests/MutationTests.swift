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
    XCTAssertThrowsError(try store.apply([customer("己", id: 10)])) { e in
      XCTAssertTrue("\(e)".contains("customers already has id 10"), "\(e)")
    }
    let names = store.state["customers"].column(named: "name")!
    XCTAssertEqual((0..<names.count).map { names.string($0)! }, ["甲", "乙", "丁", "戊"])
    XCTAssertEqual(store.state["customers"].row(forId: 11), 3)
  }

  func testTypesRequiredColumnsAndAllowedValues() throws {
    let (store, _) = try Store.open(.memory)
    XCTAssertThrowsError(try store.apply([.insert(table: "customers", values: ["name": .text("x")])])) { e in
      XCTAssertTrue("\(e)".contains("customers: kind is required"), "\(e)")
    }
    XCTAssertThrowsError(
      try store.apply([customer("甲"), .update(table: "customers", key: .int(1), values: ["age": .text("9")])])
    ) { e in XCTAssertTrue("\(e)".contains("customers.age: expects int, got text"), "\(e)") }
    XCTAssertThrowsError(
      try store.apply([
        customer("甲"), .update(table: "customers", key: .int(1), values: ["credit_class": .text("D")]),
      ])
    ) { e in XCTAssertTrue("\(e)".contains("customers.credit_class must be one of A, B, C, not D"), "\(e)") }
    XCTAssertThrowsError(try store.apply([.insert(table: "nosuch", values: [:])])) { e in
      XCTAssertTrue("\(e)".contains("no table nosuch"), "\(e)")
    }
    XCTAssertThrowsError(
      try store.apply([customer("甲"), sale(1, Int64.min)]), "the null sentinel is not money"
    ) { e in XCTAssertTrue("\(e)".contains("sales.amount: money out of range"), "\(e)") }
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
      try store.apply([.update(table: "invoices", key: .text("F-1"), values: ["paid": .money(.zero)])])
    ) { e in XCTAssertTrue("\(e)".contains("invoices.paid is computed and cannot be set"), "\(e)") }
    XCTAssertThrowsError(try store.apply([.delete(table: "invoices", keys: [.text("F-1")])])) { e in
      XCTAssertTrue("\(e)".contains("invoice F-1 has payments or credit notes: delete them first"), "\(e)")
    }
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
