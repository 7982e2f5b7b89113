/// The generator's receivables (invoices, payments, notes, collections) and contact
/// history (visits, complaints).
extension GenData {
  static func pad(_ n: Int, _ w: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, w - s.count)) + s
  }

  static func skewedCustomer(_ n: Int, _ rng: inout SplitMix64) -> Int64 {
    let u = rng.next() >> 32
    return min(Int64((UInt64(n) * ((u * u) >> 32)) >> 32) + 1, Int64(n))
  }

  static func receivables(
    _ db: inout Database, customers n: Int, invoices k: Int, _ rng: inout SplitMix64, today: Day, start: Day
  ) {
    guard n > 0 else { return }
    let span = Int(today.number - start.number)
    var inv = TableFiller("invoices")
    var pay = TableFiller("payments")
    var col = TableFiller("collections")
    inv.reserve(k)
    pay.reserve(k)
    let methods = ["讲理法", "恻隐术法", "疲劳战法", "激将法", "软硬术法"]
    for i in 0..<k {
      let no = "INV" + pad(i + 1, 8)
      let cust = skewedCustomer(n, &rng)
      let date = start.adding(days: rng.below(span + 1))
      let days = rng.pick([30, 60, 90])
      let due = date.adding(days: days)
      let amount = Int64(rng.range(1_000, 500_000)) * 100
      inv.text(inv.col("no"), no)
      inv.int(inv.col("customer"), cust)
      inv.day(inv.col("date"), date)
      inv.day(inv.col("due"), due)
      inv.money(inv.col("amount"), amount)
      inv.coded(inv.col("terms"), rng.chance(30) ? "2/10 net \(days)" : "net \(days)")
      inv.money(inv.col("paid"), 0)
      inv.money(inv.col("balance"), amount)
      inv.finishRow()
      let roll = rng.below(100)
      var paid: Int64 = 0
      var paidOn: Day?
      if due < today {
        if roll < 75 {
          paid = amount
        } else if roll < 87 {
          paid = amount * Int64(rng.range(20, 80)) / 100
        }
        // Some pay before the due date, some up to six weeks late.
        let d = due.adding(days: rng.range(-20, 45))
        paidOn = d > today ? today : (d < date ? date : d)
      } else if roll < 30 {
        paid = amount
        paidOn = date.adding(days: rng.below(Int(today.number - date.number) + 1))
      }
      if paid > 0, let on = paidOn {
        pay.int(pay.col("id"), Int64(pay.table.count + 1))
        pay.text(pay.col("invoice"), no)
        pay.int(pay.col("customer"), cust)
        pay.day(pay.col("date"), on)
        pay.money(pay.col("amount"), paid)
        pay.coded(pay.col("method"), rng.pick(["转账", "承兑汇票", "现金", "支票"]))
        pay.finishRow()
      }
      if due < today && paid < amount && rng.chance(50) {
        col.int(col.col("id"), Int64(col.table.count + 1))
        col.int(col.col("customer"), cust)
        col.text(col.col("invoice"), no)
        let d = due.adding(days: rng.range(1, 30))
        col.day(col.col("date"), d > today ? today : d)
        col.coded(col.col("step"), rng.pick(["提醒", "电话催收", "上门催收", "律师函"]))
        col.coded(col.col("method"), rng.pick(methods))
        col.coded(col.col("owner"), rng.pick(owners))
        col.finishRow()
      }
    }
    db.tables[Catalog.tableIndex("invoices")!] = inv.finish()
    db.tables[Catalog.tableIndex("payments")!] = pay.finish()
    db.tables[Catalog.tableIndex("collections")!] = col.finish()

    var notes = TableFiller("notes")
    for i in 0..<max(1, n / 20) {
      let issued = start.adding(days: rng.below(span + 1))
      let matures = issued.adding(days: rng.pick([90, 180]))
      notes.text(notes.col("no"), "PJ" + pad(i + 1, 8))
      notes.int(notes.col("customer"), skewedCustomer(n, &rng))
      notes.money(notes.col("amount"), Int64(rng.range(10, 2_000)) * 100_000)
      notes.day(notes.col("issued"), issued)
      notes.day(notes.col("matures"), matures)
      let status =
        matures < today
        ? (rng.chance(90) ? "settled" : "dishonoured") : (rng.chance(70) ? "held" : "discounted")
      notes.coded(notes.col("status"), status)
      notes.finishRow()
    }
    db.tables[Catalog.tableIndex("notes")!] = notes.finish()
  }

  static func activity(
    _ db: inout Database, customers n: Int, _ rng: inout SplitMix64, today: Day, start: Day, time: Timestamp
  ) {
    guard n > 0 else { return }
    let span = Int(today.number - start.number)
    var v = TableFiller("visits")
    for i in 0..<(n / 5) {
      v.int(v.col("id"), Int64(i + 1))
      v.int(v.col("customer"), skewedCustomer(n, &rng))
      v.day(v.col("date"), start.adding(days: rng.below(span + 1)))
      v.coded(v.col("owner"), rng.pick(owners))
      v.coded(v.col("kind"), rng.chance(60) ? "visit" : "call")
      v.text(v.col("purpose"), rng.pick(["新品介绍", "回访", "催收", "签约", "送货"]))
      v.text(v.col("result"), rng.pick(["有意向", "已下单", "暂无需求", "约定再访"]))
      v.finishRow()
    }
    db.tables[Catalog.tableIndex("visits")!] = v.finish()

    var c = TableFiller("complaints")
    for i in 0..<max(1, n / 100) {
      let d = start.adding(days: rng.below(span + 1))
      c.int(c.col("id"), Int64(i + 1))
      c.int(c.col("customer"), skewedCustomer(n, &rng))
      c.day(c.col("date"), d)
      c.coded(c.col("type"), rng.pick(ComplaintType.names))
      c.text(c.col("description"), rng.pick(["货物破损", "延迟交货", "发票错误", "服务态度差", "质量不合格"]))
      let closed = rng.chance(80)
      c.coded(c.col("stage"), closed ? "结案" : rng.pick(["受理", "调查", "处理"]))
      c.coded(c.col("owner"), rng.pick(owners))
      if closed {
        c.text(c.col("resolution"), rng.pick(["更换商品", "赔偿", "道歉", "退货"]))
        c.money(c.col("compensation"), rng.chance(30) ? Int64(rng.range(1, 500)) * 10_000 : nil)
        let cd = d.adding(days: rng.range(1, 30))
        c.day(c.col("closed"), cd > today ? today : cd)
      }
      c.finishRow()
    }
    db.tables[Catalog.tableIndex("complaints")!] = c.finish()
  }
}
