import Foundation
import XCTest

@testable import KehuStore

/// A fresh temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) -> String {
  let base = FileManager.default.temporaryDirectory.path + "/kehu-store-\(UUID().uuidString)"
  test.addTeardownBlock { try? FileManager.default.removeItem(atPath: base) }
  return base + "/store"
}

let t0 = Timestamp(day: Day(parsing: "2026-11-29")!, hour: 9)

func customer(_ name: String, id: Int64? = nil, kind: String = "company") -> Mutation {
  var v: [String: Value] = [
    "kind": .text(kind), "name": .text(name), "status": .text("trading"),
    "created": .timestamp(t0), "updated": .timestamp(t0),
  ]
  if let id { v["id"] = .int(id) }
  return .insert(table: "customers", values: v)
}

func sale(_ customer: Int64, _ fen: Int64, id: Int64? = nil) -> Mutation {
  var v: [String: Value] = [
    "customer": .int(customer), "date": .date(Day(parsing: "2026-11-01")!), "amount": .money(Money(fen: fen)),
  ]
  if let id { v["id"] = .int(id) }
  return .insert(table: "sales", values: v)
}

func fileBytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }
func writeBytes(_ path: String, _ b: [UInt8]) {
  _ = FileManager.default.createFile(atPath: path, contents: Data(b))
}

/// Every file of a directory with its bytes, to prove a refusal changed nothing.
func directoryContents(_ dir: String) -> [String: [UInt8]] {
  var out: [String: [UInt8]] = [:]
  for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
    out[f] = fileBytes(dir + "/" + f)
  }
  return out
}

func journalPath(_ dir: String) -> String {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return dir + "/" + names.filter { $0.hasPrefix("journal-") }.sorted().last!
}

func snapshotPath(_ dir: String) -> String {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return dir + "/" + names.filter { $0.hasPrefix("snapshot-") }.sorted().last!
}
