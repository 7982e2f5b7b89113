/// The four checklists of §3.1 (调查时应注意的事项), each sign with a short id for
/// `credit investigate … signs=F12,P1` and `help signs`.
public enum WarningSignList: String, Sendable, CaseIterable {
  case operatorSigns = "O"
  case inside = "I"
  case funds = "F"
  case payment = "P"

  public var chinese: String {
    switch self {
    case .operatorSigns: return "经营者"
    case .inside: return "企业内状况"
    case .funds: return "资金状况"
    case .payment: return "支付情况"
    }
  }

  public var english: String {
    switch self {
    case .operatorSigns: return "the operator"
    case .inside: return "the company's inside"
    case .funds: return "funds"
    case .payment: return "payment"
    }
  }
}

public struct WarningSign: Sendable, Equatable {
  public var id: String
  public var list: WarningSignList
  public var chinese: String
  public var english: String

  /// The signs recorded without anyone typing them (issue 7): a dishonoured note, and a
  /// payment more than 30 days late or a broken promise to pay.
  public static var dishonouredNote: WarningSign { named("P9")! }
  public static var missedPayment: WarningSign { named("P1")! }
  /// Days late after which a payment records `missedPayment` by itself.
  public static let latePaymentDays = 30

  public static func named(_ id: String) -> WarningSign? {
    let key = id.uppercased()
    return all.first { $0.id == key }
  }

  public static let all: [WarningSign] = {
    let table: [(WarningSignList, [(String, String)])] = [
      (
        .operatorSigns,
        [
          ("家庭和店铺气氛冷淡、灰暗", "cold or gloomy atmosphere at home or in the shop"),
          ("夫妇关系紧张", "tense marriage"),
          ("所作所为有悖于本公司的理念", "conduct against our company's principles"),
          ("有赌博、酗酒等不良嗜好", "gambling, heavy drinking"),
          ("对工作放任自流", "neglects the business"),
          ("三心二意", "half-hearted"),
          ("没有明确的经营方针", "no clear business policy"),
          ("经营者之间争权夺利", "power struggles among the owners"),
          ("高高在上，只管发号施令", "aloof and only gives orders"),
          ("颠三倒四，朝令夕改", "erratic, changes orders every day"),
          ("行踪飘忽不定", "whereabouts unknown"),
          ("经常窃窃私语，神秘兮兮", "secretive"),
        ]
      ),
      (
        .inside,
        [
          ("职工不团结", "staff not united"),
          ("职工不能令行禁止", "orders not carried out"),
          ("职工不能按时、按质完成工作", "work not done on time or to quality"),
          ("职工流动率居高不下", "high staff turnover"),
          ("职工纪律松懈", "lax discipline"),
          ("职工向企业外部人员倾诉牢骚", "staff complain to outsiders"),
          ("办公场地杂乱无章", "messy premises"),
          ("职工整天与报纸和茶水为伍", "idle staff"),
          ("职工化公为私", "staff embezzle"),
          ("职工违反规定低价出售，中饱私囊", "staff sell below price and pocket the difference"),
          ("库存量急剧增减", "inventory rises or falls sharply"),
          ("与主要客户的关系不稳固", "ties with main customers unstable"),
          ("领导不在时职工兴高采烈", "staff cheerful when the boss is away"),
        ]
      ),
      (
        .funds,
        [
          ("手持现金不足，提前收回货款", "short of cash, collects receivables early"),
          ("持票据贴现", "discounts bills"),
          ("延期支付债务", "delays paying debts"),
          ("出现预收款融资票据和借入性融通票据", "issues accommodation or borrowing bills"),
          ("为筹资而低价抛售", "dumps goods at low prices to raise cash"),
          ("提前回收赊销款", "calls in credit sales early"),
          ("开始利用高息贷款", "starts using high-interest loans"),
          ("开始躲债", "starts avoiding creditors"),
          ("与业务银行关系紧张", "tense relations with its bank"),
          ("经营者经常奔走于各类金融机构", "the owner keeps visiting lenders"),
          ("听说其他债权者无法索回货款", "other creditors reportedly cannot collect"),
          ("其票据被银行拒付", "its bills are dishonoured"),
          ("银行账户被冻结", "its bank account is frozen"),
        ]
      ),
      (
        .payment,
        [
          ("不能如约付款", "misses agreed payments"),
          ("推迟现金支付日", "postpones cash payment dates"),
          ("推迟签发票据", "postpones issuing bills"),
          ("要求票据延期", "asks to extend bills"),
          ("托辞本公司的付款通知书未到", "claims our payment notice never arrived"),
          ("开始进行小额融资", "starts borrowing small sums"),
          ("对催付货款搪塞应付", "evades collection calls"),
          ("小额货款都不能支付", "cannot pay even small amounts"),
          ("票据被银行拒付", "bills dishonoured"),
          ("要求延长全部票据的支付期限", "asks to extend all bills"),
        ]
      ),
    ]
    return table.flatMap { list, signs in
      signs.enumerated().map { i, s in
        WarningSign(id: "\(list.rawValue)\(i + 1)", list: list, chinese: s.0, english: s.1)
      }
    }
  }()
}
