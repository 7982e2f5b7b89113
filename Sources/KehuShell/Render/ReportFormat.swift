import KehuStore

// Results that are not one table, written so that a program reading `--format json` always
// gets exactly one JSON document per statement, and CSV stays one header per table.

/// Several tables shown together. Table and markdown: one after another with a blank line.
/// JSON: `{"tables": [{"title": …, "rows": [{…}], "notes": […]}, …]}`. CSV: each table with its
/// own header, the tables separated by one empty line.
public func renderReport(_ tables: [ResultTable], _ o: RenderOptions) -> String {
  switch o.format {
  case .table, .markdown:
    return tables.map { render($0, o) }.joined(separator: "\n")
  case .csv:
    return tables.filter { !$0.isMessageOnly }.map { render($0, o) }.joined(separator: "\r\n")
  case .json:
    let members = tables.map { t -> String in
      var fields: [String] = []
      if let title = t.title { fields.append("\"title\": " + jsonString(tr(title))) }
      if !t.isMessageOnly {
        fields.append("\"rows\": " + jsonRows(t, indent: "      ", close: "    "))
      }
      fields.append("\"notes\": [" + t.notes.map { jsonString(tr($0)) }.joined(separator: ", ") + "]")
      return "    {" + fields.joined(separator: ", ") + "}"
    }
    return "{\"tables\": [\n" + members.joined(separator: ",\n") + "\n]}\n"
  }
}

/// A message. Table, markdown and CSV: its lines (CSV is a table format, and a message is not
/// a table). JSON: `{"message": …, FIELD: …}`.
public func renderMessage(_ text: String, fields: [MessageField], format: OutputFormat) -> String {
  var message = Substring(text)
  while message.last == "\n" { message.removeLast() }
  switch format {
  case .table, .markdown, .csv:
    return message.isEmpty ? "" : message + "\n"
  case .json:
    let members =
      ["\"message\": " + jsonString(String(message))]
      + fields.map { jsonString($0.name) + ": " + jsonValue($0.value) }
    return "{" + members.joined(separator: ", ") + "}\n"
  }
}
