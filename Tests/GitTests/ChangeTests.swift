import Git
import Testing
import TestSupport

@Suite struct ChangeTests {
    private static let renamedBody = String(repeating: "CREATE TABLE users (id serial primary key);\n", count: 20)

    /// A base commit, then staged: one added, one modified, one deleted, one renamed (`git mv`), and on top
    /// of that unstaged: one more modified, one deleted, one untracked file.
    private static func repositoryWithChanges() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("keep.ts", "keep\n")
            try repo.write("edit.ts", "before\n")
            try repo.write("gone.json", "{}\n")
            try repo.write("old/name.sql", Self.renamedBody)
            try repo.write("worktree-edit.ts", "before\n")
            try repo.write("worktree-gone.ts", "here\n")
            try repo.commitAll("base")
            try repo.git("tag", "base")

            try repo.write("new.json", "{\"new\":true}\n")
            try repo.write("edit.ts", "after\n")
            try repo.git("rm", "--quiet", "gone.json")
            try repo.write("new/placeholder", "")  // `git mv` needs the target folder to exist
            try repo.git("mv", "old/name.sql", "new/name.sql")
            try repo.delete("new/placeholder")
            try repo.git("add", "--all")

            try repo.write("worktree-edit.ts", "after, unstaged\n")
            try repo.delete("worktree-gone.ts")
            try repo.write("untracked/file.ts", "untracked\n")
        }
    }

    private static let stagedChanges = [
        ChangedPath(path: "edit.ts", status: .modified),
        ChangedPath(path: "gone.json", status: .deleted),
        ChangedPath(path: "new.json", status: .added),
        ChangedPath(path: "new/name.sql", oldPath: "old/name.sql", status: .renamed),
    ]

    @Test func stagedChangesCompareHeadWithTheIndex() throws {
        let repo = try Self.repositoryWithChanges()
        defer { repo.remove() }

        #expect(try GitRepository.discover(from: repo.root).stagedChanges() == Self.stagedChanges)
    }

    /// What `repositoryWithChanges` changes on top of the index.
    private static let workTreeChanges = [
        ChangedPath(path: "untracked/file.ts", status: .added),
        ChangedPath(path: "worktree-edit.ts", status: .modified),
        ChangedPath(path: "worktree-gone.ts", status: .deleted),
    ]

    @Test func changesSinceARefIncludingTheWorkTree() throws {
        let repo = try Self.repositoryWithChanges()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)

        let indexOnly = try opened.changes(since: "base", includeWorkTree: false)
        let withWorkTree = try opened.changes(since: "base", includeWorkTree: true)

        #expect(indexOnly == Self.stagedChanges)
        #expect(withWorkTree == Self.sortedByPath(Self.stagedChanges + Self.workTreeChanges))
    }

    @Test func changesSinceAnOlderRefSpanCommitsAndTheIndexOnly() throws {
        let repo = try Self.repositoryWithChanges()
        defer { repo.remove() }
        try repo.write("later.txt", "later\n")
        try repo.commitAll("after base")  // commits the work-tree changes too: now they count
        try repo.write("worktree-edit.ts", "unstaged again\n")  // a work-tree change that must not count

        let changes = try GitRepository.discover(from: repo.root).changes(since: "base", includeWorkTree: false)

        let later = ChangedPath(path: "later.txt", status: .added)
        #expect(changes == Self.sortedByPath(Self.stagedChanges + Self.workTreeChanges + [later]))
    }

    private static func sortedByPath(_ changes: [ChangedPath]) -> [ChangedPath] {
        changes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    @Test func aRenameOnlyInTheWorkTreeIsDetected() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("a/schema.ts", Self.renamedBody)
        try repo.commitAll("base")
        try repo.delete("a/schema.ts")
        try repo.write("b/schema.ts", Self.renamedBody + "-- edited a little\n")

        let opened = try GitRepository.discover(from: repo.root)

        let withWorkTree = try opened.changes(since: "HEAD", includeWorkTree: true)

        #expect(withWorkTree == [
            ChangedPath(path: "b/schema.ts", oldPath: "a/schema.ts", status: .renamed),
        ])
        #expect(try opened.changes(since: "HEAD", includeWorkTree: false).isEmpty)
    }

    @Test func onAnUnbornHeadEveryStagedFileIsAdded() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("b.ts", "b\n")
        try repo.write("a/c.json", "{}\n")
        try repo.write("not-staged.txt", "n\n")
        try repo.git("add", "b.ts", "a/c.json")

        #expect(try GitRepository.discover(from: repo.root).stagedChanges() == [
            ChangedPath(path: "a/c.json", status: .added),
            ChangedPath(path: "b.ts", status: .added),
        ])
    }

    @Test func anUnknownBaseRefIsAnError() throws {
        let repo = try Self.repositoryWithChanges()
        defer { repo.remove() }
        let opened = try GitRepository.discover(from: repo.root)

        #expect(throws: GitError.self) { try opened.changes(since: "origin/missing", includeWorkTree: true) }
    }
}
