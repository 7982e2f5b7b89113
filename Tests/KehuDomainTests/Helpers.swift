import KehuStore
import XCTest

@testable import KehuDomain

func yuan(_ s: String) -> Money { Money(parsing: s)! }
func dec(_ s: String) -> Dec { Dec(parsing: s)! }
func day(_ s: String) -> Day { Day(parsing: s)! }

/// Runs `body`, expecting a DomainError, and returns it for inspection.
func domainError<T>(_ body: () throws(DomainError) -> T, file: StaticString = #filePath, line: UInt = #line)
  -> DomainError?
{
  do {
    _ = try body()
    XCTFail("expected a DomainError", file: file, line: line)
    return nil
  } catch { return error }
}

extension Working {
  /// The value of the line with this label, wherever it is.
  func value(_ label: String) -> Value? { lines.first { $0.label.description == label }?.value }
}
