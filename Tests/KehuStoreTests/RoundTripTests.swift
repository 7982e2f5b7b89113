import XCTest

@testable import KehuStore

final class RoundTripTests: XCTestCase {
  /// A value for every column of every table, with the extremes: Chinese text, the
  /// largest and smallest money, nulls where allowed.
  static func fullBatch(variant: Int) -> [Mutation] {
    var batch: [Mutation] = []
    for def in Catalog.tables {
      var values: [String: Value] = [:]
      for (i, c) in def.columns.enumerated() where !c.derived {
        let v: Value
        if let allowed = c.allowed {
          v = .text(allowed[variant % allowed.count])
        } else if let ref = c.references, Catalog.table(named: ref)?.key.type == .int {
          // Every int-keyed table's row has key 7 and is inserted before the rows naming it.
          v = .int(7)
        } else if c.references == "invoices" {
          v = .text("INV-甲-001")
        } else {
          switch c.type {
          case .int: v = .int(i == def.keyColumn ? 7 : Int64(-9_000_000_000_000_000 + i))
          case .money:
            v = .money(variant == 0 ? (i % 2 == 0 ? Money.max : Money.min) : Money(fen: 12_345))
          case .date: v = .date(Day(parsing: "2024-02-29")!)
          case .timestamp: v = .timestamp(t0)
          case .percent: v = .percent(Dec(parsing: "0.3725")!)
          case .decimal: v = .decimal(Dec(parsing: "-12.5")!)
          case .text:
            v =
              i == def.keyColumn
              ? .text(def.name == "invoices" ? "INV-甲-001" : "K-\(def.name)")
              : .text("张伟 · 上海市浦东新区世纪大道 100 号 \(c.name) 🙂")
          default: v = .null
          }
        }
        values[c.name] = v
      }
      if def.name == "payments" { values["amount"] = .money(Money(fen: 100)) }
      // A credit note settles the invoice as a payment does (issue 14).
      if def.name == "credit_notes" { values["amount"] = .money(Money(fen: 50)) }
      if def.name == "invoices" { values["amount"] = .money(Money(fen: 1_000)) }
      if def.name == "customers" {
        values["remarks"] = nil  // a null text
        values["age"] = nil  // a null int
      }
      batch.append(.insert(table: def.name, values: values))
    }
    // A sales line names the invoice it was sold on, so it comes after the invoice.
    if let sales = batch.firstIndex(where: { $0.table == "sales" }) { batch.append(batch.remove(at: sales)) }
    return batch
  }

  func allRows(_ db: Database) -> [String: [[String: Value]]] {
    var out: [String: [[String: Value]]] = [:]
    for t in db.tables { out[t.name] = (0..<t.count).map { t.rowValues($0) } }
    return out
  }

  func testEveryTableAndColumnSurvivesJournalAndSnapshot() throws {
    let dir = temporaryDirectory(self)
    let (store, w) = try Store.open(.directory(dir))
    XCTAssertEqual(w, [])
    try store.apply(Self.fullBatch(variant: 0))
    try store.apply([
      .update(table: "customers", key: .int(7), values: ["remarks": .text("二次更新"), "income": .null])
    ])
    try store.commit()
    let expected = allRows(store.state)
    XCTAssertEqual(expected["customers"]![0]["remarks"], .text("二次更新"))
    XCTAssertEqual(expected["customers"]![0]["income"], .null)
    XCTAssertEqual(expected["customers"]![0]["age"], .null)
    XCTAssertEqual(expected["sales"]![0]["amount"], .money(Money.min))  // column 5
    XCTAssertEqual(expected["sales"]![0]["cost"], .money(Money.max))  // column 6
    XCTAssertEqual(expected["invoices"]![0]["paid"], .money(Money(fen: 150)))
    XCTAssertEqual(expected["invoices"]![0]["balance"], .money(Money(fen: 850)))
    try store.close()

    // From the journal.
    let (again, _) = try Store.open(.directory(dir))
    XCTAssertEqual(allRows(again.state), expected)
    XCTAssertEqual(again.state.sequence, 2)
    try again.save()
    try again.close()

    // From the snapshot alone.
    let (third, _) = try Store.open(.directory(dir))
    XCTAssertEqual(allRows(third.state), expected)
    XCTAssertEqual(third.state["customers"].count, 1)
    XCTAssertEqual(third.state["customers"].nextId, 8)
    try third.close()
  }

  func testFilesAreOwnerOnly() throws {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([customer("甲")])
    try store.save()
    let fm = FileManager.default
    XCTAssertEqual((try fm.attributesOfItem(atPath: dir)[.posixPermissions] as? Int), 0o700)
    for f in try fm.contentsOfDirectory(atPath: dir) {
      XCTAssertEqual((try fm.attributesOfItem(atPath: dir + "/" + f)[.posixPermissions] as? Int), 0o600, f)
    }
    try store.close()
  }

  func testMemoryStoreWritesNothing() throws {
    let (store, _) = try Store.open(.memory)
    XCTAssertEqual(store.name, "memory")
    try store.apply([customer("甲"), customer("乙")])
    XCTAssertEqual(store.unsyncedMutations, 0)
    try store.commit()
    try store.save()
    XCTAssertEqual(store.state["customers"].count, 2)
  }
}
