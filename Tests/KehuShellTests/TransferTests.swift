import Foundation
import KehuDomain
import KehuStore
import XCTest

@testable import KehuShell

/// The CSV reader and writer, the decoding of spreadsheet files, and a whole-store dump
/// and restore that must give back every table exactly.
final class TransferTests: XCTestCase {
  func testReaderHandlesQuotesCommasAndLineBreaks() throws {
    let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,\"\"\n"
    let r = try CSVReader.records(text)
    XCTAssertEqual(r.count, 3)
    XCTAssertEqual(r[1].fields.map(\.text), ["x, y", "say \"hi\"", "two\nlines"])
    XCTAssertEqual(r[1].line, 2)
    // The blank line 4 is skipped; the last record starts on line 5.
    XCTAssertEqual(r[2].line, 5)
    XCTAssertEqual(
      r[2].fields,
      [
        CSVField(text: "1", quoted: false), CSVField(text: "", quoted: false),
        CSVField(text: "", quoted: true),
      ])
  }

  func testReaderErrors() {
    XCTAssertThrowsError(try CSVReader.records("a\n\"open\nb\n")) { e in
      XCTAssertEqual((e as? CSVError)?.line, 2)
    }
    XCTAssertThrowsError(try CSVReader.records("a\n\"x\"y\n")) { e in
      XCTAssertEqual((e as? CSVError)?.line, 2)
    }
  }

  func testWriterEscapesFormulasButNotNumbers() {
    var t = ResultTable(columns: [
      ResultColumn("t", .text), ResultColumn("m", .money), ResultColumn("p", .percent),
    ])
    t.rows = [
      [.text("=1+2"), .money(Money(fen: -1250)), .percent(Dec(mantissa: 30, scale: 2))],
      [.text("+86 10"), .money(Money(fen: 123_456_750)), .null],
      [.text("-5"), .null, .null],
      [.text("@SUM(A1)"), .null, .null],
      [.text("'quoted"), .null, .null],
      [.text(""), .null, .null],
      [.text("a,b"), .null, .null],
    ]
    let text = String(decoding: csvBytes(t, excel: false), as: UTF8.self)
    XCTAssertEqual(
      text,
      "t,m,p\r\n'=1+2,-12.50,0.3\r\n'+86 10,1234567.50,\r\n'-5,,\r\n'@SUM(A1),,\r\n''quoted,,\r\n\"\",,\r\n\"a,b\",,\r\n"
    )
    XCTAssertEqual(Array(csvBytes(t, excel: true).prefix(4)), [0xEF, 0xBB, 0xBF, UInt8(ascii: "t")])
  }

  func testDecodingSpreadsheetFiles() throws {
    // 华强 in GB18030 is BB AA C7 BF; 😀 takes four bytes, 94 39 FC 36.
    let gb: [UInt8] = [0x61, 0x2C, 0xBB, 0xAA, 0xC7, 0xBF, 0x94, 0x39, 0xFC, 0x36]
    let (detected, e1) = try TextDecoding.decode(gb, as: nil)
    XCTAssertEqual(detected, "a,华强😀")
    XCTAssertEqual(e1, .gb18030)
    XCTAssertEqual(try TextDecoding.decode(gb, as: .gb18030).0, "a,华强😀")
    XCTAssertThrowsError(try TextDecoding.decode(gb, as: .utf8)) { e in
      XCTAssertTrue(
        "\(e)".contains("the file is not valid UTF-8 (line 1); is it GB18030? say encoding=gb18030"), "\(e)")
    }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("名称".utf8)
    XCTAssertEqual(try TextDecoding.decode(bom, as: nil).0, "名称")
    XCTAssertEqual(try TextDecoding.decode(bom, as: nil).1, .utf8)
  }

  func testCellsAsSpreadsheetsWriteThem() throws {
    let inv = Catalog.invoices
    let date = inv.column(named: "date")!.def
    let amount = inv.column(named: "amount")!.def
    XCTAssertEqual(
      try TableImport.cell(CSVField(text: "2026/11/29", quoted: false), date),
      .date(Day(year: 2026, month: 11, day: 29)!))
    XCTAssertEqual(
      try TableImport.cell(CSVField(text: "2026/1/5", quoted: false), date),
      .date(Day(year: 2026, month: 1, day: 5)!))
    XCTAssertEqual(
      try TableImport.cell(CSVField(text: "¥1,234.50", quoted: true), amount), .money(Money(fen: 123_450)))
    XCTAssertEqual(
      try TableImport.cell(CSVField(text: " ￥8000 ", quoted: false), amount), .money(Money(fen: 800_000)))
    XCTAssertEqual(
      try TableImport.cell(CSVField(text: "-12.30", quoted: false), amount), .money(Money(fen: -1230)))
    XCTAssertThrowsError(try TableImport.cell(CSVField(text: "12.345", quoted: false), amount)) { e in
      XCTAssertTrue("\(e)".contains("`amount` must be an amount, not `12.345`"), "\(e)")
    }
    // 2026-11-29 09:30:15: day 20786 since 1970 (56 years, 14 leap days, +332 days).
    XCTAssertEqual(
      TableImport.parseTimestamp("2026-11-29T09:30:15"), Timestamp(seconds: 20_786 * 86_400 + 34_215))
    XCTAssertEqual(
      TableImport.parseTimestamp("2026/11/29 9:30"), Timestamp(seconds: 20_786 * 86_400 + 34_200))
    XCTAssertNil(TableImport.parseTimestamp("2026-11-29T25:00:00"))
  }

  func testBadRowInTheMiddleNamesTheRowAndPlansNothing() throws {
    let db = try DemoFirm.database(today: Day(year: 2026, month: 11, day: 29)!)
    let text =
      "no,customer,date,amount\nA-1,1001,2026-11-01,100\nA-2,1001,2026-11-02,abc\nA-3,1001,2026-11-03,300\n"
    XCTAssertThrowsError(
      try TableImport.plan(Catalog.invoices, CSVReader.records(text), db: db, options: .init())
    ) {
      XCTAssertEqual((($0 as? ShellError)?.message).map { $0.hasPrefix("row 2 (line 3): `amount`") }, true)
    }
  }

  /// A generated store, plus rows in every table the generator leaves empty and the audit
  /// rows changes make, is dumped and restored; every cell of every table and every id
  /// counter must come back the same.
  func testDumpAndRestoreRoundTripEveryTable() throws {
    let today = Day(year: 2026, month: 11, day: 29)!
    var db = generate(customers: 1100, sales: 3000, seed: 42, today: today)
    try db.apply(DemoFirm.archiveMutations(today: today).filter { $0.table != "customers" })
    let ws = Workspace(db)
    let t = Timestamp(day: today, hour: 10)
    let keys = try ws.change(
      [
        .insert(
          table: "customers",
          values: [
            "kind": .text("company"), "name": .text("=HYPERLINK(\"x\")"), "status": .text("trading"),
            "remarks": .text("多行\n备注, \"引号\""), "supply_share": .percent(Dec(mantissa: 125, scale: 3)),
            "phone": .text(""),
          ]),
        .update(table: "customers", key: .int(1), values: ["credit_limit": .money(Money(fen: -5))]),
        .insert(
          table: "collections", values: ["customer": .int(2), "date": .date(today), "step": .text("letter")]),
      ], actor: "张三", time: t)
    // Every table the fixture still leaves empty gets one row of every column type, so the
    // round trip covers tables that later issues add.
    try ws.change(sampleRows(for: ws.db, today: today), actor: "张三", time: t)
    // The newest collection row is purged: its id must still never be handed out again.
    try ws.change([.delete(table: "collections", keys: [keys[1]])], actor: "张三", time: t)
    let original = ws.db
    XCTAssertTrue(Catalog.tables.allSatisfy { original[$0.name].count > 0 || $0.name == "collections" })

    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kehu-dump-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try StoreDump.write(original, to: dir, at: t)
    let restored = try StoreDump.read(from: dir, shown: dir)
    for def in Catalog.tables {
      let a = original[def.name]
      let b = restored[def.name]
      XCTAssertEqual(a.count, b.count, def.name)
      XCTAssertEqual(a.nextId, b.nextId, "\(def.name) id counter")
      for r in 0..<min(a.count, b.count) {
        for c in 0..<def.columns.count where a.value(row: r, column: c) != b.value(row: r, column: c) {
          XCTFail(
            "\(def.name) row \(r) \(def.columns[c].name): \(a.value(row: r, column: c)) ≠ \(b.value(row: r, column: c))"
          )
        }
      }
    }
    // The empty text stayed an empty text, not a null.
    let cust = restored.customers
    let last = cust.row(forKey: original.customers.value(row: original.customers.count - 1, column: 0))!
    XCTAssertEqual(Customers(restored).phone.value(last), .text(""))
    guard case .int(let purged) = keys[1] else { return XCTFail("no collection id") }
    XCTAssertNil(restored["collections"].row(forId: purged))
    XCTAssertEqual(restored["collections"].nextId, purged + 1)
  }
}

/// One row for each empty table (but `collections`), with a value of its type in every
/// column: the first allowed value, an existing key for a reference, Chinese text.
func sampleRows(for db: Database, today: Day) -> [Mutation] {
  var out: [Mutation] = []
  for def in Catalog.tables where db[def.name].count == 0 && def.name != "collections" && def.name != "audit"
  {
    var values: [String: Value] = [:]
    for (i, c) in def.columns.enumerated() where !c.derived {
      if i == def.keyColumn && def.generatesKeys { continue }
      if let ref = c.references, let t = db.table(ref), t.count > 0 {
        values[c.name] = t.value(row: 0, column: t.def.keyColumn)
        continue
      }
      if let allowed = c.allowed {
        values[c.name] = .text(allowed[0])
        continue
      }
      switch c.type {
      case .text: values[c.name] = .text(i == def.keyColumn ? "K-1" : "样例 \(c.name)")
      case .int: values[c.name] = .int(7)
      case .money: values[c.name] = .money(Money(fen: 123_45))
      case .percent: values[c.name] = .percent(Dec(mantissa: 25, scale: 2))
      case .decimal: values[c.name] = .decimal(Dec(mantissa: 15, scale: 1))
      case .date: values[c.name] = .date(today)
      case .duration: values[c.name] = .duration(30)
      case .bool: values[c.name] = .bool(true)
      case .timestamp: values[c.name] = .timestamp(Timestamp(day: today, hour: 8))
      case .null: break
      }
    }
    out.append(.insert(table: def.name, values: values))
  }
  return out
}
