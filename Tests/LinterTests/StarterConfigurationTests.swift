import Core
import Drizzle
import DrizzleRules
import Foundation
import Linter
import Migrations
import Testing

@Suite struct StarterConfigurationTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-init-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func read(_ text: String) throws -> Configuration {
        try ConfigurationReader(catalog: try RuleCatalog.builtIn.get()).read(Array(text.utf8), file: ".schemalint.yml")
    }

    /// Every line whose first non-blank character is `#`, without that `#` and the space after it.
    static func uncommented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            guard rest.hasPrefix("#") else { return String(line) }
            let body = rest.dropFirst()
            return String(indent) + String(body.hasPrefix(" ") ? body.dropFirst() : body)
        }.joined(separator: "\n")
    }

    static let discoverable = [
        "apps/api/drizzle.config.ts": "export default {}",
        "apps/api/drizzle/meta/_journal.json": "{}",
        "state/gists/flags.json": "{}",
    ]

    @Test func starterConfigurationNamesWhatDiscoveryFindsAndParses() throws {
        let root = try Self.folder(Self.discoverable)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try StarterConfiguration.write(for: root)
        #expect(text.contains("config: apps/api/drizzle.config.ts"))
        #expect(text.contains("folder: apps/api/drizzle"))
        #expect(text.contains("\"state/gists/**/*.json\""))
        let configuration = try Self.read(text)
        #expect(configuration.drizzleConfig == "apps/api/drizzle.config.ts")
        #expect(configuration.migrationsFolder == "apps/api/drizzle")
        #expect(configuration.rules.isEmpty && configuration.ignoredPaths.isEmpty && configuration.migrationsSince == nil)
    }

    /// A Gist schema whose map entries are rows of one table is suggested as a `sync` mapping (commented out), and
    /// the suggestion uncomments into a mapping; an entry with a property that is no column is not suggested.
    @Test func mirroredTableIsSuggestedAsASyncMapping() throws {
        let schema = """
            import { pgTable, uuid, text } from 'drizzle-orm/pg-core';
            export const subscriptions = pgTable('subscriptions', {
              id: uuid('id').primaryKey(),
              planId: text('plan_id').notNull(),
              status: text('status').notNull(),
            });
            """
        func state(_ extra: String) -> String {
            #"{ "type": "object", "properties": { "subscriptions": { "type": "object", "additionalProperties": { "type": "object", "properties": { "plan_id": { "type": "string" }, "status": { "type": "string" }, "lastSync": { "type": "string" }"# + extra + " } } } } }"
        }
        let root = try Self.folder(["src/db/schema.ts": schema, "gists/schemas/state.schema.json": state(""),
                                    "gists/schemas/other.schema.json": state(#", "seats": { "type": "integer" }"#)])
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try StarterConfiguration.write(for: root)
        #expect(text.contains(#"#   - { schema: gists/schemas/state.schema.json, pointer: "/subscriptions/*", table: subscriptions, key: id }"#))
        #expect(!text.contains("other.schema.json"))
        let mapping = try #require(try Self.read(Self.uncommented(text)).sync.first)
        #expect(mapping.source == .schema("gists/schemas/state.schema.json") && mapping.table == "subscriptions")
    }

    /// Uncommenting every commented line (what a user does to switch a setting on) still gives a configuration
    /// the reader accepts, with what the comments promise; with and without anything discovered.
    @Test(arguments: [discoverable, [:]])
    func everyCommentedLineUncommentsIntoValidConfiguration(_ files: [String: String]) throws {
        let root = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = Self.uncommented(try StarterConfiguration.write(for: root))
        #expect(!text.split(separator: "\n").contains { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("#") })
        let configuration = try Self.read(text)
        #expect(configuration.migrationsSince == "v1.0.0")
        #expect(configuration.queries == ["src/**/*.ts"])
        #expect(configuration.rules["schema/timestamp-without-timezone"]?.level == .off)
        #expect(configuration.ignoredPaths == ["legacy/**"])
        #expect(configuration.ignoredFindings.map(\.path) == ["gists/fixtures/*.json"])
        #expect(configuration.highFrequencyTables == Configuration.defaultHighFrequencyTables)
    }
}
