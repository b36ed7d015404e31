import Core
import Foundation
import Linter
import Replay
import Testing

/// The `replay/` catalog examples, replayed on a throwaway cluster of this suite's own: invalid examples must
/// report exactly their marked spans, valid ones nothing. Plus what only a real server shows: the statement
/// timeout and a server connection that dies mid-run.
@Suite(.serialized, .enabled(if: ThrowawayCluster.findBinaries() != nil,
                             "no PostgreSQL server binaries (initdb, postgres): install the Debian package `postgresql`"))
struct ReplayExampleTests {
    static let catalog = RuleExampleTests.catalog
    static let cases: [ExampleCase] = RuleRegistry.replayRuleIDs.flatMap { id -> [ExampleCase] in
        guard let entry = catalog[id] else { return [] }
        return entry.invalidExamples.enumerated().map { ExampleCase(ruleID: id, kind: "invalid", index: $0.offset, example: $0.element) }
            + entry.validExamples.enumerated().map { ExampleCase(ruleID: id, kind: "valid", index: $0.offset, example: $0.element) }
    }

    @Test func everyReplayRuleHasExamples() {
        for id in RuleRegistry.replayRuleIDs {
            #expect(!(Self.catalog[id]?.invalidExamples.isEmpty ?? true), "\(id) has no invalid example")
            #expect(!(Self.catalog[id]?.validExamples.isEmpty ?? true), "\(id) has no valid example")
        }
    }

    @Test(arguments: cases)
    func exampleReportsExactlyItsMarkedSpans(_ example: ExampleCase) throws {
        var files: [String: [UInt8]] = [:]
        var expected: [String] = []
        for (path, text) in example.example.files {
            let (bytes, spans) = Markers.strip(Array(text.utf8))
            files[path] = bytes
            expected += spans.map { "\(path)@\($0)" }
        }
        let report = try Self.replay(files, traceLocks: example.ruleID == Replayer.tracedLock)
        let found = report.findings.map(\.finding).filter { $0.ruleID == example.ruleID }
        #expect(found.map { "\($0.path)@\($0.range)" }.sorted() == expected.sorted(), "\(example): \(found.map(\.message))")
        for finding in found {
            #expect(MessageStyle.violations(finding.message).isEmpty, "\(finding.message)")
            #expect(MessageStyle.violations(finding.help).isEmpty, "\(finding.help)")
        }
    }

    @Test func aStatementThatRunsTooLongIsStoppedAndReported() throws {
        let report = try Self.replay(Self.folder(["0000_wait": "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\nSELECT pg_sleep(20);"]),
                                     timeout: 0.5)
        let finding = try #require(report.findings.first?.finding)
        #expect(finding.ruleID == Replayer.applyFailed)
        #expect(finding.message.contains("0000_wait") && finding.message.contains("statement timeout"))
        #expect(report.duration < 15)
    }

    @Test func aConnectionThatDiesNamesTheMigration() throws {
        let report = try Self.replay(Self.folder([
            "0000_init": "CREATE TABLE \"t\" (\"id\" integer);",
            "0001_crash": "SELECT pg_terminate_backend(pg_backend_pid());",
        ]))
        let finding = try #require(report.findings.first?.finding)
        #expect(finding.ruleID == Replayer.applyFailed)
        #expect(finding.path == "drizzle/0001_crash.sql")
        #expect(finding.message.contains("stopped while applying migration 0001_crash"))
    }

    @Test func sqlFilesTheJournalDoesNotListAreNotApplied() throws {
        var files = Self.folder(["0000_init": "CREATE TABLE \"t\" (\"id\" integer);", "0001_add": "ALTER TABLE \"t\" ADD COLUMN \"n\" integer;"])
        files["drizzle/0001_copy.sql"] = Array("ALTER TABLE \"t\" ADD COLUMN \"n\" integer;".utf8)
        #expect(try Self.replay(files).findings.isEmpty)
    }

    /// A journal folder without snapshots: only apply-failed can fire.
    static func folder(_ migrations: KeyValuePairs<String, String>) -> [String: [UInt8]] {
        let entries = migrations.enumerated().map { index, migration in
            "{ \"idx\": \(index), \"version\": \"7\", \"when\": \(1_730_419_200_000 + index), \"tag\": \"\(migration.key)\", \"breakpoints\": true }"
        }
        var files = ["drizzle/meta/_journal.json": Array("{ \"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [\(entries.joined(separator: ", "))] }".utf8)]
        for (tag, sql) in migrations { files["drizzle/\(tag).sql"] = Array(sql.utf8) }
        return files
    }

    static func replay(_ files: [String: [UInt8]], timeout: Double = 30, traceLocks: Bool = false) throws -> Report {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let request = LintRequest(source: MemoryFileSource(files: files), configuration: Configuration(), configurationFile: nil, catalog: catalog)
        return try ReplayRunner.report(request, server: cluster, statementTimeoutSeconds: timeout, traceLocks: traceLocks)
    }
}
