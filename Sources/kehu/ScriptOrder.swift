/// Which scripts a script-mode run takes, in the order they were given on the command line:
/// `-c` statements and FILE arguments may be mixed (`kehu -c 'set format csv' report.kehu -c
/// 'save'`), as psql runs its `-c` and `-f` in order. ArgumentParser keeps each kind in its own
/// array, so the order is read back from the raw arguments.
enum ScriptOrder: Equatable {
  case statements(String)
  case file(String)

  /// Options that take a value in the next argument: that value is never a file.
  static let optionsWithValue: Set<String> = [
    "--format", "--today", "--set", "--init", "--store", "--what-if", "--atomic",
  ]

  static func arrange<S: Sequence<String>>(_ raw: S, commands: [String], files: [String]) -> [ScriptOrder] {
    var result: [ScriptOrder] = []
    var nextCommand = commands.makeIterator()
    var fileIndex = 0
    var takesValue = false
    var onlyFiles = false
    var expectCommand = false
    for arg in raw {
      if expectCommand {
        expectCommand = false
        if let c = nextCommand.next() { result.append(.statements(c)) }
        continue
      }
      if takesValue {
        takesValue = false
        continue
      }
      if !onlyFiles {
        if arg == "--" {
          onlyFiles = true
          continue
        }
        if arg == "-c" {
          expectCommand = true
          continue
        }
        if arg.hasPrefix("-c") && !arg.hasPrefix("--") {
          if let c = nextCommand.next() { result.append(.statements(c)) }
          continue
        }
        if optionsWithValue.contains(arg) {
          takesValue = true
          continue
        }
        if arg.hasPrefix("-") && arg != "-" { continue }
      }
      if fileIndex < files.count && arg == files[fileIndex] {
        result.append(.file(arg))
        fileIndex += 1
      }
    }
    // Whatever the scan could not place (a spelling it does not know) still runs, commands first.
    while let c = nextCommand.next() { result.append(.statements(c)) }
    result.append(contentsOf: files[fileIndex...].map { .file($0) })
    return result
  }
}
