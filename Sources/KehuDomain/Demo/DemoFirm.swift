import KehuStore

/// The demo firm that `kehu --demo` (and `scripts/run` with no store) opens on: a small
/// trading company, 宏达商贸有限公司, with 60 customers of both kinds in four areas, five
/// staff, twelve months of sales, invoices and payments (some late, some open), bills
/// receivable, visits and a few complaints. Deterministic: the same `today` always gives
/// the same firm, and every date is counted back from `today`.
public enum DemoFirm {
  public static let areas = ["华东", "华南", "华北", "西南"]
  public static let staff = ["李明", "王强", "张丽", "陈静", "刘洋"]

  static let products:
    [(code: String, name: String, category: String, unit: String, price: Int64, cost: Int64)] = [
      ("P01", "商用笔记本电脑", "电脑", "台", 6_800, 5_300),
      ("P02", "激光打印机", "办公设备", "台", 2_400, 1_750),
      ("P03", "复印纸A4", "耗材", "箱", 180, 132),
      ("P04", "投影仪", "办公设备", "台", 4_500, 3_480),
      ("P05", "办公桌椅套装", "家具", "套", 1_900, 1_310),
      ("P06", "网络交换机", "网络", "台", 3_200, 2_350),
      ("P07", "硒鼓", "耗材", "个", 420, 300),
      ("P08", "服务器", "电脑", "台", 28_000, 22_400),
    ]

  static let cities = ["上海", "杭州", "南京", "苏州", "广州", "深圳", "厦门", "北京", "天津", "济南", "成都", "重庆"]
  static let phoneCodes = [
    "021", "0571", "025", "0512", "020", "0755", "0592", "010", "022", "0531", "028", "023",
  ]
  static let cityArea = ["华东", "华东", "华东", "华东", "华南", "华南", "华南", "华北", "华北", "华北", "西南", "西南"]
  static let brands = [
    "华强", "宏远", "金盛", "天成", "鼎新", "瑞丰", "恒通", "嘉禾", "新纪元", "东方", "长江", "明辉", "佳和", "中联",
    "汇丰", "永信", "博雅", "顺达", "联创", "海川",
  ]
  static let trades = [("电子", "批发和零售业"), ("科技", "信息技术"), ("贸易", "批发和零售业"), ("实业", "制造业"), ("文化传媒", "文化")]
  static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
  static let givens = [
    "芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "志强", "晓燕", "建华", "丽华",
  ]
  static let femaleGivens: Set<String> = ["芳", "娜", "敏", "静", "艳", "娟", "秀英", "晓燕", "丽华"]
  static let streets = ["人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "新华路", "滨江大道"]
  static let occupations = ["教师", "工程师", "医生", "会计", "个体经营", "公务员", "设计师"]
  static let natures = [
    "ordinary", "ordinary", "partner", "ordinary", "special", "ordinary", "government", "ordinary",
  ]

  /// The whole firm as one batch of inserts, in dependency order.
  public static func mutations(today: Day) -> [Mutation] {
    var rng = SplitMix64(seed: 20_261_129)
    var out: [Mutation] = []
    let created = Timestamp(day: today.adding(months: -13), hour: 9)

    for p in products {
      out.append(
        .insert(
          table: "products",
          values: [
            "code": .text(p.code), "name": .text(p.name), "category": .text(p.category),
            "unit": .text(p.unit), "price": .money(Money(fen: p.price * 100)),
            "cost": .money(Money(fen: p.cost * 100)),
          ]))
    }

    // 40 companies then 20 individuals; ids from 1001.
    var customers: [(id: Int64, weight: Int, company: Bool, owner: String, terms: Int)] = []
    for i in 0..<60 {
      let id = Int64(1001 + i)
      let company = i < 40
      let cityIndex = i % cities.count
      let owner = staff[i % staff.count]
      var v: [String: Value] = [
        "id": .int(id), "owner": .text(owner), "area": .text(cityArea[cityIndex]),
        "route_seq": .int(Int64(i / 4 + 1)), "created": .timestamp(created), "updated": .timestamp(created),
      ]
      // A Pareto-like spread: a few large customers, many small ones.
      let weight = i < 4 ? 60 - i * 8 : (i < 12 ? 14 - i / 2 : 2 + rng.int(3))
      let street = streets[rng.int(streets.count)]
      let address = "\(cities[cityIndex])市\(street)\(10 + rng.int(490))号"
      if company {
        let brand = brands[i % brands.count]
        let trade = trades[(i / brands.count + i) % trades.count]
        let name = "\(cities[cityIndex])\(brand)\(trade.0)有限公司"
        v["kind"] = .text("company")
        v["name"] = .text(name)
        v["org_name"] = .text(name)
        v["business_address"] = .text(address)
        v["enterprise_nature"] = .text(["私营企业", "有限责任公司", "股份有限公司", "国有企业"][i % 4])
        v["business_scope"] = .text(trade.1)
        v["industry"] = .text(trade.1)
        v["phone"] = .text("\(phoneCodes[cityIndex])-\(8000_0000 + rng.int(9_999_999))")
        v["scale"] = .text(weight > 20 ? "large" : (weight > 8 ? "medium" : "small"))
        v["daily_sales"] = .money(Money(fen: Int64(weight) * 1_200_000 + Int64(rng.int(500_000))))
        v["operating_status"] = .text(i == 37 ? "declining" : "normal")
        v["nature"] = .text(natures[i % natures.count])
        let seventeen =
          "91" + String(310_000 + cityIndex * 10_000 + i).padded(6) + "MA" + String(1000 + i * 37).padded(4)
          + "X" + "0" + String(i % 10)
        if let code = KehuDomainCodes.creditCode(seventeen) { v["credit_code"] = .text(code) }
        // The figures the credit-limit methods use (§3.3), in yuan scaled by size.
        let size = Int64(weight)
        v["purchases"] = .money(Money(fen: size * 2_000_000_00 / 10))
        v["supply_share"] = .percent(Dec(mantissa: Int128(15 + rng.int(30)), scale: 2))
        v["working_capital"] = .money(Money(fen: size * 90_000_000))
        v["current_assets"] = .money(Money(fen: size * 250_000_000))
        v["current_liabilities"] = .money(Money(fen: size * Int64(90 + rng.int(120)) * 1_000_000))
        v["assets"] = .money(Money(fen: size * 600_000_000))
        v["liabilities"] = .money(Money(fen: size * Int64(200 + rng.int(300)) * 1_000_000))
        v["suppliers"] = .int(Int64(3 + rng.int(6)))
        v["credit_class"] = .text(weight > 20 ? "A" : (weight > 8 ? "B" : "C"))
        v["credit_limit"] = .money(Money(fen: size * 5_000_000))
        v["limit_method"] = .text("sales")
        v["limit_date"] = .date(today.adding(months: -6))
      } else {
        let name = "\(surnames[i % surnames.count])\(givens[(i * 7) % givens.count])"
        v["kind"] = .text("individual")
        v["name"] = .text(name)
        v["gender"] = .text(femaleGivens.contains(givens[(i * 7) % givens.count]) ? "F" : "M")
        v["address"] = .text(address)
        v["education"] = .text(["本科", "大专", "硕士", "高中"][i % 4])
        v["age"] = .int(Int64(25 + rng.int(35)))
        v["interests"] = .text(["摄影", "旅游", "阅读", "运动", "音乐"][i % 5])
        v["occupation"] = .text(occupations[i % occupations.count])
        v["income"] = .money(Money(fen: Int64(6_000 + rng.int(20_000)) * 100))
        v["nature"] = .text("individual")
        v["phone"] = .text("13\(800_000_000 + rng.int(99_999_999))")
      }
      v["tier"] = .text(weight > 20 ? "major" : (weight > 6 ? "general" : "scattered"))
      v["tenure"] = .text(i < 30 ? "old" : (i < 52 ? "new" : "potential"))
      let prospect = i >= 56
      v["status"] = .text(prospect ? "prospect" : "trading")
      v["stage"] = .text(prospect ? "upcoming" : "current")
      if prospect {
        v["prospect_grade"] = .text(["A", "B", "C", "D"][i - 56])
        v["source"] = .text(["trade-fair", "referral", "directory", "bank"][i - 56])
      } else {
        v["source"] = .text(["referral", "trade-fair", "directory", "research", "government"][i % 5])
      }
      out.append(.insert(table: "customers", values: v))
      if !prospect {
        customers.append((id, weight, company, owner, company ? (i % 3 == 0 ? 60 : 30) : 0))
      }
    }

    // Twelve months of sales; a company is invoiced monthly, an individual pays at once.
    var saleId: Int64 = 1
    var paymentId: Int64 = 1
    var invoiceNo = 1
    let firstMonth = today.adding(months: -12)
    for month in 0..<12 {
      let monthStart = Day(
        year: firstMonth.adding(months: month).year, month: firstMonth.adding(months: month).month, day: 1)!
      for c in customers {
        let orders = c.company ? 1 + rng.int(2) : (rng.int(3) == 0 ? 1 : 0)
        var monthTotal: Int64 = 0
        var lastDate = monthStart
        for _ in 0..<orders {
          let p = products[c.company ? rng.int(products.count) : [0, 2, 4, 6][rng.int(4)]]
          let qty = Int64(max(1, c.weight / (c.company ? 2 : 8) + rng.int(3)))
          let date = monthStart.adding(days: rng.int(27))
          if date > today { continue }
          let amount = qty * p.price * 100
          out.append(
            .insert(
              table: "sales",
              values: [
                "id": .int(saleId), "customer": .int(c.id), "date": .date(date), "product": .text(p.code),
                "quantity": .int(qty), "amount": .money(Money(fen: amount)),
                "cost": .money(Money(fen: qty * p.cost * 100)),
              ]))
          saleId += 1
          monthTotal += amount
          lastDate = max(lastDate, date)
          if !c.company {
            out.append(
              .insert(
                table: "payments",
                values: [
                  "id": .int(paymentId), "customer": .int(c.id), "date": .date(date),
                  "amount": .money(Money(fen: amount)),
                  "method": .text(["cash", "card", "transfer"][rng.int(3)]),
                ]))
            paymentId += 1
          }
        }
        guard c.company, monthTotal > 0 else { continue }
        let no = "INV-\(String(invoiceNo).padded(5))"
        invoiceNo += 1
        let due = lastDate.adding(days: c.terms)
        out.append(
          .insert(
            table: "invoices",
            values: [
              "no": .text(no), "customer": .int(c.id), "date": .date(lastDate), "due": .date(due),
              "amount": .money(Money(fen: monthTotal)), "terms": .text(c.terms == 60 ? "n/60" : "2/10 n/30"),
            ]))
        // How this customer pays: most on time, a few late, a few leave invoices open.
        let habit = Int(c.id % 10)
        let lateness = habit < 6 ? -rng.int(5) : (habit < 9 ? 10 + rng.int(50) : 60 + rng.int(60))
        let payDay = due.adding(days: lateness)
        if payDay > today { continue }
        var paid = monthTotal
        if habit == 9 && rng.int(2) == 0 { paid = monthTotal / 2 }
        out.append(
          .insert(
            table: "payments",
            values: [
              "id": .int(paymentId), "invoice": .text(no), "customer": .int(c.id), "date": .date(payDay),
              "amount": .money(Money(fen: paid)), "method": .text(habit % 2 == 0 ? "transfer" : "bill"),
            ]))
        paymentId += 1
      }
    }

    // Bills receivable in every status.
    let noteStatus = ["held", "held", "discounted", "settled", "dishonoured", "held"]
    for (k, c) in customers.filter({ $0.company }).prefix(6).enumerated() {
      let issued = today.adding(days: -20 - k * 25)
      let matures = issued.adding(days: 90)
      let no = "BN-\(String(k + 1).padded(3))"
      let face = Money(fen: Int64(c.weight) * 1_000_000)
      var v: [String: Value] = [
        "no": .text(no), "customer": .int(c.id), "amount": .money(face), "issued": .date(issued),
        "matures": .date(matures), "status": .text(noteStatus[k]),
      ]
      if noteStatus[k] == "settled" || noteStatus[k] == "dishonoured" { v["closed"] = .date(matures) }
      if noteStatus[k] == "discounted", let d = discountedAtBank(face, issued.adding(days: 10), matures) {
        for (key, value) in d { v[key] = value }
      }
      out.append(.insert(table: "notes", values: v))
      // A dishonoured note given for no invoice is owed again as the invoice that reopens it.
      if noteStatus[k] == "dishonoured" {
        out.append(
          .insert(
            table: "invoices",
            values: [
              "no": .text(DocumentNumbers.reopening(note: no)), "customer": .int(c.id), "date": .date(issued),
              "due": .date(matures),
              "amount": .money(face), "note": .text(no),
            ]))
      }
    }

    // Visits over the last three months.
    var visitId: Int64 = 1
    for c in customers where c.weight > 6 {
      for m in 0..<3 {
        let date = today.adding(days: -(m * 30 + 3 + rng.int(20)))
        out.append(
          .insert(
            table: "visits",
            values: [
              "id": .int(visitId), "customer": .int(c.id), "date": .date(date), "owner": .text(c.owner),
              "kind": .text(m == 1 ? "call" : "visit"),
              "purpose": .text(["回访", "新品介绍", "收款", "需求调研"][rng.int(4)]),
            ]))
        visitId += 1
      }
    }

    // A few complaints, one of each type.
    let complaints: [(Int, String, String)] = [
      (0, "quality", "两台笔记本电脑开机黑屏"), (2, "transport", "送货延误五天"),
      (5, "contract", "发票金额与合同不符"), (9, "service", "售后电话无人接听"),
    ]
    for (k, (ci, type, text)) in complaints.enumerated() {
      out.append(
        .insert(
          table: "complaints",
          values: [
            "id": .int(Int64(k + 1)), "customer": .int(customers[ci].id),
            "date": .date(today.adding(days: -5 - k * 17)),
            "type": .text(type), "description": .text(text), "stage": .text(k < 2 ? "received" : "resolved"),
            "owner": .text(customers[ci].owner),
          ]))
    }
    out += archiveMutations(today: today)
    out += receivables(today: today, after: out)
    out += creditMutations(today: today, customers: out)
    out += complaintTimelines(
      today: today, parties: complaints.map { (customers[$0.0].id, customers[$0.0].owner) })
    out += analysisMutations(today: today)
    // The firm's calendar: 国庆节 of the current year, skipped by working-day deadlines.
    let year = today.year
    if let from = Day(year: year, month: 10, day: 1), let to = Day(year: year, month: 10, day: 7) {
      out.append(
        .insert(
          table: "holidays",
          values: ["id": .int(1), "from": .date(from), "to": .date(to), "name": .text("国庆节")]))
    }
    return out
  }

  /// The firm as a database state.
  public static func database(today: Day) throws -> Database {
    var db = Database()
    try db.apply(mutations(today: today))
    return db
  }
}

enum KehuDomainCodes {
  static func creditCode(_ first17: String) -> String? {
    UnifiedSocialCreditCode.withCheck(String(first17.prefix(17)))
  }
}

extension SplitMix64 {
  /// A number in 0..<n.
  mutating func int(_ n: Int) -> Int { Int(truncatingIfNeeded: next() % UInt64(n)) }
}

extension String {
  func padded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
