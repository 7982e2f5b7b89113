import KehuDomain
import KehuStore

/// The credit-management commands of §3, gathered from their files: limits (§3.3),
/// exposure and blocking (§3.3), investigation and the review cycle (§3.1, §3.2).
enum CreditCommands {
  static var commands: [CommandSpec] {
    CreditLimitCommands.commands + CreditExposureCommands.commands + CreditReviewCommands.commands
  }
}
