import KehuShell

/// The prompt until the line editor lands: plain lines from stdin.
func runPrompt(_ session: Session) -> Int32 {
  while true {
    writeOut(session.prompt)
    guard let line = readLine() else {
      writeOut("\n")
      return 0
    }
    if !session.execute(line) { return 0 }
  }
}
