import XCTest

@testable import KehuStore

/// The parallel snapshot reader: every column comes back exactly as written (narrow arrays
/// widened in place across block edges, nulls kept), and damage found by two jobs at once is
/// reported as the one-pass reader would: the earliest in the file.
final class SnapshotReaderTests: XCTestCase {
  let today = Day(parsing: "2026-11-29")!

  func write(_ db: Database) throws -> String {
    let path = temporaryDirectory(self) + "-snapshot.kehu"
    try FileIO.makeDirectories(String(path.dropLast("/store-snapshot.kehu".count)))
    let fd = try FileIO.openWrite(path, truncate: true)
    defer { close(fd) }
    try SnapshotFile.write(db, fd: fd, path: path)
    return path
  }

  func read(_ path: String) throws -> Database {
    let fd = try FileIO.openRead(path)
    defer { close(fd) }
    return try SnapshotFile.read(fd: fd, path: path)
  }

  func testEveryColumnReadsBackExactly() throws {
    // 12,000 sales: ids and quantities narrow to 2 bytes, codes and days to 1 or 2, amounts to
    // 4 or 8, over several 4,096-element blocks of the in-place widening.
    var db = generate(customers: 1_500, sales: 12_000, seed: 11, today: today)
    // Nulls at a block edge and at the ends, in narrow and wide columns.
    let s = Catalog.tableIndex("sales")!
    let cost = db.tables[s].def.columnIndex("cost")!
    let product = db.tables[s].def.columnIndex("product")!
    for r in [0, 4_095, 4_096, 11_999] {
      db.tables[s].columns[cost].set(r, .null)
      db.tables[s].columns[product].set(r, .null)
    }
    db.sequence = 9
    let back = try read(try write(db))
    XCTAssertEqual(back.sequence, 9)
    var widths: Set<Int> = []
    for (t, table) in db.tables.enumerated() {
      let other = back.tables[t]
      XCTAssertEqual(other.count, table.count, table.name)
      XCTAssertEqual(other.nextId, table.nextId, table.name)
      for (i, c) in table.columns.enumerated() {
        let d = other.columns[i]
        let label = "\(table.name).\(table.def.columns[i].name)"
        XCTAssertEqual(d.ints, c.ints, label)
        XCTAssertEqual(d.int32s, c.int32s, label)
        XCTAssertEqual(d.bytes, c.bytes, label)
        XCTAssertEqual(d.dictionary.names, c.dictionary.names, label)
        let text = c.text.isCompact ? c.text : c.text.compacted()
        XCTAssertEqual(d.text.bytes, text.bytes, label)
        XCTAssertEqual(d.text.lengths, text.lengths, label)
        // A null cell's start means nothing; every other cell must point at its own bytes.
        XCTAssertEqual(
          (0..<d.text.count).map { d.text.slice($0) }, (0..<text.count).map { text.slice($0) }, label)
        if c.kind == .int64 { widths.insert(Narrow.width(c.ints, null: Column.nullInt)) }
        if c.kind == .day { widths.insert(Narrow.width(c.int32s, null: Column.nullDay)) }
      }
      for r in stride(from: 0, to: table.count, by: 97) {
        XCTAssertEqual(other.row(forKey: table.keyColumn.value(r)), r, table.name)
      }
    }
    XCTAssertEqual(back["sales"].columns[cost].value(4_096), .null)
    XCTAssertEqual(back["sales"].columns[product].value(4_095), .null)
    XCTAssertTrue(widths.isSuperset(of: [1, 2, 4, 8]), "widths seen: \(widths.sorted())")
  }

  func testOfTwoDamagedColumnsTheEarlierIsReported() throws {
    let db = generate(customers: 1_500, sales: 12_000, seed: 11, today: today)
    let path = try write(db)
    let good = fileBytes(path)
    // The arrays as the walk finds them; the two largest lie in different jobs.
    let fd = try FileIO.openRead(path)
    var walk = SnapshotWalk(input: ChunkReader(fd: fd, path: path, size: good.count, offset: 0))
    _ = try walk.header()
    walk.walk()
    close(fd)
    XCTAssertNil(walk.failure.map { "\($0.error)" })
    let arrays = walk.jobs.flatMap(\.arrays).filter { $0.length > 0 }.sorted { $0.length > $1.length }
    let (a, b) = (arrays[0], arrays[1])
    var bad = good
    bad[a.payload + a.length / 2] ^= 0x10
    bad[b.payload + b.length / 2] ^= 0x10
    writeBytes(path, bad)
    let first = min(a.at, b.at)
    // The larger job starts first and may finish first: the message must not depend on it.
    for _ in 0..<8 {
      XCTAssertThrowsError(try read(path)) { e in
        XCTAssertEqual(e as? StoreError, .corrupt(file: path, offset: first, reason: "checksum mismatch"))
      }
    }
  }

  func testKeysInOrderLeaveTheIndexToFirstUse() throws {
    let db = generate(customers: 1_500, sales: 12_000, seed: 11, today: today)
    let back = try read(try write(db))
    let sales = back["sales"]
    XCTAssertFalse(sales.keys.isBuilt)
    XCTAssertFalse(back["invoices"].keys.isBuilt)
    // The first lookups come from several threads at once: each finds the same rows.
    let ids = (0..<sales.count).map { sales.keyColumn.ints[$0] }
    let found = Parallel.map(8, order: Array(0..<8)) { k in
      stride(from: k, to: ids.count, by: 8).allSatisfy { sales.row(forId: ids[$0]) == $0 }
    }
    XCTAssertEqual(found, Array(repeating: true, count: 8))
    XCTAssertTrue(sales.keys.isBuilt)
    XCTAssertNil(sales.row(forId: ids.max()! + 1))
    let invoices = back["invoices"]
    let no = invoices.keyColumn.string(17)!
    XCTAssertEqual(invoices.row(forNo: no), 17)
    XCTAssertNil(invoices.row(forNo: no + "x"))
  }

  func testAWriteBeforeTheFirstLookupAndACopyKeepTheirOwnIndex() throws {
    var back = try read(try write(generate(customers: 300, sales: 2_000, seed: 3, today: today)))
    let before = back
    let s = Catalog.tableIndex("sales")!
    var cells = (0..<back.tables[s].columns.count).map { back.tables[s].columns[$0].value(0) }
    cells[back.tables[s].def.keyColumn] = .int(900_000)
    back.tables[s].appendRow(cells)
    XCTAssertEqual(back["sales"].row(forId: 900_000), 2_000)
    XCTAssertNil(before["sales"].row(forId: 900_000))
    // And a copy made after the index was built: the original's index does not see the new row.
    var copy = back
    cells[back.tables[s].def.keyColumn] = .int(900_001)
    copy.tables[s].appendRow(cells)
    XCTAssertEqual(copy["sales"].row(forId: 900_001), 2_001)
    XCTAssertNil(back["sales"].row(forId: 900_001))
  }

  func testARepeatedKeyIsStillRefusedOnOpen() throws {
    var db = generate(customers: 300, sales: 2_000, seed: 3, today: today)
    let s = Catalog.tableIndex("sales")!
    let key = db.tables[s].def.keyColumn
    db.tables[s].columns[key].set(6, db.tables[s].columns[key].value(4))
    let path = try write(db)
    XCTAssertThrowsError(try read(path)) { e in
      XCTAssertEqual(
        e as? StoreError,
        .corrupt(file: path, offset: 0, reason: "sales: key of row 7 repeats an earlier one"))
    }
  }

  func testACodeOutsideItsDictionaryIsRefused() throws {
    var db = generate(customers: 300, sales: 2_000, seed: 3, today: today)
    let area = db.tables[0].def.columnIndex("area")!
    db.tables[0].columns[area].int32s[250] = Int32(db.tables[0].columns[area].dictionary.names.count)
    let path = try write(db)
    XCTAssertThrowsError(try read(path)) { e in
      XCTAssertEqual(
        e as? StoreError,
        .corrupt(
          file: path, offset: SnapshotFile.headerSize,
          reason: "customers.area: code \(db.tables[0].columns[area].int32s[250]) outside its dictionary"))
    }
  }
}
