import Foundation
import XCTest

/// ARCHITECTURE.md is the map of the code: every folder under Sources must be on it, so a
/// move that forgets the map fails here.
final class ArchitectureTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardizedFileURL

  func testEveryFolderUnderSourcesIsNamed() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
    let sources = Self.root.appendingPathComponent("Sources")
    var missing: [String] = []
    let walk = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: [.isDirectoryKey])
    var folders = 0
    while let url = walk?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true else { continue }
      folders += 1
      let parts = Array(url.standardizedFileURL.pathComponents.dropFirst(sources.pathComponents.count))
      // A target is named with its path; a folder inside one by its path in the target, or
      // by its own name inside the target's paragraph.
      let named =
        parts.count == 1
        ? text.contains("`Sources/\(parts[0])`")
        : text.contains("`\(parts.dropFirst().joined(separator: "/"))/`")
          || text.contains("`\(parts.last!)/`")
      if !named { missing.append(parts.joined(separator: "/")) }
    }
    XCTAssertGreaterThan(folders, 30, "the walk found too few folders")
    XCTAssertEqual(missing, [], "folders ARCHITECTURE.md does not name")
  }
}
