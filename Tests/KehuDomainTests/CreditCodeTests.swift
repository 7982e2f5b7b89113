import XCTest

@testable import KehuDomain

final class CreditCodeTests: XCTestCase {
  // 91350100M000100Y4 → weighted sum worked by hand:
  // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13
  // + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640;
  // 1640 mod 31 = 28; 31 − 28 = 3 → check character `3`.
  func testValidCodeFromHand() {
    XCTAssertNil(UnifiedSocialCreditCode.problem("91350100M000100Y43"))
    XCTAssertEqual(UnifiedSocialCreditCode.withCheck("91350100M000100Y4"), "91350100M000100Y43")
  }

  func testInvalidCodes() {
    XCTAssertEqual(
      UnifiedSocialCreditCode.problem("91350100M000100Y44"),
      "the check character should be `3`, not `4` (GB 32100-2015)")
    XCTAssertNotNil(UnifiedSocialCreditCode.problem("91350100M000100Y4"))
    XCTAssertEqual(
      UnifiedSocialCreditCode.problem("91350100I000100Y43"),
      "character 9 (`I`) is not allowed in a unified social credit code")
  }

  // Sum ≡ 0 mod 31 gives check value 0 (not 31): 17 zeros.
  func testZeroRemainderGivesZero() {
    XCTAssertEqual(UnifiedSocialCreditCode.withCheck("00000000000000000"), "000000000000000000")
  }
}
