import KehuDomain
import KehuStore

@testable import KehuShell

// libFuzzer target: a file as `import TABLE` reads it: the text decoding (UTF-8 with or
// without its byte order mark, GB18030), the CSV reader, and the row checks and plan of one
// table against the demo firm's store, with and without `update=yes`. The first byte
// chooses the encoding given (none, utf-8, gb18030) and the table. A refusal is fine; a
// trap, hang or sanitizer report is a bug.
let demo: Database = (try? DemoFirm.database(today: Day(parsing: "2026-11-29")!)) ?? Database()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let encoding: TextEncoding? = [nil, .utf8, .gb18030][Int(data[0] & 3) % 3]
  let def = Catalog.tables[Int(data[0] >> 2) % Catalog.tables.count]
  guard let (text, _) = try? TextDecoding.decode(bytes, as: encoding), let records = try? parseCSV(text)
  else { return 0 }
  for update in [false, true] {
    let options = TableImport.Options(update: update, defaults: true)
    guard let plan = try? TableImport.plan(def, records, db: demo, options: options) else { continue }
    var db = demo
    try? TableImport.apply(plan, to: &db)
  }
  return 0
}
