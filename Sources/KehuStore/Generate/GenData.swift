/// Word lists and table makers for the generator.
enum GenData {
  static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
  ).map(String.init)
  static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红文斌宇浩凯亮晨欣怡佳琳雪梅林峰海波宁丹倩阳飞").map(String.init)
  static let cities = [
    "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "重庆", "天津", "西安", "长沙", "宁波", "青岛", "厦门", "郑州",
    "济南", "合肥", "福州",
  ]
  static let districts = ["东城区", "西城区", "南山区", "高新区", "新城区", "开发区", "滨江区", "江北区", "中山区", "城关区"]
  static let roads = ["人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "黄河路", "新华路", "朝阳路", "文化路", "胜利路", "友谊路"]
  static let brands = [
    "华联", "恒信", "金盛", "宏达", "永丰", "鑫源", "瑞祥", "东方", "隆昌", "佳美", "新世纪", "天和", "广源", "汇通", "德润", "安泰", "万达",
    "富康", "盛世", "百佳",
  ]
  static let trades = ["商贸", "贸易", "电器", "食品", "建材", "五金", "医药", "服装", "电子", "物流", "家具", "日化"]
  static let industries = ["零售", "批发", "制造", "餐饮", "建筑", "医疗", "教育", "物流", "电子商务", "酒店"]
  static let interests = ["旅游", "阅读", "摄影", "钓鱼", "书法", "健身", "烹饪", "音乐", "园艺", "围棋"]
  static let occupations = ["教师", "医生", "工程师", "公务员", "会计", "个体户", "销售", "律师", "设计师", "退休"]
  static let educations = ["初中", "高中", "大专", "本科", "硕士", "博士"]
  static let natures = ["国有企业", "民营企业", "外资企业", "合资企业", "集体企业", "个体工商户"]
  static let scales = ["大型", "中型", "小型", "微型"]
  static let areas = (1...20).map { "A" + ($0 < 10 ? "0" : "") + String($0) }
  static let owners: [String] = (0..<200).map { i in
    surnames[i % surnames.count] + given[(i * 7) % given.count] + given[(i * 13 + 5) % given.count]
  }
  static let limitMethods = ["sales", "capital", "worth", "share", "rating"]

  static func customers(_ n: Int, _ rng: inout SplitMix64, today: Day) -> Table {
    var f = TableFiller("customers")
    f.reserve(n)
    let c = { (name: String) in f.col(name) }
    let (id, kind, name, status) = (c("id"), c("kind"), c("name"), c("status"))
    let (gender, address, education, age, interestsC, occupation, income) = (
      c("gender"), c("address"), c("education"), c("age"), c("interests"), c("occupation"), c("income")
    )
    let (org, baddr, enat, scope, phone, scale, daily, opstat, ucode) = (
      c("org_name"), c("business_address"), c("enterprise_nature"), c("business_scope"), c("phone"),
      c("scale"), c("daily_sales"), c("operating_status"), c("credit_code")
    )
    let (nature, stage, tenure, tier, industry, owner, area, route) = (
      c("nature"), c("stage"), c("tenure"), c("tier"), c("industry"), c("owner"), c("area"), c("route_seq")
    )
    let (pg, abc, cc, limit, lm, ld) = (
      c("prospect_grade"), c("abc_grade"), c("credit_class"), c("credit_limit"), c("limit_method"),
      c("limit_date")
    )
    let (purch, share, wc, ca, cl, assets, liab, supp) = (
      c("purchases"), c("supply_share"), c("working_capital"), c("current_assets"),
      c("current_liabilities"), c("assets"), c("liabilities"), c("suppliers")
    )
    let (source, remarks, created, updated) = (c("source"), c("remarks"), c("created"), c("updated"))
    var routeSeq = [Int64](repeating: 0, count: areas.count)
    for i in 0..<n {
      let company = rng.chance(60)
      let city = rng.pick(cities)
      let addr = city + "市" + rng.pick(districts) + rng.pick(roads) + String(rng.range(1, 999)) + "号"
      f.int(id, Int64(i + 1))
      f.coded(kind, company ? "company" : "individual")
      let st = rng.below(100)
      f.coded(status, st < 75 ? "trading" : st < 85 ? "prospect" : st < 93 ? "pending" : "ended")
      if company {
        let nm = city + rng.pick(brands) + rng.pick(trades) + "有限公司"
        f.text(name, nm)
        f.text(org, nm)
        f.text(baddr, addr)
        f.coded(enat, rng.pick(natures))
        f.text(scope, rng.pick(trades) + "、" + rng.pick(trades) + "的销售")
        f.text(phone, "0\(rng.range(10, 999))-\(rng.range(10_000_000, 89_999_999))")
        f.coded(scale, rng.pick(scales))
        f.money(daily, Int64(rng.range(5_000, 5_000_000)) * 100)
        f.coded(opstat, rng.chance(92) ? "正常" : "困难")
        f.text(
          ucode,
          "91" + String(rng.range(110_000, 659_999)) + "MA" + String(rng.range(1_000_000, 9_999_999)) + "X")
        let cur = Int64(rng.range(100_000, 90_000_000)) * 100
        let curL = cur * Int64(rng.range(30, 120)) / 100
        f.money(ca, cur)
        f.money(cl, curL)
        f.money(wc, cur - curL)
        let a = cur * Int64(rng.range(150, 400)) / 100
        f.money(assets, a)
        f.money(liab, a * Int64(rng.range(20, 90)) / 100)
        f.int(supp, Int64(rng.range(1, 12)))
        f.money(purch, Int64(rng.range(100_000, 50_000_000)) * 100)
        f.percent(share, Dec(mantissa: Int128(rng.range(5, 80)), scale: 2))
      } else {
        f.text(name, rng.pick(surnames) + rng.pick(given) + (rng.chance(70) ? rng.pick(given) : ""))
        f.coded(gender, rng.chance(50) ? "男" : "女")
        f.text(address, addr)
        f.coded(education, rng.pick(educations))
        f.int(age, Int64(rng.range(22, 75)))
        f.text(interestsC, rng.pick(interests) + "、" + rng.pick(interests))
        f.coded(occupation, rng.pick(occupations))
        f.money(income, Int64(rng.range(3_000, 60_000)) * 100)
      }
      // The classifications of §1, in the words `Catalog.classifications` fixes.
      f.coded(
        nature,
        company ? rng.pick(["ordinary", "ordinary", "partner", "special", "government"]) : "individual")
      f.coded(stage, rng.pick(["past", "current", "current", "upcoming"]))
      f.coded(tenure, rng.pick(["old", "new", "potential"]))
      f.coded(tier, rng.pick(["major", "general", "general", "scattered", "scattered", "scattered"]))
      f.coded(industry, rng.pick(industries))
      f.coded(owner, rng.pick(owners))
      let ai = rng.below(areas.count)
      f.coded(area, areas[ai])
      routeSeq[ai] += 1
      f.int(route, routeSeq[ai])
      f.coded(pg, rng.pick(["A", "B", "C", "D"]))
      f.coded(abc, rng.pick(["A", "B", "B", "C", "C", "C"]))
      f.coded(cc, rng.pick(["A", "B", "B", "C"]))
      if company || rng.chance(30) {
        f.money(limit, Int64(rng.range(10, 5_000)) * 100_000)
        f.coded(lm, rng.pick(limitMethods))
        f.day(ld, today.adding(days: -rng.range(0, 700)))
      }
      f.coded(source, rng.pick(["trade-fair", "referral", "directory", "research", "other"]))
      if rng.chance(5) { f.text(remarks, "重点跟进：" + rng.pick(interests)) }
      let made = Timestamp(day: today.adding(days: -rng.range(30, 1500)), hour: rng.range(8, 18))
      f.int(created, made.seconds)
      f.int(updated, made.seconds + Int64(rng.range(0, 86_400 * 20)))
      f.finishRow()
    }
    return f.finish()
  }

  static func products(_ rng: inout SplitMix64) -> (table: Table, codes: [String], prices: [Int64]) {
    var f = TableFiller("products")
    var codes: [String] = []
    var prices: [Int64] = []
    let names = ["冰箱", "洗衣机", "空调", "电视", "微波炉", "热水器", "电饭煲", "吸尘器", "净水器", "油烟机"]
    for i in 0..<50 {
      let code = "P" + String(1000 + i)
      let price = Int64(rng.range(50, 8_000)) * 100
      codes.append(code)
      prices.append(price)
      f.text(f.col("code"), code)
      f.text(f.col("name"), names[i % names.count] + "-" + String(i / names.count + 1) + "型")
      f.coded(f.col("category"), i % 2 == 0 ? "大家电" : "小家电")
      f.coded(f.col("unit"), "台")
      f.money(f.col("price"), price)
      f.money(f.col("cost"), price * 70 / 100)
      f.finishRow()
    }
    return (f.finish(), codes, prices)
  }
}

extension TableFiller {
  /// Null-fills the columns this row left out, keeping every column the same length.
  mutating func finishRow() {
    let n = table.columns[0].count
    for c in 1..<table.columns.count where table.columns[c].count < n {
      table.columns[c].append(.null)
    }
  }
}
