import KehuStore
import XCTest

@testable import KehuQuery

/// Ctrl-C reaches the evaluator through `isCancelled`: a cancelled run stops with
/// "interrupted" instead of a result.
final class CancellationTests: XCTestCase {
  func testCancelledRunStops() throws {
    var e = QueryEngine(catalog: catalog(typed: true, arrays: true), today: Day(parsing: "2026-11-29")!)
    e.isCancelled = { true }
    XCTAssertThrowsError(try e.execute("customers | where id > 0 | count")) { error in
      XCTAssertEqual((error as? QueryError)?.message.description, "interrupted")
    }
    e.isCancelled = { false }
    XCTAssertNoThrow(try e.execute("customers | where id > 0 | count"))
  }
}
