/// The one table of commands. Every other part (dispatch, `help`, completion) reads it.
public struct CommandTable: Sendable {
  public var specs: [CommandSpec]

  public init(_ specs: [CommandSpec]) { self.specs = specs }

  /// The built-in commands plus every domain's.
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
    all += CaseCommands.commands
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
