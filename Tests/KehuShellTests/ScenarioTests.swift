import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// Nothing a scenario does reaches the journal until `scenario keep`.
final class ScenarioTests: XCTestCase {
  func testScenarioChangesStayOutOfTheJournalUntilKept() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-scn-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let (store, _) = try Store.open(.directory(dir))
    let ws = Workspace(store: store)
    let t = Timestamp(seconds: 0)
    try ws.change(
      [
        .insert(
          table: "customers",
          values: ["kind": .text("individual"), "name": .text("甲"), "status": .text("trading")])
      ], actor: "t", time: t)
    try store.commit()
    let bytesBefore = store.journalBytes
    ws.beginScenario("a")
    try ws.change(
      [.update(table: "customers", key: .int(1), values: ["name": .text("乙")])], actor: "t", time: t)
    ws.beginScenario("b")
    try ws.change(
      [
        .insert(
          table: "customers",
          values: ["kind": .text("company"), "name": .text("丙"), "status": .text("trading")])
      ], actor: "t", time: t)
    XCTAssertEqual(store.journalBytes, bytesBefore)
    XCTAssertEqual(store.unsyncedMutations, 0)
    XCTAssertEqual(ws.db.customers.count, 2)
    XCTAssertEqual(store.state.customers.count, 1)
    ws.endScenario()
    XCTAssertEqual(ws.db.customers.count, 1)
    let kept = try ws.keepScenario()
    XCTAssertEqual(kept?.mutations, 1)
    XCTAssertGreaterThan(store.journalBytes, bytesBefore)
    try store.close()
    let (reopened, _) = try Store.open(.directory(dir))
    let c = Customers(reopened.state)
    XCTAssertEqual(c.name[0], "乙")
    XCTAssertEqual(c.count, 1)
    try reopened.close()
  }
}

/// At the prompt a long result shows a screenful and counts the rest, without building it.
final class ScreenfulTests: XCTestCase {
  func testPromptShowsAScreenfulAndCountsTheRest() throws {
    let buffer = OutputBuffer()
    var settings = Settings()
    settings.rows = 3
    let ws = Workspace()
    let s = Session(
      options: SessionOptions(interactive: true, settings: settings),
      io: SessionIO(out: buffer.append, err: buffer.append), workspace: ws)
    for i in 1...10 {
      try s.change([
        .insert(
          table: "customers",
          values: ["kind": .text("individual"), "name": .text("客户\(i)"), "status": .text("trading")])
      ])
    }
    _ = s.execute("customers | select id, name")
    XCTAssertTrue(buffer.text.contains("… 7 more rows (set rows all to see them)\n(10 rows)\n"), buffer.text)
    XCTAssertFalse(buffer.text.contains("客户4"))
  }
}

/// Ctrl-C stops a running query with "interrupted" and changes nothing.
final class InterruptTests: XCTestCase {
  func testACancelledQueryStopsWithInterrupted() throws {
    let buffer = OutputBuffer()
    let s = Session(
      options: SessionOptions(interrupted: { true }, keepGoing: true),
      io: SessionIO(out: buffer.append, err: buffer.append))
    XCTAssertEqual(s.run(source: "customers | where id > 0 | count", file: "t.kehu"), .failed)
    XCTAssertTrue(buffer.text.contains("t.kehu:1:1: error: interrupted"), buffer.text)
  }
}
