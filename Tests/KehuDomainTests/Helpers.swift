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

/// A trading company customer named 客户ID: the rows the readers' tests hang documents on.
func tradingCustomer(_ id: Int64) -> Mutation {
  .insert(
    table: "customers",
    values: ["id": .int(id), "kind": .text("company"), "name": .text("客户\(id)"), "status": .text("trading")])
}

/// An invoice row of `amount` yuan dated `date`.
func invoiceRow(_ no: String, customer: Int64, date: String, amount: String) -> Mutation {
  .insert(
    table: "invoices",
    values: [
      "no": .text(no), "customer": .int(customer), "date": .date(day(date)), "amount": .money(yuan(amount)),
    ])
}

/// A payment row of `amount` yuan against `invoice` (nil: money on account).
func paymentRow(invoice: String?, customer: Int64, date: String, amount: String) -> Mutation {
  var values: [String: Value] = [
    "customer": .int(customer), "date": .date(day(date)), "amount": .money(yuan(amount)),
  ]
  if let invoice { values["invoice"] = .text(invoice) }
  return .insert(table: "payments", values: values)
}
