/// The one table of commands. Every other part (dispatch, `help`, completion) reads it.
public struct CommandTable: Sendable {
  public var specs: [CommandSpec]
  /// Help topics a part above the shell added (`help review`), beside the shell's own
  /// (`HelpTopic`).
  public var topics: [AddedTopic] = []
  /// Files built into the binary that a part above the shell added, by path (a case's CSV
  /// data, `/kehu-cases/NAME/FILE`): `import` reads them before the disk.
  public var files: [@Sendable (String) -> String?] = []

  public init(_ specs: [CommandSpec]) { self.specs = specs }

  /// A help topic that is not a command, added from above the shell: `help NAME` answers it.
  public struct AddedTopic: Sendable {
    public var name: String
    public var answer: @Sendable (Session) -> CommandOutput
    public init(_ name: String, answer: @escaping @Sendable (Session) -> CommandOutput) {
      self.name = name
      self.answer = answer
    }
  }

  /// What a part above the shell adds to it: KehuTraining's cases, lessons and review
  /// questions come in this way, added by the executable (and by tests) at start-up, so
  /// dispatch, `help` and completion see them as they see the shell's own commands.
  public struct Addition: Sendable {
    public var commands: [CommandSpec]
    public var topics: [AddedTopic]
    public var file: @Sendable (String) -> String?
    public init(
      commands: [CommandSpec], topics: [AddedTopic] = [],
      file: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
      self.commands = commands
      self.topics = topics
      self.file = file
    }
  }

  /// The table with `addition`'s commands after its own.
  public func adding(_ addition: Addition) -> CommandTable {
    var t = self
    t.specs += addition.commands
    t.topics += addition.topics
    t.files.append(addition.file)
    return t
  }

  /// The built-in file at `path`, if a part above the shell added one.
  public func builtinFile(_ path: String) -> String? {
    for f in files { if let text = f(path) { return text } }
    return nil
  }

  /// The shell's own commands, every domain's; a part above the shell adds its own with
  /// `adding(_:)`.
  public static var standard: CommandTable {
    // One list per area of the chapter; each area's file holds its own commands.
    var all: [CommandSpec] = []
    all += Builtins.commands
    all += StoreCommands.commands
    all += ScenarioCommands.commands
    all += CustomerCommands.commands
    all += TradeStartCommands.commands
    all += ProspectCommands.commands
    all += DevelopCommands.commands
    all += TransferCommands.commands
    all += CreditCommands.commands
    all += ComplaintCommands.commands
    all += ReceivableCommands.commands
    all += NoteCommands.commands
    all += CreditNoteCommands.commands
    all += PaymentApplyCommands.commands
    all += OrderCommands.commands
    all += SalesReturnCommands.commands
    all += ReceivableReports.commands
    all += PolicyCommands.commands
    all += CollectCommands.commands
    all += HolidayCommands.commands
    all += AnalysisCommands.commands
    return CommandTable(all)
  }

  /// The longest command whose words start `words`; and how many words it used.
  public func resolve(_ words: [Word]) -> (CommandSpec, Int)? {
    var best: (CommandSpec, Int)? = nil
    for spec in specs where spec.path.count <= words.count {
      var matches = true
      for (i, part) in spec.path.enumerated() {
        guard case .plain(let w, quoted: false) = words[i].kind, w == part else {
          matches = false
          break
        }
      }
      if matches && spec.path.count > (best?.1 ?? 0) { best = (spec, spec.path.count) }
    }
    return best
  }

  /// Commands below a first word that has subcommands (`credit` → `credit limit …`).
  public func group(_ head: String) -> [CommandSpec]? {
    let g = specs.filter { $0.path.count > 1 && $0.path[0] == head }
    return g.isEmpty ? nil : g
  }

  /// Every distinct first word, in table order.
  public var topWords: [String] {
    var seen = Set<String>()
    return specs.compactMap { seen.insert($0.path[0]).inserted ? $0.path[0] : nil }
  }

  /// Specs whose path starts with `prefix` (for help on a group).
  public func under(_ prefix: [String]) -> [CommandSpec] {
    specs.filter { $0.path.starts(with: prefix) }
  }

  /// The exact command named by `path`.
  public func named(_ path: [String]) -> CommandSpec? { specs.first { $0.path == path } }

  /// The one-word command a statement's text starts with, if there is one.
  public func leading(_ text: String) -> CommandSpec? {
    let first = String(text.prefix { !$0.isWhitespace })
    return specs.first { $0.path.count == 1 && $0.path[0] == first }
  }
}
