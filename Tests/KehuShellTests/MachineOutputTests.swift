import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// Several tables and messages in the machine formats, and `--set` values read as literals.
final class MachineOutputTests: XCTestCase {
  private let items = ResultTable(
    columns: [ResultColumn("invoice", .text), ResultColumn("amount", .money)],
    rows: [[.text("INV-1"), .money(Money(fen: 123_450))]], title: "Open items", notes: ["total due: 1,234.50"]
  )
  private let ageing = ResultTable(
    columns: [ResultColumn("bucket", .text), ResultColumn("share", .percent)],
    rows: [[.text("0-30"), .percent(Dec(mantissa: 1, scale: 4))]])

  func testSeveralTablesAreOneJSONDocument() throws {
    let text = renderReport([items, ageing], RenderOptions(format: .json))
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not one JSON object: \(text)")
    let tables = try XCTUnwrap(object["tables"] as? [[String: Any]])
    XCTAssertEqual(tables.count, 2)
    XCTAssertEqual(tables[0]["title"] as? String, "Open items")
    XCTAssertEqual(tables[0]["notes"] as? [String], ["total due: 1,234.50"])
    let rows = try XCTUnwrap(tables[1]["rows"] as? [[String: Any]])
    // A share of 0.01% is never rounded away in a machine format.
    XCTAssertEqual((rows[0]["share"] as? NSNumber)?.decimalValue, Decimal(string: "0.0001"))
  }

  func testSeveralTablesInCSVEachKeepTheirHeader() {
    let text = renderReport([items, ageing], RenderOptions(format: .csv))
    XCTAssertEqual(text, "invoice,amount\r\nINV-1,1234.50\r\n\r\nbucket,share\r\n0-30,0.0001\r\n")
  }

  func testMessageWithFieldsInJSON() throws {
    let text = renderMessage(
      "added customer 1061 王芳", fields: [MessageField("id", .int(1061)), MessageField("name", .text("王芳"))],
      format: .json)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    XCTAssertEqual(object["message"] as? String, "added customer 1061 王芳")
    XCTAssertEqual(object["id"] as? Int, 1061)
    XCTAssertEqual(object["name"] as? String, "王芳")
    XCTAssertEqual(renderMessage("saved\n", fields: [], format: .table), "saved\n")
  }

  func testSetValuesAreLiteralsOfTheLanguage() {
    XCTAssertEqual(ScriptBinding.value("3"), .int(3))
    XCTAssertEqual(ScriptBinding.value("-3"), .int(-3))
    XCTAssertEqual(ScriptBinding.value("30%").type, .percent)
    XCTAssertEqual(ScriptBinding.value("2026-01-31"), .date(Day(year: 2026, month: 1, day: 31)!))
    XCTAssertEqual(ScriptBinding.value("2w"), .duration(14))
    XCTAssertEqual(ScriptBinding.value("true"), .bool(true))
    XCTAssertEqual(ScriptBinding.value("\"王 芳\""), .text("王 芳"))
    // Not a literal: bound as the text given, as a shell user expects.
    XCTAssertEqual(ScriptBinding.value("王芳"), .text("王芳"))
    XCTAssertEqual(ScriptBinding.value("a b"), .text("a b"))
    XCTAssertEqual(ScriptBinding.value("1 + 2"), .text("1 + 2"))
  }
}
