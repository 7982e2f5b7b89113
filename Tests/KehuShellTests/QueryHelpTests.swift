import KehuQuery
import XCTest

@testable import KehuShell

/// The verbs' help texts are keyed by name beside the parser's list: every verb the parser
/// knows must have its topic, so `help VERB` and `help query` never miss one.
final class QueryHelpTests: XCTestCase {
  func testEveryVerbHasAHelpTopic() {
    let missing = Verb.names.filter { QueryHelp.topics[$0] == nil }
    XCTAssertEqual(missing, [], "verbs without a help topic")
  }
}
