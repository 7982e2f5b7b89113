import Foundation
import KehuShell

// Until the real session lands: a stub session at the prompt, so the line editor can be tried.
if isatty(0) != 0 && isatty(1) != 0 {
  let environment = ProcessInfo.processInfo.environment
  let host = StubSession(write: { text in
    print(text, terminator: "")
    fflush(nil)
  })
  exit(runInteractive(host: host, historyPath: historyPath(environment: environment)))
}
print("kehu")
