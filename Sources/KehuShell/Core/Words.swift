/// A command statement cut into words: bare words, `key=value` pairs and quoted strings,
/// each with the 1-based line and column where it starts inside the statement.
public struct Word: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// A bare or quoted word; `quoted` tells `"desc"` from `desc`.
    case plain(String, quoted: Bool)
    /// `key=value`; the value may have been quoted.
    case pair(key: String, value: String, quoted: Bool)
  }
  public var kind: Kind
  public var line: Int
  public var column: Int
  /// Width of the whole word in characters (for underlining).
  public var length: Int

  public var plain: String? {
    if case .plain(let s, _) = kind { return s }
    return nil
  }
}

public struct WordError: Error, Equatable, Sendable {
  public var message: String
  public var line: Int
  public var column: Int
}

public enum Words {
  /// Splits a command statement. Quotes: `"…"` with `\"`, `\\`, `\n`, `\t` escapes.
  /// `key="两个 字"` is one pair. A lone `=` or `key=` with nothing after it is an error.
  public static func split(_ text: String) throws(WordError) -> [Word] {
    var words: [Word] = []
    let chars = Array(text)
    var i = 0
    var line = 1
    var col = 1
    func advance() {
      if chars[i] == "\n" {
        line += 1
        col = 1
      } else {
        col += 1
      }
      i += 1
    }
    while i < chars.count {
      let c = chars[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
        continue
      }
      let startLine = line
      let startCol = col
      let startIndex = i
      var key: String? = nil
      var buf = ""
      var quoted = false
      while i < chars.count {
        let ch = chars[i]
        if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" { break }
        if ch == "\"" {
          quoted = true
          let qLine = line
          let qCol = col
          advance()
          var closed = false
          while i < chars.count {
            let q = chars[i]
            if q == "\\" && i + 1 < chars.count {
              advance()
              switch chars[i] {
              case "n": buf.append("\n")
              case "t": buf.append("\t")
              default: buf.append(chars[i])
              }
              advance()
              continue
            }
            if q == "\"" {
              closed = true
              advance()
              break
            }
            buf.append(q)
            advance()
          }
          if !closed {
            throw WordError(message: tr("unterminated string"), line: qLine, column: qCol)
          }
          continue
        }
        if ch == "=" && key == nil && !quoted {
          if buf.isEmpty {
            throw WordError(message: tr("`=` needs a name before it"), line: line, column: col)
          }
          key = buf
          buf = ""
          advance()
          continue
        }
        buf.append(ch)
        advance()
      }
      let length = i - startIndex
      if let key {
        if buf.isEmpty && !quoted {
          throw WordError(
            message: tr("`{0}=` needs a value", key), line: startLine, column: startCol)
        }
        words.append(
          Word(
            kind: .pair(key: key, value: buf, quoted: quoted), line: startLine, column: startCol,
            length: length))
      } else {
        words.append(
          Word(kind: .plain(buf, quoted: quoted), line: startLine, column: startCol, length: length))
      }
    }
    return words
  }
}
