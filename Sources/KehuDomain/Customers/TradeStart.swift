/// The trade start investigation form's approvals (交易开始调查书, §2.4 rule 5.1): the
/// responsible person files it, the unit head approves it and reports to the chairman, and
/// only after the chairman's approval does the customer join the trading customer list.
public enum TradeStartStage: String, Sendable, CaseIterable {
  /// Filed; the unit head (单位负责人) approves next.
  case unitHead = "unit-head"
  /// The unit head approved; the chairman (董事长) approves next.
  case chairman
  /// Both approved: the customer is trading.
  case approved

  /// Who approves at this stage, in the chapter's words.
  public var approver: String {
    switch self {
    case .unitHead: return "the unit head (单位负责人)"
    case .chairman: return "the chairman (董事长)"
    case .approved: return "nobody: the form is fully approved"
    }
  }
}

/// What one approval does, or why it is refused.
public enum TradeStartApproval: Equatable, Sendable {
  /// The approval is recorded; the form moves to `next`.
  case recorded(role: TradeStartStage, next: TradeStartStage)
  case refused(String)

  /// Decides an approval by `person` at a form in `stage`. `role`, when given, is the role
  /// the approver claims: it must be the one the form waits for, so the chairman cannot
  /// sign before the unit head. The chairman must be someone other than the unit head who
  /// approved, or the second signature checks nothing.
  public static func decide(
    stage: TradeStartStage, role: TradeStartStage?, person: String, unitHead: String?
  ) -> TradeStartApproval {
    if stage == .approved {
      return .refused("the form is already approved by the unit head and the chairman")
    }
    if let role, role != stage {
      if role == .approved { return .refused("`approved` is not a role; approve as unit-head or chairman") }
      return .refused("\(stage.approver) approves first, before \(role.approver)")
    }
    if stage == .chairman, let unitHead, unitHead == person {
      return .refused(
        "\(person) approved as the unit head; the chairman's approval must come from someone else")
    }
    return .recorded(role: stage, next: stage == .unitHead ? .chairman : .approved)
  }
}
