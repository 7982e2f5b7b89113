/// One field of a CSV record. `quoted` tells `""` (an empty text) from nothing at all
/// (null), the convention PostgreSQL's COPY uses, so a dump keeps that difference.
struct CSVField: Equatable, Sendable {
  var text: String
  var quoted: Bool
}

/// One record and the file line it starts on (a quoted field may span lines).
struct CSVRecord: Equatable, Sendable {
  var fields: [CSVField]
  var line: Int
}

struct CSVError: Error, Equatable, Sendable {
  var message: String
  var line: Int
}

/// An RFC 4180 reader: fields split by commas, records by CRLF or LF; a field in double
/// quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped.
/// Works on UTF-8 bytes: every delimiter is ASCII, so no multi-byte character is split.
enum CSVReader {
  static func records(_ text: String) throws(CSVError) -> [CSVRecord] {
    let b = Array(text.utf8)
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"),
      lf = UInt8(ascii: "\n")
    var out: [CSVRecord] = []
    var fields: [CSVField] = []
    var i = 0
    var line = 1
    var recordLine = 1
    func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    while i <= b.count {
      // At the start of a field.
      if i < b.count && b[i] == quote {
        let opened = line
        var value: [UInt8] = []
        i += 1
        while true {
          guard i < b.count else {
            throw CSVError(message: "a quoted field opened on line \(opened) is never closed", line: opened)
          }
          if b[i] == quote {
            if i + 1 < b.count && b[i + 1] == quote {
              value.append(quote)
              i += 2
              continue
            }
            i += 1
            break
          }
          if b[i] == lf { line += 1 }
          value.append(b[i])
          i += 1
        }
        fields.append(CSVField(text: string(value[...]), quoted: true))
        if i < b.count && b[i] != comma && b[i] != cr && b[i] != lf {
          throw CSVError(
            message: "text after a closing quote (write a quote inside a field as \"\")", line: line)
        }
      } else {
        let start = i
        while i < b.count && b[i] != comma && b[i] != cr && b[i] != lf { i += 1 }
        fields.append(CSVField(text: string(b[start..<i]), quoted: false))
      }
      // After a field: a comma, a line end, or the end of the text.
      if i < b.count && b[i] == comma {
        i += 1
        continue
      }
      let blank = fields.count == 1 && fields[0] == CSVField(text: "", quoted: false)
      if !blank { out.append(CSVRecord(fields: fields, line: recordLine)) }
      fields = []
      if i >= b.count { break }
      if b[i] == cr { i += 1 }
      if i < b.count && b[i] == lf { i += 1 }
      line += 1
      recordLine = line
      if i >= b.count { break }
    }
    return out
  }
}
