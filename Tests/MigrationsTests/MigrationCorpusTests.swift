import Core
import DrizzleKit
import Foundation
import Linter
import Migrations
import RuleEngine
import TestSupport
import Testing

/// The real repositories of `../shared/corpus/drizzle` (SOURCES.md lists what is wrong with each): the findings
/// SOURCES.md documents must be reported, and the repositories it calls clean must get none of them.
@Suite(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
struct MigrationCorpusTests {
    static let integrityRules: Set<String> = [
        "migration/journal-mismatch", "migration/out-of-order", "migration/snapshot-chain-broken", "migration/sql-syntax-error",
    ]

    /// Clean per SOURCES.md. onlook's drift is real (found by Drizzle's CorpusFidelityTests: cascade actions and
    /// columns the latest snapshot lacks), so only its integrity is asserted.
    static let clean = [
        "dittofeed__dittofeed", "vercel__ai-chatbot", "nextjs__saas-starter", "homarr-labs__homarr", "onlook-dev__onlook",
        "webdevcody__wdc-saas-starter-kit", "jnsahaj__tweakcn", "OpenCut-app__OpenCut", "amruthpillai__reactive-resume",
    ]

    struct Run {
        var root: URL
        var findings: [Finding]
        var files: [String: SourceFile]

        /// `"out-of-order"` for a `migration/` rule, or a whole id (`schema/migration-drift`).
        func of(_ rule: String) -> [Finding] { findings.filter { $0.ruleID == (rule.contains("/") ? rule : "migration/" + rule) } }

        func text(_ finding: Finding) -> String {
            guard let file = files[finding.path], finding.range.upperBound <= file.bytes.count else { return "" }
            return String(decoding: file.bytes[finding.range], as: UTF8.self)
        }
    }

    static func run(_ repository: String, configuration: Configuration = Configuration()) throws -> Run {
        let root = URL(fileURLWithPath: try #require(SharedFolder.path("corpus/drizzle/\(repository)")))
        let source = WorkTreeSource(root: root)
        let request = LintRequest(source: source, configuration: configuration, configurationFile: nil, catalog: MigrationLint.catalog)
        let report = try Engine.run(request)
        var files: [String: SourceFile] = [:]
        for path in try source.listFiles() where path.hasSuffix(".sql") || path.hasSuffix(".json") {
            files[path] = SourceFile(path: path, bytes: try source.read(path))
        }
        let findings = report.findings.map(\.finding).filter { $0.ruleID.hasPrefix("migration/") || $0.ruleID == "schema/migration-drift" }
        let counts = Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count).sorted { $0.key < $1.key }
        print("\(repository): \(findings.count) migration findings " + counts.map { "\($0.key.dropFirst("migration/".count))=\($0.value)" }.joined(separator: " "))
        return Run(root: root, findings: findings, files: files)
    }

    /// A second file with a journaled number that the journal does not list: drizzle's migrator never runs it, which
    /// is one finding (journal-mismatch), not a second one for its number.
    @Test func duplicateNumberPrefixes() throws {
        let zero = try Self.run("Mail-0__Zero")
        #expect(zero.of("out-of-order").isEmpty)
        #expect(zero.of("journal-mismatch").map(\.path) == ["packages/db/migrations/0025_far_echo.sql"])
        let roo = try Self.run("RooCodeInc__Roo-Code")
        #expect(roo.of("out-of-order").isEmpty)
        #expect(roo.of("journal-mismatch").map(\.path) == ["packages/evals/src/db/migrations/0001_add_timeout_to_runs.sql"])
    }

    @Test func kaneoTimestampsGoBackwardsAndSnapshotsAreMissing() throws {
        let kaneo = try Self.run("usekaneo__kaneo")
        let journalPath = "apps/api/drizzle/meta/_journal.json"
        let journalFile = try #require(kaneo.files[journalPath])
        let journal = try JournalReader.read(journalFile.bytes, path: journalPath).get()
        let backwards = kaneo.of("out-of-order").compactMap { finding in
            journal.entries.first { $0.when?.range == finding.range }?.idx?.value
        }
        #expect(backwards.sorted() == [6, 25, 26])
        let withoutSnapshot = kaneo.of("journal-mismatch").filter { $0.message.contains("no snapshot") }.map { kaneo.text($0) }
        #expect(withoutSnapshot.map { String($0.dropFirst().prefix(4)) }.sorted() == ["0006", "0014", "0016", "0020", "0024", "0025"])
        #expect(kaneo.of("snapshot-chain-broken").isEmpty)
    }

    @Test func morphicAndSciraJournalEntriesWithoutFiles() throws {
        let morphic = try Self.run("miurla__morphic")
        let noSnapshot = morphic.of("journal-mismatch").filter { $0.message.contains("no snapshot") }.map { String(morphic.text($0).dropFirst().prefix(4)) }
        #expect(noSnapshot.sorted() == ["0012", "0013", "0014", "0015"])

        let scira = try Self.run("zaidmukaddam__scira")
        let mismatches = scira.of("journal-mismatch")
        let noSQL = mismatches.filter { $0.message.contains("no SQL file") }.map { String(scira.text($0).dropFirst().prefix(4)) }
        #expect(noSQL.sorted() == ["0010", "0011", "0012", "0013", "0014", "0015"])
        let sciraNoSnapshot = mismatches.filter { $0.message.contains("no snapshot") }.map { String(scira.text($0).dropFirst().prefix(4)) }
        #expect(sciraNoSnapshot.sorted() == ["0012", "0013", "0014", "0015"])
    }

    @Test func middaySQLFilesOutsideTheJournal() throws {
        let midday = try Self.run("midday-ai__midday")
        let mismatches = midday.of("journal-mismatch")
        // SOURCES.md counts 39 .sql files and none is the journaled `0000_silly_sage` (its "38 not in the journal"
        // is off by one): every file there is outside the journal.
        let sqlFiles = midday.files.keys.filter { $0.hasPrefix("packages/db/migrations/") && $0.hasSuffix(".sql") }
        #expect(sqlFiles.count == 39)
        // Every file is outside the journal, so drizzle's migrator is not what applies the folder: one finding on
        // the journal counts them, instead of 39 (one per file).
        #expect(mismatches.filter { $0.message.contains("is not listed in") }.isEmpty)
        let folder = mismatches.filter { $0.message.contains("lists 0 of the 39 SQL files") }
        #expect(folder.count == 1)
        #expect(folder.first?.path == "packages/db/migrations/meta/_journal.json")
        #expect(mismatches.contains { $0.message.contains("journal entry `0000_silly_sage` has no SQL file") })
        // Duplicate prefixes among the hand-written files (0010–0013 twice each) are not reported: no file there is
        // run by drizzle's migrator, which the journal finding above already says.
        #expect(midday.of("out-of-order").isEmpty)
    }

    /// midday writes its migrations by hand, outside drizzle's journal: the tables those files create or drop
    /// (`insights`, `invoice_recurring`; `inbox_embeddings`, `transaction_embeddings`) are not drift against the journal's snapshot,
    /// while `inbox_blocklist`, which no SQL file creates, is.
    @Test func drift() throws {
        let expectations: [(String, added: [String], removed: [String], unknown: [String])] = [
            ("midday-ai__midday", ["inbox_blocklist"], [], ["insights", "invoice_recurring", "inbox_embeddings", "transaction_embeddings"]),
            ("zaidmukaddam__scira", ["user_mcp_server", "build_session"], [], []),
            ("miurla__morphic", ["files", "notes"], [], []),
        ]
        for (repository, added, removed, unknown) in expectations {
            let run = try Self.run(repository)
            let drift = run.of("schema/migration-drift").map(\.message)
            for table in unknown {
                #expect(!drift.contains { $0.hasPrefix("table `\(table)` ") }, "\(repository): \(table), changed by a file outside the journal, reported as drift")
            }
            for table in added {
                #expect(drift.contains { $0.hasPrefix("table `\(table)` is declared in") }, "\(repository): \(table) not reported as added")
            }
            for table in removed {
                #expect(drift.contains { $0.hasPrefix("table `\(table)` is in the latest migration snapshot") }, "\(repository): \(table) not reported as removed")
            }
        }
    }

    /// homarr's drizzle config is `packages/db/configs/postgresql.config.ts` (not discovered by name) and takes
    /// `casing` from a workspace package that is not in the corpus: a user names the config and the casing.
    static func configuration(for repository: String) -> Configuration {
        var configuration = Configuration()
        if repository == "homarr-labs__homarr" {
            configuration.drizzleConfig = "packages/db/configs/postgresql.config.ts"
            configuration.drizzleCasing = "snake_case"
        }
        return configuration
    }

    @Test(arguments: clean)
    func cleanRepositoriesHaveNoIntegrityFindingsAndNoDrift(_ repository: String) throws {
        let run = try Self.run(repository, configuration: Self.configuration(for: repository))
        let integrity = run.findings.filter { Self.integrityRules.contains($0.ruleID) }
        #expect(integrity.isEmpty, "\(integrity.map { "\($0.path): \($0.message)" })")
        guard repository != "onlook-dev__onlook" else { return }
        let drift = run.of("schema/migration-drift")
        #expect(drift.isEmpty, "\(drift.prefix(5).map { "\($0.path): \($0.message)" })")
    }

    /// Without `drizzle.casing`, an unreadable `casing` turns off drift for that schema instead of reporting every
    /// column of homarr under the wrong name.
    @Test func unreadableCasingIsReportedAndDriftStaysQuiet() throws {
        var configuration = Configuration()
        configuration.drizzleConfig = "packages/db/configs/postgresql.config.ts"
        let root = URL(fileURLWithPath: try #require(SharedFolder.path("corpus/drizzle/homarr-labs__homarr")))
        let report = try Engine.run(LintRequest(
            source: WorkTreeSource(root: root), configuration: configuration, configurationFile: nil, catalog: MigrationLint.catalog))
        #expect(!report.findings.contains { $0.finding.ruleID == "schema/migration-drift" })
        let casing = report.findings.filter { $0.finding.ruleID == "drizzle/parse-error" && $0.finding.message.contains("`drizzle.casing`") }
        #expect(casing.map(\.finding.path) == ["packages/db/configs/postgresql.config.ts"])
    }

    /// No SQL file of the corpus is skipped or crashes the reader: each is read into a folder, and every
    /// statement PostgreSQL rejects is a located `migration/sql-syntax-error`.
    @Test func everySQLFileIsReadAndEveryErrorLocated() throws {
        let corpus = URL(fileURLWithPath: try #require(SharedFolder.path("corpus/drizzle")))
        var statements = 0, files = 0, errors = 0
        for repository in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where !repository.hasSuffix(".md") {
            let source = WorkTreeSource(root: corpus.appendingPathComponent(repository))
            let paths = try source.listFiles()
            let loaded = try MigrationLoading.load(FolderListing(paths: paths), configuration: Configuration(), outFolders: [], source: source)
            let scripts = loaded.folders.flatMap(\.scripts)
            #expect(Set(scripts.map(\.path)) == Set(paths.filter { $0.hasSuffix(".sql") }), "\(repository): SQL files not read")
            for script in scripts {
                files += 1
                statements += script.sql.allStatements.count
                errors += script.sql.syntaxErrors.count
                for error in script.sql.syntaxErrors {
                    #expect(error.range.upperBound <= script.source.bytes.count && !error.range.isEmpty)
                }
            }
            if scripts.contains(where: { !$0.sql.syntaxErrors.isEmpty }) {
                let run = try Self.run(repository)
                #expect(run.of("sql-syntax-error").count == scripts.map(\.sql.syntaxErrors.count).reduce(0, +))
            }
        }
        print("corpus: \(files) SQL files, \(statements) statements, \(errors) syntax errors")
        #expect(files > 200)
    }
}
