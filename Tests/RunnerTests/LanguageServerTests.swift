import Foundation
import Testing
import TestSupport

/// `schemalint lsp` end to end: the real binary over pipes, driven the way an editor drives it.
@Suite struct LanguageServerTests {
    static let schema = """
        import { pgTable, uuid, timestamp } from 'drizzle-orm/pg-core';

        // schemalint-disable-next-line schema/money-as-float
        export const notes = pgTable('notes', {
          id: uuid('id').primaryKey(),
          updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow(),
        });

        """
    static let journal = """
        { "version": "7", "dialect": "postgresql", "entries": [
          { "idx": 0, "version": "7", "when": 1730419200000, "tag": "0000_init", "breakpoints": true },
          { "idx": 1, "version": "7", "when": 1730505600000, "tag": "0001_index", "breakpoints": true } ] }
        """

    func makeWorkspace() throws -> TemporaryRepository {
        let folder = try TemporaryRepository()
        try folder.write("db/schema.ts", Self.schema)
        // The code updates `notes`, so a stale `updatedAt` matters there.
        try folder.write("db/notes.ts", "import { notes } from './schema';\nexport const edit = (db: any, body: string) => db.update(notes).set({ body });\n")
        try folder.write("drizzle.config.ts", "export default { dialect: 'postgresql', schema: './db/schema.ts', out: './drizzle' };\n")
        try folder.write("drizzle/meta/_journal.json", Self.journal)
        try folder.write("drizzle/0000_init.sql", "CREATE TABLE \"notes\" (\"id\" uuid PRIMARY KEY NOT NULL, \"body\" text);\n")
        try folder.write("drizzle/0001_index.sql", "CREATE INDEX \"notes_body_idx\" ON \"notes\" USING btree (\"body\");\n")
        try folder.write("gists/state.json", "{\n  \"version\": \"1\",\n  \"items\": [1, 2,]\n}\n")
        try folder.write("gists/schemas/state.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"items\": { \"type\": \"array\" }\n  }\n}\n")
        try folder.write(".schemalint.yml", "migrations:\n  runner: none\n")
        return folder
    }

    func uri(_ folder: TemporaryRepository, _ path: String) -> String {
        URL(fileURLWithPath: folder.path(path)).standardizedFileURL.absoluteString
    }

    static func rules(_ diagnostics: [[String: Any]]) -> Set<String> { Set(diagnostics.compactMap { $0["code"] as? String }) }

    /// Opens a file, waits for the rule's diagnostic, asks for code actions there, applies the first one's edit as
    /// an incremental change (or the whole text), and returns the diagnostics published after it.
    func fix(_ rule: String, in path: String, _ client: LanguageServerClient, _ folder: TemporaryRepository,
             incremental: Bool) throws -> [[String: Any]] {
        let uri = uri(folder, path)
        let text = String(decoding: try folder.read(path), as: UTF8.self)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]])
        let diagnostics = try client.diagnostics(for: uri, version: 1)
        let diagnostic = try #require(diagnostics.first { $0["code"] as? String == rule })
        let response = try client.request("textDocument/codeAction", [
            "textDocument": ["uri": uri], "range": diagnostic["range"] ?? [:], "context": ["diagnostics": [diagnostic]],
        ])
        let actions = try #require(response["result"] as? [[String: Any]])
        let action = try #require(actions.first { (($0["diagnostics"] as? [[String: Any]])?.first?["code"] as? String) == rule })
        let edit = try #require(action["edit"] as? [String: Any])
        if incremental {
            let edits = (edit["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
            // Later edits first, so each range still refers to the text the server holds.
            let ordered = edits.sorted {
                let a = ($0["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
                let b = ($1["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
                return (a["line"] ?? 0, a["character"] ?? 0) > (b["line"] ?? 0, b["character"] ?? 0)
            }
            client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                     "contentChanges": ordered.map { ["range": $0["range"] ?? [:], "text": $0["newText"] ?? ""] }])
        } else {
            client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                     "contentChanges": [["text": applying(edit, to: text, uri: uri)]]])
        }
        return try client.diagnostics(for: uri, version: 2)
    }

    @Test func diagnosticsAndCodeActionsOnEveryInputKind() throws {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let folder = try makeWorkspace()
        defer { folder.remove() }
        let client = try LanguageServerClient(binary: binary, folder: folder.root)
        let initialized = try client.request("initialize", ["processId": NSNull(), "rootUri": uri(folder, "."), "capabilities": [:]])
        let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["hoverProvider"] as? Bool == true)
        client.notify("initialized")

        let cases: [(rule: String, path: String, incremental: Bool)] = [
            ("schema/updated-at-not-maintained", "db/schema.ts", false),
            ("migration/unsafe-index-creation", "drizzle/0001_index.sql", true),
            ("gist/invalid-json", "gists/state.json", true),
            ("gist/missing-version-metadata", "gists/schemas/state.schema.json", false),
        ]
        for (rule, path, incremental) in cases {
            let after = try fix(rule, in: path, client, folder, incremental: incremental)
            #expect(!Self.rules(after).contains(rule), "\(rule) still reported in \(path) after its code action")
        }

        // Hover on the rule id in the suppression comment shows its documentation.
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri(folder, "db/schema.ts")],
                                                              "position": ["line": 2, "character": 40]])
        let contents = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(contents?.hasPrefix("# schema/money-as-float") == true)

        // Turning a rule off in .schemalint.yml is picked up when the file is saved.
        let sqlURI = uri(folder, "drizzle/0001_index.sql")
        try folder.write(".schemalint.yml", "rules:\n  gist/schema-lint: off\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": uri(folder, ".schemalint.yml"), "type": 2]]])
        // Under drizzle-kit's migrator (the default runner again), the open, now unfixed buffer is reported again.
        client.notify("textDocument/didChange", ["textDocument": ["uri": sqlURI, "version": 3], "contentChanges": [
            ["text": "CREATE INDEX \"notes_body_idx\" ON \"notes\" USING btree (\"body\");\n"]]])
        let reloaded = try client.diagnostics(for: sqlURI, version: 3)
        #expect(Self.rules(reloaded).contains("migration/unsafe-index-creation"))
        let noFix = try client.request("textDocument/codeAction", ["textDocument": ["uri": sqlURI],
                                                                  "range": reloaded.first?["range"] ?? [:], "context": ["diagnostics": []]])
        #expect((noFix["result"] as? [Any])?.isEmpty == true, "no CONCURRENTLY fix under one transaction")

        _ = try client.request("shutdown")
        client.notify("exit")
        #expect(client.finish() == 0)
    }

    /// The legacy ORM's schema is an input kind too: its findings reach the editor like the others'.
    @Test func prismaSchemaDiagnosticsArePublished() throws {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let folder = try TemporaryRepository()
        defer { folder.remove() }
        let prisma = """
            datasource db {
              provider = "postgresql"
            }

            model Invoice {
              id        String @id @default(uuid()) @db.Uuid
              unitPrice Float  @map("unit_price")
            }

            """
        try folder.write("prisma/schema.prisma", prisma)
        let client = try LanguageServerClient(binary: binary, folder: folder.root)
        _ = try client.request("initialize", ["processId": NSNull(), "rootUri": uri(folder, "."), "capabilities": [:]])
        client.notify("initialized")
        let schemaURI = uri(folder, "prisma/schema.prisma")
        client.notify("textDocument/didOpen", ["textDocument": ["uri": schemaURI, "languageId": "prisma", "version": 1, "text": prisma]])
        let diagnostics = try client.diagnostics(for: schemaURI, version: 1)
        let money = try #require(diagnostics.first { $0["code"] as? String == "schema/money-as-float" })
        let start = (money["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start?["line"] == 6, "on the `unitPrice` field: \(money)")
        _ = try client.request("shutdown")
        client.notify("exit")
        #expect(client.finish() == 0)
    }

    @Test func exitWithoutShutdownIsAnError() throws {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let folder = try makeWorkspace()
        defer { folder.remove() }
        let client = try LanguageServerClient(binary: binary, folder: folder.root)
        _ = try client.request("initialize", ["processId": NSNull(), "rootUri": uri(folder, "."), "capabilities": [:]])
        let unknown = try client.request("textDocument/definition", ["textDocument": ["uri": uri(folder, "db/schema.ts")],
                                                                    "position": ["line": 0, "character": 0]])
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        client.notify("exit")
        #expect(client.finish() == 1)
    }
}
