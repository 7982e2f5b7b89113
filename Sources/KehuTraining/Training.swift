import KehuShell

/// The training part of kehu, above the shell: the case library, lessons, handouts and the
/// chapter's review questions. It adds its commands, the `review` help topic and the cases'
/// built-in files to the shell's one command table (`CommandTable.adding`).
public enum Training {
  public static var addition: CommandTable.Addition {
    CommandTable.Addition(
      commands: CaseCommands.commands,
      topics: [CommandTable.AddedTopic("review") { _ in .message(Review.text()) }],
      file: { CaseLibrary.file(atPath: $0) })
  }
}

extension CommandTable {
  /// The shell's commands and the training ones: the table `kehu` runs with.
  public static var withTraining: CommandTable { standard.adding(Training.addition) }
}
