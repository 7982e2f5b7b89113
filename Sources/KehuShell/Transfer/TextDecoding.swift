#if canImport(Glibc)
  import Glibc
#endif

/// The encodings an imported file may be in: what spreadsheets on Chinese systems save.
enum TextEncoding: String, CaseIterable, Sendable {
  case utf8 = "utf-8"
  case gb18030
}

/// Turns a file's bytes into text. UTF-8 is taken with or without its byte order mark;
/// anything that is not valid UTF-8 is tried as GB18030 (a superset of GBK and GB2312,
/// which Excel writes on a Chinese Windows), through glibc's iconv.
enum TextDecoding {
  static func decode(_ bytes: [UInt8], as given: TextEncoding?) throws(ShellError) -> (String, TextEncoding) {
    var body = bytes[...]
    if given != .gb18030, body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if given != .gb18030 {
      if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
      if given == .utf8 {
        let at = firstInvalidUTF8(body)
        throw ShellError(
          tr("the file is not valid UTF-8 (line {0}); is it GB18030? say encoding=gb18030", lineOf(body, at)))
      }
    }
    switch gb18030(body) {
    case .success(let text):
      return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, .gb18030)
    case .failure(let offset):
      let what = given == nil ? tr("neither UTF-8 nor GB18030") : tr("not valid GB18030")
      throw ShellError(tr("the file is {0} (bad bytes on line {1})", what, lineOf(body, offset)))
    }
  }

  enum Converted {
    case success(String)
    /// The byte offset where conversion failed.
    case failure(Int)
  }

  /// GB18030 → UTF-8. Every GB18030 character becomes at most twice its bytes in UTF-8
  /// (two bytes → three, four → four), so one buffer of twice the input is always enough.
  static func gb18030(_ input: ArraySlice<UInt8>) -> Converted {
    guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else { return .failure(0) }
    defer { iconv_close(cd) }
    var src = Array(input)
    let capacity = src.count * 2 + 16
    var dst = [UInt8](repeating: 0, count: capacity)
    var failedAt: Int? = nil
    var produced = 0
    src.withUnsafeMutableBytes { s in
      dst.withUnsafeMutableBytes { d in
        var inPtr = s.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outPtr = d.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = s.count
        var outLeft = d.count
        if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
          failedAt = s.count - inLeft
        }
        produced = d.count - outLeft
      }
    }
    if let failedAt { return .failure(failedAt) }
    return .success(String(decoding: dst[..<produced], as: UTF8.self))
  }

  static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var it = b.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &it) {
      case .valid(let s): offset += s.count
      case .emptyInput: return offset
      case .error: return offset
      }
    }
  }

  static func lineOf(_ b: ArraySlice<UInt8>, _ offset: Int) -> Int {
    1 + b.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count
  }
}

/// A script's bytes as text. Scripts are UTF-8 only (a BOM is allowed): a byte that is not
/// UTF-8 is refused with its line and column, never read as U+FFFD and stored.
public enum ScriptText {
  /// The text, or the message `LINE:COL: error: …` for the first invalid byte.
  public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidScript> {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return .success(text) }
    let at = TextDecoding.firstInvalidUTF8(body)
    let before = body.prefix(at)
    let line = TextDecoding.lineOf(body, at)
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.startIndex
    let column = 1 + String(decoding: body[lineStart..<(body.startIndex + at)], as: UTF8.self).count
    let byte = body[body.startIndex + at]
    return .failure(InvalidScript(line: line, column: column, byte: byte))
  }
}

public struct InvalidScript: Error, Sendable, Equatable {
  public var line: Int
  public var column: Int
  public var byte: UInt8

  /// What is wrong, without the place.
  public var reason: String {
    tr("not valid UTF-8 (byte 0x{0}); scripts are read as UTF-8", String(byte, radix: 16, uppercase: true))
  }

  /// `LINE:COL: error: …`, for `FILE:` in front.
  public var message: String { "\(line):\(column): " + tr("error: {0}", reason) }
}
