import Foundation
import XCTest

@testable import KehuStore

/// `Store.replaceDirectory`, behind `kehu gen --replace`: the new store takes the old
/// one's place and the old one is kept whole beside it (scripts/crash kills it meanwhile).
final class ReplaceDirectoryTests: XCTestCase {
  private func names(_ dir: String) -> [String] {
    let (store, _) = try! Store.open(.directory(dir), readOnly: true)
    defer { try? store.close() }
    let c = store.state["customers"]
    return (0..<c.count).map { Customers(store.state).name[$0] }.sorted()
  }

  private func makeStore(_ dir: String, _ customers: [String]) throws {
    let (store, _) = try Store.open(.directory(dir))
    try store.apply(customers.map { customer($0) })
    try store.commit()
    try store.save()
    try store.close()
  }

  func testTheNewStoreTakesThePlaceAndTheOldMovesAside() throws {
    let dir = temporaryDirectory(self)
    try makeStore(dir, ["甲", "乙"])
    try makeStore(dir + ".generating-1", ["丙"])
    // A store already moved aside earlier keeps its name: the next free N is taken.
    try makeStore(dir + ".replaced-1", ["丁"])
    let aside = try Store.replaceDirectory(dir + "/", with: dir + ".generating-1")
    XCTAssertEqual(aside, dir + ".replaced-2")
    XCTAssertEqual(names(dir), ["丙"])
    XCTAssertEqual(names(aside), ["乙", "甲"])
    XCTAssertEqual(names(dir + ".replaced-1"), ["丁"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + ".generating-1"))
  }

  func testAStoreInUseIsNotMoved() throws {
    let dir = temporaryDirectory(self)
    try makeStore(dir, ["甲"])
    try makeStore(dir + ".generating-1", ["丙"])
    let (writer, _) = try Store.open(.directory(dir))
    XCTAssertThrowsError(try Store.replaceDirectory(dir, with: dir + ".generating-1")) { e in
      XCTAssertEqual((e as? StoreError)?.exitStatus, 75)
    }
    try writer.close()
    XCTAssertEqual(names(dir), ["甲"])
    XCTAssertEqual(names(dir + ".generating-1"), ["丙"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + ".replaced-1"))
  }
}
