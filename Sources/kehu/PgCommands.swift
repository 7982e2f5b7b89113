import ArgumentParser
import Foundation
import KehuPostgres
import KehuStore

/// `kehu pg init|upgrade|push|pull`: a team store on PostgreSQL (see REPL.md, "Team store").
struct Pg: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kehu pg",
    abstract: "Create a team store in PostgreSQL, or copy a directory store into or out of one.",
    subcommands: [PgInit.self, PgUpgrade.self, PgPush.self, PgPull.self])
}

struct PgInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create kehu's tables, change log and roles in a database.")
  @Argument(help: "postgresql://USER@HOST:PORT/DB") var url: String
  @Option(help: "The schema to create them in (default public).") var schema: String?
  @Flag(
    help:
      "Row-level security: a login in the role kehu_owner sees only the customers it owns (owner = its login)."
  )
  var ownerRows = false

  func run() throws {
    try databaseErrors {
      let address = try DatabaseAddress(
        url: url, environment: ProcessInfo.processInfo.environment, schema: schema)
      for line in try TeamSchema.initialize(address, ownerRows: ownerRows) { writeOut(line + "\n") }
    }
  }
}

struct PgUpgrade: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "upgrade",
    abstract: "Add what a store made by an earlier `kehu pg init` lacks, in one transaction.")
  @Argument(help: "postgresql://USER@HOST:PORT/DB") var url: String
  @Option(help: "The schema the store is in (default public).") var schema: String?

  func run() throws {
    try databaseErrors {
      let address = try DatabaseAddress(
        url: url, environment: ProcessInfo.processInfo.environment, schema: schema)
      for line in try TeamSchema.upgrade(address) { writeOut(line + "\n") }
    }
  }
}

struct PgPush: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "push",
    abstract: "Copy a directory store into an empty team store, as one transaction, verified row for row.")
  @Option(help: ArgumentHelp("The directory store to copy.", valueName: "dir")) var store: String
  @Argument(help: "postgresql://USER@HOST:PORT/DB") var url: String

  func run() throws {
    try databaseErrors {
      let address = try DatabaseAddress(url: url, environment: ProcessInfo.processInfo.environment)
      guard FileManager.default.fileExists(atPath: store) else {
        throw StoreError.io(file: store, reason: "no store here")
      }
      let (opened, _) = try Store.open(.directory(store), readOnly: true)
      let sums = try Transfer.push(opened.state, to: address)
      report(sums, "copied into \(address.display)")
    }
  }
}

struct PgPull: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull", abstract: "Copy a team store into a new directory store, verified row for row.")
  @Argument(help: "postgresql://USER@HOST:PORT/DB") var url: String
  @Option(help: ArgumentHelp("The directory store to write (must not hold a store).", valueName: "dir"))
  var store: String

  func run() throws {
    try databaseErrors {
      let address = try DatabaseAddress(url: url, environment: ProcessInfo.processInfo.environment)
      if let entries = try? FileManager.default.contentsOfDirectory(atPath: store), !entries.isEmpty {
        writeErr("kehu: \(store) is not empty; pull writes a new store only; nothing was changed\n")
        throw ExitCode(73)
      }
      let db = try Transfer.pull(from: address)
      let (opened, _) = try Store.open(.directory(store))
      try opened.replaceAll(with: db)
      try opened.close()
      let (again, _) = try Store.open(.directory(store), readOnly: true)
      let sums = try Transfer.compare(db, again.state, what: "the directory store \(store)")
      report(sums, "copied into \(store)")
    }
  }
}

/// One line per table that holds rows, then the total: what was copied and its checksum.
private func report(_ sums: [Transfer.TableSum], _ what: String) {
  for s in sums where s.rows > 0 {
    writeOut("\(s.table): \(s.rows) rows, checksum \(Transfer.hex(s.checksum))\n")
  }
  writeOut("\(sums.reduce(0) { $0 + $1.rows }) rows \(what); verified row for row\n")
}

/// A database error becomes its message and an exit status: 64 a bad address, 69 the server
/// cannot be reached or refused the work, 73 the target already holds a store.
func databaseErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try storeErrors(body)
  } catch let e as PostgresStoreError {
    writeErr("kehu: \(e.description)\n")
    switch e {
    case .address: throw ExitCode(64)
    case .server, .transient: throw ExitCode(69)
    case .refused: throw ExitCode(73)
    }
  }
}
