import KehuDomain
import KehuStore

/// Areas, route order (路序, §2.6 step 5) and the customer register (§2.6 step 4).
enum RouteCommands {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "area add", summary: tr("add a sales area (code, name, group, boundaries)"),
        arguments: [
          .positional("code", .text), .key("name", .text, required: true), .key("group", .int),
          .key("bounds", .text), .key("remarks", .text),
        ],
        example: "area add B name=\"城东\" group=2 bounds=\"东二环以东\"", section: "§2.6 step 5", writes: true,
        handler: areaAdd),
      CommandSpec(
        "area list", summary: tr("the areas by group, with their customers"), example: "area list",
        section: "§2.6 step 5", handler: areaList),
      CommandSpec(
        "route set", summary: tr("put a customer in an area at a route position"),
        arguments: [.positional("id", .customer), .key("area", .text), .key("seq", .int, required: true)],
        example: "route set 1001 area=华东 seq=4", section: "§2.6 step 5", writes: true, handler: routeSet),
      CommandSpec(
        "route plan", summary: tr("an area's customers in route order, with grade and id"),
        arguments: [.key("area", .text, required: true)], example: "route plan area=华南",
        section: "§2.6 step 5", handler: routePlan),
      CommandSpec(
        "route suggest", summary: tr("propose a route order: nearest neighbour + 2-opt, or address order"),
        arguments: [
          .key("area", .text, required: true), .key("apply", .bool, help: tr("store the proposed order")),
        ],
        example: "route suggest area=华南 apply", section: "§2.6 step 5", writes: true, handler: routeSuggest),
      CommandSpec(
        "register", summary: tr("the customer register; `by grade, industry` for the classification table"),
        arguments: [.positional("by", .text, required: false, rest: true)],
        example: "register by grade, industry", section: "§2.6 step 4", handler: register),
    ]
  }

  static func areaAdd(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let code = a.text("code")!
    if s.db["areas"].row(forNo: code) != nil {
      throw a.error(tr("area {0} already exists", code), at: "code")
    }
    var v: [String: Value] = ["code": .text(code), "name": .text(a.text("name")!)]
    if let g = a.int("group") { v["group"] = .int(g) }
    if let b = a.text("bounds") { v["bounds"] = .text(b) }
    if let r = a.text("remarks") { v["remarks"] = .text(r) }
    try s.change([.insert(table: "areas", values: v)])
    return .message(tr("area {0} {1} added", code, a.text("name")!))
  }

  static func areaList(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let t = Areas(s.db)
    let c = Customers(s.db)
    var counts: [String: Int] = [:]
    for r in c.rows { if let x = c.area[r] { counts[x, default: 0] += 1 } }
    var out = ResultTable(
      columns: [
        ResultColumn("group", .int), ResultColumn("code", .text), ResultColumn("name", .text),
        ResultColumn("bounds", .text), ResultColumn("customers", .int), ResultColumn("remarks", .text),
      ],
      title: tr("Areas by group (§2.6 step 5)"))
    let rows = t.rows.sorted {
      (t.group[$0] ?? Int64.max, t.code[$0]) < (t.group[$1] ?? Int64.max, t.code[$1])
    }
    for r in rows {
      out.rows.append([
        t.group.value(r), t.code.value(r), t.name.value(r), t.bounds.value(r),
        .int(Int64(counts[t.code[r]] ?? 0)), t.remarks.value(r),
      ])
    }
    return .table(out)
  }

  /// An area code must be one `area add` made, once any area exists.
  static func checkArea(_ s: Session, _ a: ParsedArguments, _ code: String) throws {
    let areas = s.db["areas"]
    if areas.count > 0 && areas.row(forNo: code) == nil {
      throw a.error(tr("no area {0}; add it with `area add`", code), at: "area")
    }
  }

  static func routeSet(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let (id, r) = try Analysis.customerRow(s, a)
    let seq = a.int("seq")!
    guard seq > 0 else { throw a.error(tr("`seq` must be a positive whole number"), at: "seq") }
    var v: [String: Value] = ["route_seq": .int(seq), "updated": .timestamp(s.now)]
    if let area = a.text("area") {
      try checkArea(s, a, area)
      v["area"] = .text(area)
    }
    try s.change([.update(table: "customers", key: .int(id), values: v)])
    let area = a.text("area") ?? Customers(s.db).area[r] ?? "—"
    return .message(tr("customer {0} is stop {1} in area {2}", id, seq, area))
  }

  static func members(_ s: Session, _ a: ParsedArguments) throws -> [Int] {
    let code = a.text("area")!
    let rows = RouteOrder.members(s.db, area: code)
    if rows.isEmpty && Areas(s.db).row(no: code) == nil && Customers(s.db).area.rows(equalTo: code).isEmpty {
      throw a.error(tr("no area {0}", code), at: "area")
    }
    return rows
  }

  static func routePlan(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = Customers(s.db)
    let rows = RouteOrder.stored(s.db, try members(s, a))
    var t = ResultTable(
      columns: ["seq", "grade", "id", "name", "address"].map {
        ResultColumn($0, $0 == "seq" || $0 == "id" ? .int : .text)
      },
      title: tr("Route order of area {0} (路序, §2.6 step 5)", a.text("area")!))
    for r in rows {
      t.rows.append([
        c.routeSeq.value(r), c.abcGrade.value(r), .int(Analysis.id(s, r)), .text(Analysis.name(s, r)),
        .text(address(c, r)),
      ])
    }
    t.notes = [tr("customers without a route position come last, by id")]
    return .table(t)
  }

  static func address(_ c: Customers, _ r: Int) -> String { RouteOrder.address(c, r) }

  static func routeSuggest(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = Customers(s.db)
    let plan = RouteOrder.suggest(s.db, try members(s, a))
    var notes: [String] = []
    if plan.nearestOnly {
      notes.append(
        tr("{0} customers with coordinates: over 10,000, so nearest neighbour only (no 2-opt)", plan.placed))
    }
    try s.checkInterrupted()
    if let before = plan.kmBefore, let after = plan.kmAfter {
      notes.append(
        tr(
          "nearest neighbour from the current first stop, improved by 2-opt; path {0} km (was {1} km)",
          String(Int(after.rounded())), String(Int(before.rounded()))))
    }
    if plan.unplaced > 0 {
      notes.append(tr("{0} customers without coordinates follow in address order", plan.unplaced))
    }
    var t = ResultTable(
      columns: [
        ResultColumn("seq", .int), ResultColumn("was", .int), ResultColumn("grade", .text),
        ResultColumn("id", .int),
        ResultColumn("name", .text), ResultColumn("address", .text),
      ],
      title: tr("Suggested route order of area {0} (路序, §2.6 step 5)", a.text("area")!))
    var changes: [Mutation] = []
    for (k, r) in plan.sequence.enumerated() {
      let seq = Int64(k + 1)
      t.rows.append([
        .int(seq), c.routeSeq.value(r), c.abcGrade.value(r), .int(Analysis.id(s, r)),
        .text(Analysis.name(s, r)), .text(address(c, r)),
      ])
      if c.routeSeq[r] != seq {
        changes.append(
          .update(table: "customers", key: .int(Analysis.id(s, r)), values: ["route_seq": .int(seq)]))
      }
    }
    if a.flag("apply") {
      if !changes.isEmpty { try s.change(changes) }
      notes.append(tr("stored: {0} route positions changed", changes.count))
    } else {
      notes.append(tr("nothing stored: add `apply` to store this order"))
    }
    t.notes = notes.map(Message.init(verbatim:))
    return .table(t)
  }

  // MARK: register

  static func register(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = Customers(s.db)
    let words = a.rest.joined(separator: " ").split(whereSeparator: { $0 == "," || $0 == " " }).map(
      String.init)
    if words.isEmpty {
      let rows = c.rows.filter { c.status[$0] != "ended" }.sorted {
        (c.created[$0]?.seconds ?? 0, Analysis.id(s, $0)) < (c.created[$1]?.seconds ?? 0, Analysis.id(s, $1))
      }
      var t = ResultTable(
        columns: [
          ResultColumn("no", .int), ResultColumn("id", .int), ResultColumn("name", .text),
          ResultColumn("grade", .text),
          ResultColumn("industry", .text), ResultColumn("area", .text), ResultColumn("owner", .text),
          ResultColumn("status", .text),
        ],
        title: tr("Customer register in development order (客户名册, §2.6 step 4)"))
      for (k, r) in rows.enumerated() {
        t.rows.append([
          .int(Int64(k + 1)), .int(Analysis.id(s, r)), .text(Analysis.name(s, r)), c.abcGrade.value(r),
          c.industry.value(r), c.area.value(r), c.owner.value(r), c.status.value(r),
        ])
      }
      t.notes = [tr("development order: when the customer was added, then id; ended customers are left out")]
      return .table(t)
    }
    guard words.first == "by", words.count == 3, Set(words.dropFirst()) == ["grade", "industry"] else {
      throw a.error(tr("`register` takes nothing, or `by grade, industry`"), at: "by")
    }
    var groups: [String: [Int]] = [:]
    for r in c.rows where c.status[r] != "ended" {
      let key = (c.abcGrade[r] ?? "—") + "\u{0}" + (c.industry[r] ?? "—")
      groups[key, default: []].append(r)
    }
    var t = ResultTable(
      columns: [
        ResultColumn("grade", .text), ResultColumn("industry", .text), ResultColumn("customers", .int),
        ResultColumn("members", .text),
      ],
      title: tr("Classification by grade and industry (客户等级分类表, §2.6 step 4)"))
    for key in groups.keys.sorted() {
      let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
      let ids = groups[key]!.map { String(Analysis.id(s, $0)) }
      t.rows.append([
        .text(parts[0]), .text(parts[1]), .int(Int64(ids.count)), .text(ids.joined(separator: " ")),
      ])
    }
    t.notes = [tr("grade is the stored ABC grade (`grade abc apply`); — means none")]
    return .table(t)
  }
}
