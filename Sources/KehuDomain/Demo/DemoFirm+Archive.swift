import KehuStore

extension DemoFirm {
  /// The archive process of §2.4 in the demo firm: the competitors the sales staff have
  /// surveyed, development tasks on the four prospects (one late, one done late), and trade
  /// start forms — one fully approved, one waiting for the chairman.
  public static func archiveMutations(today: Day) -> [Mutation] {
    var out: [Mutation] = []
    let competitors: [(String, String, String, String, Int64?, Int)] = [
      ("金达办公设备有限公司", "价格低，账期长达90天", "售后响应慢，备件常缺货", "华东", 1001, 60),
      ("金达办公设备有限公司", "价格低", "只做耗材和打印机", "华东", 1005, 45),
      ("远航科技有限公司", "品牌知名度高，有自己的维修网点", "价格高，起订量大", "华南", 1006, 40),
      ("金达办公设备有限公司", "与客户老板是同乡", "不开增值税专用发票", "华南", 1057, 12),
      ("百利文具有限公司", "耗材品种全，次日达", "不做电脑和网络设备", "华北", 1008, 30),
      ("蓉城办公服务部", "本地仓库，送货快", "资金实力弱，不能赊销", "西南", 1011, 20),
      ("百利文具有限公司", "网上下单方便", "大客户没有专人服务", "华东", nil, 8),
    ]
    for (k, c) in competitors.enumerated() {
      var v: [String: Value] = [
        "id": .int(Int64(k + 1)), "name": .text(c.0), "strengths": .text(c.1), "weaknesses": .text(c.2),
        "area": .text(c.3), "recorded": .date(today.adding(days: -c.5)),
        "recorded_by": .text(staff[k % staff.count]),
      ]
      if let id = c.4 { v["customer"] = .int(id) }
      out.append(.insert(table: "competitors", values: v))
    }

    // (customer, staff, assigned days ago, due in days (negative: past), done days ago, note, result)
    let tasks: [(Int64, String, Int, Int, Int?, String, String?)] = [
      (1057, "刘洋", 45, -25, 20, "展会后电话跟进，寄样品", "已报价，客户要求再降3%"),
      (1057, "李明", 20, 5, nil, "上门介绍新品，了解采购流程", nil),
      (1058, "王强", 30, -10, nil, "电话回访，约见财务负责人", nil),
      (1059, "张丽", 40, -15, 16, "收集基本情况，填写潜在客户基本情况表", "已约见采购经理"),
      (1060, "陈静", 10, 20, nil, "经银行介绍，先电话联系", nil),
    ]
    for (k, t) in tasks.enumerated() {
      var v: [String: Value] = [
        "id": .int(Int64(k + 1)), "customer": .int(t.0), "staff": .text(t.1),
        "assigned": .date(today.adding(days: -t.2)), "due": .date(today.adding(days: t.3)),
        "note": .text(t.5),
        "assigned_by": .text("王强"),
      ]
      if let d = t.4 { v["done"] = .date(today.adding(days: -d)) }
      if let r = t.6 { v["result"] = .text(r) }
      out.append(.insert(table: "develop_tasks", values: v))
    }

    // 1050 came in through the full workflow a while ago; 1058 waits for the chairman.
    out.append(
      .insert(
        table: "trade_starts",
        values: [
          "id": .int(1), "customer": .int(1050), "filed": .date(today.adding(days: -200)),
          "filed_by": .text("张丽"),
          "direction": .text("sell"), "expected": .money(Money(fen: 30_000_000)), "stage": .text("approved"),
          "unit_head": .text("周经理"), "unit_head_date": .date(today.adding(days: -198)),
          "chairman": .text("赵董事长"), "chairman_date": .date(today.adding(days: -195)),
        ]))
    out.append(
      .insert(
        table: "trade_starts",
        values: [
          "id": .int(2), "customer": .int(1058), "filed": .date(today.adding(days: -6)),
          "filed_by": .text("王强"),
          "direction": .text("sell"), "expected": .money(Money(fen: 12_000_000)),
          "note": .text("转介绍客户，首单预计两万元"), "stage": .text("chairman"),
          "unit_head": .text("周经理"), "unit_head_date": .date(today.adding(days: -3)),
        ]))
    out.append(.update(table: "customers", key: .int(1058), values: ["status": .text("pending")]))
    return out
  }
}
