import Foundation
import KehuShell
import KehuStore

/// `lesson NAME handout=FILE.md` and `kehu lesson NAME --handout FILE.md`: the whole lesson
/// as Markdown, each command with its output, the charts as SVG files beside it. It runs in
/// a session of its own on the case's scratch store, so no store of the user's is opened.
enum Handout {
  /// Turns each statement's captured output into Markdown as the lesson goes.
  final class Recorder {
    let take: () -> String
    /// The chart files written since the last statement (taken, so each is shown once).
    let charts: () -> [String]
    var markdown: [String] = []

    init(take: @escaping () -> String, charts: @escaping () -> [String]) {
      self.take = take
      self.charts = charts
    }

    func record(_ statement: String, narration: CommandSpec.Narration?) throws {
      let out = take()
      switch narration {
      case .text: markdown.append(out.trimmingCharacters(in: .newlines))
      case .pause: markdown.append("---")
      case .question:
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let question = lines.isEmpty ? "" : lines.removeFirst()
        markdown.append("**\(question)**")
        markdown.append(fence(lines.joined(separator: "\n")))
      case nil: markdown.append(fence(out))
      }
      // Each chart the statement drew, by the name it was written under: a file written
      // again in a later run is shown again.
      for name in charts() { markdown.append("![\(name)](\(name))") }
    }

    func fence(_ text: String) -> String {
      "```text\n" + text.trimmingCharacters(in: .newlines) + "\n```"
    }
  }

  /// Writes the handout; the message says where and which charts it names.
  static func write(_ c: TrainingCase, to path: String, shown: String, settings: Settings) throws -> String {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw ShellError(tr("cannot write `{0}`: {1}", shown, error.localizedDescription))
    }
    let buffer = Buffer()
    var own = settings
    own.echo = false
    own.rows = nil
    own.format = .table
    let session = Session(
      options: SessionOptions(settings: own, storeName: "memory"),
      io: SessionIO(out: buffer.append, err: buffer.append), commands: .withTraining)
    session.noPause = true
    session.outputDirectory = dir
    session.textChartsAsSVG = c.name
    let recorder = Recorder(
      take: buffer.take,
      charts: {
        defer { session.chartsWritten = [] }
        return session.chartsWritten
      })
    try session.inLanguage { try CaseCommands.open(session, c) }
    let title = settings.language == "zh" ? c.titleZh : c.title
    recorder.markdown.append("# \(title)")
    recorder.markdown.append(c.introduction(settings.language).trimmingCharacters(in: .newlines))
    _ = buffer.take()
    do {
      _ = try session.inLanguage { try Lesson.run(session, c, recorder: recorder) }
    } catch {
      throw ShellError(tr("the lesson {0} failed; no handout written:\n{1}", c.name, buffer.take()))
    }
    let text = recorder.markdown.joined(separator: "\n\n") + "\n"
    try OutputFile.write(Array(text.utf8), to: url.path)
    let charts = recorder.markdown.filter { $0.hasPrefix("![") }.count
    return tr("wrote the handout of {0} to {1}; charts beside it: {2}", c.name, shown, charts)
  }

  final class Buffer: @unchecked Sendable {
    private var text = ""
    private let lock = NSLock()
    @Sendable func append(_ s: String) { lock.withLock { text += s } }
    func take() -> String {
      lock.withLock {
        defer { text = "" }
        return text
      }
    }
  }
}
