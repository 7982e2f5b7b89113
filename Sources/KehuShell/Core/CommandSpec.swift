import KehuStore

/// What kind of value an argument takes: drives parsing, the error message and completion.
public enum ArgKind: Equatable, Sendable {
  case text
  case int
  case money
  case percent
  case decimal
  case date
  case bool
  /// One of a fixed list of words.
  case choice([String])
  case customer
  case table
  case path
  case command
  case setting

  var describe: String {
    switch self {
    case .text: return tr("text")
    case .int: return tr("a whole number")
    case .money: return tr("an amount")
    case .percent: return tr("a percentage")
    case .decimal: return tr("a number")
    case .date: return tr("a date (YYYY-MM-DD)")
    case .bool: return tr("yes or no")
    case .choice(let c): return c.joined(separator: "|")
    case .customer: return tr("a customer id")
    case .table: return tr("a table name")
    case .path: return tr("a file path")
    case .command: return tr("a command")
    case .setting: return tr("a setting name")
    }
  }
}

/// One argument of a command: positional (in order) or `name=value`.
public struct ArgSpec: Sendable {
  public var name: String
  public var kind: ArgKind
  public var required: Bool
  public var positional: Bool
  /// A positional argument that swallows the rest of the words (e.g. `help credit limit`).
  public var rest: Bool
  public var help: Message
  /// How `help` shows an argument that is read as text and checked later against a stored
  /// field (`age=` is a whole number, `tier=` one of major|general|scattered).
  public var shown: ArgKind?

  public static func positional(
    _ name: String, _ kind: ArgKind, required: Bool = true, rest: Bool = false, help: Message = ""
  ) -> ArgSpec {
    ArgSpec(name: name, kind: kind, required: required, positional: true, rest: rest, help: help)
  }
  public static func key(_ name: String, _ kind: ArgKind, required: Bool = false, help: Message = "")
    -> ArgSpec
  {
    ArgSpec(name: name, kind: kind, required: required, positional: false, rest: false, help: help)
  }
}

/// One entry of the command table: the only list of commands. Dispatch, argument checks,
/// `help` and Tab completion all read it.
public struct CommandSpec: Sendable {
  /// The words that name it: `["credit", "limit", "sales"]`.
  public var path: [String]
  public var summary: Message
  public var arguments: [ArgSpec]
  public var example: String
  /// The chapter section it carries out, e.g. `§3.3`.
  public var section: String?
  /// Whether it changes the store (refused on a read-only store).
  public var writes: Bool
  public var handler: @Sendable (Session, ParsedArguments) throws -> CommandOutput
  /// Set for a lesson's narration (`say`, `pause`, `exercise`): a lesson prints what it
  /// says rather than echoing it as a statement, and a handout lays each kind out its way.
  public var narration: Narration?
  /// Set for a command whose argument is a whole statement (a query or a command), which the
  /// command words cannot hold: it is given the statement's text, unsplit.
  public var statementHandler: (@Sendable (Session, Statement) throws -> CommandOutput)?
  /// How a lesson echoes the statement, when not as written (`refused X` shows `X`).
  public var shownInLesson: (@Sendable (String) -> String)?

  public enum Narration: Sendable {
    /// Text for the reader.
    case text
    /// A stop between the steps of a lesson.
    case pause
    /// A question put to the learner, with its model answer.
    case question
  }

  public init(
    _ path: String, summary: Message, arguments: [ArgSpec] = [], example: String, section: String? = nil,
    writes: Bool = false,
    handler: @escaping @Sendable (Session, ParsedArguments) throws -> CommandOutput
  ) {
    self.path = path.split(separator: " ").map(String.init)
    self.summary = summary
    self.arguments = arguments
    self.example = example
    self.section = section
    self.writes = writes
    self.handler = handler
  }

  public var name: String { path.joined(separator: " ") }

  /// The same command marked as a lesson's narration of kind `n`.
  public func narrating(_ n: Narration) -> CommandSpec {
    var spec = self
    spec.narration = n
    return spec
  }

  /// The same command run on the statement's whole text instead of its parsed words.
  public func takingStatement(
    _ run: @escaping @Sendable (Session, Statement) throws -> CommandOutput
  ) -> CommandSpec {
    var spec = self
    spec.statementHandler = run
    return spec
  }

  /// The same command echoed in a lesson as `shown` rewrites its statement.
  public func showingInLessons(_ shown: @escaping @Sendable (String) -> String) -> CommandSpec {
    var spec = self
    spec.shownInLesson = shown
    return spec
  }

  public var usage: String {
    var parts = [name]
    for a in arguments {
      let shape: String
      if a.positional {
        shape = a.rest ? "\(a.name.uppercased())…" : a.name.uppercased()
      } else if case .choice(let c) = a.shown ?? a.kind {
        shape = "\(a.name)=\(c.joined(separator: "|"))"
      } else {
        shape = "\(a.name)=\((a.shown ?? a.kind).placeholder)"
      }
      parts.append(a.required ? shape : "[\(shape)]")
    }
    return parts.joined(separator: " ")
  }
}

extension ArgKind {
  /// The kind a stored field's value has: its allowed values, else its type.
  static func of(_ column: ColumnDef) -> ArgKind {
    if let allowed = column.allowed { return .choice(allowed) }
    switch column.type {
    case .int: return .int
    case .money: return .money
    case .percent: return .percent
    case .decimal: return .decimal
    case .date: return .date
    case .bool: return .bool
    default: return column.references == "customers" ? .customer : .text
    }
  }

  var placeholder: String {
    switch self {
    case .money: return "AMOUNT"
    case .date: return "DATE"
    case .int: return "N"
    case .percent: return "P"
    case .decimal: return "X"
    case .bool: return "yes|no"
    case .customer: return "ID"
    case .path: return "FILE"
    default: return "TEXT"
    }
  }
}

/// What a command gives back: a table (rendered in the current format) or plain lines.
public enum CommandOutput: Sendable {
  case table(ResultTable)
  /// Several tables shown together (`ar statement`, `credit report`): one document in the
  /// machine formats.
  case tables([ResultTable])
  case message(String)
  /// The user's own text (`print`): written as it is in every format.
  case text(String)
  /// A message with the facts it states as separate fields, for the machine formats:
  /// `added customer 1061 王芳` with `id` 1061 and `name` 王芳.
  case record(String, fields: [MessageField])
  case none
  /// Leave the session (quit, exit).
  case quit
}

/// One named fact of a `CommandOutput.record`.
public struct MessageField: Sendable, Equatable {
  public var name: String
  public var value: Value
  public init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }
}
