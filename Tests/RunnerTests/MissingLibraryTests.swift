import Foundation
import Testing
import TestSupport

/// libgit2 and libpq are loaded on first use, not linked: without one, a command that needs it ends with exit 2
/// and names the package to install, and commands that do not need it run as before. `SCHEMALINT_LIBGIT2` and
/// `SCHEMALINT_LIBPQ` name the file to load; here, one that does not exist.
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
struct MissingLibraryTests {
    static let missing = "/nonexistent/schemalint-test/libmissing.so"
    static let neither = ["SCHEMALINT_LIBGIT2": missing, "SCHEMALINT_LIBPQ": missing]
    static let journal = """
        { "version": "7", "dialect": "postgresql", "entries": [
          { "idx": 0, "version": "7", "when": 1730419200000, "tag": "0000_init", "breakpoints": true } ] }
        """

    func migrations(_ repo: TemporaryRepository) throws {
        try repo.write("drizzle/meta/_journal.json", Self.journal)
        try repo.write("drizzle/0000_init.sql", "CREATE TABLE \"t\" (\"id\" integer PRIMARY KEY);\n")
    }

    @Test func everyRunInsideGitNeedsLibgit2() throws {
        let repo = try TemporaryRepository.make { repo in
            try migrations(repo)
            try repo.commitAll("init")
        }
        defer { repo.remove() }
        // A plain run too: it reads the merge base to know which migrations are applied, and judging them all
        // instead would report applied migrations as if they could still change.
        for arguments in [["check", "."], ["check", "--staged"], ["check", "--base", "HEAD"]] {
            let run = try BuiltBinary.run(arguments, in: repo.root, environment: Self.neither)
            #expect(run.status == 2, "\(arguments): \(run.errors)")
            #expect(run.errors.contains("schemalint needs libgit2 to read git repositories, but cannot load it"), "\(arguments)")
            #expect(run.errors.contains("Install the package libgit2-1.5"), "\(arguments)")
        }
    }

    @Test func runsOutsideGitNeedNeitherLibrary() throws {
        let repo = try TemporaryRepository.make(migrations)
        defer { repo.remove() }
        let outside = repo.sandbox + "/outside"
        try FileManager.default.moveItem(atPath: repo.root + "/drizzle", toPath: outside)
        let check = try BuiltBinary.run(["check", "."], in: outside, environment: Self.neither)
        #expect(check.status == 1, "\(check.errors)")  // the journal's missing snapshot: a finding, not a failure
        #expect(check.output.contains("migration/journal-mismatch"))
        #expect(try BuiltBinary.run(["--version"], in: outside, environment: Self.neither).status == 0)
    }

    @Test func replayWithoutLibpqStopsBeforeStartingAServer() throws {
        let repo = try TemporaryRepository.make(migrations)
        defer { repo.remove() }
        let temporary = repo.sandbox + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        for arguments in [["replay", "."], ["replay", ".", "--database-url", "postgresql://localhost/none"]] {
            let run = try BuiltBinary.run(arguments, in: repo.root,
                                          environment: ["SCHEMALINT_LIBPQ": Self.missing, "TMPDIR": temporary])
            #expect(run.status == 2, "\(arguments): \(run.errors)")
            #expect(run.errors.contains("schemalint needs libpq (the PostgreSQL client library) to connect to PostgreSQL"))
            #expect(run.errors.contains("Install the package libpq5"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "a cluster was started")
        }
    }
}
