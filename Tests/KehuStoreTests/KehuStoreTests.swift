import XCTest

@testable import KehuStore
