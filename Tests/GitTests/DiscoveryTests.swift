import Foundation
import Git
import Testing
import TestSupport

@Suite struct DiscoveryTests {
    @Test func opensFromTheRootAndFromASubfolder() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("src/db/schema.ts", "export {}\n")

        let fromRoot = try GitRepository.discover(from: repo.root)
        let fromSubfolder = try GitRepository.discover(from: repo.path("src/db"))

        #expect(fromRoot.workdir == repo.root)
        #expect(fromRoot.gitDir == repo.path(".git"))
        #expect(fromSubfolder.workdir == repo.root)
        #expect(fromSubfolder.gitDir == repo.path(".git"))
    }

    @Test func opensAWorktreeWithItsOwnIndex() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.json", "{\"v\":1}\n")
        try repo.commitAll("first")
        let worktree = repo.sandbox + "/worktree"
        try repo.git("worktree", "add", "--quiet", worktree, "-b", "feature")
        try Data("{\"v\":2}\n".utf8).write(to: URL(fileURLWithPath: worktree + "/a.json"))
        try repo.git(["add", "a.json"], in: worktree)

        let opened = try GitRepository.discover(from: worktree)

        #expect(opened.workdir == worktree)
        #expect(opened.gitDir == repo.path(".git/worktrees/worktree"))
        #expect(try opened.stagedBlob(at: "a.json") == Array("{\"v\":2}\n".utf8))
        // The main work tree's index is untouched by the worktree's staging.
        #expect(try GitRepository.discover(from: repo.root).stagedBlob(at: "a.json") == Array("{\"v\":1}\n".utf8))
    }

    @Test func followsAGitFileToASeparateGitFolder() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let separate = repo.sandbox + "/elsewhere"
        let workTree = repo.sandbox + "/separate-work-tree"
        try FileManager.default.createDirectory(atPath: workTree, withIntermediateDirectories: true)
        try repo.git(["init", "--quiet", "--separate-git-dir", separate], in: workTree)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: workTree + "/x.txt"))
        try repo.git(["add", "x.txt"], in: workTree)

        let opened = try GitRepository.discover(from: workTree)

        #expect(opened.workdir == workTree)
        #expect(opened.gitDir == separate)
        #expect(try opened.stagedEntries().map(\.path) == ["x.txt"])
    }

    @Test func aBareRepositoryIsRefusedUnlessAllowed() throws {
        let repo = try TemporaryRepository(bare: true)
        defer { repo.remove() }

        #expect(throws: GitError.bareRepository(gitDir: repo.root)) {
            try GitRepository.discover(from: repo.root)
        }
        let bare = try GitRepository.discover(from: repo.root, allowBare: true)
        #expect(bare.workdir == nil)
        #expect(throws: GitError.bareRepository(gitDir: repo.root)) { try bare.stagedEntries() }
    }

    @Test func aFolderOutsideAnyRepositoryIsNotARepository() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let outside = repo.sandbox + "/home"

        let error = #expect(throws: GitError.self) { try GitRepository.discover(from: outside) }
        #expect(error == .notARepository(path: outside))
        #expect(error?.description.contains(outside) == true)
    }

    @Test func aMissingFolderIsNotARepository() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let missing = repo.sandbox + "/no/such/folder"

        #expect(throws: GitError.notARepository(path: missing)) { try GitRepository.discover(from: missing) }
    }
}

@Suite struct OwnershipTests {
    @Test(.enabled(if: getuid() == 0, "needs root to give the repository to another user"))
    func aRepositoryOfAnotherUserIsRefusedWithAHint() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.git("add", "a.txt")
        for case let relative as String in FileManager.default.enumerator(atPath: repo.root)?.allObjects ?? [] {
            try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: repo.path(relative))
        }
        try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: repo.root)

        let error = #expect(throws: GitError.self) { try GitRepository.discover(from: repo.root) }
        #expect(error == .untrustedOwner(path: repo.root))
        #expect(error?.description.contains("safe.directory") == true)
    }
}
