import KehuStore

/// Everything the five methods might use; a method whose figures are missing is listed with
/// the name of the first missing figure instead of a limit.
public struct LimitFigures: Sendable, Equatable {
  public var purchases: Money?
  public var share: Dec?
  public var period: Dec?
  public var unit: PurchasePeriodUnit = .month
  public var year: DayCountConvention = .standard
  public var workingCapital: Money?
  public var suppliers: Int?
  public var currentAssets: Money?
  public var currentLiabilities: Money?
  /// The current-ratio method's standard limit; usual and cap keep their defaults unless set.
  public var standard: Money?
  public var usual: Dec = Dec(2)
  public var cap: Dec = Dec(2)
  public var assets: Money?
  public var liabilities: Money?
  public var scores: [JudgementFactor: Int]?
  public var base: Money?
  public var scorecard: JudgementScorecard = .standard
  public var altman: AltmanFigures?

  public init() {}
}

public struct LimitComparison: Sendable, Equatable {
  public var results: [(method: CreditLimitMethod, outcome: Result<CreditLimit, DomainError>)]
  public var lowest: Money?
  public var highest: Money?
  /// highest − lowest over the methods that gave a limit.
  public var spread: Money?

  public static func == (a: LimitComparison, b: LimitComparison) -> Bool {
    a.lowest == b.lowest && a.highest == b.highest && a.spread == b.spread
      && a.results.map(\.method) == b.results.map(\.method)
      && zip(a.results, b.results).allSatisfy { $0.outcome == $1.outcome }
  }

  /// Columns method, 方法, limit, note; the spread lines are notes. `translate` renders the
  /// note cells (a formula or a refusal) in the reader's language; `naming` gives the method
  /// column (the English name beside 方法, or for a Chinese reader the method's code).
  public func resultTable(
    translating translate: (Message) -> String, naming: (CreditLimitMethod) -> String = \.english
  ) -> ResultTable {
    var rows: [[Value]] = []
    for (m, r) in results {
      switch r {
      case .success(let l):
        rows.append([
          .text(naming(m)), .text(m.chinese), .money(l.limit), .text(translate(l.working.result.formula)),
        ])
      case .failure(let e):
        rows.append([.text(naming(m)), .text(m.chinese), .null, .text(translate(e.message))])
      }
    }
    var notes: [Message] = []
    if let lo = lowest, let hi = highest, let sp = spread {
      notes.append("lowest \(lo), highest \(hi), spread \(sp) (highest − lowest)")
      if lo.fen > 0, let pct = try? sp.decimal.divided(by: lo.decimal) {
        notes.append("the spread is \(Value.percentText(percentShown(pct))) of the lowest limit")
      }
    } else {
      notes.append("no method could give a limit from the figures given")
    }
    notes.append("each method's working is shown by credit limit METHOD")
    return ResultTable(
      columns: [
        ResultColumn("method", .text), ResultColumn("方法", .text), ResultColumn("limit", .money),
        ResultColumn("note", .text),
      ],
      rows: rows, title: "Credit limit by every method (§3.3)", notes: notes)
  }
}

/// Every method of §3.3 side by side, with the spread between their limits.
public func allLimitMethods(_ f: LimitFigures) -> LimitComparison {
  func need<T>(_ v: T?, _ name: String, _ m: CreditLimitMethod) throws(DomainError) -> T {
    guard let v else { throw .missingFigure(name: name, method: m.english) }
    return v
  }
  func run(_ m: CreditLimitMethod, _ body: () throws(DomainError) -> CreditLimit) -> Result<
    CreditLimit, DomainError
  > {
    do { return .success(try body()) } catch { return .failure(error) }
  }
  let results: [(method: CreditLimitMethod, outcome: Result<CreditLimit, DomainError>)] = [
    (
      .sales,
      run(.sales) { () throws(DomainError) in
        try salesMethodLimit(
          purchases: try need(f.purchases, "purchases", .sales), share: try need(f.share, "share", .sales),
          period: try need(f.period, "period", .sales), unit: f.unit, year: f.year)
      }
    ),
    (
      .workingCapital,
      run(.workingCapital) { () throws(DomainError) in
        try workingCapitalLimit(
          workingCapital: try need(f.workingCapital, "working_capital", .workingCapital),
          suppliers: try need(f.suppliers, "suppliers", .workingCapital))
      }
    ),
    (
      .currentRatio,
      run(.currentRatio) { () throws(DomainError) in
        try currentRatioLimit(
          currentAssets: try need(f.currentAssets, "current_assets", .currentRatio),
          currentLiabilities: try need(f.currentLiabilities, "current_liabilities", .currentRatio),
          rule: CurrentRatioRule(
            standard: try need(f.standard, "standard", .currentRatio), usual: f.usual, cap: f.cap))
      }
    ),
    (
      .netAssets,
      run(.netAssets) { () throws(DomainError) in
        try netAssetLimit(
          assets: try need(f.assets, "assets", .netAssets),
          liabilities: try need(f.liabilities, "liabilities", .netAssets),
          suppliers: try need(f.suppliers, "suppliers", .netAssets))
      }
    ),
    (
      .judgement,
      run(.judgement) { () throws(DomainError) in
        try judgementLimit(
          scores: try need(f.scores, "scores", .judgement), base: try need(f.base, "base", .judgement),
          scorecard: f.scorecard, altman: f.altman)
      }
    ),
  ]
  let limits = results.compactMap { try? $0.outcome.get().limit }
  let lo = limits.min()
  let hi = limits.max()
  var spread: Money? = nil
  if let lo, let hi { spread = try? hi.subtracting(lo) }
  return LimitComparison(results: results, lowest: lo, highest: hi, spread: spread)
}
