import KehuStore

/// Every failure of a domain rule, with a message that names the figure at fault.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A figure outside its allowed range: `name=value: expected`.
  case invalidFigure(name: String, value: String, expected: Message)
  /// A figure a method needs was not given (e.g. a customer without `suppliers`).
  case missingFigure(name: String, method: String)
  /// Net-asset division over zero or negative net assets: no limit can be set that way.
  case noNetAssets(assets: Money, liabilities: Money)
  /// Cash discount terms that do not parse or make no sense.
  case badTerms(text: String, reason: Message)
  /// A payment larger than what is open, not marked as on account.
  case overpayment(payment: Money, open: Money)
  case unknownInvoice(String)
  /// A figure too large for exact arithmetic.
  case overflow(Message)

  public var description: String { message.description }

  /// The text for people, translated when the shell shows it.
  public var message: Message {
    switch self {
    case .invalidFigure(let name, let value, let expected):
      return "\(name)=\(value): \(expected)"
    case .missingFigure(let name, let method):
      // The method is the chapter's name for it, translated with the message.
      return "\(Message(method)) needs \(name), which is not given"
    case .noNetAssets(let a, let l):
      let net = (try? a.subtracting(l)) ?? .zero
      return
        "net assets are not positive (assets \(a) − liabilities \(l) = \(net)): net-asset division gives no credit limit; use another method"
    case .badTerms(let text, let reason):
      return "terms \"\(text)\": \(reason) (write them as d/D n/N, e.g. 2/10 n/30)"
    case .overpayment(let p, let open):
      return
        "payment \(p) is more than the \(open) open; refused (record it with on_account=yes to keep the rest on account)"
    case .unknownInvoice(let no):
      return "invoice \(no) is not among the customer's open items"
    case .overflow(let what):
      return "\(what): number too large for exact arithmetic"
    }
  }
}
