import Foundation
import KehuStore

/// The shell's own commands: help, settings, leaving, scripts and output.
enum Builtins {
  static var commands: [CommandSpec] {
    [
      CommandSpec(
        "help", summary: tr("list the commands, or explain one"),
        arguments: [.positional("command", .command, required: false, rest: true)],
        example: "help credit limit", handler: help),
      CommandSpec(
        "set", summary: tr("show the settings, or change one"),
        arguments: [
          .positional("name", .setting, required: false),
          .positional("value", .text, required: false),
        ],
        example: "set format csv", handler: set),
      CommandSpec(
        "source", summary: tr("run the statements of a script file"),
        arguments: [.positional("file", .path)],
        example: "source \"lessons/ageing.kehu\"", handler: source),
      CommandSpec(
        "output", summary: tr("send results to a file, or back to the screen"),
        arguments: [.positional("file", .path, required: false)],
        example: "output \"report.csv\"", handler: output),
      CommandSpec(
        "print", summary: tr("print a line of text"),
        arguments: [.positional("text", .text, rest: true)],
        example: "print \"应收账款账龄分析\"", handler: { _, a in .text(a.text("text") ?? "") }),
      CommandSpec("quit", summary: tr("leave kehu"), example: "quit", handler: { _, _ in .quit }),
      CommandSpec("exit", summary: tr("leave kehu"), example: "exit", handler: { _, _ in .quit }),
    ]
  }

  static func help(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    guard !a.rest.isEmpty else {
      var t = ResultTable(
        columns: [ResultColumn(tr("command"), .text), ResultColumn(tr("what it does"), .text)])
      for spec in s.commands.specs {
        t.rows.append([.text(spec.name), .text(tr(spec.summary))])
      }
      t.notes = [
        tr("Type `help COMMAND` for its arguments, an example and its chapter section."),
        tr(
          "The query language: `help query`, `help VERB`, `help functions`, `help let`, `help for`, `help update`; `help settings`."
        ),
      ]
      return listing(t, s)
    }
    if let spec = s.commands.named(a.rest) { return .message(describe(spec)) }
    if a.rest.count == 1, let topic = HelpTopic(rawValue: a.rest[0]) { return topic.answer(s) }
    if a.rest.count == 1, let topic = s.commands.topics.first(where: { $0.name == a.rest[0] }) {
      return topic.answer(s)
    }
    let under = s.commands.under(a.rest)
    if !under.isEmpty {
      var t = ResultTable(
        columns: [ResultColumn(tr("command"), .text), ResultColumn(tr("what it does"), .text)])
      for spec in under { t.rows.append([.text(spec.name), .text(tr(spec.summary))]) }
      return listing(t, s)
    }
    if let text = QueryHelp.text(for: a.rest, session: s) { return .message(text) }
    let name = a.rest.joined(separator: " ")
    var msg = tr("no command `{0}`", name)
    if let near = nearest(name, in: s.commands.specs.map(\.name)) {
      msg += tr("; did you mean `{0}`?", near)
    }
    throw a.error(msg, at: "command")
  }

  /// A list of commands: for people, every line whole (never cut at a cell width or a
  /// screenful of rows, since help is read, not scanned); a table in the machine formats.
  static func listing(_ t: ResultTable, _ s: Session) -> CommandOutput {
    guard s.settings.format == .table else { return .table(t) }
    let names = t.rows.map { $0[0].plainText }
    let width = (names.map(\.count).max() ?? 0) + 2
    let lines = t.rows.map {
      $0[0].plainText.padding(toLength: width, withPad: " ", startingAt: 0) + $0[1].plainText
    }
    return .message((lines + [""] + t.notes.map { tr($0) }).joined(separator: "\n"))
  }

  static func describe(_ spec: CommandSpec) -> String {
    var lines = [spec.usage, "", "  " + tr(spec.summary)]
    if !spec.arguments.isEmpty {
      lines.append("")
      let names = spec.arguments.map { $0.positional ? $0.name.uppercased() : $0.name + "=" }
      let width = max(16, (names.map(\.count).max() ?? 0) + 2)
      for (arg, name) in zip(spec.arguments, names) {
        var line =
          "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + (arg.shown ?? arg.kind).describe
        if !arg.help.key.isEmpty { line += ": " + tr(arg.help) }
        if !arg.required { line += " " + tr("(optional)") }
        lines.append(line)
      }
    }
    lines.append("")
    lines.append(tr("Example:") + " " + spec.example)
    if let section = spec.section { lines.append(tr("Chapter:") + " " + tr(section)) }
    return lines.joined(separator: "\n")
  }

  static func set(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    guard let name = a.text("name") else {
      var t = ResultTable(
        columns: [
          ResultColumn(tr("setting"), .text), ResultColumn(tr("value"), .text),
          ResultColumn(tr("values"), .text), ResultColumn(tr("what it does"), .text),
        ])
      for spec in SettingSpec.all {
        t.rows.append([
          .text(spec.name), .text(s.settingText(spec)), .text(spec.values), .text(tr(spec.help)),
        ])
      }
      return .table(t)
    }
    // `set format=csv` arrives as one word: name=value.
    var key = name
    var value = a.text("value")
    if value == nil, let eq = name.firstIndex(of: "=") {
      key = String(name[..<eq])
      value = String(name[name.index(after: eq)...])
    }
    guard let spec = SettingSpec.named(key) else {
      var msg = tr("unknown setting `{0}`", key)
      if let near = nearest(key, in: SettingSpec.all.map(\.name)) { msg += tr("; did you mean `{0}`?", near) }
      throw a.error(
        msg, at: "name", hint: tr("settings: {0}", SettingSpec.all.map(\.name).joined(separator: ", ")))
    }
    guard let value, !value.isEmpty else {
      return .message("\(spec.name) = \(s.settingText(spec))")
    }
    do {
      try spec.set(&s.settings, value)
    } catch {
      throw a.error(error.message, at: a.values["value"] == nil ? "name" : "value")
    }
    return .none
  }

  static func source(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    let given = a.text("file") ?? ""
    func join(_ dir: String, _ name: String) -> String {
      name.hasPrefix("/") || dir.isEmpty ? name : dir + "/" + name
    }
    let parent = s.sourceStack.last
    let path = join(parent.map { ($0.full as NSString).deletingLastPathComponent } ?? "", given)
    let shown = join(parent.map { ($0.shown as NSString).deletingLastPathComponent } ?? "", given)
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    if s.sourceStack.contains(where: { $0.full == full }) {
      throw a.error(tr("`{0}` is already being run (a `source` cycle)", given), at: "file")
    }
    guard let data = FileManager.default.contents(atPath: full) else {
      throw a.error(tr("cannot read `{0}`", given), at: "file")
    }
    let text: String
    switch ScriptText.decode([UInt8](data)) {
    case .success(let t): text = t
    case .failure(let bad): throw a.error("\(given):\(bad.line):\(bad.column): \(bad.reason)", at: "file")
    }
    switch s.runScript(text, path: full, shownAs: shown) {
    case .ok: return .none
    case .quit: return .quit
    case .failed: throw ShellError.alreadyReported
    }
  }

  /// The results go to a temporary file beside FILE, which replaces FILE when `output`
  /// switches away from it or kehu ends (see `OutputFile`).
  static func output(_ s: Session, _ a: ParsedArguments) throws -> CommandOutput {
    try s.closeOutput()
    guard let path = a.text("file") else { return .none }
    do {
      s.redirect = try OutputFile(path)
    } catch let e as ShellError {
      throw a.error(e.message, at: "file")
    }
    return .none
  }
}

extension ShellError {
  /// A failure inside a sourced script, already printed with its own file and line.
  package static let alreadyReported = ShellError("\u{0}")
}
