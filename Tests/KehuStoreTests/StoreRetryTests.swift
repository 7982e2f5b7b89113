import XCTest

@testable import KehuStore

/// A shared store's write that the database gave up is built again on the newer rows and
/// tried again, a bounded number of times (issue 20: an order that fits is never refused only
/// because another was taken at the same moment).
final class StoreRetryTests: XCTestCase {
  struct GaveUp: Error {}

  /// A backend whose first `failures` commits are given up, each time after another session
  /// committed a customer of its own.
  final class FlakyBackend: StoreBackend {
    var name: String { "flaky" }
    var failures: Int
    var others: [[Mutation]] = []
    var begun = 0
    var aborted = 0
    var committed: [[Mutation]] = []
    init(failures: Int) { self.failures = failures }

    func changesSince() throws -> [[Mutation]] { [] }
    func beginWrite() throws -> [[Mutation]] {
      begun += 1
      defer { others = [] }
      return others
    }
    func commitWrite(_ batch: [Mutation], before: Database, after: Database) throws {
      if failures > 0 {
        failures -= 1
        others = [[StoreRetryTests.customer("other \(begun)")]]
        throw GaveUp()
      }
      committed.append(batch)
    }
    func abortWrite() { aborted += 1 }
    func retries(after error: Error, attempt: Int) -> Bool { error is GaveUp && attempt < 5 }
    func close() {}
  }

  static func customer(_ name: String) -> Mutation {
    .insert(
      table: "customers", values: ["kind": .text("company"), "name": .text(name), "status": .text("trading")])
  }

  func testAWriteGivenUpIsBuiltAgainOnTheNewerRows() throws {
    let backend = FlakyBackend(failures: 2)
    let store = Store.open(
      backend: backend, loaded: Database(), location: .database("flaky"), readOnly: false)
    var seen: [Int] = []
    let result = try store.write { db in
      seen.append(db.customers.count)
      return [Self.customer("mine")]
    }
    // Built three times, each on the rows committed meanwhile; written once, keyed after them.
    XCTAssertEqual(seen, [0, 1, 2])
    XCTAssertEqual(backend.begun, 3)
    XCTAssertEqual(backend.aborted, 2)
    XCTAssertEqual(backend.committed.count, 1)
    XCTAssertEqual(result.insertedKeys, [.int(3)])
    XCTAssertEqual(store.state.customers.count, 3)
  }

  func testRetriesAreBounded() throws {
    let backend = FlakyBackend(failures: 100)
    let store = Store.open(
      backend: backend, loaded: Database(), location: .database("flaky"), readOnly: false)
    XCTAssertThrowsError(try store.write { _ in [Self.customer("mine")] }) { e in
      XCTAssertTrue(e is GaveUp, "\(e)")
    }
    XCTAssertEqual(backend.begun, 5)
    XCTAssertTrue(backend.committed.isEmpty)
    // What others committed is applied; this session's own change is not.
    XCTAssertEqual(store.state.customers.count, 4)
  }

  func testAnErrorTheBackendDoesNotRetryIsThrownAtOnce() throws {
    final class Refusing: StoreBackend {
      var name: String { "refusing" }
      var begun = 0
      func changesSince() throws -> [[Mutation]] { [] }
      func beginWrite() throws -> [[Mutation]] {
        begun += 1
        return []
      }
      func commitWrite(_ batch: [Mutation], before: Database, after: Database) throws { throw GaveUp() }
      func abortWrite() {}
      func close() {}
    }
    let backend = Refusing()
    let store = Store.open(backend: backend, loaded: Database(), location: .database("r"), readOnly: false)
    XCTAssertThrowsError(try store.write { _ in [Self.customer("mine")] })
    XCTAssertEqual(backend.begun, 1)
    XCTAssertEqual(store.state.customers.count, 0)
  }
}
