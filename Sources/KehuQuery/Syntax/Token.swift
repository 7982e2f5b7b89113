import KehuStore

/// A place in the source: 1-based line and column, columns counted in characters
/// (a CJK character is one column), plus the character offset for slicing.
public struct SourcePosition: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }
}

/// The characters a token or node covers; `end` is one past the last character.
public struct SourceRange: Hashable, Sendable {
  public var start: SourcePosition
  public var end: SourcePosition

  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  public var line: Int { start.line }
  public var column: Int { start.column }
  /// Characters underlined on the first line (at least one, so an end-of-input caret shows).
  public var length: Int {
    end.line == start.line ? max(1, end.column - start.column) : 1
  }

  /// The smallest range covering both.
  public func to(_ other: SourceRange) -> SourceRange {
    SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
  }
}

public enum Symbol: String, Sendable, CaseIterable {
  case pipe = "|"
  case comma = ","
  case lparen = "("
  case rparen = ")"
  case lbracket = "["
  case rbracket = "]"
  case lbrace = "{"
  case rbrace = "}"
  case assign = "="
  case eq = "=="
  case ne = "!="
  case lt = "<"
  case le = "<="
  case gt = ">"
  case ge = ">="
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case dot = "."
  case semicolon = ";"
}

/// Words the language reserves; verbs and clause words (`by`, `on`, `desc`, `set`) are
/// recognised by position instead, so tables and columns may still use those names.
public enum Keyword: String, Sendable, CaseIterable {
  case and, or, not, `in`, `is`, null, `true`, `false`, `let`, `for`, update

  /// The keywords that begin a statement rather than an expression.
  public static let statementStarts: [Keyword] = [.let, .for, .update]
  /// The keywords an expression may begin with: a literal, or `not`.
  public static let expressionStarts: [Keyword] = [.null, .true, .false, .not]
  /// The keywords that join or test values inside an expression.
  public static let operators: [Keyword] = [.and, .or, .not, .in, .is, .null]
}

/// Words that mean something only in one place of a statement and are names elsewhere
/// (a column may be called `left` or `set`): `sort x desc`, `summarize … by`, `join … on`.
public enum ContextualWord: String, Sendable, CaseIterable {
  case asc, desc, by, on, left, set, stacked, range, `where`

  /// The words that end a verb's list and start its next clause, offered by completion.
  public static let clauses: [ContextualWord] = [.asc, .desc, .by, .on]
}

public enum TokenKind: Equatable, Sendable {
  case int(Int64)
  case decimal(Dec)
  /// `30%`, held as the fraction 0.30.
  case percent(Dec)
  case string(String)
  case date(Day)
  /// `30d`, `2w`, held in days.
  case duration(Int32)
  case identifier(String)
  /// `$name`, without the dollar.
  case variable(String)
  case keyword(Keyword)
  case symbol(Symbol)
  case newline
  case end
}

public struct Token: Equatable, Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  /// The characters as written, for messages.
  public var text: String

  public init(kind: TokenKind, range: SourceRange, text: String) {
    self.kind = kind
    self.range = range
    self.text = text
  }

  /// How a message names this token: "`desc`", "end of input", "a new line".
  public var quoted: String {
    switch kind {
    case .end: return "end of input"
    case .newline: return "end of line"
    case .string: return "string \(text)"
    default: return "`\(text)`"
    }
  }

  public func isSymbol(_ s: Symbol) -> Bool { kind == .symbol(s) }
  public func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }

  /// True for an identifier spelled `word` (clause words like `by`, `desc`).
  public func isWord(_ word: ContextualWord) -> Bool { isWord(word.rawValue) }

  public func isWord(_ word: String) -> Bool {
    if case .identifier(let s) = kind { return s == word }
    return false
  }

  public var identifier: String? {
    if case .identifier(let s) = kind { return s }
    return nil
  }
}
