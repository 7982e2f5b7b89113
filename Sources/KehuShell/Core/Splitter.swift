/// Splits script text into statements. A statement ends at a newline or `;` at the
/// top level; it goes on while a line ends with `|` or `\`, or a bracket or a string
/// is open, or while `continues` says the statement so far is unfinished (the session asks
/// the query lexer: a trailing `,`, operator or `and`). `#` starts a comment outside strings. Text keeps its line layout (a `\`
/// continuation and comments become spaces) so positions in a statement map back to
/// the file exactly.
public struct Statement: Equatable, Sendable {
  /// The statement's text, comments blanked out, lines kept.
  public var text: String
  /// 1-based line and column in the source where `text` starts.
  public var line: Int
  public var column: Int

  public init(text: String, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }

  /// Maps a 1-based (line, column) inside `text` to the source file.
  public func sourcePosition(line l: Int, column c: Int) -> (line: Int, column: Int) {
    (line + l - 1, l == 1 ? column + c - 1 : c)
  }
}

public struct SplitResult: Equatable, Sendable {
  public var statements: [Statement]
  /// The text ended inside a statement (open bracket or string, trailing `|` or `\`).
  public var incomplete: Bool
}

public enum Splitter {
  public static func split(_ source: String, continues: (String) -> Bool = { _ in false }) -> SplitResult {
    var statements: [Statement] = []
    var current = ""
    var startLine = 1
    var startColumn = 1
    var line = 1
    var column = 1
    var depth = 0
    var inString = false
    var escaped = false
    var inComment = false
    // The last significant (non-space, non-comment) character of the statement so far.
    var lastSignificant: Character? = nil
    var backslashPending = false

    func flush() {
      let trimmed = current.trimmingTrailingSpace()
      if !trimmed.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
        // Drop leading blank space but keep the position of the first real character.
        var text = Substring(trimmed)
        var l = startLine
        var c = startColumn
        while let f = text.first, f == " " || f == "\t" || f == "\n" || f == "\r" {
          if f == "\n" {
            l += 1
            c = 1
          } else {
            c += 1
          }
          text = text.dropFirst()
        }
        statements.append(Statement(text: String(text), line: l, column: c))
      }
      current = ""
      lastSignificant = nil
    }

    for ch in source {
      if current.isEmpty && lastSignificant == nil && !inString {
        startLine = line
        startColumn = column
      }
      if inComment {
        if ch == "\n" {
          inComment = false
        } else {
          column += 1
          current.append(" ")
          continue
        }
      }
      if inString {
        current.append(ch)
        if escaped {
          escaped = false
        } else if ch == "\\" {
          escaped = true
        } else if ch == "\"" {
          inString = false
          lastSignificant = ch
        }
      } else {
        switch ch {
        case "#":
          inComment = true
          current.append(" ")
        case "\"":
          inString = true
          backslashPending = false
          current.append(ch)
          lastSignificant = ch
        case "(", "[", "{":
          depth += 1
          current.append(ch)
          lastSignificant = ch
        case ")", "]", "}":
          depth = max(0, depth - 1)
          current.append(ch)
          lastSignificant = ch
        case "\\":
          backslashPending = true
          // At the start of a statement it is psql's meta-command mark (`\q`, `\d`), kept
          // for the session to read; elsewhere it only joins lines.
          current.append(current.allSatisfy(\.isWhitespace) ? "\\" : " ")
        case ";" where depth == 0:
          current.append(" ")
          flush()
        case "\n", "\r\n":
          let goesOn =
            depth > 0 || backslashPending || lastSignificant == "|"
            || (lastSignificant != nil && continues(current))
          backslashPending = false
          if goesOn {
            current.append("\n")
          } else {
            flush()
          }
        case " ", "\t", "\r":
          current.append(ch == "\r" ? " " : ch)
        default:
          backslashPending = false
          current.append(ch)
          lastSignificant = ch
        }
      }
      if ch == "\n" || ch == "\r\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    let incomplete =
      inString || depth > 0 || backslashPending || lastSignificant == "|"
      || (lastSignificant != nil && continues(current))
    if !incomplete { flush() } else if !current.isEmpty { flush() }
    return SplitResult(statements: statements, incomplete: incomplete)
  }

  /// True while the typed text is an unfinished statement (the REPL's continuation rule).
  public static func isIncomplete(_ text: String, continues: (String) -> Bool = { _ in false }) -> Bool {
    split(text, continues: continues).incomplete
  }
}

extension String {
  /// One backward scan: `Substring.dropLast()` measures the whole string each call, which
  /// made a line with 40,000 trailing spaces (or a long comment) take seconds.
  func trimmingTrailingSpace() -> String {
    guard let last = lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }) else {
      return ""
    }
    return String(self[...last])
  }
}
