import KehuText

/// How many terminal lines `text` takes at `width` columns: a line wider than the screen
/// wraps onto more, colour codes take none. Used for the screenful that decides paging.
func screenLines(_ text: String, width: Int) -> Int {
  let w = max(width, 1)
  var count = 0
  for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
    let cells = withoutColour(line).displayWidth
    count += max(1, (cells + w - 1) / w)
  }
  return count
}

/// The text without ANSI SGR sequences (`ESC [ … m`).
private func withoutColour(_ s: Substring) -> String {
  guard s.contains("\u{1B}") else { return String(s) }
  var out = ""
  var inEscape = false
  for u in s.unicodeScalars {
    if inEscape {
      if u == "m" { inEscape = false }
    } else if u == "\u{1B}" {
      inEscape = true
    } else {
      out.unicodeScalars.append(u)
    }
  }
  return out
}

/// `text` cut after whole lines into pieces of about `bytes` UTF-8 bytes (a line longer
/// than that is one piece), so that writing can stop between them.
func pieces(_ text: String, bytes: Int) -> [Substring] {
  var out: [Substring] = []
  var start = text.startIndex
  var size = 0
  for (index, byte) in zip(text.utf8.indices, text.utf8) {
    size += 1
    if byte == UInt8(ascii: "\n") && size >= bytes {
      let next = text.utf8.index(after: index)
      out.append(text[start..<next])
      start = next
      size = 0
    }
  }
  if start < text.endIndex { out.append(text[start...]) }
  return out
}
