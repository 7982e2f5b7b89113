import KehuStore

/// The stages of a complaint from receipt to closure (§4 methods; ISO 10002's receipt,
/// acknowledgement, assessment, investigation, response, closing).
public enum ComplaintStage: String, CaseIterable, Sendable {
  case received
  case acknowledged
  case investigating
  /// A solution is put to the customer (§4 method 03, "offer a solution").
  case proposed
  case resolved
  case closed

  /// The stages a complaint may move to next by an ordinary step. Investigation may be
  /// skipped when the fault is plainly ours (§4 claims rule 2: apologise at once, act fast);
  /// a proposal the customer rejects goes back to investigation.
  public var next: [ComplaintStage] {
    switch self {
    case .received: return [.acknowledged]
    case .acknowledged: return [.investigating, .proposed]
    case .investigating: return [.proposed]
    case .proposed: return [.resolved, .investigating]
    case .resolved: return [.closed]
    case .closed: return []
    }
  }

  /// Still being handled: counts as open in lists and can be overdue.
  public var isOpen: Bool { self != .resolved && self != .closed }

  /// Whether `reopen` applies: only a settled complaint can be reopened.
  public var canReopen: Bool { !isOpen }

  /// The stage a reopened complaint returns to: it was acknowledged long ago, so the facts
  /// are established again.
  public static let reopenedStage = ComplaintStage.investigating

  /// The shell verb that moves a complaint into this stage.
  public var verb: String {
    switch self {
    case .received: return "open"
    case .acknowledged: return "ack"
    case .investigating: return "investigate"
    case .proposed: return "propose"
    case .resolved: return "resolve"
    case .closed: return "close"
    }
  }

  public var chinese: String {
    switch self {
    case .received: return "受理"
    case .acknowledged: return "确认"
    case .investigating: return "调查"
    case .proposed: return "提出方案"
    case .resolved: return "解决"
    case .closed: return "结案"
    }
  }
}

/// A step the stage machine refuses, naming what is allowed instead.
public struct StageRefusal: Error, Equatable, Sendable, CustomStringConvertible {
  public var from: ComplaintStage
  public var to: ComplaintStage?
  public var allowed: [ComplaintStage]

  public var description: String { message.description }

  /// The text for people, translated when the shell shows it; stages and verbs stay as typed.
  public var message: Message {
    let wanted: Message = to.map { Message(verbatim: "`\($0.rawValue)`") } ?? "reopening"
    if allowed.isEmpty && to != nil {
      return "a complaint at `\(from.rawValue)` cannot move to \(wanted): it is closed (reopen it first)"
    }
    if to == nil {
      return "a complaint at `\(from.rawValue)` cannot be reopened: only resolved or closed complaints can"
    }
    let names = allowed.map { "\($0.rawValue) (complaint \($0.verb))" }.joined(separator: ", ")
    return "a complaint at `\(from.rawValue)` cannot move to \(wanted); allowed next: \(names)"
  }
}

/// The stage machine: the one place that says which step may follow which.
public enum ComplaintStages {
  public static func transition(from: ComplaintStage, to: ComplaintStage) throws(StageRefusal)
    -> ComplaintStage
  {
    guard from.next.contains(to) else { throw StageRefusal(from: from, to: to, allowed: from.next) }
    return to
  }

  public static func reopen(from: ComplaintStage) throws(StageRefusal) -> ComplaintStage {
    guard from.canReopen else { throw StageRefusal(from: from, to: nil, allowed: []) }
    return ComplaintStage.reopenedStage
  }
}
