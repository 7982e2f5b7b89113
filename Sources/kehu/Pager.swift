import Foundation
import LineEditor

/// The pager a result is shown through at the prompt: `$PAGER`, else `less -S` (long lines
/// scroll sideways instead of wrapping, as psql users set it). An empty `$PAGER` means none.
func pagerCommand(_ env: [String: String]) -> String? {
  guard let chosen = env["PAGER"] else { return "less -S" }
  return chosen.trimmingCharacters(in: .whitespaces).isEmpty ? nil : chosen
}

/// Runs `command` through the shell with `text` on its standard input and waits for it.
/// False when it could not start (the caller then prints the text itself).
func runPager(_ command: String, _ text: String) -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  let pipe = Pipe()
  process.standardInput = pipe
  do { try process.run() } catch { return false }
  // Quitting the pager early closes the pipe: a write then fails with EPIPE instead of
  // ending kehu. Ignored only after the spawn, so the pager does not inherit it.
  let previous = signal(SIGPIPE, SIG_IGN)
  let fd = pipe.fileHandleForWriting.fileDescriptor
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if n < 0 {
      if errno == EINTR { continue }
      break
    }
    bytes = bytes.dropFirst(n)
  }
  try? pipe.fileHandleForWriting.close()
  process.waitUntilExit()
  signal(SIGPIPE, previous)
  // Ctrl-C inside the pager was the pager's; it does not stop the next statement, nor
  // cancel the next prompt.
  LineEditor.forgetInterrupts()
  return true
}
