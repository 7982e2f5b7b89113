import Foundation
import KehuStore
import XCTest

@testable import KehuShell

/// A customer list with the firm's codes round-trips through `export all` and `import all`
/// byte for byte (issue 18, item 3): the files hold codes, never the store's inner keys.
final class CustomerCodeDumpTests: XCTestCase {
  var dir = ""

  override func setUp() {
    dir = FileManager.default.temporaryDirectory.path + "/kehu-codes-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { [dir] in try? FileManager.default.removeItem(atPath: dir) }
  }

  func session() -> (Session, OutputBuffer) { memorySession() }

  func testExportAllAndImportAllRoundTripCodesByteForByte() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures")
    let (first, out1) = session()
    let setup = """
      import customers "\(fixtures.path)/codes-customers.csv"
      import sales "\(fixtures.path)/codes-sales.csv"
      customer add company id=-17 name=负号开头
      customer purge C10 confirm=yes
      customer add company name=新客户
      export all "\(dir)/a"
      """
    XCTAssertEqual(first.run(source: setup, file: nil), .ok, out1.text)
    let (second, out2) = session()
    XCTAssertEqual(
      second.run(source: "import all \"\(dir)/a\"\nexport all \"\(dir)/b\"", file: nil), .ok, out2.text)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/a").sorted()
    XCTAssertEqual(files, try FileManager.default.contentsOfDirectory(atPath: dir + "/b").sorted())
    // Every file the same, but the manifest's time of writing.
    func read(_ path: String) throws -> String {
      try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        .filter { !$0.contains("\"written\"") }.joined(separator: "\n")
    }
    for f in files where f != "manifest.json" {
      XCTAssertEqual(
        FileManager.default.contents(atPath: dir + "/a/" + f),
        FileManager.default.contents(atPath: dir + "/b/" + f),
        f)
    }
    XCTAssertEqual(try read(dir + "/a/manifest.json"), try read(dir + "/b/manifest.json"))
    let customers = try String(contentsOfFile: dir + "/a/customers.csv", encoding: .utf8)
    let ids = customers.split(separator: "\r\n").dropFirst().map {
      $0.split(separator: ",").first.map(String.init)
    }
    // Written as codes; the one a spreadsheet would read as a formula carries a leading '.
    XCTAssertEqual(ids, ["HD-001", "C2", "华东-17", "000123", "123", "9", "10", "'-17", "124"])
    let sales = try String(contentsOfFile: dir + "/a/sales.csv", encoding: .utf8)
    XCTAssertFalse(sales.contains("461168"), sales)
    // The restored store finds the same customers by the same codes.
    XCTAssertEqual(second.db.customerCode(second.db.customerKey("-17")!), "-17")
    XCTAssertNotNil(second.db.customers.row(forId: second.db.customerKey("华东-17")!))
    XCTAssertNil(second.db.customerKey("C10").flatMap { second.db.customers.row(forId: $0) })
  }
}
