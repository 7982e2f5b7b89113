import Foundation
import KehuStore

@testable import KehuShell

// libFuzzer target: `import all` over a dump directory made from the input. The input is
// the dump's files joined by a line `--8<--`: first manifest.json, then the files it names
// as 1.csv, 2.csv, … in order (the checked-in corpus is a real `export all` dump so joined).
// A refusal is fine; a trap, hang or sanitizer report is a bug.
let directory: String = {
  let path = NSTemporaryDirectory() + "kehu-fuzz-importall-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()
let separator = Array("\n--8<--\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportAll(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var parts: [ArraySlice<UInt8>] = []
  var start = 0
  var i = 0
  while i + separator.count <= bytes.count {
    if bytes[i..<(i + separator.count)].elementsEqual(separator) {
      parts.append(bytes[start..<i])
      i += separator.count
      start = i
    } else {
      i += 1
    }
  }
  parts.append(bytes[start...])
  for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
    try? FileManager.default.removeItem(atPath: directory + "/" + name)
  }
  for (k, part) in parts.enumerated() {
    let name = k == 0 ? StoreDump.manifestName : "\(k).csv"
    _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(part))
  }
  _ = try? StoreDump.read(from: directory, shown: "dump")
  return 0
}
