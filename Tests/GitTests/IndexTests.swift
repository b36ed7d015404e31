import Foundation
import Git
import Testing
import TestSupport

@Suite struct IndexTests {
    @Test func aPartiallyStagedFileIsReadAsStaged() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("schema.ts", "v1\n")
        try repo.commitAll("first")
        try repo.write("schema.ts", "v2 staged\n")
        try repo.git("add", "schema.ts")
        try repo.write("schema.ts", "v3 in the work tree only\n")

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.stagedBlob(at: "schema.ts") == Array("v2 staged\n".utf8))
        #expect(try repo.read("schema.ts") == Array("v3 in the work tree only\n".utf8))
        let entry = try #require(try opened.stagedEntries().first { $0.path == "schema.ts" })
        #expect(try opened.blob(entry.blobID) == Array("v2 staged\n".utf8))
        #expect(try repo.git("rev-parse", ":schema.ts").hasPrefix(entry.blobID.hex))
    }

    @Test func anUnbornHeadStillHasAReadableIndex() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("b.json", "{}\n")
        try repo.write("a/z.ts", "z\n")
        try repo.write("untracked.txt", "not staged\n")
        try repo.git("add", "b.json", "a/z.ts")

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.headCommitID() == nil)
        #expect(try opened.stagedEntries().map(\.path) == ["a/z.ts", "b.json"])
        #expect(try opened.stagedBlob(at: "a/z.ts") == Array("z\n".utf8))
        #expect(try opened.stagedBlob(at: "untracked.txt") == nil)
        #expect(throws: GitError.unbornHead) { try opened.resolve("HEAD") }
        #expect(throws: GitError.unbornHead) { try opened.treeFiles(at: "HEAD") }
    }

    @Test func aFreshRepositoryWithNoIndexFileHasNoStagedFiles() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }

        #expect(try GitRepository.discover(from: repo.root).stagedEntries().isEmpty)
    }

    @Test func modesAreReported() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("run.sh", "#!/bin/sh\n")
        try repo.write("plain.txt", "plain\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path("run.sh"))
        try FileManager.default.createSymbolicLink(atPath: repo.path("link"), withDestinationPath: "plain.txt")
        try repo.git("add", "--all")

        let entries = try GitRepository.discover(from: repo.root).stagedEntries()

        #expect(entries.map(\.path) == ["link", "plain.txt", "run.sh"])
        #expect(entries.map(\.mode) == [.symlink, .regular, .executable])
    }

    @Test func intentToAddPlaceholdersAreNotStagedContent() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("later.ts", "not staged yet\n")
        try repo.write("now.ts", "staged\n")
        try repo.git("add", "now.ts")
        try repo.git("add", "--intent-to-add", "later.ts")

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.stagedEntries().map(\.path) == ["now.ts"])
        #expect(try opened.stagedBlob(at: "later.ts") == nil)
    }

    @Test func conflictsAreReportedNotListedAsStaged() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("clean.json", "clean\n")
        try repo.makeMergeConflict(at: "c.json", base: "base\n", ours: "main\n", theirs: "other\n")

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.conflictedPaths() == ["c.json"])
        #expect(try opened.stagedEntries().map(\.path) == ["clean.json"])
        #expect(try opened.stagedBlob(at: "c.json") == nil)
    }

    @Test func aCorruptedIndexIsAClearError() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.git("add", "a.txt")
        try repo.write(".git/index", "this is not an index file")

        let opened = try GitRepository.discover(from: repo.root)
        let error = #expect(throws: GitError.self) { try opened.stagedEntries() }

        guard case .unreadableIndex(let detail) = error else {
            Issue.record("expected unreadableIndex, got \(String(describing: error))")
            return
        }
        #expect(!detail.isEmpty)
    }

    @Test func anExplicitIndexFileIsReadInsteadOfTheRepositorys() throws {
        // `git commit -a` runs the pre-commit hook with GIT_INDEX_FILE naming a temporary index.
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.txt", "committed\n")
        try repo.commitAll("first")
        try repo.write("a.txt", "in the temporary index\n")
        let temporaryIndex = repo.sandbox + "/temporary-index"
        try FileManager.default.copyItem(atPath: repo.path(".git/index"), toPath: temporaryIndex)
        try repo.git(["add", "a.txt"], environment: ["GIT_INDEX_FILE": temporaryIndex])

        let viaTemporaryIndex = try GitRepository.discover(from: repo.root, indexFile: temporaryIndex)
        let viaOwnIndex = try GitRepository.discover(from: repo.root)

        #expect(try viaTemporaryIndex.stagedBlob(at: "a.txt") == Array("in the temporary index\n".utf8))
        #expect(try viaOwnIndex.stagedBlob(at: "a.txt") == Array("committed\n".utf8))
        #expect(try viaTemporaryIndex.stagedChanges() == [ChangedPath(path: "a.txt", status: .modified)])
        #expect(try viaOwnIndex.stagedChanges().isEmpty)
    }

    @Test func binaryAndEmptyBlobsRoundTrip() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let binary: [UInt8] = [0, 1, 2, 0xff, 0xfe, 0, 10, 13]
        try repo.write("bin.dat", bytes: binary)
        try repo.write("empty.txt", "")
        try repo.git("add", "--all")

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.stagedBlob(at: "bin.dat") == binary)
        #expect(try opened.stagedBlob(at: "empty.txt") == [])
    }

    @Test func concurrentReadersGetTheRightBytes() async throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        for number in 0..<40 { try repo.write("f\(number).json", "{\"n\":\(number)}\n") }
        try repo.git("add", "--all")
        let opened = try GitRepository.discover(from: repo.root)

        let mismatches = await withTaskGroup(of: Int.self) { group in
            for number in 0..<40 {
                group.addTask {
                    let bytes = try? opened.stagedBlob(at: "f\(number).json")
                    return bytes == Array("{\"n\":\(number)}\n".utf8) ? 0 : 1
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
