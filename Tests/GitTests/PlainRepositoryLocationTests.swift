import Foundation
@testable import Git
import Testing
import TestSupport

/// The repository search without libgit2 (`PlainRepositoryLocation`) must find what libgit2 finds, or leave the
/// search to libgit2: never a different repository.
@Suite struct PlainRepositoryLocationTests {
    @Test func findsWhatLibGit2FindsFromTheRootAndASubfolder() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("src/db/schema.ts", "export {}\n")
        for start in [repo.root, repo.path("src/db")] {
            let plain = try #require(PlainRepositoryLocation.find(from: start))
            let reference = try GitRepository.discoverThroughLibGit2(from: start)
            #expect(plain.workdir == reference.workdir)
            #expect(plain.gitDir == reference.gitDir)
        }
    }

    @Test func readsTheIndexAndBlobsOfAPlainRepository() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.json", "{\"v\":1}\n")
        try repo.git("add", "a.json")
        let opened = try GitRepository.discover(from: repo.root)
        #expect(opened.isPlain)
        let entries = try opened.stagedEntries()
        #expect(entries.map(\.path) == ["a.json"])
        // The first blob read opens the repository through libgit2.
        #expect(try opened.blob(entries[0].blobID) == Array("{\"v\":1}\n".utf8))
        #expect(opened.commonDir == repo.path(".git"))
    }

    @Test func leavesEveryOtherShapeToLibGit2() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a.json", "{}\n")
        try repo.commitAll("first")
        // A worktree's `.git` is a file.
        let worktree = repo.sandbox + "/worktree"
        try repo.git("worktree", "add", "--quiet", worktree, "-b", "feature")
        #expect(PlainRepositoryLocation.find(from: worktree) == nil)
        #expect(try !GitRepository.discover(from: worktree).isPlain)
        // Inside the git folder itself.
        #expect(PlainRepositoryLocation.find(from: repo.path(".git/refs")) == nil)
        // `core.worktree` set: the work tree is elsewhere.
        try repo.git("config", "core.worktree", repo.sandbox + "/home")
        #expect(PlainRepositoryLocation.find(from: repo.root) == nil)
    }

    @Test func aBareConfigurationIsLeftToLibGit2() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.git("config", "core.bare", "true")
        #expect(PlainRepositoryLocation.find(from: repo.root) == nil)
    }

    @Test func configurationKeysAreUnsetOnlyWhenNoFileCouldSetThem() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let config = repo.path(".git/config")
        let environment = ["HOME": repo.sandbox + "/home"]
        #expect(!ConfigurationFiles.mayDefine("core.autocrlf", repositoryConfig: config, environment: environment))
        try repo.git("config", "core.autocrlf", "true")
        #expect(ConfigurationFiles.mayDefine("core.autocrlf", repositoryConfig: config, environment: environment))
        #expect(try GitRepository.discover(from: repo.root).configValue("core.autocrlf") == "true")
        try repo.git("config", "--unset", "core.autocrlf")
        try repo.git("config", "include.path", "elsewhere")
        #expect(ConfigurationFiles.mayDefine("core.autocrlf", repositoryConfig: config, environment: environment))
        try repo.git("config", "--unset", "include.path")
        #expect(ConfigurationFiles.mayDefine("core.autocrlf", repositoryConfig: config,
                                             environment: environment.merging(["GIT_CONFIG_GLOBAL": "/x"]) { $1 }))
    }
}
