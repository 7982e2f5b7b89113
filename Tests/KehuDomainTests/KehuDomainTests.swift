import XCTest

@testable import KehuDomain
