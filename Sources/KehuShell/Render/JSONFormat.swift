import KehuStore

// JSON (RFC 8259) for programs: an array of objects, one object per line, keys in column
// order. Numbers are written from their exact decimal text, never through Double:
// money keeps both decimals (1234.50), decimals keep their scale, percent is the fraction
// (0.3), a duration is its number of days. Dates and timestamps are ISO 8601 strings.

func renderJSON(_ t: ResultTable) -> String { jsonRows(t, indent: "  ", close: "") + "\n" }

/// The rows as an array of objects, one per line at `indent`; `close` indents the bracket.
func jsonRows(_ t: ResultTable, indent: String, close: String) -> String {
  if t.rows.isEmpty { return "[]" }
  let keys = t.columns.map { jsonString($0.name) + ": " }
  var lines: [String] = []
  for r in t.rows.indices {
    let members = t.columns.indices.map { keys[$0] + jsonValue(t.cell(r, $0)) }
    lines.append(indent + "{" + members.joined(separator: ", ") + "}")
  }
  return "[\n" + lines.joined(separator: ",\n") + "\n" + close + "]"
}

func jsonValue(_ v: Value) -> String {
  switch v {
  case .null: return "null"
  case .bool(let b): return b ? "true" : "false"
  case .int(let i): return String(i)
  case .decimal(let d): return d.description
  case .money(let m): return m.plain
  case .percent(let d): return d.normalized.description
  case .duration(let n): return String(n)
  case .text(let s): return jsonString(s)
  case .date(let d): return jsonString(d.description)
  case .timestamp(let t): return jsonString(isoTimestamp(t))
  }
}

/// A JSON string literal. Non-ASCII text (Chinese) stays as UTF-8; the two-character
/// escapes are used where JSON has them, `\u00XX` for the other control characters, and
/// U+2028/U+2029 are escaped because JavaScript source cannot hold them raw.
func jsonString(_ s: String) -> String {
  var out = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "\u{08}": out += "\\b"
    case "\u{0C}": out += "\\f"
    case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
      let hex = String(u.value, radix: 16, uppercase: true)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(u)
    }
  }
  return out + "\""
}
