import Foundation
import Testing
import TestSupport

/// The language server keeps parses from check to check (`ParseCache`) and publishes only lists that changed. Neither
/// may change a finding: after a series of edits in open buffers, what the editor holds for every file must be what
/// a fresh `schemalint check` reports once the same texts are saved.
@Suite struct LanguageServerConsistencyTests {
    /// One diagnostic in a form both sides can produce: LSP positions (0-based; UTF-16 and Unicode scalars agree on
    /// these texts, which hold no character outside the Basic Multilingual Plane).
    struct Seen: Hashable, CustomStringConvertible {
        var path: String, rule: String, severity: Int, start: [Int], end: [Int], message: String, fingerprint: String
        var description: String { "\(path):\(start[0] + 1):\(start[1] + 1) \(rule) \(fingerprint)" }
    }

    static func copy(_ folder: String, into workspace: TemporaryRepository) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: workspace.root + "/" + name)
        }
    }

    /// An incremental change replacing the first occurrence of `old` with `new` (positions in UTF-16).
    static func replacing(_ old: String, with new: String) -> (String) -> [String: Any] {
        { text in
            guard let range = text.range(of: old) else { return ["text": text] }
            func position(_ index: String.Index) -> [String: Int] {
                let before = text[..<index]
                let line = before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                return ["line": line, "character": text[lineStart..<index].utf16.count]
            }
            return ["range": ["start": position(range.lowerBound), "end": position(range.upperBound)], "text": new]
        }
    }

    /// Opens each edited file, sends the edits one by one (waiting for the diagnostics about each), saves the final
    /// texts, and compares everything the server published with `check --format json` on the same folder.
    func compare(workspace: TemporaryRepository, edits: [(path: String, old: String, new: String)]) throws {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let client = try LanguageServerClient(binary: binary, folder: workspace.root)
        func uri(_ path: String) -> String { URL(fileURLWithPath: workspace.path(path)).standardizedFileURL.absoluteString }
        _ = try client.request("initialize", ["processId": NSNull(), "rootUri": uri("."), "capabilities": [:]])
        client.notify("initialized")

        // Every publication of a check is sent before the answer to a request that follows it (a request runs a
        // pending check first), whether or not the file it was about has diagnostics.
        func settle() throws {
            _ = try client.request("textDocument/hover", ["textDocument": ["uri": uri(edits[0].path)], "position": ["line": 0, "character": 0]])
        }
        var texts: [String: String] = [:]
        var versions: [String: Int] = [:]
        for edit in edits {
            if texts[edit.path] == nil {
                let text = String(decoding: try workspace.read(edit.path), as: UTF8.self)
                texts[edit.path] = text
                versions[edit.path] = 1
                client.notify("textDocument/didOpen", ["textDocument": ["uri": uri(edit.path), "languageId": "plaintext", "version": 1, "text": text]])
                try settle()
            }
            let text = try #require(texts[edit.path])
            #expect(text.contains(edit.old), "\(edit.path) has no `\(edit.old)` to edit")
            let change = Self.replacing(edit.old, with: edit.new)(text)
            texts[edit.path] = text.replacingOccurrences(of: edit.old, with: edit.new, options: [], range: text.range(of: edit.old))
            let version = (versions[edit.path] ?? 1) + 1
            versions[edit.path] = version
            client.notify("textDocument/didChange", ["textDocument": ["uri": uri(edit.path), "version": version], "contentChanges": [change]])
            try settle()
        }

        var latest: [String: [[String: Any]]] = [:]
        for notification in client.notifications where notification["method"] as? String == "textDocument/publishDiagnostics" {
            guard let params = notification["params"] as? [String: Any], let published = params["uri"] as? String else { continue }
            latest[published] = params["diagnostics"] as? [[String: Any]] ?? []
        }
        var fromServer: Set<Seen> = []
        let rootURI = uri(".").hasSuffix("/") ? uri(".") : uri(".") + "/"
        for (published, diagnostics) in latest {
            let path = String(published.dropFirst(rootURI.count)).removingPercentEncoding ?? published
            for diagnostic in diagnostics {
                let range = diagnostic["range"] as? [String: Any]
                let start = range?["start"] as? [String: Int] ?? [:], end = range?["end"] as? [String: Int] ?? [:]
                fromServer.insert(Seen(
                    path: path, rule: diagnostic["code"] as? String ?? "", severity: diagnostic["severity"] as? Int ?? 0,
                    start: [start["line"] ?? -1, start["character"] ?? -1], end: [end["line"] ?? -1, end["character"] ?? -1],
                    message: diagnostic["message"] as? String ?? "",
                    fingerprint: (diagnostic["data"] as? [String: Any])?["fingerprint"] as? String ?? ""))
            }
        }
        _ = try client.request("shutdown")
        client.notify("exit")
        #expect(client.finish() == 0)

        for (path, text) in texts { try workspace.write(path, text) }
        let check = try BuiltBinary.run(["check", ".", "--format", "json"], in: workspace.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any], "\(check.errors)")
        let findings = report["findings"] as? [[String: Any]] ?? []
        let severities = ["error": 1, "warning": 2, "info": 3]
        let fromCheck = Set(findings.map { finding in
            let help = finding["help"] as? String ?? ""
            let message = finding["message"] as? String ?? ""
            return Seen(
                path: finding["path"] as? String ?? "", rule: finding["rule"] as? String ?? "",
                severity: severities[finding["severity"] as? String ?? ""] ?? 0,
                start: [(finding["line"] as? Int ?? 0) - 1, (finding["column"] as? Int ?? 0) - 1],
                end: [(finding["endLine"] as? Int ?? 0) - 1, (finding["endColumn"] as? Int ?? 0) - 1],
                message: help.isEmpty ? message : "\(message)\nhelp: \(help)", fingerprint: finding["fingerprint"] as? String ?? "")
        })
        #expect(!fromCheck.isEmpty)
        #expect(fromServer.subtracting(fromCheck).sorted { $0.description < $1.description }.map(\.description) == [],
                "published by the server, not reported by check")
        #expect(fromCheck.subtracting(fromServer).sorted { $0.description < $1.description }.map(\.description) == [],
                "reported by check, not published by the server")
    }

    @Test func editsInTheExampleMatchAFreshCheck() throws {
        let workspace = try TemporaryRepository()
        defer { workspace.remove() }
        try Self.copy(ProductRepository.root.appendingPathComponent("examples/subscriptions").path, into: workspace)
        try compare(workspace: workspace, edits: [
            // A finding goes (the quick fix), one comes (a new column), and one moves (a line inserted above it).
            ("src/db/schema/subscriptions.ts", "updatedAt: timestamp('updated_at').defaultNow().notNull()",
             "updatedAt: timestamp('updated_at').defaultNow().notNull().$onUpdate(() => new Date())"),
            ("src/db/schema/subscriptions.ts", "  metadata: jsonb('metadata'),\n", "  metadata: jsonb('metadata'),\n  deletedAt: timestamp('deleted_at'),\n"),
            ("src/db/schema/subscriptions.ts", "// Core subscription model", "// A line above the table.\n// Core subscription model"),
            // A migration gains an index built under the migrator's transaction.
            ("drizzle/0005_export_jobs.sql", "\n);\n", "\n);\nCREATE INDEX \"export_jobs_id_idx\" ON \"export_jobs\" (\"id\");\n"),
            // A Gist becomes valid JSON, then a schema loses a property.
            ("gists/feature-flags.json", "\"rollout\": 0 },\n", "\"rollout\": 0 }\n"),
            // Back to the text the check started from: the cache must not keep the edited parse.
            ("src/db/schema/subscriptions.ts", "  deletedAt: timestamp('deleted_at'),\n", ""),
            // The server keeps each facet and each rule's findings until what they read changes (`Rule.facets`):
            // a query feeds the schema's facet, a journal and a snapshot the migrations', and a schema edit after
            // them must see them.
            ("src/queries/subscriptions.ts", "eq(subscriptions.status, 'active')", "eq(subscriptions.currentPeriodEnd, end)"),
            ("drizzle/meta/_journal.json", "\"breakpoints\": true\n    }\n  ]", "\"breakpoints\": false\n    }\n  ]"),
            ("drizzle/meta/0005_snapshot.json", "\"notNull\": true", "\"notNull\": false"),
            ("src/db/schema/subscriptions.ts", "  metadata: jsonb('metadata'),\n", "  metadata: jsonb('metadata'),\n  archivedAt: timestamp('archived_at'),\n"),
            ("drizzle/meta/0005_snapshot.json", "\"notNull\": false", "\"notNull\": true"),
        ])
    }

    /// Edits that change which tables exist and how files import each other: what the server keeps between checks
    /// (parses, facets, each rule's findings) must follow them all.
    @Test func tableAndImportEditsMatchAFreshCheck() throws {
        let workspace = try TemporaryRepository()
        defer { workspace.remove() }
        try Self.copy(ProductRepository.root.appendingPathComponent("examples/subscriptions").path, into: workspace)
        let schema = "src/db/schema/"
        try compare(workspace: workspace, edits: [
            // A table is added, referencing a table of another file, with an unindexed foreign key.
            (schema + "subscriptions.ts", "\n// Core subscription model",
             "\nexport const auditLog = pgTable('audit_log', {\n  id: uuid('id').primaryKey(),\n  userId: uuid('user_id').references(() => users.id),\n  at: timestamp('at'),\n});\n\n// Core subscription model"),
            // A table is renamed, then removed.
            (schema + "exports.ts", "pgTable('export_jobs'", "pgTable('export_job'"),
            (schema + "exports.ts", "export const exportJobs = pgTable('export_job', {\n  id: uuid('id').primaryKey(),\n}).enableRLS();\n", ""),
            // An import changes what a name means: `subscriptions` in billing.ts is now the users table.
            (schema + "billing.ts", "import { subscriptions } from './subscriptions';", "import { users as subscriptions } from './users';"),
            // A file other files import changes: the column they reference is renamed.
            (schema + "users.ts", "id: uuid('id').defaultRandom().primaryKey(),", "id: uuid('user_id').defaultRandom().primaryKey(),"),
            // And back: the import and the imported file as they were.
            (schema + "billing.ts", "import { users as subscriptions } from './users';", "import { subscriptions } from './subscriptions';"),
            (schema + "users.ts", "id: uuid('user_id').defaultRandom().primaryKey(),", "id: uuid('id').defaultRandom().primaryKey(),"),
        ])
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func editsToTheLargestCorpusSchemaMatchAFreshCheck() throws {
        let corpus = try #require(SharedFolder.path("corpus/drizzle/midday-ai__midday"))
        let workspace = try TemporaryRepository()
        defer { workspace.remove() }
        try Self.copy(corpus, into: workspace)
        let schema = "packages/db/src/schema.ts"
        let text = String(decoding: try workspace.read(schema), as: UTF8.self)
        let column = try #require(text.components(separatedBy: "\n").first { $0.contains("timestamp(") && $0.contains("withTimezone: true") })
        try compare(workspace: workspace, edits: [
            (schema, column, column.replacingOccurrences(of: "withTimezone: true", with: "withTimezone: false")),
            (schema, "export const", "// an edit above every table\nexport const"),
        ])
    }
}
