import Foundation
import KehuStore

/// `export all` and `import all`: every table as a CSV file plus `manifest.json`, a dump a
/// person or another program can read without kehu, and a restore of it into an empty store.
enum StoreDump {
  static let manifestName = "manifest.json"

  /// Every column of a table, every row, typed: what `export TABLE` writes.
  static func result(_ t: Table, codes: Database? = nil) -> ResultTable { build(t, codes) {} }

  /// The same, counting each row toward the command's progress (Ctrl-C stops it there).
  static func result(_ t: Table, codes: Database? = nil, counter: WorkCounter?) throws -> ResultTable {
    try build(t, codes) { try counter?.tick() }
  }

  /// `codes`: the store whose customer codes the table's code columns show.
  private static func build(_ t: Table, _ codes: Database?, _ each: () throws -> Void) rethrows -> ResultTable
  {
    var out = ResultTable(
      columns: t.def.columns.map { ResultColumn($0.name, $0.type) }, title: Message(verbatim: t.name))
    out.rows.reserveCapacity(t.count)
    for r in 0..<t.count {
      try each()
      out.rows.append((0..<t.def.columns.count).map { t.value(row: r, column: $0) })
    }
    // The file holds codes, not keys: a key means nothing outside this store.
    if let db = codes {
      let coded = t.def.columns.indices.filter { t.def.columns[$0].isCustomerCode }
      for r in out.rows.indices { for c in coded { out.rows[r][c] = db.codeText(out.rows[r][c]) } }
    }
    return out
  }

  /// Writes the dump into `dir` (created if missing); returns the rows written per table.
  static func write(_ db: Database, to dir: String, at time: Timestamp, counter: WorkCounter? = nil) throws
    -> [(String, Int)]
  {
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw ShellError(tr("cannot create the directory `{0}`", dir))
    }
    var entries: [String] = []
    var counts: [(String, Int)] = []
    for t in db.tables {
      let file = t.name + ".csv"
      try writeCSV(
        result(t, codes: db, counter: counter), to: dir + "/" + file, excel: false, counter: counter)
      let columns = t.def.columns.map {
        "{\"name\": \(jsonString($0.name)), \"type\": \(jsonString($0.type.rawValue))}"
      }
      entries.append(
        "    {\"table\": \(jsonString(t.name)), \"file\": \(jsonString(file)), \"rows\": \(t.count), "
          + "\"next_id\": \(t.def.generatesKeys ? String(t.nextId) : "null"),\n"
          + "     \"columns\": [" + columns.joined(separator: ", ") + "]}")
      counts.append((t.name, t.count))
    }
    // The manifest last: a directory with a manifest is a complete dump.
    let manifest =
      "{\n  \"format\": \"kehu dump\",\n  \"version\": 1,\n  \"store_format\": \(Catalog.formatVersion),\n"
      + "  \"written\": \(jsonString(isoTimestamp(time))),\n  \"tables\": [\n"
      + entries.joined(separator: ",\n") + "\n  ]\n}\n"
    try writeFile(Array(manifest.utf8), to: dir + "/" + manifestName)
    return counts
  }

  /// Reads the dump in `dir` into a new database, table by table in the catalog's order (so
  /// every row a reference names is there before it). The restore is not audited: the
  /// dump's own audit table comes back as it was.
  /// `shown` is the directory as the user wrote it, for messages.
  static func read(from dir: String, shown: String, counter: WorkCounter? = nil) throws -> Database {
    let path = shown + "/" + manifestName
    guard let data = FileManager.default.contents(atPath: dir + "/" + manifestName) else {
      throw ShellError(tr("no `{0}` in `{1}`: not a directory written by `export all`", manifestName, shown))
    }
    guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      json["format"] as? String == "kehu dump", let tables = json["tables"] as? [[String: Any]]
    else {
      throw ShellError(tr("`{0}` is not a kehu dump manifest", path))
    }
    var listed: [String: (file: String, rows: Int, nextId: Int64?)] = [:]
    for entry in tables {
      guard let name = entry["table"] as? String, let file = entry["file"] as? String,
        let rows = (entry["rows"] as? NSNumber)?.intValue
      else { throw ShellError(tr("`{0}`: a table entry lacks its table, file or rows", path)) }
      guard Catalog.tableIndex(name) != nil else {
        throw ShellError(tr("`{0}` lists a table `{1}` this kehu does not know", path, name))
      }
      listed[name] = (file, rows, (entry["next_id"] as? NSNumber)?.int64Value)
    }
    counter?.total = listed.values.reduce(0) { $0 + $1.rows }
    var db = Database()
    for def in Catalog.tables {
      // A table the dump does not list (an older kehu's dump) starts empty.
      guard let (file, rows, nextId) = listed[def.name] else { continue }
      guard let bytes = FileManager.default.contents(atPath: dir + "/" + file) else {
        throw ShellError(tr("cannot read `{0}`", shown + "/" + file))
      }
      do {
        let (text, _) = try TextDecoding.decode(Array(bytes), as: .utf8)
        let records = try parseCSV(text)
        let plan = try TableImport.plan(
          def, records, db: db, options: .init(update: false, defaults: false, checked: false),
          counter: counter)
        guard plan.inserted == rows else {
          throw ShellError(tr("{0} rows, but the manifest says {1}", plan.inserted, rows))
        }
        try TableImport.apply(plan, to: &db)
      } catch let e as ShellError {
        throw ShellError(file + ": " + e.message)
      }
      if let nextId { db.raiseNextId(def.name, to: nextId) }
    }
    return db
  }
}

/// The records of a CSV text, or a ShellError naming the line.
func parseCSV(_ text: String) throws(ShellError) -> [CSVRecord] {
  do {
    return try CSVReader.records(text)
  } catch {
    throw ShellError(tr("line {0}: {1}", error.line, error.message))
  }
}
