import Git
import Testing
import TestSupport

@Suite struct RevisionTests {
    /// Two commits on main (`v1` tagged on the first), `origin/main` as a remote-tracking ref at the first.
    private static func repositoryWithHistory() throws -> (TemporaryRepository, first: String, second: String) {
        var first = "", second = ""
        let repo = try TemporaryRepository.make { repo in
            try repo.write("drizzle/0000_init.sql", "CREATE TABLE a (id int);\n")
            try repo.write("drizzle/meta/_journal.json", "{\"entries\":[0]}\n")
            try repo.write("gists/config.json", "{}\n")
            first = try repo.commitAll("first")
            try repo.git("tag", "--annotate", "v1", "--message", "release 1")
            try repo.git("update-ref", "refs/remotes/origin/main", first)
            try repo.write("drizzle/0001_next.sql", "ALTER TABLE a ADD b int;\n")
            try repo.write("drizzle/meta/_journal.json", "{\"entries\":[0,1]}\n")
            second = try repo.commitAll("second")
        }
        return (repo, first, second)
    }

    @Test(arguments: ["HEAD~1", "v1", "origin/main", "FIRST", "FIRST_SHORT"])
    func everyRefFormNamesTheFirstCommit(ref: String) throws {
        let (repo, first, _) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        let spelled = ref == "FIRST" ? first : ref == "FIRST_SHORT" ? String(first.prefix(9)) : ref

        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.resolve(spelled).hex == first)
        #expect(try opened.treeFiles(at: spelled).map(\.path) == [
            "drizzle/0000_init.sql", "drizzle/meta/_journal.json", "gists/config.json",
        ])
        #expect(try opened.file(at: spelled, path: "drizzle/meta/_journal.json") == Array("{\"entries\":[0]}\n".utf8))
        #expect(try opened.file(at: spelled, path: "drizzle/0001_next.sql") == nil)
    }

    @Test func headAndBranchNameTheSecondCommit() throws {
        let (repo, _, second) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.headCommitID()?.hex == second)
        #expect(try opened.resolve("main").hex == second)
        #expect(try opened.file(at: "main", path: "drizzle/0001_next.sql") == Array("ALTER TABLE a ADD b int;\n".utf8))
    }

    @Test func treeFilesFollowIndexOrderAndCarryBlobIDs() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        // Names chosen so that tree order and naive name order could disagree around "/".
        for path in ["a.b", "a/c", "a-b", "a0", "ab/x", "z"] { try repo.write(path, path + "\n") }
        try repo.commitAll("files")
        let opened = try GitRepository.discover(from: repo.root)

        let tree = try opened.treeFiles(at: "HEAD")

        #expect(tree == (try opened.stagedEntries()))
        for entry in tree { #expect(try opened.blob(entry.blobID) == Array((entry.path + "\n").utf8)) }
    }

    @Test func aFolderOrMissingPathIsNotAFile() throws {
        let (repo, _, _) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.file(at: "HEAD", path: "drizzle") == nil)
        #expect(try opened.file(at: "HEAD", path: "nope/nothing.sql") == nil)
        for odd in ["", "/", "drizzle/", "drizzle//0000_init.sql", "../x", "/drizzle/0000_init.sql", "\0"] {
            #expect(try opened.file(at: "HEAD", path: odd) == nil, "\(odd)")
            #expect(try opened.stagedBlob(at: odd) == nil, "\(odd)")
        }
    }

    @Test func anUnknownRefIsNamedInTheError() throws {
        let (repo, _, _) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)

        for ref in ["no-such-branch", "origin/nowhere", "HEAD~9", "deadbeef"] {
            let error = #expect(throws: GitError.self) { try opened.treeFiles(at: ref) }
            guard case .unknownReference(let named, _) = error else {
                Issue.record("expected unknownReference for \(ref), got \(String(describing: error))")
                continue
            }
            #expect(named == ref)
            #expect(error?.description.contains("'\(ref)'") == true)
        }
    }

    @Test func aBlobIsNotACommit() throws {
        let (repo, _, _) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)
        let blobID = try repo.git("rev-parse", "HEAD:gists/config.json").trimmingCharacters(in: .whitespacesAndNewlines)

        let error = #expect(throws: GitError.self) { try opened.resolve(blobID) }
        guard case .notACommit(let named, _) = error else {
            Issue.record("expected notACommit, got \(String(describing: error))")
            return
        }
        #expect(named == blobID)
    }

    @Test func mergeBaseOfTwoBranches() throws {
        let (repo, first, second) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        try repo.git("checkout", "--quiet", "-b", "feature", first)
        try repo.write("feature.txt", "f\n")
        try repo.commitAll("feature")
        try repo.git("checkout", "--orphan", "unrelated")
        try repo.write("other.txt", "o\n")
        try repo.commitAll("unrelated")
        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.mergeBase("feature", "main")?.hex == first)
        #expect(try opened.mergeBase("main", "HEAD~0")?.hex == nil)
        #expect(try opened.mergeBase("main", second)?.hex == second)
    }

    @Test func objectIDHexRoundTrips() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"

        #expect(ObjectID(hex: hex)?.hex == hex)
        #expect(ObjectID(hex: hex.uppercased())?.hex == hex)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
        #expect(ObjectID(hex: String(hex.dropLast()) + "g") == nil)
        #expect(ObjectID(hex: hex) != ObjectID(hex: "1" + hex.dropFirst()))
    }

    /// The boundary of applied migrations: the default branch found through `origin/HEAD` (named by its target),
    /// files looked up path by path, unknown refs as nil rather than errors.
    @Test func defaultBranchMergeBaseAndPathLookups() throws {
        let (repo, first, second) = try Self.repositoryWithHistory()
        defer { repo.remove() }
        try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
        let opened = try GitRepository.discover(from: repo.root)

        #expect(try opened.commitIfPresent("v1")?.hex == first)
        #expect(try opened.commitIfPresent("no-such-branch") == nil)
        let found = try #require(try opened.defaultBranchMergeBase())
        #expect(found.branch == "origin/main")
        #expect(found.mergeBase.hex == first)
        #expect(try opened.defaultBranchMergeBase(candidates: ["trunk", "main"])?.mergeBase.hex == second)
        #expect(try opened.defaultBranchMergeBase(candidates: ["trunk"]) == nil)
        #expect(try opened.existingFiles(["drizzle/0000_init.sql", "drizzle/0001_next.sql", "drizzle", "gone.sql"], at: first)
            == ["drizzle/0000_init.sql"])
    }

    /// Prisma keeps each migration in a folder of its own: paths in many sibling folders, a folder that is a file
    /// at the commit, and a folder that is not there at all are each answered from trees read once.
    @Test func pathLookupsInManyNestedFolders() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        for name in ["20240101000000_init", "20240102000000_users", "20240103000000_teams"] {
            try repo.write("packages/db/prisma/migrations/\(name)/migration.sql", "SELECT 1;\n")
        }
        try repo.write("packages/db/prisma/schema.prisma", "// schema\n")
        try repo.commitAll("migrations")
        let opened = try GitRepository.discover(from: repo.root)
        let commit = try opened.resolve("HEAD").hex
        let asked = [
            "packages/db/prisma/migrations/20240101000000_init/migration.sql",
            "packages/db/prisma/migrations/20240103000000_teams/migration.sql",
            "packages/db/prisma/migrations/20240104000000_later/migration.sql",
            "packages/db/prisma/schema.prisma/migration.sql",
            "packages/api/prisma/migrations/20240101000000_init/migration.sql",
            "packages/db/prisma/migrations",
        ]
        #expect(try opened.existingFiles(asked, at: commit) == [
            "packages/db/prisma/migrations/20240101000000_init/migration.sql",
            "packages/db/prisma/migrations/20240103000000_teams/migration.sql",
        ])
    }

    @Test func anUnbornHeadHasNoDefaultBranchBase() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)
        #expect(try opened.defaultBranchMergeBase() == nil)
        #expect(try opened.commitIfPresent("HEAD") == nil)
    }
}
