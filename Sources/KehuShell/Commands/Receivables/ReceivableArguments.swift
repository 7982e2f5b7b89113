import KehuDomain
import KehuStore

/// The arguments the receivables and credit commands share, read against the session's
/// settings, and how a domain rule's complaint is pointed at the argument behind it.
extension ParsedArguments {
  /// `year=360|365`, else the session's `set year`.
  func dayCount(_ s: Session) -> DayCountConvention {
    text("year").flatMap(DayCountConvention.init(parsing:)) ?? s.settings.year
  }

  /// `edges=30,60,90`, else the session's `set ageing`.
  func ageingEdges(_ s: Session) throws -> AgeingEdges {
    guard let text = text("edges") else { return s.settings.ageing }
    return try rule(at: "edges") { () throws(DomainError) in try AgeingEdges(parsing: text) }
  }

  /// Runs a domain rule; its error points at the argument that gave the faulty figure when
  /// the rule names one (`policy B: variable`), else at `name`.
  func rule<T>(at name: String, _ body: () throws(DomainError) -> T) throws -> T {
    do { return try body() } catch {
      if case .invalidFigure(let figure, _, _) = error,
        let last = figure.split(separator: ":").last?.split(separator: " ").last.map(String.init),
        positions[last] != nil
      {
        throw self.error(tr(error.message), at: last)
      }
      throw self.error(tr(error.message), at: name)
    }
  }
}

extension Database {
  /// A customer's name on a receivables line; its id when the card is gone.
  func nameOrId(_ id: Int64) -> String { customerName(id) ?? String(id) }
}
