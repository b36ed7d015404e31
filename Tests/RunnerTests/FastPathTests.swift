import Foundation
import Testing
import TestSupport

/// The reading shortcuts of issue 10 (old snapshots read by their first bytes; clean work-tree files read instead
/// of their git blobs) must not change a single finding: each repository is checked with and without them
/// (`SCHEMALINT_NO_FAST_PATHS=1`) in plain, `--staged` and `--base` runs, and the reports must be identical.
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
struct FastPathTests {
    static let corpusRepositories = ["usekaneo__kaneo", "amruthpillai__reactive-resume", "midday-ai__midday", "Mail-0__Zero", "miurla__morphic"]

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)),
          arguments: corpusRepositories)
    func corpusFindingsAreTheSameWithAndWithoutFastPaths(_ name: String) throws {
        let corpus = try #require(SharedFolder.path("corpus/drizzle/\(name)"))
        let repo = try TemporaryRepository.make { repo in
            try FileManager.default.removeItem(atPath: repo.root + "/.git")
            try FileManager.default.copyItem(atPath: corpus, toPath: repo.root + "/copy")
            try repo.git("init", "--quiet")
            try Self.ageEveryFile(under: repo.root)
            try repo.commitAll("corpus")
            // A staged change to the newest migration's SQL, so --staged and --base have something to judge.
            let sql = try #require(FileManager.default.subpaths(atPath: repo.root)?.filter { $0.hasSuffix(".sql") }.sorted().last)
            try repo.write(sql, String(decoding: try repo.read(sql), as: UTF8.self) + "\nCREATE INDEX \"added_idx\" ON \"added\" (\"id\");\n")
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        try expectSameReports(in: repo.root)
    }

    @Test(.enabled(if: ExternalTool.hasPython, "python3 generates the monorepo"))
    func generatedMonorepoFindingsAreTheSameWithAndWithoutFastPaths() throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-mono-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../benchmarks/monorepo.py").standardized.path
        let outcome = try ChildProcess.runTool("python3", [script, sandbox, "--files", "300", "--tables", "12", "--migrations", "40"],
                                               in: FileManager.default.temporaryDirectory.path)
        try #require(outcome.status == 0, "\(outcome.errors)")
        try expectSameReports(in: sandbox)
    }

    /// Adding a migration on a branch leaves every merged snapshot as it was: `--base main` must not call the
    /// previously latest snapshot (read whole at the base, where it was the latest) edited.
    @Test(.enabled(if: ExternalTool.hasPython, "python3 generates the monorepo"))
    func addingAMigrationIsNotAnEditOfTheMergedSnapshots() throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-mono-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../benchmarks/monorepo.py").standardized.path
        for (name, count) in [("merged", "30"), ("branch", "31")] {
            let outcome = try ChildProcess.runTool("python3", [script, sandbox + "/" + name, "--files", "100", "--tables", "12", "--migrations", count],
                                                   in: FileManager.default.temporaryDirectory.path)
            try #require(outcome.status == 0, "\(outcome.errors)")
        }
        let repo = sandbox + "/merged"
        func git(_ arguments: String...) throws {
            let outcome = try ChildProcess.runTool("git", ["-C", repo] + arguments)
            try #require(outcome.status == 0, "git \(arguments): \(outcome.errors)")
        }
        try git("checkout", "--quiet", "-b", "feature")
        try FileManager.default.removeItem(atPath: repo + "/packages/db")
        try FileManager.default.copyItem(atPath: sandbox + "/branch/packages/db", toPath: repo + "/packages/db")
        try git("add", "--all")
        try git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "add a migration")
        let run = try BuiltBinary.run(["check", "--base", "main", "--format", "json"], in: repo)
        #expect(run.output.contains("\"findings\""), "\(run.errors)")
        #expect(!run.output.contains("migration/edited-after-merge"), "\(run.output)")
        #expect(run.output.contains("\"migrationsJudged\" : 1") || run.output.contains("\"migrationsJudged\": 1"), "the new migration is judged")
    }

    /// A file whose staged blob and work-tree bytes differ but whose size and mtime were made to match must
    /// still be read from the index: git's stat test (ctime, inode) catches it.
    @Test func aWorkTreeFileMadeToLookCleanIsStillReadFromTheIndex() throws {
        let staged = "{\n  \"service\": \"mail\",\n  \"password\": \"hunter2-real\"\n}\n"
        let edited = "{\n  \"service\": \"mail\",\n  \"passwerd\": \"hunter2-real\"\n}\n"
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", staged)
            try Self.ageEveryFile(under: repo.root)
            try repo.git("add", "--all")
            var before = stat()
            _ = stat(repo.path("gists/mail.json"), &before)
            let handle = try #require(FileHandle(forWritingAtPath: repo.path("gists/mail.json")))
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, repo.path("gists/mail.json"), &times, 0) == 0)
        }
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check", "--staged", "--format", "json"], in: repo.root)
        #expect(run.output.contains("gist/secret"), "the staged secret must be reported: \(run.output)")
    }

    /// A clean filter (`.gitattributes` `filter=…`, as git-lfs uses) stores other bytes than the work tree holds, and
    /// the file still looks clean to git's stat test: the staged blob must be read, not the work-tree file.
    @Test func aFilteredFileIsReadFromTheIndex() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.git("config", "filter.widen.clean", "sed s/pass/password/")
            try repo.git("config", "filter.widen.smudge", "cat")
            try repo.write(".gitattributes", "*.json filter=widen\n")
            try repo.write("gists/mail.json", "{\n  \"service\": \"mail\",\n  \"pass\": \"hunter2-real\"\n}\n")
            try Self.ageEveryFile(under: repo.root)
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        #expect(try repo.git("show", ":gists/mail.json").contains("\"password\""), "the clean filter ran")
        let run = try BuiltBinary.run(["check", "--staged", "--format", "json"], in: repo.root)
        #expect(run.output.contains("gist/secret"), "the staged (filtered) blob must be read: \(run.output)")
    }

    /// `check` with plain options is read without ArgumentParser (`QuickCheckArguments`): the report, the messages
    /// and the exit status must be those of ArgumentParser's reading, for the command lines it reads and for those
    /// it leaves to ArgumentParser (a bad value, a repeated or unknown option, `--name=value`).
    @Test func commandLinesReadWithoutArgumentParserRunTheSame() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", "{\n  \"service\": \"mail\",\n  \"password\": \"hunter2-real\"\n}\n")
            try repo.git("add", "--all")
            _ = try repo.commitAll("secret")
            try repo.write("gists/other.json", "{\n  \"token\": \"ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n}\n")
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        let commandLines: [[String]] = [
            ["check"], ["check", "--staged"], ["check", "--staged", "--format", "json"], ["check", ".", "gists", "--format", "sarif", "--quiet"],
            ["check", "--color", "never", "--max-warnings", "0"], ["check", "--format", "github", "--changed-only", "--staged"],
            ["check", "--base", "HEAD", "--format", "junit"], ["check", "--config", "missing.yml"], ["check", "missing-folder"],
            ["check", "--format", "nope"], ["check", "--output"], ["check", "--staged", "--staged"], ["check", "--max-warnings", "x"],
            ["check", "--format=json"], ["check", "--staged", "--fix"], ["check", "--help"], ["check", "--output", ""],
        ]
        for arguments in commandLines {
            let quick = try BuiltBinary.run(arguments, in: repo.root)
            let parsed = try BuiltBinary.run(arguments, in: repo.root, environment: ["SCHEMALINT_NO_FAST_PATHS": "1"])
            #expect(quick.status == parsed.status, "\(arguments)")
            #expect(try Self.withoutDurations(quick.output) == Self.withoutDurations(parsed.output), "\(arguments)")
            #expect(quick.errors == parsed.errors, "\(arguments)")
        }
    }

    private func expectSameReports(in folder: String) throws {
        for arguments in [["check"], ["check", "--staged"], ["check", "--base", "HEAD"]] {
            let fast = try BuiltBinary.run(arguments + ["--format", "json"], in: folder)
            let slow = try BuiltBinary.run(arguments + ["--format", "json"], in: folder, environment: ["SCHEMALINT_NO_FAST_PATHS": "1"])
            #expect(fast.status == slow.status, "\(arguments)")
            #expect(Self.withoutTiming(fast.output) == Self.withoutTiming(slow.output), "\(arguments): reports differ")
            #expect(fast.output.contains("\"findings\""), "\(arguments): \(fast.errors)")
        }
    }

    /// Every file an hour old, so `git add` records stat data that is not "racily clean" and the clean-file
    /// shortcut is really taken.
    static func ageEveryFile(under root: String) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        for relative in FileManager.default.subpaths(atPath: root) ?? [] where !relative.hasPrefix(".git") {
            try? FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root + "/" + relative)
        }
    }

    /// Text and JUnit reports say how long the run took (`(0.01 s)`, `time="0.010"`): two runs differ there.
    static func withoutDurations(_ text: String) throws -> String {
        try text.replacing(Regex(#"\([0-9.]+ s\)"#), with: "(…)").replacing(Regex(#"time="[0-9.]+""#), with: "time=…")
    }

    /// JSON reports carry no timings today; this keeps the comparison about findings if one is added.
    static func withoutTiming(_ text: String) -> String {
        text.split(separator: "\n").filter { !$0.contains("\"elapsed") }.joined(separator: "\n")
    }
}
