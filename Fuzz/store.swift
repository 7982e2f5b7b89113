import Glibc

@testable import KehuStore

// libFuzzer target: the snapshot and journal decoders over any bytes. The first byte
// chooses the decoder; a decoder may refuse (throw) but never trap or read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  if data[0] & 1 == 0 {
    _ = try? JournalFile.scan(bytes, path: "fuzz")
  } else {
    guard let file = tmpfile() else { return 0 }
    defer { fclose(file) }
    let fd = fileno(file)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    _ = lseek(fd, 0, SEEK_SET)
    _ = try? SnapshotFile.read(fd: fd, path: "fuzz")
  }
  return 0
}
