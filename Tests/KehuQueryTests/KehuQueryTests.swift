import XCTest
@testable import KehuQuery
