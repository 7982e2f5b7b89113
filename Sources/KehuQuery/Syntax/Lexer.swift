import KehuStore

/// Turns source text into tokens. Newlines are kept where they end a statement and
/// dropped where a statement obviously goes on: inside `(…)` and `[…]`, after `|`, `,`,
/// `=`, an operator, and before a line that starts with `|`.
public struct Lexer {
  let chars: [Character]
  var index = 0
  var line = 1
  var column = 1
  /// Open brackets, innermost last, for continuation and newline rules.
  var open: [Character] = []

  public init(_ source: String) { chars = Array(source) }

  /// All tokens, ending with `.end`; the first lexical error is thrown.
  public static func tokens(_ source: String) throws(QueryError) -> [Token] {
    var lexer = Lexer(source)
    var raw: [Token] = []
    while true {
      let t = try lexer.next()
      raw.append(t)
      if t.kind == .end { break }
    }
    return joinLines(raw)
  }

  static func continues(_ t: Token) -> Bool {
    switch t.kind {
    case .symbol(let s):
      return [.pipe, .comma, .assign, .eq, .ne, .lt, .le, .gt, .ge, .plus, .minus, .star, .slash, .dot]
        .contains(s)
    case .keyword(let k): return [.and, .or, .not, .in, .is].contains(k)
    default: return false
    }
  }

  static func joinLines(_ raw: [Token]) -> [Token] {
    var out: [Token] = []
    for (i, t) in raw.enumerated() {
      if t.kind == .newline {
        if let last = out.last, continues(last) || last.kind == .newline { continue }
        if out.isEmpty { continue }
        var j = i + 1
        while j < raw.count && raw[j].kind == .newline { j += 1 }
        if j < raw.count && raw[j].isSymbol(.pipe) { continue }
      }
      out.append(t)
    }
    return out
  }

  var position: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

  mutating func advance() -> Character {
    let c = chars[index]
    index += 1
    if c == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    return c
  }

  func peek(_ ahead: Int = 0) -> Character? {
    index + ahead < chars.count ? chars[index + ahead] : nil
  }

  func error(_ message: Message, from start: SourcePosition, incomplete: Bool = false) -> QueryError {
    QueryError(.syntax, message, at: SourceRange(start: start, end: position), incomplete: incomplete)
  }

  static func isIdentStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
  static func isIdentPart(_ c: Character) -> Bool {
    c == "_" || c.isLetter || (c.isASCII && c.isNumber)
  }
  static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

  mutating func skipSpace() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\r" {
        _ = advance()
      } else if c == "#" {
        while let d = peek(), d != "\n" { _ = advance() }
      } else {
        break
      }
    }
  }

  public mutating func next() throws(QueryError) -> Token {
    skipSpace()
    let start = position
    guard let c = peek() else {
      return Token(kind: .end, range: SourceRange(start: start, end: start), text: "")
    }
    func make(_ kind: TokenKind) -> Token {
      Token(
        kind: kind, range: SourceRange(start: start, end: position),
        text: String(chars[start.offset..<index]))
    }
    if c == "\n" {
      _ = advance()
      // Inside ( or [ a newline never ends anything.
      if let o = open.last, o != "{" { return try next() }
      return make(.newline)
    }
    if Lexer.isDigit(c) { return try number(start) }
    if c == "\"" { return try string(start) }
    if c == "$" {
      _ = advance()
      guard let d = peek(), Lexer.isIdentStart(d) else {
        throw error("expected a variable name after `$`", from: start)
      }
      while let d = peek(), Lexer.isIdentPart(d) { _ = advance() }
      return make(.variable(String(chars[(start.offset + 1)..<index])))
    }
    if Lexer.isIdentStart(c) {
      while let d = peek(), Lexer.isIdentPart(d) { _ = advance() }
      let word = String(chars[start.offset..<index])
      return make(Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word))
    }
    _ = advance()
    let two = peek().map { String(c) + String($0) }
    if let two, let s = Symbol(rawValue: two), two.count == 2 {
      _ = advance()
      return make(.symbol(s))
    }
    if c == "!" { throw error("unexpected `!`; write `!=` for not equal, or `not`", from: start) }
    if c == "'" {
      throw error("strings take double quotes: write \"华东\", not '华东'", from: start)
    }
    guard let s = Symbol(rawValue: String(c)) else {
      throw error("unexpected character `\(c)`", from: start)
    }
    switch s {
    case .lparen, .lbracket, .lbrace: open.append(c)
    case .rparen, .rbracket, .rbrace:
      if !open.isEmpty { open.removeLast() }
    default: break
    }
    return make(.symbol(s))
  }

  /// Integers (with `_`), decimals, `30%`, dates `2026-11-29`, durations `30d` `2w`.
  mutating func number(_ start: SourcePosition) throws(QueryError) -> Token {
    func make(_ kind: TokenKind) -> Token {
      Token(
        kind: kind, range: SourceRange(start: start, end: position),
        text: String(chars[start.offset..<index]))
    }
    // A date is exactly dddd-dd-dd.
    if (0..<4).allSatisfy({ Lexer.isDigit(peek($0)) }) && peek(4) == "-" && Lexer.isDigit(peek(5))
      && Lexer.isDigit(peek(6)) && peek(7) == "-" && Lexer.isDigit(peek(8)) && Lexer.isDigit(peek(9))
      && !(peek(10).map(Lexer.isIdentPart) ?? false)
    {
      for _ in 0..<10 { _ = advance() }
      let text = String(chars[start.offset..<index])
      guard let day = Day(parsing: text) else { throw error("no such date `\(text)`", from: start) }
      return make(.date(day))
    }
    var digits = ""
    var sawPoint = false
    while let d = peek() {
      if Lexer.isDigit(d) {
        digits.append(advance())
      } else if d == "_" && Lexer.isDigit(peek(1)) {
        _ = advance()
      } else if d == "." && !sawPoint && Lexer.isDigit(peek(1)) {
        sawPoint = true
        digits.append(advance())
      } else {
        break
      }
    }
    if peek() == "%" {
      _ = advance()
      guard let d = Dec(parsing: digits), let r = d.rescaled(to: d.scale) else {
        throw error("number too large", from: start)
      }
      return make(.percent(Dec(mantissa: r.mantissa, scale: r.scale + 2)))
    }
    if let u = peek(), u == "d" || u == "w", !(peek(1).map(Lexer.isIdentPart) ?? false) {
      _ = advance()
      guard !sawPoint else { throw error("a duration is a whole number of days or weeks", from: start) }
      guard let n = Int32(digits), n <= 3_000_000 / (u == "w" ? 7 : 1) else {
        throw error("duration too large", from: start)
      }
      return make(.duration(u == "w" ? n * 7 : n))
    }
    if let u = peek(), Lexer.isIdentPart(u) {
      while let d = peek(), Lexer.isIdentPart(d) { _ = advance() }
      throw error(
        "bad number `\(String(chars[start.offset..<index]))`; durations are written `30d` or `2w`",
        from: start)
    }
    if sawPoint {
      guard let d = Dec(parsing: digits) else { throw error("number too large", from: start) }
      return make(.decimal(d))
    }
    guard let n = Int64(digits) else { throw error("integer too large", from: start) }
    return make(.int(n))
  }

  /// A double-quoted string with `\"`, `\\`, `\n`, `\t` and `\u{…}` escapes.
  mutating func string(_ start: SourcePosition) throws(QueryError) -> Token {
    _ = advance()
    var value = ""
    while true {
      guard let c = peek(), c != "\n" else {
        throw error("unterminated string", from: start, incomplete: peek() == nil)
      }
      _ = advance()
      if c == "\"" { break }
      if c != "\\" {
        value.append(c)
        continue
      }
      let escStart = position
      guard let e = peek(), e != "\n" else {
        throw error("unterminated string", from: start, incomplete: true)
      }
      _ = advance()
      switch e {
      case "\"": value.append("\"")
      case "\\": value.append("\\")
      case "n": value.append("\n")
      case "t": value.append("\t")
      case "u":
        var hex = ""
        if peek() == "{" {
          _ = advance()
          while let h = peek(), h.isHexDigit { hex.append(advance()) }
          if peek() == "}" { _ = advance() } else { hex = "" }
        }
        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
          throw error("bad escape; write `\\u{4E2D}`", from: escStart)
        }
        value.unicodeScalars.append(scalar)
      default:
        throw error("unknown escape `\\\(e)` in a string", from: escStart)
      }
    }
    return Token(
      kind: .string(value), range: SourceRange(start: start, end: position),
      text: String(chars[start.offset..<index]))
  }
}

extension Lexer {
  /// True when the input stops in the middle of a statement: an open bracket or brace,
  /// an unterminated string, or a last token that needs a continuation (`|`, `,`, an
  /// operator). The prompt then reads another line instead of reporting an error.
  public static func isIncomplete(_ source: String) -> Bool {
    var lexer = Lexer(source)
    var last: Token?
    while true {
      do {
        let t = try lexer.next()
        if t.kind == .end { break }
        if t.kind != .newline { last = t }
      } catch {
        return error.isIncomplete
      }
    }
    if !lexer.open.isEmpty { return true }
    if let last, continues(last) { return true }
    return false
  }
}

/// The prompt's test for continuation lines (see `Lexer.isIncomplete`).
public func isIncomplete(_ source: String) -> Bool { Lexer.isIncomplete(source) }
