import XCTest

@testable import KehuShell
