import Core
import Linter
import RuleEngine
import Testing

/// The schema rules were renamed from `drizzle/<name>` to `schema/<name>` (they read Prisma schemas too), and
/// `migration/schema-drift` to `schema/migration-drift`. Every place that accepts an id still accepts the former
/// one: configuration, `ignore` entries, suppression comments, baselines and `explain`.
@Suite struct RuleAliasTests {
    let catalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    /// A `real` money column: one `schema/money-as-float` finding.
    static let schema = """
        import { pgTable, serial, real } from 'drizzle-orm/pg-core';
        export const payments = pgTable('payments', {
          id: serial('id').primaryKey(),
          // COMMENT
          amount: real('amount').notNull(),
        });
        """

    func run(_ comment: String = "", config: String? = nil, baseline: Set<String> = []) throws -> Report {
        let text = Self.schema.replacingOccurrences(of: "// COMMENT", with: comment)
        var configuration = Configuration()
        if let config { configuration = try ConfigurationReader(catalog: catalog).read(Array(config.utf8), file: ".schemalint.yml") }
        return try Engine.run(LintRequest(
            source: MemoryFileSource(texts: ["src/db/schema.ts": text]), configuration: configuration,
            configurationFile: nil, catalog: catalog, baseline: baseline))
    }

    func rules(_ report: Report) -> [String] { report.findings.map(\.finding.ruleID) }

    @Test func everyFormerIdNamesTheRenamedRule() {
        let renamed = ["duplicate-index", "free-text-status", "missing-foreign-key", "missing-primary-key", "money-as-float",
                       "timestamp-without-timezone", "unindexed-foreign-key", "unindexed-high-frequency-column",
                       "updated-at-not-maintained"]
        for name in renamed {
            #expect(catalog.canonicalID("drizzle/\(name)") == "schema/\(name)")
            #expect(catalog["drizzle/\(name)"]?.id == "schema/\(name)")
        }
        #expect(catalog.canonicalID("migration/schema-drift") == "schema/migration-drift")
        #expect(catalog.canonicalID("drizzle/parse-error") == "drizzle/parse-error", "the Drizzle reader's own rule keeps its id")
        #expect(!catalog.ids.contains { $0.hasPrefix("drizzle/") && $0 != "drizzle/parse-error" }, "aliases are not rules of their own")
    }

    @Test func configurationAcceptsTheFormerId() throws {
        #expect(rules(try run()) == ["schema/money-as-float"])
        #expect(rules(try run(config: "rules:\n  drizzle/money-as-float: off\n")).isEmpty)
        let lowered = try run(config: "rules:\n  drizzle/money-as-float: info\n")
        #expect(lowered.findings.map(\.finding.severity) == [.info])
    }

    @Test func bothIdsConfiguredIsAnError() throws {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationReader(catalog: catalog).read(
                Array("rules:\n  drizzle/money-as-float: off\n  schema/money-as-float: error\n".utf8), file: ".schemalint.yml")
        }
    }

    @Test func ignoreEntryAcceptsTheFormerId() throws {
        let report = try run(config: "ignore:\n  - { rule: drizzle/money-as-float, path: src/db/schema.ts }\n")
        #expect(rules(report).isEmpty)
    }

    @Test func suppressionCommentWithTheFormerIdStillSuppresses() throws {
        let report = try run("// schemalint-disable-next-line drizzle/money-as-float -- legacy column")
        #expect(rules(report).isEmpty, "\(report.findings.map(\.finding.message))")
        #expect(report.suppressedCount == 1)
    }

    @Test func unusedSuppressionWithTheFormerIdIsUnusedNotUnknown() throws {
        let report = try run("// schemalint-disable-next-line drizzle/missing-primary-key")
        let unused = report.findings.filter { $0.finding.ruleID == UnusedSuppression.id }.map(\.finding.message)
        #expect(unused == ["suppression of `drizzle/missing-primary-key` matches no finding"])
    }

    @Test func baselineWrittenWithTheFormerIdStillHidesTheFinding() throws {
        let first = try run()
        let located = try #require(first.findings.first)
        // What `schemalint baseline` wrote before the rename: the same fingerprint recipe with the former id.
        let bytes = Array(Self.schema.replacingOccurrences(of: "// COMMENT", with: "").utf8)
        let text = Fingerprint.normalizedText(bytes[located.finding.range])
        let former = Fingerprint.hash(["drizzle/money-as-float", located.finding.path, text, located.finding.message])
        #expect(located.fingerprint == Fingerprint.hash(["schema/money-as-float", located.finding.path, text, located.finding.message]),
                "the recipe above is the engine's")
        let again = try run(baseline: [former])
        #expect(rules(again).isEmpty)
        #expect(again.baselinedCount == 1)
        // An unrelated former fingerprint hides nothing.
        #expect(rules(try run(baseline: [Fingerprint.hash(["drizzle/money-as-float", "other.ts", text, located.finding.message])])) == ["schema/money-as-float"])
    }

    @Test func explainAndTheRulesTableNameTheFormerId() throws {
        let entry = try #require(catalog["drizzle/money-as-float"])
        #expect(RuleDocumentation.markdown(for: entry).contains("Former id: `drizzle/money-as-float`"))
        #expect(RuleDocumentation.table(catalog).contains("| [`schema/money-as-float`](docs/rules/schema/money-as-float.md) (formerly `drizzle/money-as-float`) |"))
    }
}
