import Foundation
import Testing
import TestSupport

/// Hostile and broken input run through the built binary, so that a crash fails the test instead of killing the
/// test runner: each case is `examples/clean` with one file mutated the way an attacker would.
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
struct HostileInputTests {
    static let clean = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/clean")

    /// A copy of `examples/clean` in a fresh git repository, changed by `mutate`.
    static func cleanCopy(_ mutate: (TemporaryRepository) throws -> Void) throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            let fm = FileManager.default
            for item in try fm.contentsOfDirectory(atPath: clean.path) {
                try fm.copyItem(atPath: clean.appendingPathComponent(item).path, toPath: repo.path(item))
            }
            try mutate(repo)
        }
    }

    static func append(_ text: String, to relative: String, in repo: TemporaryRepository) throws {
        try repo.write(relative, bytes: try repo.read(relative) + Array(text.utf8))
    }

    /// A crash is a signal: `Process` reports it as status 128+ or the signal number; either way not 0, 1 or 2.
    static func expectNoCrash(_ run: ChildProcess.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect([0, 1, 2].contains(run.status), "exit \(run.status): \(run.errors.prefix(400))", sourceLocation: sourceLocation)
    }

    // MARK: row 1: evaluation depth

    /// 20,000 links: the release build crashed from about 17,000, a debug build from about 2,000.
    @Test(arguments: ["()", ".b", " + ''"])
    func longChainInASchemaFileIsNotACrash(_ link: String) throws {
        let chain = "f" + String(repeating: link, count: 20_000)
        let repo = try Self.cleanCopy { try Self.append("export const chained = \(chain);\n", to: "src/db/schema.ts", in: $0) }
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check", "--format", "json"], in: repo.root)
        Self.expectNoCrash(run)
        #expect(run.status == 0, "the chain is not a table, so the clean example stays clean: \(run.output.prefix(400))")
    }

    @Test func longChainInTheDrizzleConfigIsALocatedFindingNotACrash() throws {
        let repo = try Self.cleanCopy { repo in
            let chain = "'./src/db/schema.ts'" + String(repeating: " + ''", count: 20_000)
            let config = String(decoding: try repo.read("drizzle.config.ts"), as: UTF8.self)
                .replacingOccurrences(of: "'./src/db/schema.ts'", with: chain)
            try repo.write("drizzle.config.ts", config)
        }
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check"], in: repo.root)
        Self.expectNoCrash(run)
        #expect(run.output.contains("drizzle.config.ts:5:11: error[drizzle/parse-error]"), "located at `schema`: \(run.output.prefix(300))")
        #expect(!run.output.contains("migration-drift"), "an unreadable schema list is not a schema without tables")
    }

    // MARK: row 2: SQL too complex for libpg_query

    @Test func hugeOperatorChainInAMigrationIsALocatedErrorNotACrash() throws {
        let repo = try Self.cleanCopy { repo in
            let chain = "SELECT 1" + String(repeating: "+1", count: 70_000) + ";\n"
            try Self.append("--> statement-breakpoint\n\(chain)", to: "drizzle/0000_initial.sql", in: repo)
        }
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check"], in: repo.root)
        Self.expectNoCrash(run)
        #expect(run.status == 1)
        #expect(run.output.contains("error[migration/sql-syntax-error]"))
        #expect(run.output.contains("statement too complex to check"))
    }

    // MARK: row 11: standard output full or closed

    @Test(arguments: [["check"], ["rules"], ["explain", "gist/secret"]])
    func fullOrClosedStandardOutputIsExitTwoWithAMessage(_ arguments: [String]) throws {
        guard let binary = BuiltBinary.url else { return }
        let command = "\"$0\" " + arguments.joined(separator: " ")
        for redirect in [" > /dev/full", " >&-"] {
            let run = try ChildProcess.runTool("sh", ["-c", command + redirect, binary.path], in: Self.clean.path)
            #expect(run.status == 2, "\(arguments) \(redirect): exit \(run.status)")
            #expect(run.errors.hasPrefix("error: cannot write"), "\(arguments) \(redirect): \(run.errors.prefix(300))")
        }
    }

    @Test func aReaderThatStopsEarlyEndsTheRunQuietly() throws {
        guard let binary = BuiltBinary.url else { return }
        // `true` exits at once, long before the binary has its catalog loaded, so the write meets a closed pipe.
        let script = "( \"$0\" rules; echo \"status $?\" >&2 ) | true"
        let run = try ChildProcess.runTool("sh", ["-c", script, binary.path], in: Self.clean.path)
        #expect(run.errors == "status 0\n", "\(run.errors.prefix(300))")
    }
}
