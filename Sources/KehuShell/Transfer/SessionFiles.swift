import Foundation

extension Session {
  /// Reads a file for `import`: a file built into the binary (a case's data, added to the
  /// command table from above the shell), else the disk.
  func readFile(_ path: String) -> Data? {
    if let text = commands.builtinFile(path) { return Data(text.utf8) }
    return FileManager.default.contents(atPath: path)
  }

  /// A path given in a statement: inside a `source`d script, relative to the script's folder.
  package func pathGiven(_ given: String) -> String { TransferCommands.path(self, given) }

  /// Where a relative output file (a chart) is written: the handout's folder while one is
  /// written, else as given.
  func outputPath(_ given: String) -> String {
    guard let dir = outputDirectory, !given.hasPrefix("/") else { return given }
    return dir + "/" + given
  }
}
