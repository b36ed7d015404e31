import Foundation
@testable import Git
import Testing
import TestSupport

/// The direct index reader (`IndexFile`) against libgit2's reading of the same index, on every shape git writes:
/// versions 2, 3 (extended flags) and 4 (prefix-compressed paths), conflicts, intent-to-add, modes, long and
/// non-ASCII paths; and the shapes it leaves to libgit2 (split index, sparse checkout) or refuses (damage).
@Suite struct IndexFileTests {
    /// A repository with a bit of everything, staged.
    static func populated() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        try repo.write("a/b/schema.ts", "export const x = 1;\n")
        try repo.write("a/b/schema.test.ts", "test\n")
        try repo.write("a/c.json", "{}\n")
        try repo.write("é/ünïcode name.json", "{}\n")
        try repo.write("run.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path("run.sh"))
        try FileManager.default.createSymbolicLink(atPath: repo.path("link"), withDestinationPath: "a/c.json")
        try repo.git("add", "--all")
        // A path past the 12-bit length field (0xFFF), staged without a file: no file system takes a name that long.
        let blob = try repo.git("hash-object", "-w", "a/c.json").trimmingCharacters(in: .whitespacesAndNewlines)
        let long = (0..<25).map { _ in String(repeating: "d", count: 199) }.joined(separator: "/") + "/x.sql"
        try repo.git("update-index", "--add", "--cacheinfo", "100644,\(blob),\(long)")
        try repo.git("commit", "--quiet", "--message", "first")
        try repo.write("a/b/schema.ts", "export const x = 2;\n")
        try repo.git("add", "a/b/schema.ts")
        return repo
    }

    /// The direct reading against git's own (`git ls-files --stage`: mode, id, stage, path of every entry) and,
    /// where libgit2 1.5 can read the index at all, against libgit2's staged entries and conflicts.
    static func expectSameAsGit(_ repo: TemporaryRepository, _ comment: Comment) throws {
        let opened = try GitRepository.discover(from: repo.root)
        let direct = try #require(try opened.withDirectIndex { $0 }, comment)
        let listed = try repo.git("ls-files", "--stage", "-z").split(separator: "\0").map(String.init)
        let read = direct.entries.map { "\(String($0.rawMode, radix: 8)) \($0.blobID.hex) \($0.stage)\t\($0.path)" }
        #expect(read == listed, comment)
        guard let expected = try? GitRepository.discover(from: repo.root).stagedEntriesThroughLibGit2() else { return }
        let entries = try opened.stagedEntries()
        #expect(entries == expected, comment)
        #expect(entries.map(\.stat) == expected.map(\.stat), comment)
        #expect(try opened.conflictedPaths() == (try GitRepository.discover(from: repo.root).conflictedPathsThroughLibGit2()), comment)
    }

    @Test(arguments: [2, 3, 4]) func everyIndexVersionReadsAsGitReadsIt(_ version: Int) throws {
        let repo = try Self.populated()
        defer { repo.remove() }
        try repo.write("later.ts", "later\n")
        // `--intent-to-add` needs extended flags, so git writes version 3 for it unless 4 is asked for.
        if version >= 3 { try repo.git("add", "--intent-to-add", "later.ts") }
        try repo.git("update-index", "--index-version", String(version))
        let header = try repo.read(".git/index").prefix(8)
        #expect(Array(header) == Array("DIRC".utf8) + [0, 0, 0, UInt8(version)])
        try Self.expectSameAsGit(repo, "index version \(version)")
        if version >= 3 {
            #expect(try GitRepository.discover(from: repo.root).stagedEntries().contains { $0.path == "later.ts" } == false)
        }
    }

    @Test func conflictsAreListedOnceAndHaveNoStagedEntry() throws {
        let repo = try Self.populated()
        defer { repo.remove() }
        try repo.makeMergeConflict(at: "a/c.json", base: "{}\n", ours: "{\"a\":1}\n", theirs: "{\"a\":2}\n")
        try Self.expectSameAsGit(repo, "merge conflict")
        let opened = try GitRepository.discover(from: repo.root)
        #expect(try opened.conflictedPaths() == ["a/c.json"])
        #expect(try opened.stagedBlob(at: "a/c.json") == nil)
        #expect(try opened.stagedBlob(at: "a/b/schema.ts") == Array("export const x = 2;\n".utf8))
    }

    @Test func aSplitIndexIsLeftToLibGit2() throws {
        let repo = try Self.populated()
        defer { repo.remove() }
        try repo.git("update-index", "--split-index")
        try repo.write("a/c.json", "{\"split\":true}\n")
        try repo.git("add", "a/c.json")
        let opened = try GitRepository.discover(from: repo.root)
        #expect(try opened.withDirectIndex { $0 } == nil, "a split index's entries live in another file")
        // libgit2 1.5 refuses the `link` extension: the run stops with its message, as before the direct reader.
        #expect { try opened.stagedEntries() } throws: { "\($0)".contains("link") }
    }

    @Test func aSkipWorktreeEntryIsLeftToLibGit2() throws {
        let repo = try Self.populated()
        defer { repo.remove() }
        try repo.git("update-index", "--skip-worktree", "a/c.json")
        #expect(try GitRepository.discover(from: repo.root).withDirectIndex { $0 } == nil)
        #expect(try GitRepository.discover(from: repo.root).stagedEntries().contains { $0.path == "a/c.json" })
    }

    @Test func damagedIndexFilesAreNeverMisread() throws {
        let repo = try Self.populated()
        defer { repo.remove() }
        let bytes = try repo.read(".git/index")
        #expect(IndexFile.parse(bytes) != nil)
        // Every truncation, and a byte flipped at every 7th offset: either refused or read as some index whose
        // entries all lie within the file (never a crash, never a read past the end).
        for length in stride(from: 0, to: bytes.count, by: 13) {
            #expect(IndexFile.parse(Array(bytes.prefix(length))) == nil || length >= bytes.count - 20)
        }
        for offset in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[offset] ^= 0xff
            if let parsed = IndexFile.parse(damaged) { #expect(parsed.entries.count <= bytes.count / 62) }
        }
        #expect(IndexFile.parse(Array("DIRC".utf8) + [0, 0, 0, 9] + [UInt8](repeating: 0, count: 24)) == nil, "unknown version")
    }
}
