import KehuStore

/// The five ways of setting a credit limit (确定信用限度的方法), §3.3.
public enum CreditLimitMethod: String, Sendable, CaseIterable, CustomStringConvertible {
  case sales = "sales"
  case workingCapital = "working-capital"
  case currentRatio = "current-ratio"
  case netAssets = "net-assets"
  case judgement = "judgement"

  public var chinese: String {
    switch self {
    case .sales: return "销售额测定法"
    case .workingCapital: return "周转资产分割法"
    case .currentRatio: return "流动比率法"
    case .netAssets: return "净资产分割法"
    case .judgement: return "综合判断法"
    }
  }

  public var english: String {
    switch self {
    case .sales: return "sales method"
    case .workingCapital: return "working-capital division"
    case .currentRatio: return "current-ratio method"
    case .netAssets: return "net-asset division"
    case .judgement: return "comprehensive judgement"
    }
  }

  public var description: String { "\(english) (\(chinese))" }
}

/// The time unit of the sales method: monthly purchases × months, or annual purchases ×
/// days ÷ days in a year (the chapter insists both figures share one unit).
public enum PurchasePeriodUnit: String, Sendable, CaseIterable {
  case month, day
}

/// A limit with the working that produced it.
public struct CreditLimit: Sendable, Equatable {
  public var method: CreditLimitMethod
  public var limit: Money
  public var working: Working
}

let roundingNote: Message =
  "rounding: the limit is worked from unrounded figures and rounded once, half away from zero, to the fen"

func requireSuppliers(_ n: Int) throws(DomainError) {
  if n < 1 {
    throw .invalidFigure(
      name: "suppliers", value: String(n),
      expected: "must be at least 1 (the limit is divided among the customer's suppliers)")
  }
}

/// §3.3 (1) 销售额测定法: purchases × our supply share × credit period.
public func salesMethodLimit(
  purchases: Money, share: Dec, period: Dec, unit: PurchasePeriodUnit = .month,
  year: DayCountConvention = .standard
) throws(DomainError) -> CreditLimit {
  try requireNonNegative(purchases, "purchases")
  try requireRate(share, "share")
  try requireNonNegative(period, "period")
  let ours = try mul(purchases.decimal, share, "purchases × share")
  let periodWord: Message = unit == .month ? "months" : "days"
  var inputs = [
    WorkingLine(
      "purchases", unit == .month ? "monthly, all suppliers" : "annual, all suppliers", .money(purchases)),
    WorkingLine("our supply share", "本公司供货比率", .percent(share)),
    WorkingLine("credit period", periodWord, .decimal(period.normalized)),
  ]
  let steps = [
    WorkingLine(
      unit == .month ? "monthly purchases from us" : "annual purchases from us", "purchases × share",
      .money(try fen(ours, "purchases × share")))
  ]
  var convention: [Message] = ["unit: monthly purchases × credit period in months"]
  let exact: Dec
  if unit == .month {
    exact = try mul(ours, period, "limit")
  } else {
    inputs.append(WorkingLine("days in a year", "", .int(Int64(year.days))))
    exact = try div(try mul(ours, period, "limit"), year.dec, "limit")
    convention = ["unit: annual purchases × credit period in days ÷ days in a year", year.note]
  }
  let limit = try fen(exact, "limit")
  return CreditLimit(
    method: .sales, limit: limit,
    working: Working(
      title: "Credit limit: sales method (销售额测定法)",
      rule: unit == .month
        ? "§3.3 (1): limit = monthly purchases × our supply share × credit period (months)"
        : "§3.3 (1): limit = annual purchases × our supply share × credit period (days) ÷ days in a year",
      inputs: inputs, steps: steps,
      result: WorkingLine(
        "credit limit",
        unit == .month
          ? "from us × \(plain(period)) months" : "annual from us × \(plain(period)) ÷ \(year.days)",
        .money(limit)),
      convention: convention + [roundingNote]))
}

/// §3.3 (2) 周转资产分割法: working capital ÷ number of suppliers.
public func workingCapitalLimit(workingCapital: Money, suppliers: Int) throws(DomainError) -> CreditLimit {
  try requireSuppliers(suppliers)
  if workingCapital.fen <= 0 {
    throw .invalidFigure(
      name: "working_capital", value: workingCapital.plain,
      expected: "must be more than zero (no working capital leaves nothing to divide among suppliers)")
  }
  let limit = try fen(try div(workingCapital.decimal, Dec(suppliers), "limit"), "limit")
  return CreditLimit(
    method: .workingCapital, limit: limit,
    working: Working(
      title: "Credit limit: working-capital division (周转资产分割法)",
      rule: "§3.3 (2): limit = working capital ÷ number of suppliers",
      inputs: [
        WorkingLine("working capital", "周转资产", .money(workingCapital)),
        WorkingLine("suppliers", "number of the customer's suppliers", .int(Int64(suppliers))),
      ],
      steps: [],
      result: WorkingLine("credit limit", "working capital ÷ \(suppliers)", .money(limit)),
      convention: [roundingNote]))
}

/// §3.3 (4) 净资产分割法: (assets − liabilities) ÷ number of suppliers. Zero or negative net
/// assets give no limit at all rather than a negative one.
public func netAssetLimit(assets: Money, liabilities: Money, suppliers: Int) throws(DomainError)
  -> CreditLimit
{
  try requireSuppliers(suppliers)
  try requireNonNegative(assets, "assets")
  try requireNonNegative(liabilities, "liabilities")
  let net = try subMoney(assets, liabilities, "net assets")
  if net.fen <= 0 { throw .noNetAssets(assets: assets, liabilities: liabilities) }
  let limit = try fen(try div(net.decimal, Dec(suppliers), "limit"), "limit")
  return CreditLimit(
    method: .netAssets, limit: limit,
    working: Working(
      title: "Credit limit: net-asset division (净资产分割法)",
      rule: "§3.3 (4): limit = (assets − liabilities) ÷ number of suppliers",
      inputs: [
        WorkingLine("assets", "total assets", .money(assets)),
        WorkingLine("liabilities", "total liabilities", .money(liabilities)),
        WorkingLine("suppliers", "number of the customer's suppliers", .int(Int64(suppliers))),
      ],
      steps: [WorkingLine("net assets", "assets − liabilities", .money(net))],
      result: WorkingLine("credit limit", "net assets ÷ \(suppliers)", .money(limit)),
      convention: [roundingNote]))
}
