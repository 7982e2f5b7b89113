import KehuDomain
import KehuStore

/// The archive commands of §2.1 and §2.4: customer cards, finding, listing, ending and
/// purging, and each customer's change history.
enum CustomerCommands {
  static let table = Catalog.customers

  /// Fields a user may write with `customer add` / `customer set`.
  static func settable(_ c: ColumnDef) -> Bool {
    !c.derived && !["id", "kind", "status", "created", "updated"].contains(c.name)
  }

  static var fieldArgs: [ArgSpec] {
    table.columns.filter(settable).map {
      var arg = ArgSpec.key($0.name, .text)
      arg.shown = ArgKind.of($0)
      return arg
    }
  }

  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "customer add",
        summary: tr("add a customer (individual or company card) and print its id"),
        arguments: [
          .positional("kind", .choice(["individual", "company"])),
          .key(
            "id", .customer,
            help: tr("the firm's customer code (HD-001, 1001); the next number when left out")),
          .key("status", .choice(["prospect", "trading"])),
        ] + fieldArgs,
        example: "customer add company name=\"华强电子有限公司\" phone=0755-83210000 area=SZ owner=李明",
        section: "§2.1, §2.4", writes: true, handler: add),
      CommandSpec(
        "customer set", summary: tr("change fields of a customer's card"),
        arguments: [.positional("id", .customer)] + fieldArgs,
        example: "customer set 1001 phone=010-66668888 tier=major", section: "§1, §2.4 rule 3",
        writes: true, handler: set),
      CommandSpec(
        "customer show", summary: tr("show a customer's archive card"),
        arguments: [.positional("id", .customer)], example: "customer show 1001",
        section: "§2.1", handler: show),
      CommandSpec(
        "customer find", summary: tr("find customers by name, phone or address"),
        arguments: [.positional("text", .text, rest: true)], example: "customer find 华强",
        handler: find),
      CommandSpec(
        "customer list", summary: tr("the trading customer list (交易往来客户一览表)"),
        arguments: [.key("all", .bool, help: tr("every customer, ended ones included"))],
        example: "customer list --all", section: "§2.4 rule 1", handler: list),
      CommandSpec(
        "customer end", summary: tr("end trading with a customer; its records are kept"),
        arguments: [.positional("id", .customer), .key("reason", .text, required: true)],
        example: "customer end 1001 reason=\"dissolved\"", section: "§2.4 rule 4", writes: true,
        handler: end),
      CommandSpec(
        "customer purge", summary: tr("delete a customer for good (refused while it owes money)"),
        arguments: [.positional("id", .customer), .key("confirm", .choice(["yes"]), required: true)],
        example: "customer purge 1041 confirm=yes", writes: true, handler: purge),
      CommandSpec(
        "history", summary: tr("a customer's change history (audit)"),
        arguments: [.positional("id", .customer)], example: "history 1001", section: "§1 dynamic management",
        handler: history),
    ]
  }

  // MARK: handlers

  static func add(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let kind = a.text("kind")!
    var cells = try cellsOf(a, skipping: ["kind", "id", "status"])
    cells["kind"] = .text(kind)
    cells["status"] = .text(a.text("status") ?? "trading")
    if let code = a.text("id") {
      if let why = CustomerCode.problem(code) {
        throw a.error(tr("`{0}` is not a customer id: {1}", code, tr(why)), at: "id")
      }
      if let key = s.db.customerKey(code), s.db.customers.row(forId: key) != nil {
        throw a.error(tr("customer {0} already exists", code), at: "id")
      }
      cells["id"] = CustomerCode.numericKey(code).map { .int($0) } ?? .text(code)
    }
    guard case .text(let name)? = cells["name"], !name.isEmpty else {
      throw ShellError(
        tr("a customer needs `name=`"), hint: tr("usage: {0}", "customer add \(kind) name=\"…\" …"))
    }
    try checkCreditCode(cells, a)
    cells["created"] = .timestamp(s.now)
    cells["updated"] = .timestamp(s.now)
    let keys = try s.change([.insert(table: "customers", values: cells)])
    return .record(
      tr("added customer {0} {1}", keys[0].plainText, name),
      fields: [MessageField("id", keys[0]), MessageField("name", .text(name))])
  }

  static func set(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try customerId(s, a)
    var cells = try cellsOf(a, skipping: ["id"])
    guard !cells.isEmpty else {
      throw a.error(tr("`customer set` needs at least one field=value"), at: "id")
    }
    if case .text(let n)? = cells["name"], n.isEmpty {
      throw a.error(tr("`name` cannot be empty"), at: "name")
    }
    try checkCreditCode(cells, a)
    cells["updated"] = .timestamp(s.now)
    try s.change([.update(table: "customers", key: .int(id), values: cells)])
    return .message(tr("updated customer {0}", s.db.customerCode(id)))
  }

  static func show(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try customerId(s, a)
    return .table(CustomerCard.card(db: s.db, id: id))
  }

  static func find(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let needle = a.text("text") ?? ""
    let t = Customers(s.db)
    let searched = [t.phone, t.address, t.businessAddress, t.orgName]
    let rows = t.rows.filter { r in
      t.name[r].contains(needle) || searched.contains { $0[r]?.contains(needle) == true }
    }
    return .table(listing(t, rows, title: tr("customers matching “{0}”", needle)))
  }

  static func list(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = Customers(s.db)
    let all = a.flag("all")
    let rows = t.rows.filter { all || t.status[$0] == "trading" }
    return .table(
      listing(
        t, rows,
        title: all ? tr("All customers") : tr("Trading customer list (交易往来客户一览表)")))
  }

  static func end(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try customerId(s, a)
    let t = Customers(s.db)
    let row = t.row(id)!
    if t.status[row] == "ended" {
      throw a.error(tr("customer {0} has already ended trading", s.db.customerCode(id)), at: "id")
    }
    let old = t.remarks[row]
    let reason = a.text("reason") ?? ""
    let remark = tr("ended {0}: {1}", s.today.description, reason)
    try s.change([
      .update(
        table: "customers", key: .int(id),
        values: [
          "status": .text("ended"), "updated": .timestamp(s.now),
          "remarks": .text(old.map { $0 + "; " + remark } ?? remark),
        ])
    ])
    return .message(
      tr("customer {0} has ended trading; its records are kept (§2.4 rule 4)", s.db.customerCode(id)))
  }

  static func purge(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try customerId(s, a)
    let open = CustomerActivity.openInvoices(s.db, customer: id)
    if open > 0 {
      throw a.error(
        tr(
          "customer {0} has open invoices ({1}); settle them before purging", s.db.customerCode(id),
          open),
        at: "id")
    }
    // Its own rows in every table go with it, so no row is left pointing at nothing.
    var batch: [Mutation] = []
    for table in s.db.tables where table.name != "customers" && table.name != "audit" {
      guard let c = table.def.customerColumn else { continue }
      let keys = (0..<table.count).filter { !table.columns[c].isNull($0) && table.columns[c].int($0) == id }
        .map { table.value(row: $0, column: table.def.keyColumn) }
      if !keys.isEmpty { batch.append(.delete(table: table.name, keys: keys)) }
    }
    batch.append(.delete(table: "customers", keys: [.int(id)]))
    let code = s.db.customerCode(id)
    try s.change(batch)
    return .message(tr("customer {0} purged", code))
  }

  /// The customer's own changes, and changes to its rows in other tables (invoices,
  /// payments, credit records…) while those rows still exist.
  static func history(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let id = try customerId(s, a, mustExist: false)
    let audit = AuditRows(s.db)
    let shown: [(String, any CellValues)] = [
      ("time", audit.time), ("actor", audit.actor), ("table", audit.tableName), ("row", audit.row),
      ("field", audit.field), ("old", audit.old), ("new", audit.new),
    ]
    var t = ResultTable(
      columns: shown.map { ResultColumn($0.0, $0.0 == "time" ? .timestamp : .text) },
      title: tr("Change history of customer {0}", s.db.customerCode(id)))
    let key = s.db.customerCode(id)
    var owner: [String: (Table, Int)] = [:]
    for r in audit.rows {
      let (table, row) = (audit.tableName[r], audit.row[r])
      var belongs = table == "customers" && row == key
      if !belongs, table != "customers", let other = s.db.table(table),
        let c = owner[table]?.1 ?? other.def.customerColumn
      {
        owner[table] = (other, c)
        let k: Value = other.def.key.type == .int ? Int64(row).map { .int($0) } ?? .text(row) : .text(row)
        if let rr = other.row(forKey: k), !other.columns[c].isNull(rr) {
          belongs = other.columns[c].int(rr) == id
        }
      }
      if belongs { t.rows.append(shown.map { $0.1.value(r) }) }
    }
    return .table(t)
  }

  // MARK: helpers

  static func cellsOf(_ a: ParsedArguments, skipping: Set<String>) throws -> [String: Value] {
    var cells: [String: Value] = [:]
    for (name, value) in a.values where !skipping.contains(name) {
      guard let column = table.column(named: name)?.def, let text = value.textValue else {
        continue
      }
      do {
        let v = try FieldValues.parse(text, for: column)
        try FieldValues.check(v, table: table.name, column: name)
        cells[name] = v
      } catch {
        throw a.error(error.message, at: name)
      }
    }
    return cells
  }

  static func checkCreditCode(_ cells: [String: Value], _ a: ParsedArguments) throws {
    if case .text(let code)? = cells["credit_code"], let problem = UnifiedSocialCreditCode.problem(code) {
      throw a.error(tr(problem), at: "credit_code")
    }
  }

  /// The customer id argument, checked to exist.
  static func customerId(_ s: Session, _ a: ParsedArguments, mustExist: Bool = true) throws -> Int64 {
    try a.customerKey("id", in: s.db, mustExist: mustExist)
  }

  static func listing(_ t: Customers, _ rows: [Int], title: Message) -> ResultTable {
    let shown: [(String, any CellValues)] = [
      ("id", t.id), ("name", t.name), ("kind", t.kind), ("area", t.area), ("owner", t.owner),
      ("tier", t.tier), ("status", t.status), ("phone", t.phone),
    ]
    var out = ResultTable(columns: shown.map { ResultColumn($0.0, $0.1.column.type) }, title: title)
    out.rows = rows.map { r in shown.map { $0.1.value(r) } }
    return out
  }
}
