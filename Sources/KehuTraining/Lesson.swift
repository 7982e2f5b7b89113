import Foundation
import KehuShell
import KehuStore

/// Runs a case's lesson: a kehu script whose `say` lines are narration, whose `pause`
/// lines wait at the prompt, whose `exercise` lines ask the learner, and whose other
/// statements are echoed behind the prompt and run on the case's scratch store.
enum Lesson {
  /// Returns whether the learner stopped it (`q` or Ctrl-C at a pause, or end of input).
  @discardableResult
  static func run(_ s: Session, _ c: TrainingCase, recorder: Handout.Recorder?) throws -> Bool {
    let text = c.file("lesson.kehu") ?? ""
    let path = CaseLibrary.scriptPath(c, "lesson.kehu")
    let shown = "\(c.name)/lesson.kehu"
    s.lessonDepth += 1
    defer { s.lessonDepth -= 1 }
    var failed = false
    var stopped = false
    for st in Splitter.split(text, continues: s.queryContinues).statements {
      // Padded to the statement's place, so an error names the lesson's own line and column.
      let padded =
        String(repeating: "\n", count: st.line - 1) + String(repeating: " ", count: st.column - 1) + st.text
      s.openCase?.refusal = false
      var outcome = s.runScript(padded, path: path, shownAs: shown)
      // A refusal the lesson asked for (`refused STATEMENT`) is the lesson, not a failure.
      if outcome == .failed && s.openCase?.refusal == true {
        s.failures -= 1
        outcome = .ok
      }
      try recorder?.record(st.text, narration: s.commands.leading(st.text)?.narration)
      if outcome == .quit || s.openCase?.stop == true {
        stopped = true
        break
      }
      if outcome == .failed {
        failed = true
        if !s.options.keepGoing && !s.options.interactive { break }
      }
    }
    s.openCase?.stop = false
    if failed { throw ShellError.alreadyReported }
    return stopped
  }

  /// The statement a lesson shows: `refused` is the lesson's note, not part of the command.
  static func shown(_ text: String) -> String {
    text.hasPrefix("refused ") ? String(text.dropFirst(8).drop { $0 == " " }) : text
  }

  /// `refused STATEMENT`: runs the statement, which must fail. Its error is printed as usual,
  /// pointing into the lesson's own line; a statement that succeeds fails the lesson.
  static func refused(_ s: Session, _ st: Statement) throws -> CommandOutput {
    guard s.lessonDepth > 0 else {
      throw ShellError(
        tr("`refused` belongs in a lesson: it runs a statement the lesson expects to fail"), length: 7)
    }
    let rest = st.text.dropFirst(7).drop { $0 == " " }
    let offset = st.text.count - rest.count
    let inner = Statement(text: String(rest), line: st.line, column: st.column + offset)
    let output: CommandOutput
    do {
      output = try s.runStatement(inner)
    } catch var e as ShellError {
      if e.line == 1 { e.column += offset }
      s.openCase?.refusal = true
      throw e
    }
    try s.emitOutput(output)
    throw ShellError(tr("the lesson expected this statement to be refused"), length: 7)
  }

  // MARK: exercises

  struct Exercise {
    var question: String
    var questionZh: String?
    var answer: String
    /// Where the model answer starts in the statement (line, column), for its errors.
    var answerLine: Int
    var answerColumn: Int
  }

  /// `exercise "QUESTION" [zh="…"] expect ANSWER`: the answer is everything after the
  /// bare word `expect`, taken as written (a query does not split into command words).
  static func parse(_ text: String) throws -> Exercise {
    let chars = Array(text)
    var i = 0
    var quoted = false
    var line = 1
    var col = 1
    var split: (Int, Int, Int)? = nil
    while i < chars.count {
      let ch = chars[i]
      if quoted {
        if ch == "\\" {
          i += 1
          col += 1
        } else if ch == "\"" {
          quoted = false
        }
      } else if ch == "\"" {
        quoted = true
      } else if String(chars[i..<min(i + 6, chars.count)]) == "expect", i > 0, chars[i - 1].isWhitespace,
        i + 6 == chars.count || chars[i + 6].isWhitespace
      {
        split = (i, line, col)
        break
      }
      if ch == "\n" {
        line += 1
        col = 1
      } else {
        col += 1
      }
      i += 1
    }
    guard let (at, l, c) = split else {
      throw ShellError(
        tr("an exercise needs `expect` and its model answer: exercise \"QUESTION\" expect QUERY"))
    }
    let words: [Word]
    do {
      words = try Words.split(String(chars[..<at]))
    } catch {
      throw ShellError(error.message, line: error.line, column: error.column)
    }
    var question: String? = nil
    var zh: String? = nil
    for w in words.dropFirst() {
      switch w.kind {
      case .plain(let t, _) where question == nil: question = t
      case .pair("zh", let t, _): zh = t
      default: throw ShellError(tr("unexpected `{0}` in an exercise", w.plain ?? "="), at: w)
      }
    }
    let answer = String(chars[(at + 6)...]).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let question, !answer.isEmpty else {
      throw ShellError(
        tr("an exercise needs a question and a model answer: exercise \"QUESTION\" expect QUERY"), line: l,
        column: c, length: 6)
    }
    // The answer starts after `expect` and the blanks that follow it.
    var k = at + 6
    var al = l
    var ac = c + 6
    while k < chars.count, chars[k].isWhitespace {
      if chars[k] == "\n" {
        al += 1
        ac = 1
      } else {
        ac += 1
      }
      k += 1
    }
    return Exercise(question: question, questionZh: zh, answer: answer, answerLine: al, answerColumn: ac)
  }

  static func exercise(_ s: Session, _ st: Statement) throws -> CommandOutput {
    let ex = try parse(st.text)
    let question = s.settings.language == "zh" ? (ex.questionZh ?? ex.question) : ex.question
    s.emit(tr("Exercise: {0}", question) + "\n")
    let model = Statement(
      text: ex.answer, line: st.line + ex.answerLine - 1,
      column: ex.answerLine == 1 ? st.column + ex.answerColumn - 1 : ex.answerColumn)
    guard s.options.interactive, !s.noPause, let read = s.readLine else {
      s.emit(tr("Model answer:") + "\n" + s.prompt + ex.answer + "\n")
      return try trying(s) { try s.runStatement(model) }
    }
    let expected = try trying(s) { try s.runStatement(model) }
    while true {
      // End of input (Ctrl-D, or Ctrl-C at the answer prompt) stops the lesson, as `q` at a pause does.
      guard let line = read(tr("answer (Enter shows the model answer)> ")) else {
        s.openCase?.stop = true
        return .none
      }
      let typed = line.trimmingCharacters(in: .whitespaces)
      if typed.isEmpty || typed == "?" {
        s.emit(tr("Model answer:") + "\n" + s.prompt + ex.answer + "\n")
        return expected
      }
      guard let mine = Splitter.split(typed, continues: s.queryContinues).statements.first else { continue }
      let got: CommandOutput
      do {
        got = try trying(s) { try s.runStatement(mine) }
      } catch let e as ShellError {
        s.report(e, in: mine, source: typed, file: nil)
        s.emit(tr("Try again, or press Enter to see the model answer.") + "\n")
        continue
      }
      if case .quit = got {
        s.openCase?.stop = true
        return .none
      }
      try s.emitOutput(got)
      if same(got, expected) {
        s.emit(tr("Right: the same result as the model answer ({0}).", ex.answer) + "\n")
        return .none
      }
      s.emit(tr("Not the same result as the model answer. Try again, or press Enter to see it.") + "\n")
    }
  }

  /// Runs an answer in a scenario that is thrown away: an exercise never changes the case.
  static func trying(_ s: Session, _ body: () throws -> CommandOutput) throws -> CommandOutput {
    s.workspace.beginScenario("exercise")
    defer { s.workspace.endScenario() }
    return try body()
  }

  /// Two answers match when they give the same rows (column names may differ) or the same text.
  static func same(_ a: CommandOutput, _ b: CommandOutput) -> Bool {
    switch (a, b) {
    case (.table(let x), .table(let y)): return x.rows == y.rows && x.totalRows == y.totalRows
    case (.message(let x), .message(let y)): return x == y
    default: return false
    }
  }
}
