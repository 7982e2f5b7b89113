// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kehu",
  products: [
    .executable(name: "kehu", targets: ["kehu"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // The PostgreSQL client for the team store (KehuPostgres); the only such dependency.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
  ],
  targets: [
    // libedit, found through pkg-config (Debian: libedit-dev).
    .systemLibrary(
      name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),
    // The C calls Swift cannot make: variadic el_set/el_get/history, stdio globals, the SIGINT flag.
    .target(name: "CLineEdit", dependencies: ["CEditLine"]),
    // Display width of text (Unicode East Asian Width, as a table in the code): one table for
    // the line editor's candidate lists and the shell's result tables.
    .target(name: "KehuText"),
    .target(name: "LineEditor", dependencies: ["CLineEdit", "KehuText"]),
    .target(name: "KehuStore"),
    .target(name: "KehuQuery", dependencies: ["KehuStore"]),
    .target(name: "KehuDomain", dependencies: ["KehuStore"]),
    .target(name: "KehuShell", dependencies: ["KehuStore", "KehuQuery", "KehuDomain", "KehuText"]),
    // The case library, lessons, handouts and review questions, above the shell: its commands
    // are added to the shell's one command table (`CommandTable.adding`).
    .target(name: "KehuTraining", dependencies: ["KehuShell", "KehuStore"]),
    // The team store: the same in-memory columns persisted to and followed from PostgreSQL.
    .target(
      name: "KehuPostgres",
      dependencies: ["KehuStore", .product(name: "PostgresNIO", package: "postgres-nio")]),
    .executableTarget(
      name: "kehu",
      dependencies: [
        "KehuShell", "KehuTraining", "KehuDomain", "KehuStore", "KehuPostgres", "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "KehuStoreTests", dependencies: ["KehuStore"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(name: "KehuPostgresTests", dependencies: ["KehuPostgres", "KehuStore"]),
    .testTarget(name: "KehuQueryTests", dependencies: ["KehuQuery", "KehuStore"]),
    .testTarget(name: "KehuDomainTests", dependencies: ["KehuDomain", "KehuStore"]),
    // Transcripts are read from the source tree (Tests/KehuShellTests/Transcripts), so that
    // KEHU_RECORD=1 can write the expected output back beside each script.
    .testTarget(
      name: "KehuShellTests",
      dependencies: [
        "KehuShell", "KehuTraining", "KehuQuery", "KehuStore", "KehuDomain", "KehuText", "KehuPostgres",
      ],
      exclude: ["Transcripts", "Fixtures"]),
  ]
)
