import Core
import Linter
import RuleEngine
import Testing

/// drizzle-kit drift that a hand-written migration already made: the finding must say the snapshot is behind and
/// must not send the user to `drizzle-kit generate` alone, which would write the table a second time (morphic's
/// `notes`, `files` and `parts.file_key`, made by hand with `IF NOT EXISTS`, were reported as "no migration creates
/// it").
@Suite struct DriftMadeBySQLWordingTests {
    @Test func driftMadeByHandWrittenSQLNamesItsFileAndTheWayToResync() throws {
        let example = try #require(RuleExampleTests.cases.first {
            $0.ruleID == "schema/migration-drift" && $0.example.description.hasPrefix("a table and a column a hand-written migration made")
        })
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: AppliedMigrationsTests.strippedFiles(example)), configuration: Configuration(),
            configurationFile: nil, catalog: AppliedMigrationsTests.catalog))
        let drift = report.findings.map(\.finding).filter { $0.ruleID == "schema/migration-drift" }
        #expect(drift.count == 2, "\(drift.map(\.message))")
        for finding in drift {
            #expect(finding.message.contains("created by drizzle/0001_notes.sql"), "\(finding.message)")
            #expect(!finding.message.contains("no migration creates it"), "\(finding.message)")
            #expect(finding.help.contains("IF NOT EXISTS") && finding.help.contains("keep the new snapshot"), "\(finding.help)")
        }
    }
}
