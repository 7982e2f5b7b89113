import KehuStore

/// The demo firm's analysis data: areas with boundaries, map positions for route
/// ordering, stored ABC grades, visits by senior staff, sales targets and stock counts.
extension DemoFirm {
  static let cityPositions: [(lat: Int64, lon: Int64)] = [
    (312_304, 1_214_737), (302_741, 1_201_551), (320_603, 1_187_969), (312_989, 1_205_853),
    (231_291, 1_132_644), (225_431, 1_140_579), (244_798, 1_180_894), (399_042, 1_164_074),
    (391_252, 1_171_903), (366_512, 1_171_201), (306_598, 1_040_633), (295_630, 1_065_516),
  ]

  static func analysisMutations(today: Day) -> [Mutation] {
    var out: [Mutation] = []
    let areaRows: [(String, String, Int64, String)] = [
      ("华东", "华东区", 1, "上海、杭州、南京、苏州"), ("华南", "华南区", 1, "广州、深圳、厦门"),
      ("华北", "华北区", 2, "北京、天津、济南"), ("西南", "西南区", 2, "成都、重庆"),
    ]
    for (code, name, group, bounds) in areaRows {
      out.append(
        .insert(
          table: "areas",
          values: ["code": .text(code), "name": .text(name), "group": .int(group), "bounds": .text(bounds)]))
    }
    // Positions: the city centre plus a few kilometres, the same every time. The last
    // twelve customers have none, to show address order.
    for i in 0..<48 {
      let (lat, lon) = cityPositions[i % cityPositions.count]
      let dLat = Int64((i * 37) % 400) - 200
      let dLon = Int64((i * 53) % 400) - 200
      out.append(
        .update(
          table: "customers", key: .int(Int64(1001 + i)),
          values: [
            "latitude": .decimal(Dec(mantissa: Int128(lat + dLat), scale: 4)),
            "longitude": .decimal(Dec(mantissa: Int128(lon + dLon), scale: 4)),
          ]))
    }
    // Grades as last stored (from before this month's sales); `grade abc` shows what changes.
    for i in 0..<56 {
      let grade = i < 4 ? "A" : (i < 12 ? "B" : "C")
      out.append(.update(table: "customers", key: .int(Int64(1001 + i)), values: ["abc_grade": .text(grade)]))
    }
    // Senior staff calls on the largest customers.
    let senior: [(Int64, String, String, Int)] = [
      (1001, "manager", "visit", 20), (1001, "leader", "call", 12), (1001, "gm", "visit", 100),
      (1002, "leader", "visit", 9), (1002, "chief", "visit", 40), (1003, "deputy", "visit", 150),
      (1005, "leader", "call", 6),
    ]
    for (id, role, kind, ago) in senior {
      out.append(
        .insert(
          table: "visits",
          values: [
            "customer": .int(id), "date": .date(today.adding(days: -ago)),
            "owner": .text(staff[Int(id - 1001) % 5]),
            "kind": .text(kind), "role": .text(role), "purpose": .text("高层拜访"),
          ]))
    }
    // Targets for last month and this one for the ten largest customers.
    let thisMonth = Day(year: today.year, month: today.month, day: 1)!
    for (k, month) in [thisMonth.adding(months: -1), thisMonth].enumerated() {
      for i in 0..<10 {
        let yuan: Int64 = [
          600_000, 450_000, 350_000, 250_000, 120_000, 110_000, 100_000, 90_000, 80_000, 70_000,
        ][i]
        out.append(
          .insert(
            table: "targets",
            values: [
              "customer": .int(Int64(1001 + i)), "month": .text(String(month.description.prefix(7))),
              "amount": .money(Money(fen: (yuan + Int64(k) * 20_000) * 100)),
            ]))
      }
    }
    // Stock counts on the first of each of the last twelve months.
    for m in 0..<12 {
      let day = thisMonth.adding(months: -m)
      for (k, p) in products.enumerated() {
        out.append(
          .insert(
            table: "stock_counts",
            values: [
              "product": .text(p.code), "date": .date(day),
              "quantity": .int(Int64(20 + (k * 7 + m * 3) % 30)),
            ]))
      }
    }
    return out
  }
}
