import Foundation
import Linter
import Testing
import TestSupport

/// Git modes outside a usable repository end with exit 2 and a message that names the problem (SPEC §8).
@Suite struct GitFailureTests {
    @Test func stagedOutsideARepositoryIsAUsageError() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let plain = repo.sandbox + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        let message = try #require(usageFailure(plain, staged: true))
        #expect(message.hasPrefix("--staged: not a git repository"))
        #expect(message.contains(plain))
        #expect(usageFailure(plain, base: "main")?.hasPrefix("--base main: not a git repository") == true)
        // Without a git mode the folder is read, and has nothing to check.
        #expect(usageFailure(plain)?.hasPrefix("nothing to check in \(plain)") == true)
    }

    @Test func anUnknownBaseRefIsAUsageError() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/a.json", GistText.clean)
            try repo.commitAll("base")
        }
        defer { repo.remove() }
        let message = try #require(usageFailure(repo.root, base: "no-such-branch"))
        #expect(message.hasPrefix("--base no-such-branch: unknown git reference 'no-such-branch'"))
        #expect(usageFailure(repo.root, base: "HEAD") == nil)
        #expect(usageFailure(repo.root, base: "main") == nil)
    }

    @Test func aBareRepositoryIsAUsageError() throws {
        let repo = try TemporaryRepository(bare: true)
        defer { repo.remove() }
        #expect(usageFailure(repo.root, staged: true)?.contains("is bare") == true)
    }

    @Test func anUnbornBranchStillLintsTheIndexButHasNoBase() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/a.json", GistText.secret)
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true, changedOnly: true).summaries == ["gist/secret gists/a.json"])
        #expect(usageFailure(repo.root, base: "HEAD") != nil)
    }
}
