import Foundation
import KehuQuery
import KehuStore
import KehuText

/// Tab completion by context, read from the command table.
struct Completer {
  let session: Session

  func complete(line: String, cursor: Int) -> Completion {
    let scalars = Array(line.unicodeScalars.prefix(cursor))
    let before = String(String.UnicodeScalarView(scalars))
    // The word being completed starts after the last space outside quotes.
    var start = 0
    var inQuote = false
    for (i, s) in scalars.enumerated() {
      if s == "\"" { inQuote.toggle() }
      if !inQuote && (s == " " || s == "\t" || s == "|" || s == "(") { start = i + 1 }
    }
    let word = String(String.UnicodeScalarView(scalars[start...]))
    let statement = currentStatement(String(String.UnicodeScalarView(scalars[..<start])))
    let previous = statement.split(separator: " ").map(String.init)
    let table = session.commands
    var candidates: [String] = []

    if previous.isEmpty {
      candidates = table.topWords + Catalog.tableNames + Keyword.statementStarts.map(\.rawValue)
    } else if let first = previous.first, !table.topWords.contains(first),
      Session.startsQuery(first) || first == "let" || first == "update"
    {
      candidates = queryCandidates(statement, previous: previous)
    } else if let (spec, used) = table.resolve(previous.map(plainWord)) {
      candidates = argumentCandidates(spec, typed: Array(previous.dropFirst(used)), word: word)
      // Longer commands that start the same way (`export` → `export all`).
      if previous.count == used {
        candidates += table.specs.filter { $0.path.count > used && Array($0.path.prefix(used)) == spec.path }
          .map { $0.path[used] }
      }
      if let eq = word.firstIndex(of: "=") {
        let key = String(word[..<eq])
        if let arg = spec.arguments.first(where: { $0.name == key }) {
          let prefix = String(word[...eq])
          candidates = values(for: arg.kind, typed: String(word[word.index(after: eq)...]))
            .map { prefix + $0 }
        }
      }
    } else {
      // Inside a command path: the next word of the path.
      let depth = previous.count
      candidates = table.specs.filter { $0.path.count > depth && Array($0.path.prefix(depth)) == previous }
        .map { $0.path[depth] }
    }
    // `$` names a variable anywhere: `let`, `--set`, a `for` loop's.
    if word.hasPrefix("$") { candidates = variableNames.map { "$" + $0 } }
    var seen = Set<String>()
    let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    _ = before
    return Completion(replaceFrom: start, candidates: matches)
  }

  /// In a pipeline: verb names right after `|`, else the source table's columns and the
  /// functions; table names after `join`, `update` and `let NAME =`.
  private func queryCandidates(_ statement: String, previous: [String]) -> [String] {
    let trimmed = statement.trimmingCharacters(in: .whitespaces)
    if trimmed.hasSuffix("|") { return Verb.names }
    if let last = previous.last, ["join", "update", "left"].contains(last) { return Catalog.tableNames }
    // `let NAME =` takes a pipeline (a table); `derive x =`, `select a =`, `summarize n =` an
    // expression (columns and functions, below).
    if previous.count >= 3, previous[previous.count - 1] == "=", previous[previous.count - 3] == "let" {
      return Catalog.tableNames
    }
    // The source: the first table named in the statement (after `let x =` or `update`).
    let source =
      previous.first { Catalog.table(named: $0) != nil }
      ?? previous.compactMap { w in Catalog.tableNames.first { w.hasPrefix($0 + "|") } }.first
    let joined = previous.enumerated().compactMap { i, w in
      i > 0 && previous[i - 1] == "join" ? w : nil
    }
    var out: [String] = []
    for t in [source].compactMap({ $0 }) + joined {
      out += Catalog.table(named: t)?.columns.map(\.name) ?? []
    }
    // A table variable as the source (`$big | where …`, `let y = $big | …`): its columns.
    for w in previous where w.hasPrefix("$") {
      let name = String(w.dropFirst().prefix { $0 != "|" })
      if case .table(let t)? = session.tables[name] { out += t.columns.map(\.name) }
    }
    // Names the pipeline made itself: `derive margin = …`, `summarize total = …`.
    let scalars = Array(statement.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "=", i + 1 == scalars.count || scalars[i + 1] != "=",
        i == 0 || !"=!<>".unicodeScalars.contains(scalars[i - 1])
      {
        var end = i
        while end > 0 && scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0,
          scalars[start - 1].properties.isAlphabetic || scalars[start - 1] == "_"
            || ("0"..."9").contains(scalars[start - 1])
        {
          start -= 1
        }
        if start < end { out.append(String(String.UnicodeScalarView(scalars[start..<end]))) }
      }
      i += 1
    }
    out += Keyword.operators.map(\.rawValue) + ContextualWord.clauses.map(\.rawValue)
    out += Session.functions.names.map { $0 + "(" }
    out += SpecialFunctions.all.map { $0.name + "(" }
    return out
  }

  /// The session's variables: `let` (values and tables) and `--set` bindings.
  private var variableNames: [String] {
    Set(session.variables.keys).union(session.tables.keys).sorted()
  }

  private func plainWord(_ s: String) -> Word {
    Word(kind: .plain(s, quoted: false), line: 1, column: 1, length: s.count)
  }

  /// The text after the last `;` (statements typed on one line).
  private func currentStatement(_ text: String) -> String {
    String(text.split(separator: ";", omittingEmptySubsequences: false).last ?? "")
  }

  private func argumentCandidates(_ spec: CommandSpec, typed: [String], word: String) -> [String] {
    let given = Set(typed.compactMap { $0.split(separator: "=").first.map(String.init) })
    var out: [String] = []
    let positionalsGiven = typed.filter { !$0.contains("=") }.count
    let positionals = spec.arguments.filter { $0.positional }
    if positionalsGiven < positionals.count || positionals.last?.rest == true {
      let arg = positionalsGiven < positionals.count ? positionals[positionalsGiven] : positionals.last!
      if arg.kind == .command {
        // `help cre…` completes command paths.
        let depth = typed.count
        out += session.commands.specs.filter {
          $0.path.count > depth && Array($0.path.prefix(depth)) == typed
        }.map { $0.path[depth] }
        if depth == 0 { out += HelpTopic.names(session.commands) }
      } else if positionalsGiven > 0, positionals[positionalsGiven - 1].kind == .setting,
        let setting = SettingSpec.all.first(where: { $0.name == typed.filter { !$0.contains("=") }.last })
      {
        // `set format ` → table, csv, json, markdown: the values of the setting named.
        out += setting.choices
      } else {
        out += values(for: arg.kind, typed: word)
      }
    }
    out += spec.arguments.filter { !$0.positional && !given.contains($0.name) }
      .map { $0.kind == .bool ? $0.name : $0.name + "=" }
    return out
  }

  private func values(for kind: ArgKind, typed: String) -> [String] {
    switch kind {
    case .choice(let c): return c
    case .bool: return ["yes", "no"]
    case .setting: return SettingSpec.all.map(\.name)
    case .path: return paths(typed)
    case .table: return Catalog.tableNames
    case .customer: return customerIds(typed)
    default: return []
    }
  }

  /// Customer ids that start with what is typed; at most 200, so a million-customer store
  /// answers at once.
  private func customerIds(_ typed: String) -> [String] {
    let t = session.db.customers
    let ids = t.columns[t.def.keyColumn].ints
    let db = session.db
    var out: [String] = []
    for id in ids {
      let text = db.customerCode(id)
      if text.hasPrefix(typed) {
        out.append(text)
        if out.count == 200 { break }
      }
    }
    return out
  }

  /// File names for `source`, `import`, `export`: the directory part as typed.
  private func paths(_ typed: String) -> [String] {
    let t = typed.hasPrefix("\"") ? String(typed.dropFirst()) : typed
    let slash = t.lastIndex(of: "/")
    let dir = slash.map { String(t[...$0]) } ?? ""
    let listed = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
    return listed.filter { !$0.hasPrefix(".") }.sorted().map { name in
      var isDir: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: dir + name, isDirectory: &isDir)
      return dir + name + (isDir.boolValue ? "/" : "")
    }
  }
}
