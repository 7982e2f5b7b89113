import KehuDomain
import KehuStore

/// Where a method's figures come from: the arguments first, then the customer's stored
/// figures, then the credit policy's defaults. A figure found nowhere is an error naming it.
struct FigureSource {
  let s: Session
  let a: ParsedArguments
  let id: Int64?
  let method: CreditLimitMethod
  let policy: CreditPolicySettings
  /// The customer's card, when a customer was named.
  let card: CreditCard?
  /// Which figures came from the customer's card.
  private(set) var sourceNotes: [String] = []

  init(s: Session, a: ParsedArguments, id: Int64?, method: CreditLimitMethod) throws {
    self.s = s
    self.a = a
    self.id = id
    self.method = method
    self.policy = CreditPolicySettings.load(s.db, year: s.settings.year)
    self.card = id.flatMap { CreditCard(s.db, customer: $0) }
    if let id {
      sourceNotes = [tr("figures not given are taken from customer {0}'s card", id)]
    }
  }

  func missing(_ name: String, column: String) -> ShellError {
    if let id {
      return a.error(
        tr(
          "customer {0} has no stored `{1}` (needed by the {2}); give {3}=", id, column,
          Message(method.english), name),
        at: "id")
    }
    return a.error(
      tr("the {0} needs {1}= (or a customer id with the figure stored)", Message(method.english), name),
      at: "id",
      hint: tr("usage: see `help credit limit {0}`", method.rawValue))
  }

  /// Argument `figure.rawValue`, else the card's figure.
  func money(_ figure: CardFigure) throws -> Money {
    if let m = a.money(figure.rawValue) { return m }
    if let m = card?.figure(figure) { return m }
    throw missing(figure.rawValue, column: figure.rawValue)
  }

  /// `share=`, else the card's supply share.
  func share() throws -> Dec {
    if case .percent(let d)? = a["share"] { return d }
    if let d = card?.supplyShare { return d }
    throw missing("share", column: "supply_share")
  }

  func suppliers() throws -> Int {
    if let n = a.int("suppliers") { return Int(n) }
    if let n = card?.suppliers { return Int(n) }
    throw missing("suppliers", column: "suppliers")
  }

  func period() -> Dec { a["period"]?.decimalValue ?? policy.period }
  func unit() throws -> PurchasePeriodUnit {
    a.text("unit").flatMap(PurchasePeriodUnit.init(rawValue:)) ?? policy.unit
  }
  func year() throws -> DayCountConvention {
    a.text("year").flatMap(DayCountConvention.init(parsing:)) ?? policy.year
  }

  /// The argument a rule's complaint is about, for the caret.
  func blame(_ e: DomainError) -> String {
    if case .invalidFigure(let name, _, _) = e, a.positions[name] != nil { return name }
    if case .noNetAssets = e { return a.positions["assets"] != nil ? "assets" : "id" }
    return "id"
  }
}

func plain(_ d: Dec) -> String { d.normalized.description }
