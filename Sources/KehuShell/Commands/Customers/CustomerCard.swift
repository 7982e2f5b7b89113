import KehuDomain
import KehuStore

/// The customer archive cards of §2.1, laid out in the chapter's order: the individual
/// or household card and the company card, with what the store knows of purchases and
/// payments filled in from sales and payments.
enum CustomerCard {
  /// Where a line of the card takes its value: a field of the card, or what the customer's
  /// sales and payments say.
  enum Item: Sendable {
    case field(@Sendable (Customers) -> any CellValues)
    case goods, lastSale, paymentMethod, lastPayment
  }
  typealias Line = (label: String, zh: String, item: Item)

  static let individual: [Line] = [
    ("Name", "姓名", .field { $0.name }), ("Gender", "性别", .field { $0.gender }),
    ("Address", "住址", .field { $0.address }), ("Education", "学历", .field { $0.education }),
    ("Age", "年龄", .field { $0.age }), ("Interests", "兴趣爱好", .field { $0.interests }),
    ("Occupation", "职业", .field { $0.occupation }), ("Average income", "平均收入", .field { $0.income }),
    ("Goods bought", "购买商品", .goods), ("Purchase date", "购买日期", .lastSale),
    ("Payment method", "付款方式", .paymentMethod), ("Remarks", "备注", .field { $0.remarks }),
  ]
  static let company: [Line] = [
    ("Organisation name", "机构名称", .field { $0.name }),
    ("Business address", "营业地址", .field { $0.businessAddress }),
    ("Nature of enterprise", "企业性质", .field { $0.enterpriseNature }),
    ("Business scope", "经营范围", .field { $0.businessScope }), ("Phone", "电话", .field { $0.phone }),
    ("Business scale", "经营规模", .field { $0.scale }), ("Daily sales", "日销售额", .field { $0.dailySales }),
    ("Goods ordered", "订购商品", .goods), ("Transaction date", "交易日期", .lastSale),
    ("Payment method", "付款方式", .paymentMethod), ("Collection date", "收款日期", .lastPayment),
    ("Operating status", "经营状况", .field { $0.operatingStatus }),
    ("Credit grade", "信用等级", .field { $0.creditClass }),
    ("Credit code", "统一社会信用代码", .field { $0.creditCode }), ("Remarks", "备注", .field { $0.remarks }),
  ]
  /// Management fields shown under every card.
  static let management: [Line] = [
    ("Customer id", "客户编号", .field { $0.id }), ("Status", "状态", .field { $0.status }),
    ("Nature", "性质", .field { $0.nature }), ("Stage", "交易过程", .field { $0.stage }),
    ("Tenure", "时间序列", .field { $0.tenure }), ("Tier", "市场地位", .field { $0.tier }),
    ("Industry", "行业", .field { $0.industry }), ("Responsible person", "专人负责", .field { $0.owner }),
    ("Area", "区域", .field { $0.area }), ("Credit limit", "信用限度", .field { $0.creditLimit }),
  ]

  static func card(db: Database, id: Int64) -> ResultTable {
    let t = Customers(db)
    let row = t.row(id)!
    let kind = t.kind[row]
    let layout = kind == "company" ? company : individual
    var out = ResultTable(
      columns: [ResultColumn(tr("field"), .text), ResultColumn(tr("value"), .text)],
      title: kind == "company"
        ? tr("Company customer card (公司类顾客档案卡)")
        : tr("Individual customer card (消费者个人或家庭档案卡)"))
    let bought = CustomerActivity.purchases(db, customer: id)
    for (label, zh, item) in layout + management {
      let value: Value
      switch item {
      case .field(let cells): value = db.codeText(cells(t).value(row))
      case .goods:
        value = bought.goods.isEmpty ? .null : .text(bought.goods.prefix(5).joined(separator: ", "))
      case .lastSale: value = bought.lastSale.map { .date($0) } ?? .null
      case .paymentMethod: value = bought.paymentMethod.map { .text($0) } ?? .null
      case .lastPayment: value = bought.lastPayment.map { .date($0) } ?? .null
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
}
