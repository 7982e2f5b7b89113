import KehuQuery
import KehuStore

/// An error a statement raises, with where it points inside the statement (1-based line
/// and column, and how many characters to underline). The session maps it to the file.
public struct ShellError: Error, Equatable, Sendable {
  public var message: String
  public var line: Int
  public var column: Int
  public var length: Int
  /// Extra lines printed after the caret (valid fields, candidates).
  public var hint: String?

  public init(_ message: String, line: Int = 1, column: Int = 1, length: Int = 1, hint: String? = nil) {
    self.message = message
    self.line = line
    self.column = column
    self.length = max(1, length)
    self.hint = hint
  }

  package init(_ message: String, at word: Word, hint: String? = nil) {
    self.init(message, line: word.line, column: word.column, length: word.length, hint: hint)
  }
}

/// A command's arguments, checked and typed against its `ArgSpec`s.
public struct ParsedArguments: Sendable {
  public var values: [String: Value] = [:]
  /// Words for positional `rest` arguments, in order.
  public var rest: [String] = []
  /// Where each named argument was written, for errors raised later by the handler.
  public var positions: [String: Word] = [:]
  /// Bare flag words the spec lists as a `.bool` positional (e.g. `--all`, `overdue`).
  public subscript(_ name: String) -> Value? { values[name] }

  public func text(_ name: String) -> String? { values[name]?.textValue }
  public func money(_ name: String) -> Money? {
    if case .money(let m)? = values[name] { return m }
    return nil
  }
  public func date(_ name: String) -> Day? {
    if case .date(let d)? = values[name] { return d }
    return nil
  }
  public func int(_ name: String) -> Int64? {
    if case .int(let i)? = values[name] { return i }
    return nil
  }
  public func flag(_ name: String) -> Bool {
    if case .bool(let b)? = values[name] { return b }
    return false
  }
  /// An error pointing at the word that gave `name`, or at the command when it was not given.
  public func error(_ message: String, at name: String, hint: String? = nil) -> ShellError {
    if let w = positions[name] { return ShellError(message, at: w, hint: hint) }
    return ShellError(message, hint: hint)
  }
}

enum ArgumentParser {
  /// Checks `words` (after the command's own words) against `spec`.
  static func parse(_ words: [Word], for spec: CommandSpec, commandEnd: Word?) throws(ShellError)
    -> ParsedArguments
  {
    var out = ParsedArguments()
    let positionals = spec.arguments.filter { $0.positional }
    var nextPositional = 0
    for w in words {
      switch w.kind {
      case .pair(let key, let value, _):
        let keyArgs = spec.arguments.filter { !$0.positional }
        if keyArgs.isEmpty && nextPositional < positionals.count {
          // A command with no named arguments takes `a=b` as one word (`set format=csv`).
          let whole = Word(
            kind: .plain("\(key)=\(value)", quoted: false), line: w.line, column: w.column, length: w.length)
          let arg = positionals[nextPositional]
          if arg.rest {
            out.rest.append("\(key)=\(value)")
            out.values[arg.name] = .text(out.rest.joined(separator: " "))
          } else {
            out.values[arg.name] = try convert("\(key)=\(value)", arg.kind, name: arg.name, word: whole)
            nextPositional += 1
          }
          if out.positions[arg.name] == nil { out.positions[arg.name] = whole }
          continue
        }
        guard let arg = spec.arguments.first(where: { !$0.positional && $0.name == key }) else {
          let keys = spec.arguments.filter { !$0.positional }.map { $0.name }
          let near = nearest(key, in: keys)
          var msg = tr("unknown argument `{0}` for `{1}`", key, spec.name)
          if let near { msg += tr("; did you mean `{0}`?", near) }
          throw ShellError(
            msg, at: w,
            hint: keys.isEmpty
              ? tr("`{0}` takes no name=value arguments", spec.name)
              : tr("valid arguments: {0}", keys.map { $0 + "=" }.joined(separator: " ")))
        }
        if out.values[key] != nil {
          throw ShellError(tr("`{0}` is given twice", key), at: w)
        }
        out.values[key] = try convert(value, arg.kind, name: key, word: w)
        out.positions[key] = w
      case .plain(let text, let quoted):
        // A bare word that names a flag argument (`overdue`, `--all`) sets it.
        let bare = text.hasPrefix("--") ? String(text.dropFirst(2)) : text
        if !quoted,
          let flag = spec.arguments.first(where: {
            !$0.positional && $0.kind == .bool && $0.name == bare
          })
        {
          out.values[flag.name] = .bool(true)
          out.positions[flag.name] = w
          continue
        }
        guard nextPositional < positionals.count else {
          throw ShellError(
            tr("unexpected `{0}`: `{1}` takes no more words", text, spec.name), at: w,
            hint: tr("usage: {0}", spec.usage))
        }
        let arg = positionals[nextPositional]
        if arg.rest {
          out.rest.append(text)
          out.values[arg.name] = .text(out.rest.joined(separator: " "))
          if out.positions[arg.name] == nil { out.positions[arg.name] = w }
          continue
        }
        out.values[arg.name] = try convert(text, arg.kind, name: arg.name, word: w)
        out.positions[arg.name] = w
        nextPositional += 1
      }
    }
    for a in spec.arguments where a.required && out.values[a.name] == nil {
      let what = a.positional ? a.name.uppercased() : "\(a.name)="
      var e = ShellError(
        tr("`{0}` needs {1}", spec.name, what), hint: tr("usage: {0}", spec.usage))
      if let end = commandEnd {
        e.line = end.line
        e.column = end.column + end.length
      }
      throw e
    }
    return out
  }

  static func convert(_ text: String, _ kind: ArgKind, name: String, word: Word) throws(ShellError)
    -> Value
  {
    func bad() -> ShellError {
      ShellError(tr("`{0}` must be {1}, not `{2}`", name, kind.describe, text), at: word)
    }
    switch kind {
    case .text, .path, .table, .command, .setting:
      return .text(text)
    case .customer:
      return .text(text)
    case .int:
      guard let i = Int64(text.filter { $0 != "_" && $0 != "," }) else { throw bad() }
      return .int(i)
    case .money:
      guard let m = Money(parsing: text) else { throw bad() }
      return .money(m)
    case .decimal:
      guard let d = Dec(parsing: text.filter { $0 != "_" && $0 != "," }) else { throw bad() }
      return .decimal(d)
    case .percent:
      if text.hasSuffix("%"), let d = Dec(parsing: String(text.dropLast())),
        let f = try? d.divided(by: Dec(100), scale: d.scale + 2)
      {
        return .percent(f)
      }
      guard let d = Dec(parsing: text) else { throw bad() }
      return .percent(d)
    case .date:
      guard let d = Day(parsing: text) else { throw bad() }
      return .date(d)
    case .bool:
      switch text.lowercased() {
      case "yes", "true", "on", "1": return .bool(true)
      case "no", "false", "off", "0": return .bool(false)
      default: throw bad()
      }
    case .choice(let options):
      guard options.contains(text) else {
        throw ShellError(
          tr("`{0}` must be one of {1}, not `{2}`", name, options.joined(separator: ", "), text),
          at: word)
      }
      return .text(text)
    }
  }
}

/// The closest candidate by edit distance, if it is close enough to be a likely typo.
public func nearest(_ word: String, in candidates: [String]) -> String? {
  let limit = max(1, min(3, (word.count + 1) / 3))
  var best: (String, Int)? = nil
  // A length apart by more than the limit is never close enough; skipping it keeps a
  // megabyte-long unknown word from costing a megabyte times every candidate.
  for c in candidates where abs(c.count - word.count) <= limit {
    let d = editDistance(word.lowercased(), c.lowercased())
    if best == nil || d < best!.1 { best = (c, d) }
  }
  guard let (c, d) = best else { return nil }
  return d <= limit ? c : nil
}
