import XCTest

@testable import KehuQuery
@testable import KehuStore

/// `contains` over free text searched a batch of bytes at a time: matches across cell
/// edges and batch edges, multibyte text, nulls, empty cells, selections and cells the
/// store rewrote out of order all give what the row-at-a-time function gives.
final class TextKernelTests: XCTestCase {
  /// A free-text column whose buffer is given (possibly rewritten out of row order).
  struct BufferSource: RowSource {
    var buffer: TextBuffer
    var columns: [ResultColumn] { [ResultColumn("id", .int), ResultColumn("s", .text)] }
    var rowCount: Int { buffer.count }
    func value(row: Int, column: Int) -> Value {
      column == 0 ? .int(Int64(row)) : buffer.string(row).map(Value.text) ?? .null
    }
    func reader(column: Int) -> ColumnReader? { column == 1 ? .text(buffer) : nil }
  }

  struct Catalog: QueryCatalog {
    var source: any RowSource
    var tableNames: [String] { ["t"] }
    func columns(of table: String) -> [ResultColumn]? { source.columns }
    func rows(of table: String) -> RowSource? { source }
  }

  func cells(_ seed: UInt64, _ n: Int, plain: Bool = false) -> [String?] {
    var r = FastPathTests.Rand(state: seed)
    let parts = ["华", "东", "a", "b", "ab", "王芳", plain ? "ba" : "e\u{301}", "", "华东", "bc", "c"]
    return (0..<n).map { _ in
      if r.next(13) == 0 { return nil }
      return (0..<r.next(4)).map { _ in parts[r.next(parts.count)] }.joined()
    }
  }

  func rows(_ q: String, _ source: any RowSource, workers: Int = 1) throws -> [[Value]] {
    try lastTable(q, Catalog(source: source), workers: workers).rows
  }

  func testContainsAgreesWithRowByRowAcrossEdges() throws {
    let n = 2 * Batches.size + 301
    let texts = cells(5, n)
    var inOrder = TextBuffer()
    for s in texts { inOrder.append(s) }
    XCTAssertTrue(inOrder.isCompact)
    // The same text, some cells rewritten (their bytes moved to the end).
    var moved = inOrder
    for r in stride(from: 7, to: n, by: 997) { moved.set(r, texts[r]) }
    XCTAssertFalse(moved.isCompact)
    let plain = TableSource(
      columns: [ResultColumn("id", .int), ResultColumn("s", .text)],
      rows: texts.enumerated().map { [.int(Int64($0.offset)), $0.element.map(Value.text) ?? .null] })
    let qs = [
      "t | where contains(s, \"华\") | select id", "t | where contains(s, \"bc\") | select id",
      "t | where contains(s, \"ba\") | select id", "t | where contains(s, \"东华\") | count",
      "t | where contains(s, \"\") | count", "t | where contains(s, \"e\u{301}\") | select id",
      "t | where contains(s, \"王芳华东\") | select id", "t | where not contains(s, \"a\") | select id",
      "t | where contains(s, \"a\") or id < 5000 | where contains(s, \"b\") | select id",
      "t | where id > 9000 and id < 9100 | where contains(s, \"c\") | select id",
      "t | sort s, id | where contains(s, \"芳\") | select id",
    ]
    for q in qs {
      let expected = try lastTable(q, Catalog(source: plain)).rows
      for buf in [inOrder, moved] {
        for w in [1, 2] {
          XCTAssertEqual(try rows(q, BufferSource(buffer: buf), workers: w), expected, "\(q) workers \(w)")
        }
      }
    }
  }

  /// Text equality decides plainness once per batch when it can: batches of plain cells
  /// only, batches with one cell that needs the text comparison, out-of-order cells.
  func testTextEqualityAgreesWithRowByRowAcrossBatches() throws {
    let n = 3 * Batches.size + 17
    var texts = cells(9, n, plain: true)
    // One batch has a cell canonically equal to the constant but of other bytes.
    texts[Batches.size + 5] = "e\u{301}"
    texts[2 * Batches.size + 9] = "\u{E9}"
    var inOrder = TextBuffer()
    for s in texts { inOrder.append(s) }
    var moved = inOrder
    for r in stride(from: 3, to: n, by: 1201) { moved.set(r, texts[r]) }
    let plain = TableSource(
      columns: [ResultColumn("id", .int), ResultColumn("s", .text)],
      rows: texts.enumerated().map { [.int(Int64($0.offset)), $0.element.map(Value.text) ?? .null] })
    let qs = [
      "t | where s == \"华东\" | select id", "t | where s != \"ab\" | select id", "t | where s == \"\" | count",
      "t | where s == \"\u{E9}\" | select id", "t | where s == \"e\u{301}\" | select id",
      "t | where id > 100 | where s == \"王芳\" or s == \"c\" | select id",
      "t | sort s desc, id | where s == \"b\" | select id",
    ]
    for q in qs {
      let expected = try lastTable(q, Catalog(source: plain)).rows
      XCTAssertFalse(expected.isEmpty, q)
      for buf in [inOrder, moved] {
        for w in [1, 2] {
          XCTAssertEqual(try rows(q, BufferSource(buffer: buf), workers: w), expected, "\(q) workers \(w)")
        }
      }
    }
  }

  /// The store keeps whether every cell of a column is plain; when it is, equality is
  /// decided by bytes alone. A cell that is not plain, written by append or set, turns the
  /// mark off, and the text comparison then finds cells canonically equal to the constant.
  func testWholeColumnPlainnessIsKeptAndUsed() throws {
    let n = 2 * Batches.size + 40
    let texts = cells(11, n, plain: true)
    var buf = TextBuffer()
    for s in texts { buf.append(s) }
    XCTAssertTrue(buf.plain)
    let reread = TextBuffer(bytes: buf.bytes, starts: buf.starts, lengths: buf.lengths)
    XCTAssertTrue(reread.plain)
    let qs = [
      "t | where s == \"华东\" | select id", "t | where s != \"ab\" | select id", "t | where s == \"\" | count",
      "t | where id > 100 | where s == \"王芳\" or s == \"c\" | select id",
    ]
    func check(_ buf: TextBuffer, _ texts: [String?]) throws {
      let table = TableSource(
        columns: [ResultColumn("id", .int), ResultColumn("s", .text)],
        rows: texts.enumerated().map { [.int(Int64($0.offset)), $0.element.map(Value.text) ?? .null] })
      for q in qs + ["t | where s == \"K\" | select id", "t | where s == \"\u{E9}\" | select id"] {
        let expected = try lastTable(q, Catalog(source: table)).rows
        for w in [1, 2] {
          XCTAssertEqual(try rows(q, BufferSource(buffer: buf), workers: w), expected, "\(q) workers \(w)")
        }
      }
    }
    try check(buf, texts)
    var appended = buf
    var more = texts
    appended.append("\u{212A}")
    more.append("\u{212A}")
    XCTAssertFalse(appended.plain, "the Kelvin sign is not plain")
    XCTAssertEqual(
      try rows("t | where s == \"K\" | select id", BufferSource(buffer: appended)), [[.int(Int64(n))]])
    try check(appended, more)
    var changed = buf
    var edited = texts
    changed.set(Batches.size + 3, "e\u{301}")
    edited[Batches.size + 3] = "e\u{301}"
    XCTAssertFalse(changed.plain)
    XCTAssertEqual(
      try rows("t | where s == \"\u{E9}\" | select id", BufferSource(buffer: changed)),
      [[.int(Int64(Batches.size + 3))]])
    try check(changed, edited)
    let c = changed.compacted()
    XCTAssertFalse(
      TextBuffer(bytes: c.bytes, starts: c.starts, lengths: c.lengths).plain, "read back from disk")
  }

  func testContainsBlockMapsMatchesToTheirCells() {
    var buf = TextBuffer()
    for s in ["ab", "cd", nil, "", "xbcx", "b", "c", "华东", "东"] { buf.append(s) }
    func run(_ needle: String, _ sel: [Int]?) -> [Int64]? {
      let n = sel?.count ?? buf.count
      var out = [Int64](repeating: -1, count: n)
      var hits = [UInt8](repeating: 9, count: 16)
      let k = Array(needle.utf8)
      let ok = buf.bytes.withUnsafeBufferPointer { b in
        buf.starts.withUnsafeBufferPointer { s in
          buf.lengths.withUnsafeBufferPointer { l in
            k.withUnsafeBufferPointer { k in
              hits.withUnsafeMutableBufferPointer { h in
                out.withUnsafeMutableBufferPointer { o in
                  TextKernels.containsBlock(0..<n, Evaluator.Frame.Rows(list: sel, base: 0), b, s, l, k, h, o)
                }
              }
            }
          }
        }
      }
      return ok ? out : nil
    }
    XCTAssertEqual(run("bc", nil), [0, 0, 0, 0, 1, 0, 0, 0, 0], "no match across a cell's end")
    XCTAssertEqual(run("东", nil), [0, 0, 0, 0, 0, 0, 0, 1, 1])
    XCTAssertEqual(run("", nil), [1, 1, 0, 1, 1, 1, 1, 1, 1])
    XCTAssertEqual(run("c", [1, 4, 6]), [1, 1, 1])
    XCTAssertNil(run("c", [4, 1]), "rows out of order go cell by cell")
    XCTAssertNil(run("c", [0, 40]), "too sparse for the marks")
  }
}
