import KehuStore

/// A money figure of the customer card that the limit methods of §3.3 read; the raw value is
/// the card's field, the name a user is told to store or give.
public enum CardFigure: String, Sendable, CaseIterable {
  case purchases
  case workingCapital = "working_capital"
  case currentAssets = "current_assets"
  case currentLiabilities = "current_liabilities"
  case assets, liabilities
}

/// The customer card as the credit rules read it (§3.1 report, §3.3 limits): its limit, the
/// particulars the written report lists, and the financial figures the limit methods take.
public struct CreditCard: Sendable, Equatable {
  public var id: Int64
  public var name: String
  // The particulars of the report's first section (§3.1), as stored.
  public var kind: String
  public var status: String
  public var creditCode: String?
  public var businessAddress: String?
  public var phone: String?
  public var enterpriseNature: String?
  public var industry: String?
  public var scale: String?
  public var operatingStatus: String?
  public var area: String?
  public var owner: String?
  public var creditClass: String?
  // The limit in force and how it was set.
  public var creditLimit: Money?
  public var limitMethod: String?
  public var limitDate: Day?
  // The figures of the five limit methods.
  public var purchases: Money?
  /// Our share of the customer's purchases, as a fraction.
  public var supplyShare: Dec?
  public var workingCapital: Money?
  public var currentAssets: Money?
  public var currentLiabilities: Money?
  public var assets: Money?
  public var liabilities: Money?
  public var suppliers: Int64?
  // The further figures of the Altman Z-score.
  public var retainedEarnings: Money?
  public var ebit: Money?
  public var equityValue: Money?
  public var annualSales: Money?

  /// Customer `customer`'s card; nil when there is no such customer.
  public init?(_ db: Database, customer: Int64) {
    let c = CustomerCreditCards(db)
    guard let r = c.row(id: customer) else { return nil }
    id = customer
    name = c.name[r]
    kind = c.kind[r]
    status = c.status[r]
    creditCode = c.creditCode[r]
    businessAddress = c.businessAddress[r]
    phone = c.phone[r]
    enterpriseNature = c.enterpriseNature[r]
    industry = c.industry[r]
    scale = c.scale[r]
    operatingStatus = c.operatingStatus[r]
    area = c.area[r]
    owner = c.owner[r]
    creditClass = c.creditClass[r]
    creditLimit = c.creditLimit[r]
    limitMethod = c.limitMethod[r]
    limitDate = c.limitDate[r]
    purchases = c.purchases[r]
    supplyShare = c.supplyShare[r]
    workingCapital = c.workingCapital[r]
    currentAssets = c.currentAssets[r]
    currentLiabilities = c.currentLiabilities[r]
    assets = c.assets[r]
    liabilities = c.liabilities[r]
    suppliers = c.suppliers[r]
    retainedEarnings = c.retainedEarnings[r]
    ebit = c.ebit[r]
    equityValue = c.equityValue[r]
    annualSales = c.annualSales[r]
  }

  public func figure(_ f: CardFigure) -> Money? {
    switch f {
    case .purchases: return purchases
    case .workingCapital: return workingCapital
    case .currentAssets: return currentAssets
    case .currentLiabilities: return currentLiabilities
    case .assets: return assets
    case .liabilities: return liabilities
    }
  }

  /// The Altman figures, when the card holds every one of them.
  public var altman: AltmanFigures? {
    guard let workingCapital, let retainedEarnings, let ebit, let equityValue, let annualSales, let assets,
      let liabilities
    else { return nil }
    return AltmanFigures(
      workingCapital: workingCapital, retainedEarnings: retainedEarnings, ebit: ebit,
      marketValueOfEquity: equityValue, sales: annualSales, totalAssets: assets, totalLiabilities: liabilities
    )
  }

  /// The latest scorecard of §3.3 (5) recorded for `customer`: its day and each factor scored.
  public static func latestScores(_ db: Database, customer: Int64) -> (
    date: Day, scores: [JudgementFactor: Int]
  )? {
    let t = CreditScores(db)
    guard let r = t.rows.last(where: { t.customer[$0] == customer }) else { return nil }
    var s: [JudgementFactor: Int] = [:]
    for f in JudgementFactor.allCases { if let v = t.score(f)[r] { s[f] = Int(v) } }
    return (t.date[r], s)
  }
}

extension CreditScores {
  /// The column that holds factor `f`'s score.
  public func score(_ f: JudgementFactor) -> Cells<Int64> {
    switch f {
    case .profitability: return profitability
    case .safety: return safety
    case .liquidity: return liquidity
    case .salesAbility: return sales
    case .purchasingRecord: return purchasing
    case .staffQuality: return staff
    }
  }
}

extension LimitFigures {
  /// Every figure the five methods can take from the card, the latest scorecard and the
  /// credit policy: the comparison of §3.3 on what is stored.
  public init(card: CreditCard?, scores: [JudgementFactor: Int]?, policy: CreditPolicySettings) {
    self.init()
    purchases = card?.purchases
    share = card?.supplyShare
    period = policy.period
    unit = policy.unit
    year = policy.year
    workingCapital = card?.workingCapital
    suppliers = card?.suppliers.map { Int($0) }
    currentAssets = card?.currentAssets
    currentLiabilities = card?.currentLiabilities
    standard = policy.standard
    usual = policy.usual
    cap = policy.cap
    assets = card?.assets
    liabilities = card?.liabilities
    self.scores = scores
    base = policy.base
    scorecard = policy.scorecard
    altman = card?.altman
  }
}

/// Each customer's sales lines, read once: the trade volume a limit review weighs (§3.3 (5)).
public struct TradeVolume: Sendable {
  private var lines: [Int64: [(day: Day, fen: Int64)]] = [:]

  public init(_ db: Database) {
    let s = Sales(db)
    for r in s.rows { lines[s.customer[r], default: []].append((s.date[r], s.amount[r].fen)) }
  }

  /// What `customer` bought in `period`.
  public func sales(_ customer: Int64, in period: ClosedRange<Day>) -> Money {
    var fen: Int64 = 0
    for l in lines[customer] ?? [] where period.contains(l.day) { fen &+= l.fen }
    return Money(fen: fen)
  }
}
