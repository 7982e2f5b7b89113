import Foundation
import KehuShell
import KehuStore

/// The case library and lessons at the prompt (issue 10). A case always runs on its own
/// scratch in-memory store: the user's store is set aside while it is open, never written.
enum CaseCommands {
  static var commands: [CommandSpec] {
    let names = CaseLibrary.all.map(\.name)
    return [
      CommandSpec(
        "case list", summary: tr("the teaching cases built into kehu"), example: "case list",
        handler: { _, _ in .table(list()) }),
      CommandSpec(
        "case show", summary: tr("print a case's files: data script, CSV data, introduction, lesson"),
        arguments: [
          .positional("name", .choice(names)),
          .positional("file", .text, required: false),
        ],
        example: "case show pareto-20", handler: show),
      CommandSpec(
        "case export", summary: tr("write a case's files into a folder, for editing"),
        arguments: [.positional("name", .choice(names)), .positional("dir", .path)],
        example: "case export pareto-20 \"课件/pareto-20\"", handler: export),
      CommandSpec(
        "case open",
        summary: tr("load a case into a scratch in-memory store and print its introduction"),
        arguments: [.positional("name", .choice(names))], example: "case open abc-3months",
        handler: { s, a in
          let c = CaseLibrary.named(a.text("name") ?? "")!
          try open(s, c)
          return .message(c.introduction(s.settings.language))
        }),
      CommandSpec(
        "case close", summary: tr("leave the open case and go back to your own store"),
        example: "case close",
        handler: { s, _ in
          guard let name = close(s) else { throw ShellError(tr("no case is open")) }
          return .message(tr("closed case {0}; back on {1}", name, s.options.storeName))
        }),
      CommandSpec(
        "lesson", summary: tr("run a case's lesson: narration, each command echoed and run, exercises"),
        arguments: [
          .positional("name", .choice(names)),
          .key("handout", .path, help: tr("write the lesson as Markdown, with its charts beside it")),
        ],
        example: "lesson pareto-20", handler: lesson),
      CommandSpec(
        "say", summary: tr("narration in a lesson: print the text in the session's language"),
        arguments: [.positional("text", .text), .key("zh", .text, help: tr("the Chinese text"))],
        example: "say \"The first 4 customers make 80% of sales.\" zh=\"前4家客户占销售额的80%。\"",
        handler: { s, a in
          let text =
            s.settings.language == "zh" ? (a.text("zh") ?? a.text("text") ?? "") : (a.text("text") ?? "")
          // A blank line before each piece of narration sets the steps of a lesson apart.
          return .message(s.lessonDepth > 0 ? "\n" + text : text)
        }
      ).narrating(.text),
      CommandSpec(
        "pause", summary: tr("in a lesson at the prompt, wait for Enter (q stops the lesson)"),
        example: "pause", handler: pause
      ).narrating(.pause),
      CommandSpec(
        "exercise",
        summary: tr("ask a question; the learner's answer is compared with the model answer"),
        arguments: [
          .positional("question", .text), .key("zh", .text, help: tr("the question in Chinese")),
          .positional(
            "expect", .text, rest: true, help: tr("`expect` then the model answer (a query or command)")),
        ],
        example: "exercise \"How many A customers?\" expect customers | where abc_grade == \"A\" | count",
        handler: { _, _ in .none }
      ).narrating(.question).takingStatement(Lesson.exercise),
      CommandSpec(
        "refused",
        summary: tr("in a lesson, run a statement the lesson expects to be refused; its error is the lesson"),
        arguments: [
          .positional("statement", .text, rest: true, help: tr("a command or query that must fail"))
        ],
        example: "refused customer add kind=company", handler: { _, _ in .none }
      ).takingStatement(Lesson.refused).showingInLessons(Lesson.shown),
    ]
  }

  static func list() -> ResultTable {
    var t = ResultTable(
      columns: [
        ResultColumn("case", .text), ResultColumn("title", .text), ResultColumn("today", .text),
        ResultColumn("files", .int),
      ], title: tr("The case library"))
    for c in CaseLibrary.all {
      let title = MessageCatalogue.current.language == "zh" ? c.titleZh : c.title
      t.rows.append([.text(c.name), .text(title), .text(c.today), .int(Int64(c.files.count))])
    }
    t.notes = [tr("`case open NAME` loads one into a scratch store; `lesson NAME` walks through it")]
    return t
  }

  static func show(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = CaseLibrary.named(a.text("name") ?? "")!
    var files = c.files
    if let only = a.text("file") {
      files = files.filter { $0.name == only }
      if files.isEmpty {
        throw a.error(
          tr("case {0} has no file `{1}`", c.name, only), at: "file",
          hint: tr("files: {0}", c.files.map(\.name).joined(separator: ", ")))
      }
    }
    return .message(files.map { "==> \(c.name)/\($0.name) <==\n" + $0.text }.joined(separator: "\n"))
  }

  static func export(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = CaseLibrary.named(a.text("name") ?? "")!
    let given = a.text("dir") ?? ""
    let dir = s.pathGiven(given)
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      for f in c.files {
        try OutputFile.write(Array(f.text.utf8), to: dir + "/" + f.name)
      }
    } catch let e as ShellError {
      throw a.error(e.message, at: "dir")
    } catch {
      throw a.error(tr("cannot write `{0}`: {1}", given, error.localizedDescription), at: "dir")
    }
    return .message(
      tr(
        "wrote {0} files of case {1} to {2}: {3}", c.files.count, c.name, given,
        c.files.map(\.name).joined(separator: ", "))
    )
  }

  /// Sets the user's workspace aside and builds the case on a fresh in-memory one.
  static func open(_ s: Session, _ c: TrainingCase) throws {
    _ = close(s)
    let home = OpenCase(name: c.name, home: s.workspace, today: s.settings.today)
    s.workspace = Workspace()
    s.openCase = home
    s.settings.today = Day(parsing: c.today)
    let data = c.file("data.kehu") ?? ""
    s.muted = true
    let outcome = s.runScript(
      data, path: CaseLibrary.scriptPath(c, "data.kehu"), shownAs: "\(c.name)/data.kehu")
    s.muted = false
    if outcome != .ok {
      _ = close(s)
      throw ShellError.alreadyReported
    }
  }

  /// Puts the user's workspace back; the name of the case closed, or nil.
  @discardableResult
  static func close(_ s: Session) -> String? {
    guard let open = s.openCase else { return nil }
    s.workspace = open.home
    s.settings.today = open.today
    s.openCase = nil
    return open.name
  }

  static func lesson(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let c = CaseLibrary.named(a.text("name") ?? "")!
    if let handout = a.text("handout") {
      let written = try Handout.write(
        c, to: s.pathGiven(handout), shown: handout, settings: s.settings)
      return .message(written)
    }
    try open(s, c)
    s.emit(c.introduction(s.settings.language))
    // A chart the lesson writes (`chart="pareto-20.svg"`) goes where it says, as the same
    // statement typed at the prompt would: relative to the working directory.
    let stopped = try Lesson.run(s, c, recorder: nil)
    // `kehu lesson` ends with the lesson: nothing stays open there.
    switch (stopped, s.lessonEndsSession) {
    case (false, false):
      return .message(
        tr("end of lesson {0}; the case stays open (`case close` goes back to your store)", c.name))
    case (true, false):
      return .message(
        tr("lesson {0} stopped; the case stays open (`case close` goes back to your store)", c.name))
    case (false, true): return .message(tr("end of lesson {0}", c.name))
    case (true, true): return .message(tr("lesson {0} stopped", c.name))
    }
  }

  static func pause(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    guard s.options.interactive, !s.noPause, let read = s.readLine else { return .none }
    guard let line = read(tr("[Enter: go on, q: stop the lesson] ")) else {
      s.openCase?.stop = true
      return .none
    }
    if line.trimmingCharacters(in: .whitespaces).lowercased() == "q" { s.openCase?.stop = true }
    return .none
  }
}
