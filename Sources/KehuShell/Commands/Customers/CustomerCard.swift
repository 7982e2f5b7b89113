import KehuStore

/// The customer archive cards of §2.1, laid out in the chapter's order: the individual
/// or household card and the company card, with what the store knows of purchases and
/// payments filled in from sales and payments.
enum CustomerCard {
  /// (label, Chinese label, column or a derived item)
  static let individual: [(String, String, String)] = [
    ("Name", "姓名", "name"), ("Gender", "性别", "gender"), ("Address", "住址", "address"),
    ("Education", "学历", "education"), ("Age", "年龄", "age"),
    ("Interests", "兴趣爱好", "interests"), ("Occupation", "职业", "occupation"),
    ("Average income", "平均收入", "income"), ("Goods bought", "购买商品", "@goods"),
    ("Purchase date", "购买日期", "@last_sale"), ("Payment method", "付款方式", "@payment_method"),
    ("Remarks", "备注", "remarks"),
  ]
  static let company: [(String, String, String)] = [
    ("Organisation name", "机构名称", "name"), ("Business address", "营业地址", "business_address"),
    ("Nature of enterprise", "企业性质", "enterprise_nature"),
    ("Business scope", "经营范围", "business_scope"), ("Phone", "电话", "phone"),
    ("Business scale", "经营规模", "scale"), ("Daily sales", "日销售额", "daily_sales"),
    ("Goods ordered", "订购商品", "@goods"), ("Transaction date", "交易日期", "@last_sale"),
    ("Payment method", "付款方式", "@payment_method"), ("Collection date", "收款日期", "@last_payment"),
    ("Operating status", "经营状况", "operating_status"), ("Credit grade", "信用等级", "credit_class"),
    ("Credit code", "统一社会信用代码", "credit_code"), ("Remarks", "备注", "remarks"),
  ]
  /// Management fields shown under every card.
  static let management: [(String, String, String)] = [
    ("Customer id", "客户编号", "id"), ("Status", "状态", "status"), ("Nature", "性质", "nature"),
    ("Stage", "交易过程", "stage"), ("Tenure", "时间序列", "tenure"), ("Tier", "市场地位", "tier"),
    ("Industry", "行业", "industry"), ("Responsible person", "专人负责", "owner"),
    ("Area", "区域", "area"), ("Credit limit", "信用限度", "credit_limit"),
  ]

  static func card(db: Database, id: Int64) -> ResultTable {
    let t = db.customers
    let row = t.row(forId: id)!
    let kind = Customers(db).kind[row]
    let layout = kind == "company" ? company : individual
    var out = ResultTable(
      columns: [ResultColumn(tr("field"), .text), ResultColumn(tr("value"), .text)],
      title: kind == "company"
        ? tr("Company customer card (公司类顾客档案卡)")
        : tr("Individual customer card (消费者个人或家庭档案卡)"))
    let derived = purchases(db: db, id: id)
    for (label, zh, field) in layout + management {
      let value: Value
      if field.hasPrefix("@") {
        value = derived[field] ?? .null
      } else if let c = t.def.columnIndex(field) {
        value = db.codeText(t.value(row: row, column: c))
      } else {
        value = .null
      }
      out.rows.append([.text(bilingual(zh, "\(tr(label)) \(zh)")), .text(display(value))])
    }
    return out
  }

  static func display(_ v: Value) -> String {
    switch v {
    case .money(let m): return m.formatted
    case .percent(let d): return Value.percentText(d)
    default: return v.plainText
    }
  }

  /// Goods bought, the last sale and the last payment, read from the customer's rows.
  static func purchases(db: Database, id: Int64) -> [String: Value] {
    var out: [String: Value] = [:]
    let sales = Sales(db)
    let catalogue = Products(db)
    let productName = { (code: String) -> String in
      catalogue.row(no: code).flatMap { catalogue.name[$0] } ?? code
    }
    var products: [String] = []
    var last: Day? = nil
    for r in sales.customer.rows(equalTo: id) {
      if let p = sales.product[r].map(productName), !products.contains(p) { products.append(p) }
      let d = sales.date[r]
      if last == nil || d > last! { last = d }
    }
    if !products.isEmpty { out["@goods"] = .text(products.prefix(5).joined(separator: ", ")) }
    if let last { out["@last_sale"] = .date(last) }
    let pay = Payments(db)
    var lastPay: (Day, String?)? = nil
    for r in pay.customer.rows(equalTo: id) {
      let d = pay.date[r]
      if lastPay == nil || d >= lastPay!.0 { lastPay = (d, pay.method[r]) }
    }
    if let lastPay {
      out["@last_payment"] = .date(lastPay.0)
      if let m = lastPay.1 { out["@payment_method"] = .text(m) }
    }
    return out
  }
}
