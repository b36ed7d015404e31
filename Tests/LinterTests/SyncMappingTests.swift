import Core
import Linter
import RuleEngine
import Testing

/// A `sync` mapping that names what the project does not have is reported at the mapping in `.schemalint.yml`
/// (by `sync/unknown-column`), never silently skipped; an unreadable schema gives no verdict.
@Suite struct SyncMappingTests {
    static let schema = """
        import { pgTable, uuid, text } from 'drizzle-orm/pg-core';
        export const subscriptions = pgTable('subscriptions', {
          id: uuid('id').defaultRandom().primaryKey(),
          status: text('status').notNull(),
        });
        """

    func findings(config: String, schema: String = schema) throws -> [(text: String, message: String)] {
        let catalog = try RuleCatalog.builtIn.get()
        let bytes = Array(config.utf8)
        let configuration = try ConfigurationReader(catalog: catalog).read(bytes, file: ".schemalint.yml")
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: [
                "src/db/schema.ts": Array(schema.utf8),
                "gists/state.json": Array(#"{ "subscriptions": {} }"#.utf8),
            ]),
            configuration: configuration, configurationFile: SourceFile(path: ".schemalint.yml", bytes: bytes), catalog: catalog))
        return report.findings.filter { $0.finding.ruleID.hasPrefix("sync/") }.map {
            (String(decoding: bytes[$0.finding.range], as: UTF8.self), $0.finding.message)
        }
    }

    @Test func missingTableIsReportedAtTheMapping() throws {
        let found = try findings(config: "sync:\n  - { gist: gists/state.json, pointer: /subscriptions/*, table: subscription }\n")
        #expect(found.map(\.text) == ["subscription"])
        #expect(found.first?.message.contains("which the schema does not have") == true)
    }

    @Test func keyThatIsNoColumnIsReportedAtTheMapping() throws {
        let found = try findings(config: "sync:\n  - { gist: gists/state.json, pointer: /subscriptions/*, table: subscriptions, key: uid }\n")
        #expect(found.map(\.text) == ["uid"])
    }

    @Test func tableInAnUnreadableSchemaIsNotAVerdict() throws {
        let unreadable = "import { pgTable } from 'drizzle-orm/pg-core';\nimport { tables } from '@acme/db';\nexport const all = tables.map((t) => pgTable(t.name, t.columns));\n"
        let found = try findings(config: "sync:\n  - { gist: gists/state.json, pointer: /subscriptions/*, table: subscriptions }\n", schema: unreadable)
        #expect(found.isEmpty, "\(found)")
    }
}
