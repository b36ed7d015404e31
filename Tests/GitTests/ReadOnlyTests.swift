import Foundation
import Git
import Testing
import TestSupport

/// schemalint runs as a pre-commit hook: reading must never change the index, refs, objects or work tree.
@Suite struct ReadOnlyTests {
    @Test func everyReadLeavesTheRepositoryByteForByteUnchanged() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let body = String(repeating: "export const users = pgTable('users', {});\n", count: 20)
        try repo.write("unchanged.ts", "same\n")
        try repo.write("partial.ts", "v1\n")
        try repo.write("unstaged.ts", "v1\n")
        try repo.write("deleted.json", "{}\n")
        try repo.write("old/moved.ts", body)
        try repo.commitAll("base")
        try repo.git("branch", "base")

        try repo.write("partial.ts", "v2 staged\n")
        try repo.git("add", "partial.ts")
        try repo.write("partial.ts", "v3 unstaged\n")  // right after `git add`: racily clean in the index
        try repo.write("unstaged.ts", "v2 unstaged\n")
        try repo.write("staged-new.ts", "new\n")
        try repo.git("add", "staged-new.ts")
        try repo.git("rm", "--quiet", "deleted.json")
        try repo.write("new/.keep", "")
        try repo.git("mv", "old/moved.ts", "new/moved.ts")
        try repo.write("untracked/notes.md", "untracked\n")
        let before = try Self.snapshot(repo.root)

        try Self.callEveryReadAPI(on: repo)

        let after = try Self.snapshot(repo.root)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, state) in before where after[path] != state {
            Issue.record("\(path) changed while reading")
        }
        #expect(after[".git/index"] != nil)
    }

    private static func callEveryReadAPI(on repo: TemporaryRepository) throws {
        let opened = try GitRepository.discover(from: repo.path("new"))
        let entries = try opened.stagedEntries()
        #expect(entries.count == 5)
        for entry in entries {
            #expect(try opened.stagedBlob(at: entry.path) == (try opened.blob(entry.blobID)))
        }
        #expect(try opened.stagedBlob(at: "partial.ts") == Array("v2 staged\n".utf8))
        #expect(try opened.conflictedPaths().isEmpty)
        #expect(try opened.treeFiles(at: "base").count == 5)
        #expect(try opened.file(at: "HEAD", path: "deleted.json") == Array("{}\n".utf8))
        #expect(try opened.headCommitID() == (try opened.resolve("base")))
        #expect(try opened.mergeBase("base", "HEAD") != nil)
        #expect(try opened.stagedChanges().count == 4)
        #expect(try opened.changes(since: "base", includeWorkTree: false).count == 4)
        #expect(try opened.changes(since: "base", includeWorkTree: true).count == 7)
        #expect(throws: GitError.self) { try opened.treeFiles(at: "missing") }
    }

    /// Every file and folder under `root` (the `.git` folder included) with its bytes and modification time.
    private static func snapshot(_ root: String) throws -> [String: FileState] {
        let manager = FileManager.default
        var states: [String: FileState] = [:]
        for case let relative as String in manager.enumerator(atPath: root)?.allObjects ?? [] {
            let path = root + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            let isFile = attributes[.type] as? FileAttributeType == .typeRegular
            states[relative] = FileState(
                bytes: isFile ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil,
                modified: attributes[.modificationDate] as? Date)
        }
        return states
    }

    private struct FileState: Equatable {
        let bytes: Data?
        let modified: Date?
    }
}
