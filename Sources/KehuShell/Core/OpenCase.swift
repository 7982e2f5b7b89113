import KehuStore

/// The teaching case open in a session (`case open`, `lesson`), and what `case close`
/// restores. The shell keeps it because the prompt names the case and its workspace stands
/// in for the user's; KehuTraining opens and closes it.
package struct OpenCase {
  package var name: String
  package var home: Workspace
  package var today: Day?
  /// Set by `q` at a pause: the lesson stops after the current statement.
  package var stop = false
  /// Set when a `refused` statement was refused, as the lesson expected.
  package var refusal = false

  package init(name: String, home: Workspace, today: Day?) {
    self.name = name
    self.home = home
    self.today = today
  }
}
