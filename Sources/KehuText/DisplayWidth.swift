/// Terminal cell widths from the Unicode East Asian Width property (UAX #11), so that
/// columns holding Chinese text line up whatever the locale; the C library's wcwidth
/// answers differently under `LANG=C`. The ranges are generated, see EastAsianWidthTable.

/// The number of terminal cells `s` takes: 2 for wide and fullwidth characters, 0 for
/// combining marks, format and control characters, 1 for the rest (ambiguous included).
public func displayWidth(_ s: String) -> Int { cellWidth(of: s) }

// The free function and the String property share this body, so neither needs to
// spell the module name (which a future type named KehuShell would shadow).
func cellWidth(of s: String) -> Int {
  var ascii = true
  var count = 0
  for byte in s.utf8 {
    if byte >= 0x80 {
      ascii = false
      break
    }
    if byte >= 0x20 && byte != 0x7F { count += 1 }
  }
  if ascii { return count }
  var total = 0
  var afterJoiner = false
  for scalar in s.unicodeScalars {
    // An emoji ZWJ sequence (👨‍👩‍👧) shows as one glyph: what follows a joiner adds nothing.
    if afterJoiner {
      afterJoiner = false
      continue
    }
    if scalar.value == 0x200D {
      afterJoiner = true
      continue
    }
    total += scalarWidth(scalar)
  }
  return total
}

/// The width of one code point: binary search over the generated ranges.
public func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
  let v = scalar.value
  if v >= 0x20 && v < 0x7F { return 1 }
  let table = eastAsianWidthRanges
  var lo = 0
  var hi = table.count / 3 - 1
  while lo <= hi {
    let mid = (lo + hi) / 2
    let first = table[mid * 3]
    let last = table[mid * 3 + 1]
    if v < first {
      hi = mid - 1
    } else if v > last {
      lo = mid + 1
    } else {
      return Int(table[mid * 3 + 2])
    }
  }
  return 1
}

/// `s` cut to at most `width` cells, ending in `ellipsis` when anything was cut.
/// Whole characters only: a wide character that would straddle the limit is dropped.
public func truncate(_ s: String, toWidth width: Int, ellipsis: String = "…") -> String {
  if displayWidth(s) <= width { return s }
  let room = width - displayWidth(ellipsis)
  if room < 0 { return "" }
  var out = ""
  var used = 0
  for ch in s {
    let w = displayWidth(String(ch))
    if used + w > room { break }
    out.append(ch)
    used += w
  }
  return out + ellipsis
}

extension String {
  /// Cells this string takes in a terminal; see `displayWidth(_:)`.
  public var displayWidth: Int { cellWidth(of: self) }

  /// This string cut to `width` cells with a trailing `…`; see `truncate(_:toWidth:ellipsis:)`.
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
    truncate(self, toWidth: width, ellipsis: ellipsis)
  }

  /// Padded with spaces on the right to `width` cells (left-aligned); never cut.
  public func padded(toWidth width: Int) -> String {
    let gap = width - displayWidth
    return gap > 0 ? self + String(repeating: " ", count: gap) : self
  }

  /// Padded with spaces on the left to `width` cells (right-aligned); never cut.
  public func leftPadded(toWidth width: Int) -> String {
    let gap = width - displayWidth
    return gap > 0 ? String(repeating: " ", count: gap) + self : self
  }
}
