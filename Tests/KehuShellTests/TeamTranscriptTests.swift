import Foundation
import KehuPostgres
import KehuStore
import XCTest

@testable import KehuShell

/// The transcripts again, each on a team store of its own in the test cluster (a fresh
/// schema, the demo firm pushed in when the transcript starts on it): the output must be the
/// same as on an in-memory store, every change going through a database transaction.
/// Transcripts about store files (save, import and export of files) stay with TranscriptTests.
final class TeamTranscriptTests: XCTestCase {
  static let storeFiles: Set<String> = [
    "archive-export.kehu", "archive-import.kehu", "archive-restore.kehu", "rules-grading.kehu",
    "shell-io.kehu",
  ]
  /// Customer codes that are not numbers: a database store refuses them for now
  /// (`TeamStoreTests.testACustomerCodeThatIsNotANumberIsRefused`).
  static let notOnADatabaseYet: Set<String> = ["rules-codes.kehu"]

  func testTranscriptsGiveTheSameOutputOnADatabase() throws {
    guard let url = ProcessInfo.processInfo.environment["KEHU_TEST_PG_URL"], !url.isEmpty else {
      throw XCTSkip("KEHU_TEST_PG_URL is not set: scripts/test starts a PostgreSQL cluster and sets it")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: TranscriptTests.directory.path)
      .filter {
        $0.hasSuffix(".kehu") && !Self.storeFiles.contains($0) && !Self.notOnADatabaseYet.contains($0)
      }.sorted()
    XCTAssertGreaterThan(names.count, 20)
    var stores: [Store] = []
    defer { for s in stores { try? s.close() } }
    for (i, name) in names.enumerated() {
      let script = TranscriptTests.directory.appendingPathComponent(name)
      let expected = try String(
        contentsOf: script.deletingPathExtension().appendingPathExtension("out"), encoding: .utf8)
      let address = try DatabaseAddress(
        url: url, schema: "transcript_\(ProcessInfo.processInfo.processIdentifier)_\(i)")
      let actual = try TranscriptTests.run(script: script) { db in
        _ = try TeamSchema.initialize(address)
        if db.rowCount > 0 { _ = try Transfer.push(db, to: address) }
        let store = try PostgresBackend.open(address)
        stores.append(store)
        return Workspace(store: store)
      }
      if actual != expected {
        XCTFail("\(name) on a database differs (- in memory, + database):\n" + lineDiff(expected, actual))
      }
    }
  }
}
