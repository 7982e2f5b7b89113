/// psql's and sqlite3's meta-commands, which people type from habit: each is run as the kehu
/// statement that does the same (`\q` → `quit`, `.tables` → `tables`, `\d customers` →
/// `describe customers`, `\x` → `set view …`), rather than failing as an unknown command.
/// The kehu forms are commands of the one command table; this only spells them the old way.
enum Habits {
  /// The kehu statement for `text`, or nil when `text` is not such a meta-command.
  static func kehuForm(of text: String, view: RowView) -> String? {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let first = words.first, first.hasPrefix("\\") || first.hasPrefix(".") else { return nil }
    let rest = words.dropFirst().joined(separator: " ")
    switch first {
    case "\\q", "\\quit", ".quit", ".exit", ".q": return "quit"
    case "\\?", "\\h", ".help": return rest.isEmpty ? "help" : "help " + rest
    case "\\d", "\\dt", "\\d+", ".tables", ".schema", ".indexes":
      return rest.isEmpty ? "tables" : "describe " + rest
    case "\\x":
      switch rest {
      case "on": return "set view vertical"
      case "off": return "set view horizontal"
      case "auto": return "set view auto"
      default: return "set view " + (view == .vertical ? "horizontal" : "vertical")
      }
    case "\\timing", ".timer": return "set timer " + (rest.isEmpty ? "on" : rest)
    case "\\i", ".read": return rest.isEmpty ? nil : "source " + rest
    case "\\o", ".output": return rest.isEmpty ? "output" : "output " + rest
    default: return nil
    }
  }
}
