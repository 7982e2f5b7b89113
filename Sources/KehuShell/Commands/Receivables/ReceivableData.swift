import KehuDomain
import KehuStore

enum ReceivableData {
  static func year(_ s: Session, _ a: ParsedArguments) -> DayCountConvention {
    a.text("year").flatMap(DayCountConvention.init(parsing:)) ?? s.settings.year
  }

  static func edges(_ s: Session, _ a: ParsedArguments) throws -> AgeingEdges {
    guard let text = a.text("edges") else { return s.settings.ageing }
    return try domain(a, at: "edges") { () throws(DomainError) in try AgeingEdges(parsing: text) }
  }

  /// Runs a domain rule; its error points at the argument that gave the faulty figure when
  /// the rule names one (`policy B: variable`), else at `name`.
  static func domain<T>(_ a: ParsedArguments, at name: String, _ body: () throws(DomainError) -> T) throws
    -> T
  {
    do { return try body() } catch {
      if case .invalidFigure(let figure, _, _) = error,
        let last = figure.split(separator: ":").last?.split(separator: " ").last.map(String.init),
        a.positions[last] != nil
      {
        throw a.error(tr(error.message), at: last)
      }
      throw a.error(tr(error.message), at: name)
    }
  }

  static func customerName(_ db: Database, _ id: Int64) -> String { db.customerName(id) ?? String(id) }

  static func customerField(_ db: Database, _ id: Int64, _ field: String) -> String {
    let t = db.customers
    guard let r = t.row(forId: id), let c = t.def.columnIndex(field) else { return "" }
    return t.columns[c].string(r) ?? ""
  }

  /// Money received, as the ledger counts it.
  static func receipts(_ db: Database) -> [Receipt] { Ledger(db).receipts() }

  /// The firm's ladder, or the chapter's default when it has not been edited.
  static func ladder(_ db: Database) -> CollectionLadder {
    let t = LadderSteps(db)
    guard t.count > 0 else { return .standard }
    let steps = t.rows.map { r in
      CollectionStep(
        key: t.step[r], name: t.name[r] ?? "", chinese: t.chinese[r] ?? "", days: Int(t.days[r]),
        skippable: t.skip[r] == true)
    }.sorted { $0.days < $1.days }
    return (try? CollectionLadder(steps)) ?? .standard
  }

  static func promises(_ db: Database) -> [(id: Int64, promise: PaymentPromise, owner: String)] {
    let t = Promises(db)
    return t.rows.map { r in
      (
        t.id[r],
        PaymentPromise(customer: String(t.customer[r]), made: t.made[r], due: t.due[r], amount: t.amount[r]),
        t.owner[r] ?? ""
      )
    }
  }
}
