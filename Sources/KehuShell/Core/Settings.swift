import KehuDomain
import KehuStore

/// Everything `set NAME VALUE` can change. One table (`SettingSpec.all`) drives `set`,
/// the listing of `set` alone, help and completion.
public struct Settings: Sendable {
  public var format: OutputFormat = .table
  public var view: RowView = .auto
  /// Rows shown before "… N more rows"; nil shows every row (scripts).
  public var rows: Int? = nil
  /// Fixed "today"; nil means the real local date.
  public var today: Day? = nil
  public var user: String = "user"
  public var timer: Bool = false
  public var echo: Bool = false
  /// When changes are synced to disk: nil follows the mode (every statement at the prompt,
  /// groups of 1,000 in scripts).
  public var sync: SyncPolicy? = nil
  /// Days in a year for rates and average balances (§5); `year=` overrides it per command.
  public var year: DayCountConvention = .standard
  /// The ageing bucket edges (last day past due of each closed bucket).
  public var ageing: AgeingEdges = .standard
  /// The language of messages, help and narration: `en` or `zh` (commands stay the same).
  public var language: String = "en"
  /// Text charts drawn with Unicode blocks, or in plain ASCII (`set charts ascii`).
  public var charts: ChartCharacters = .unicode
  /// The width text charts are fitted to; nil follows the terminal (80 when there is none).
  public var width: Int? = nil
  /// The progress line on stderr during long work (`gen`, `import`, `export`); it still
  /// shows only at a terminal unless `--progress` asked for it.
  public var progress: Bool = true
  /// Whether a result goes through `$PAGER` at the prompt: when taller than the screen
  /// (`auto`), every result (`on`), or never (`off`). Scripts never page.
  public var pager: PagerMode = .auto
  public init() {}
}

/// `set pager`: psql's `\pset pager`.
public enum PagerMode: String, CaseIterable, Sendable {
  case auto, on, off
}

public struct SettingSpec: Sendable {
  public var name: String
  public var values: String
  public var help: Message
  public var choices: [String]
  public var get: @Sendable (Settings, Day) -> String
  public var set: @Sendable (inout Settings, String) throws(ShellError) -> Void

  public static let all: [SettingSpec] = [
    SettingSpec(
      name: "format", values: OutputFormat.allCases.map(\.rawValue).joined(separator: "|"),
      help: tr("how results are printed"), choices: OutputFormat.allCases.map(\.rawValue),
      get: { s, _ in s.format.rawValue },
      set: { s, v throws(ShellError) in
        guard let f = OutputFormat(rawValue: v) else {
          throw badValue("format", v, OutputFormat.allCases.map(\.rawValue))
        }
        s.format = f
      }),
    SettingSpec(
      name: "view", values: "horizontal|vertical|auto",
      help: tr("rows as lines, or each row as a card, or cards only when the lines do not fit"),
      choices: ["horizontal", "vertical", "auto"],
      get: { s, _ in s.view.rawValue },
      set: { s, v throws(ShellError) in
        guard let f = RowView(rawValue: v) else {
          throw badValue("view", v, ["horizontal", "vertical", "auto"])
        }
        s.view = f
      }),
    choice(
      "pager", \.pager,
      help: tr(
        "at the prompt, page results through $PAGER (less -S): when taller than the screen, always, or never")
    ),
    SettingSpec(
      name: "rows", values: "N|all", help: tr("rows shown before the rest is counted"),
      choices: ["all"],
      get: { s, _ in s.rows.map(String.init) ?? "all" },
      set: { s, v throws(ShellError) in
        if v == "all" {
          s.rows = nil
        } else if let n = Int(v), n > 0 {
          s.rows = n
        } else {
          throw ShellError(tr("`rows` must be a positive whole number or `all`, not `{0}`", v))
        }
      }),
    SettingSpec(
      name: "today", values: "YYYY-MM-DD", help: tr("the date every calculation takes as today"),
      choices: [],
      get: { s, real in (s.today ?? real).description + (s.today == nil ? " " + tr("(clock)") : "") },
      set: { s, v throws(ShellError) in
        guard let d = Day(parsing: v) else {
          throw ShellError(tr("`today` must be a date (YYYY-MM-DD), not `{0}`", v))
        }
        s.today = d
      }),
    SettingSpec(
      name: "user", values: "NAME", help: tr("who changes are recorded as (audit)"), choices: [],
      get: { s, _ in s.user },
      set: { s, v throws(ShellError) in
        guard !v.isEmpty else { throw ShellError(tr("`user` needs a name")) }
        s.user = v
      }),
    SettingSpec(
      name: "timer", values: "on|off", help: tr("print each statement's run time"),
      choices: ["on", "off"],
      get: { s, _ in s.timer ? "on" : "off" },
      set: { s, v throws(ShellError) in s.timer = try onOff("timer", v) }),
    SettingSpec(
      name: "echo", values: "on|off", help: tr("print each statement before its output"),
      choices: ["on", "off"],
      get: { s, _ in s.echo ? "on" : "off" },
      set: { s, v throws(ShellError) in s.echo = try onOff("echo", v) }),
    sync, year, ageing, language, charts, width, progress,
  ]

  public static let charts = choice(
    "charts", \.charts, help: tr("draw text charts with Unicode blocks or plain ASCII"))

  /// A setting that takes one of an enumeration's values, listed in its order.
  static func choice<E: RawRepresentable & CaseIterable & Sendable>(
    _ name: String, _ field: WritableKeyPath<Settings, E> & Sendable, help: Message
  ) -> SettingSpec where E.RawValue == String {
    let names = E.allCases.map(\.rawValue)
    return SettingSpec(
      name: name, values: names.joined(separator: "|"), help: help, choices: names,
      get: { s, _ in s[keyPath: field].rawValue },
      set: { s, v throws(ShellError) in
        guard let e = E(rawValue: v) else { throw badValue(name, v, names) }
        s[keyPath: field] = e
      })
  }

  public static let width = SettingSpec(
    name: "width", values: "N|auto", help: tr("the width text charts are fitted to"), choices: ["auto"],
    get: { s, _ in s.width.map(String.init) ?? "auto" },
    set: { s, v throws(ShellError) in
      if v == "auto" {
        s.width = nil
      } else if let n = Int(v), (20...1000).contains(n) {
        s.width = n
      } else {
        throw ShellError(tr("`width` must be a number of columns from 20 to 1000 or `auto`, not `{0}`", v))
      }
    })

  public static let progress = SettingSpec(
    name: "progress", values: "on|off", help: tr("show a progress line during long work at a terminal"),
    choices: ["on", "off"],
    get: { s, _ in s.progress ? "on" : "off" },
    set: { s, v throws(ShellError) in s.progress = try onOff("progress", v) })

  public static let language = SettingSpec(
    name: "language", values: "en|zh", help: tr("the language of messages, help and lessons"),
    choices: ["en", "zh"],
    get: { s, _ in s.language },
    set: { s, v throws(ShellError) in
      guard ["en", "zh"].contains(v) else { throw badValue("language", v, ["en", "zh"]) }
      s.language = v
    })

  public static let year = SettingSpec(
    name: "year", values: "360|365", help: tr("days in a year for rates and average balances"),
    choices: ["360", "365"],
    get: { s, _ in String(s.year.days) },
    set: { s, v throws(ShellError) in
      guard let y = DayCountConvention(parsing: v) else { throw badValue("year", v, ["360", "365"]) }
      s.year = y
    })

  public static let ageing = SettingSpec(
    name: "ageing", values: "30,60,90", help: tr("ageing bucket edges in days past due"),
    choices: [],
    get: { s, _ in s.ageing.edges.map(String.init).joined(separator: ",") },
    set: { s, v throws(ShellError) in
      do throws(DomainError) {
        s.ageing = try AgeingEdges(parsing: v)
      } catch {
        throw ShellError(tr("`ageing`: {0}", error.description))
      }
    })

  public static let sync = SettingSpec(
    name: "sync", values: "statement|group",
    help: tr("sync changes to disk after every statement, or in groups of 1,000"),
    choices: ["statement", "group"],
    get: { s, _ in s.sync?.rawValue ?? "auto" },
    set: { s, v throws(ShellError) in
      guard let p = SyncPolicy(rawValue: v) else { throw badValue("sync", v, ["statement", "group"]) }
      s.sync = p
    })

  public static func named(_ name: String) -> SettingSpec? { all.first { $0.name == name } }
}

private func badValue(_ name: String, _ v: String, _ options: [String]) -> ShellError {
  ShellError(tr("`{0}` must be one of {1}, not `{2}`", name, options.joined(separator: ", "), v))
}

private func onOff(_ name: String, _ v: String) throws(ShellError) -> Bool {
  switch v {
  case "on", "yes", "true": return true
  case "off", "no", "false": return false
  default: throw badValue(name, v, ["on", "off"])
  }
}

public enum ChartCharacters: String, CaseIterable, Sendable {
  case unicode, ascii
}

public enum SyncPolicy: String, Sendable {
  /// Every statement's changes are synced before its result is shown.
  case statement
  /// Synced every 1,000 changes, at `save` and at the end of the run.
  case group
}
