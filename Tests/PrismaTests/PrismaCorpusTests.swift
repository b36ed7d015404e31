import Core
import Foundation
import Linter
import RuleEngine
import TestSupport
import Testing

/// The verified problems of ../shared/corpus/prisma/SOURCES.md are reported where SOURCES.md says.
@Suite(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
struct PrismaCorpusTests {
    func findings(_ repository: String) throws -> [(rule: String, path: String, line: Int)] {
        let root = try #require(SharedFolder.path("corpus/prisma/\(repository)"))
        let catalog = try RuleCatalog.builtIn.get()
        let folder = URL(fileURLWithPath: root)
        let (configuration, file) = try ConfigurationLoading.load(for: folder, explicitPath: nil, catalog: catalog)
        let report = try Engine.run(LintRequest(
            source: WorkTreeSource(root: folder), configuration: configuration, configurationFile: file, catalog: catalog))
        return report.findings.map { ($0.finding.ruleID, $0.finding.path, $0.start.line) }
    }

    func lines(_ found: [(rule: String, path: String, line: Int)], _ rule: String, _ path: String) -> Set<Int> {
        Set(found.filter { $0.rule == rule && $0.path == path }.map(\.line))
    }

    @Test func modelsWithoutPrimaryKey() throws {
        let hoppscotch = try findings("hoppscotch__hoppscotch")
        #expect(lines(hoppscotch, "schema/missing-primary-key", "packages/hoppscotch-backend/prisma/schema.prisma") == [134, 172])
        let langfuse = try findings("langfuse__langfuse")
        #expect(lines(langfuse, "schema/missing-primary-key", "packages/shared/prisma/schema.prisma") == [90, 1353, 1440])
        let papermark = try findings("mfts__papermark")
        #expect(lines(papermark, "schema/missing-primary-key", "prisma/schema/schema.prisma") == [90, 226])
    }

    @Test func floatForMoney() throws {
        let ghostfolio = try findings("ghostfolio__ghostfolio")
        #expect(lines(ghostfolio, "schema/money-as-float", "prisma/schema.prisma").isSuperset(of: [163, 184, 190, 271]))
        // Money as Int cents and a Decimal rate is the good baseline.
        let spliit = try findings("spliit-app__spliit")
        #expect(!spliit.contains { $0.rule == "schema/money-as-float" || $0.rule == "schema/missing-primary-key" })
    }

    @Test func relationModePrismaIsNotAMissingForeignKey() throws {
        let umami = try findings("umami-software__umami")
        #expect(!umami.contains { $0.rule == "schema/missing-foreign-key" || $0.rule == "schema/unindexed-foreign-key" || $0.rule == "prisma/parse-error" })
    }

    @Test func migrationFoldersAreReadAsPrisma() throws {
        let langfuse = try findings("langfuse__langfuse")
        #expect(!langfuse.contains { $0.rule == "migration/journal-mismatch" })
        // Duplicate timestamps: two folders with the same 14-digit prefix.
        #expect(langfuse.contains { $0.rule == "migration/out-of-order" && $0.path.contains("20240304123642_traces_view_improvement/") })
        // One finding per shared timestamp whose migrations touch one object (SOURCES.md: six shared timestamps in
        // langfuse, four in papermark): langfuse's traces_view pair (the second drops the view the first creates).
        // Its deliberate series (`20240528214728_add_cursor_index_01` … `_18`) is numbered in the order it runs, so
        // Prisma's order by name is that order everywhere: no finding. papermark's four pairs share nothing (a
        // foreign key to a table the other only indexes or alters is no dependency), nor do langfuse's other four.
        #expect(langfuse.filter { $0.rule == "migration/out-of-order" }.count == 1)
        #expect(try findings("mfts__papermark").filter { $0.rule == "migration/out-of-order" }.count == 0)
    }

    @Test func migrationFolderNames() throws {
        let names = { (repository: String) throws -> Set<String> in
            Set(try self.findings(repository).filter { $0.rule == "prisma/migration-name" }
                .map { $0.path.split(separator: "/").dropLast().last.map(String.init) ?? "" })
        }
        #expect(try names("ghostfolio__ghostfolio") == ["20241130164335_added_api_keys_to_user copy"])
        #expect(try names("mfts__papermark") == ["202310122339_NewColumnInLinkTable", "202310311254_NewColumnEnableNotificationLinkTable", "20241231_add_dataroom_allow_bulk_download"])
        // umami's `01_init` … `19_…` are a hand-kept sequence of one width: in order until it reaches `100_`.
        #expect(try names("umami-software__umami").isEmpty)
        #expect(try names("langfuse__langfuse").isSuperset(of: ["20240126184148_new_models copy", "20240718011733_dataset_runs_add_unique_dataset_id_project_id_name copy"]))
        #expect(try names("spliit-app__spliit").isEmpty && names("hoppscotch__hoppscotch").isEmpty)
    }
}

/// `schema/migration-drift` on the corpus: the migrations replayed statically against each `schema.prisma`.
@Suite(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
struct PrismaCorpusDriftTests {
    func drift(_ repository: String) throws -> [String] {
        try PrismaCorpusTests().findings(repository).filter { $0.rule == "schema/migration-drift" }.map { "\($0.path):\($0.line)" }
    }

    /// Prisma's own truncation of long default names (`…_nextExpen_idx`), list nullability, `PRIMARY KEY USING
    /// INDEX`, implicit many-to-many tables, hand-written partial indexes: none of them is drift.
    @Test(arguments: ["spliit-app__spliit", "langfuse__langfuse", "ghostfolio__ghostfolio", "mfts__papermark"])
    func schemasThatMatchTheirMigrationsHaveNoDrift(_ repository: String) throws {
        #expect(try drift(repository) == [])
    }

    @Test func indexesOnlyOneSideHasAreDrift() throws {
        // umami: `@@index([visitId])` on `session_replay` (schema.prisma:378), which no migration creates.
        #expect(try drift("umami-software__umami") == ["prisma/schema.prisma:378"])
        // hoppscotch: GIN indexes written by hand in migrations and absent from the schema, which
        // `prisma migrate dev` drops (prisma/orm#12914); reported at their models.
        let schema = "packages/hoppscotch-backend/prisma/schema.prisma"
        #expect(try drift("hoppscotch__hoppscotch").sorted() == ["\(schema):180", "\(schema):42", "\(schema):59", "\(schema):59"])
    }
}
