import Foundation
import XCTest

@testable import KehuStore

/// A real crash: a child process (this test bundle, running `testChild`) applies numbered
/// customers, committing in groups and saving now and then, and says "ack N" after each
/// completed sync. The parent kills it with SIGKILL at random moments; on reopening, the
/// store must hold exactly customers 1…k in order, with k at least every acknowledged N.
final class CrashTests: XCTestCase {
  static let childDirVariable = "KEHU_CRASH_CHILD_DIR"

  func testChild() throws {
    guard let dir = ProcessInfo.processInfo.environment[Self.childDirVariable] else {
      throw XCTSkip("the writer that the crash test kills; runs only as its child process")
    }
    let group = Int(ProcessInfo.processInfo.environment["KEHU_CRASH_GROUP"] ?? "1") ?? 1
    let (store, _) = try Store.open(.directory(dir))
    var i = Int64(store.state["customers"].count)
    while true {
      i += 1
      try store.apply([customer("c\(i)", id: i)])
      if store.unsyncedMutations >= group {
        try store.commit()
        FileHandle.standardOutput.write("ack \(i)\n".data(using: .utf8)!)
      }
      if i % 700 == 0 { try store.save() }
    }
  }

  func testKilledAtRandomMomentsTheStoreHoldsAPrefix() throws {
    let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let dir = temporaryDirectory(self)
    var rng = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
    var kills = 0
    var total = 0
    for round in 0..<12 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: exe)
      p.arguments = ["KehuStoreTests.CrashTests/testChild"]
      var env = ProcessInfo.processInfo.environment
      env[Self.childDirVariable] = dir
      env["KEHU_CRASH_GROUP"] = String([1, 1, 5, 50][round % 4])
      p.environment = env
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32(rng.range(300_000, 1_200_000)))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      if p.terminationReason == .uncaughtSignal { kills += 1 }
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let acked =
        text.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }.max()
        ?? 0

      let (store, _) = try Store.open(.directory(dir))
      let t = store.state["customers"]
      let ids = t.column(0)
      let names = t.column(named: "name")!
      for r in 0..<t.count {
        XCTAssertEqual(ids.int(r), Int64(r + 1), "round \(round): row \(r)")
        XCTAssertEqual(names.string(r), "c\(r + 1)", "round \(round): row \(r)")
      }
      XCTAssertGreaterThanOrEqual(t.count, acked, "round \(round): an acknowledged change was lost")
      total = t.count
      try store.close()
    }
    XCTAssertGreaterThan(kills, 6, "the child should mostly die by SIGKILL")
    XCTAssertGreaterThan(total, 1_000, "the children should have made progress (and crossed saves)")
  }
}
