import XCTest

@testable import KehuStore

/// Customer codes (issue 18, item 3): their natural order, what a code may hold, the keys
/// the store gives them, and that the journal and the snapshot keep them.
final class CustomerCodeTests: XCTestCase {
  func testNaturalOrderComparesDigitRunsAsNumbers() {
    // Written in the order a person expects; shuffled and sorted back.
    let expected = [
      "9", "10", "123", "000123", "1001", "C2", "C10", "C0123", "HD-001", "HD-2", "HD-10", "华东-17",
    ]
    let sorted = expected.reversed().sorted { CustomerCode.compare($0, $1) < 0 }
    XCTAssertEqual(sorted, expected)
    XCTAssertEqual(CustomerCode.compare("C2", "C10"), -1)
    XCTAssertEqual(CustomerCode.compare("10", "9"), 1)
    XCTAssertEqual(CustomerCode.compare("HD-001", "HD-001"), 0)
    // Leading zeros are significant: equal numbers, different codes, never equal.
    XCTAssertEqual(CustomerCode.compare("123", "000123"), -1)
    XCTAssertEqual(CustomerCode.compare("000123", "123"), 1)
    XCTAssertEqual(CustomerCode.compare("C01", "C1"), 1)
    // A number longer than any Int64 still compares by its digits.
    XCTAssertEqual(CustomerCode.compare("99999999999999999999999", "100000000000000000000000"), -1)
  }

  func testWhatACodeMayHold() {
    for ok in ["HD-001", "C0123", "华东-17", "a_b.c", "1001", "000123", String(repeating: "码", count: 32)] {
      XCTAssertNil(CustomerCode.problem(ok), ok)
    }
    XCTAssertNotNil(CustomerCode.problem(""))
    XCTAssertEqual(
      CustomerCode.problem(String(repeating: "A", count: 33))?.description,
      "a customer id has at most 32 characters, not 33")
    XCTAssertEqual(
      CustomerCode.problem("HD 001")?.description,
      "a customer id holds letters, digits, `-`, `_`, `.` and Chinese characters, not `space` (character 3)")
    XCTAssertEqual(
      CustomerCode.problem("A=B")?.description,
      "a customer id holds letters, digits, `-`, `_`, `.` and Chinese characters, not `=` (character 2)")
    XCTAssertNotNil(CustomerCode.problem("客户🙂"))
  }

  func testOnlyACanonicalNumberIsItsOwnKey() {
    XCTAssertEqual(CustomerCode.numericKey("1001"), 1001)
    XCTAssertNil(CustomerCode.numericKey("000123"))
    XCTAssertNil(CustomerCode.numericKey("0"))
    XCTAssertNil(CustomerCode.numericKey("-5"))
    XCTAssertNil(CustomerCode.numericKey("+5"))
    XCTAssertNil(CustomerCode.numericKey("C2"))
    XCTAssertEqual(CustomerCode.numericKey("4611686018427387903"), (1 << 62) - 1)
    XCTAssertNil(CustomerCode.numericKey("4611686018427387904"))  // the reserved range
    XCTAssertNil(CustomerCode.numericKey("99999999999999999999"))
  }

  func testNumbersBelowACode() {
    // Numbers sorting before "C10": all of them; before "123": 1…122; up to "123": 1…123;
    // before "000123": 1…123 (123 sorts before 000123); before "12A": 1…12.
    XCTAssertEqual(CustomerCodeBook.numbersBelow("C10", orEqual: false), CustomerCode.reservedBase)
    XCTAssertEqual(CustomerCodeBook.numbersBelow("123", orEqual: false), 123)
    XCTAssertEqual(CustomerCodeBook.numbersBelow("123", orEqual: true), 124)
    XCTAssertEqual(CustomerCodeBook.numbersBelow("000123", orEqual: false), 124)
    XCTAssertEqual(CustomerCodeBook.numbersBelow("12A", orEqual: false), 13)
    XCTAssertEqual(CustomerCodeBook.numbersBelow("-1", orEqual: false), 0)
  }

  func testStoreGivesTextCodesReservedKeysAndGeneratesNumbersAboveTheNumericOnes() throws {
    var db = Database()
    try db.apply([
      codeCustomer("HD-001"), codeCustomer("123"), codeCustomer("000123"), codeCustomer("华东-17"),
      customer("generated"),
    ])
    let base = CustomerCode.reservedBase
    XCTAssertEqual(db.customerKey("HD-001"), base)
    XCTAssertEqual(db.customerKey("123"), 123)
    XCTAssertEqual(db.customerKey("000123"), base + 1)
    XCTAssertEqual(db.customerKey("华东-17"), base + 2)
    XCTAssertNil(db.customerKey("C99"))
    XCTAssertEqual(db.customerCode(base + 1), "000123")
    XCTAssertEqual(db.customerCode(124), "124")
    // The generated id: the next number above 123, the largest numeric code.
    XCTAssertEqual(db.customers.keyColumn.ints.last, 124)
    // A sale names its customer by code; an unknown code is refused and changes nothing.
    try db.apply([.insert(table: "sales", values: saleCells("华东-17"))])
    XCTAssertEqual(db["sales"].columns[1].ints, [base + 2])
    XCTAssertThrowsError(try db.apply([.insert(table: "sales", values: saleCells("ZZ"))]))
    XCTAssertThrowsError(try db.apply([codeCustomer("HD-001")]))
    XCTAssertThrowsError(try db.apply([codeCustomer("HD 001")]))
    XCTAssertEqual(db["sales"].count, 1)
    XCTAssertEqual(db.customers.count, 5)
    // Updated and purged by code.
    try db.apply([.update(table: "customers", key: .text("HD-001"), values: ["name": .text("改名")])])
    XCTAssertEqual(db.customers.columns[2].string(0), "改名")
  }

  func testRankSortsKeysInNaturalOrder() throws {
    var db = Database()
    let codes = ["C10", "9", "HD-001", "000123", "123", "C2", "10", "12A", "华东-17"]
    try db.apply(codes.map(codeCustomer))
    let book = CustomerCodeBook(db)
    let keys = codes.map { db.customerKey($0)! }
    let byRank = keys.sorted { book.rank($0) < book.rank($1) }.map(db.customerCode)
    XCTAssertEqual(byRank, ["9", "10", "12A", "123", "000123", "C2", "C10", "HD-001", "华东-17"])
  }

  func testCodesSurviveJournalAndSnapshot() throws {
    let dir = temporaryDirectory(self)
    let (store, _) = try Store.open(.directory(dir))
    try store.apply([codeCustomer("HD-001"), codeCustomer("C2"), codeCustomer("7")])
    try store.apply([.insert(table: "sales", values: saleCells("C2"))])
    try store.commit()
    try store.close()
    // From the journal: the codes come back with the same keys, in the same order.
    let (again, _) = try Store.open(.directory(dir))
    XCTAssertEqual(again.state.customerKey("C2"), CustomerCode.reservedBase + 1)
    XCTAssertEqual(again.state["sales"].columns[1].ints, [CustomerCode.reservedBase + 1])
    try again.save()
    try again.apply([codeCustomer("C3")])
    try again.close()
    // From the snapshot plus a journal record after it.
    let (third, _) = try Store.open(.directory(dir))
    XCTAssertEqual(third.state.customerCode(CustomerCode.reservedBase), "HD-001")
    XCTAssertEqual(third.state.customerKey("C3"), CustomerCode.reservedBase + 2)
    XCTAssertEqual(third.state.customers.nextId, 8)
    try third.close()
  }

  private func codeCustomer(_ code: String) -> Mutation {
    guard case .insert(let t, var v) = customer(code) else { fatalError() }
    v["id"] = .text(code)
    return .insert(table: t, values: v)
  }

  private func saleCells(_ code: String) -> [String: Value] {
    ["customer": .text(code), "date": .date(Day(parsing: "2026-11-01")!), "amount": .money(Money(fen: 100))]
  }
}
