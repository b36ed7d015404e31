import Core
import Linter
import RuleEngine
import Testing

/// `migration/journal-mismatch` names the snapshot a journal entry lacks the way the folder names the others:
/// drizzle-kit has written them by the entry's `idx` (`meta/0002_snapshot.json`) and, with a `timestamp` prefix,
/// by the tag's number (`meta/20250301120000_snapshot.json`). Naming a file of the other kind sends the user
/// looking for something no drizzle-kit run would write.
@Suite struct MissingSnapshotNameTests {
    static func journal(_ tags: [String]) -> String {
        let entries = tags.enumerated().map { index, tag in
            "{ \"idx\": \(index), \"version\": \"7\", \"when\": \(1_730_419_200_000 + index * 86_400_000), \"tag\": \"\(tag)\", \"breakpoints\": true }"
        }
        return "{ \"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [\(entries.joined(separator: ", "))] }"
    }

    static func snapshot(_ id: Int, parent: Int?) -> String {
        let uuid = { (n: Int) in "\(n)\(n)\(n)\(n)\(n)\(n)\(n)\(n)-\(n)\(n)\(n)\(n)-4\(n)\(n)\(n)-8\(n)\(n)\(n)-\(String(repeating: "\(n)", count: 12))" }
        return "{ \"id\": \"\(uuid(id))\", \"prevId\": \"\(parent.map(uuid) ?? "00000000-0000-0000-0000-000000000000")\", \"version\": \"7\", \"dialect\": \"postgresql\", \"tables\": {} }"
    }

    static func missingSnapshotMessages(_ files: [String: String]) throws -> [String] {
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: files.mapValues { Array($0.utf8) }), configuration: Configuration(),
            configurationFile: nil, catalog: RuleExampleTests.catalog))
        return report.findings.map(\.finding).filter { $0.ruleID == "migration/journal-mismatch" }.map(\.message)
    }

    /// Three migrations; the first two have snapshots under `snapshotNames`, the third has none.
    static func folder(snapshotNames: [String]) -> [String: String] {
        let tags = ["20250101090000_init", "20250201090000_plans", "20250301120000_backfill"]
        var files = [
            "drizzle/meta/_journal.json": journal(tags),
            "drizzle/20250101090000_init.sql": "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL);\n",
            "drizzle/20250201090000_plans.sql": "CREATE TABLE \"plans\" (\"id\" uuid PRIMARY KEY NOT NULL);\n",
            "drizzle/20250301120000_backfill.sql": "UPDATE \"plans\" SET \"id\" = \"id\";\n",
        ]
        for (position, name) in snapshotNames.enumerated() {
            files["drizzle/meta/\(name)_snapshot.json"] = snapshot(position + 1, parent: position == 0 ? nil : position)
        }
        return files
    }

    @Test func timestampNamedSnapshotsNameTheMissingOneByItsTag() throws {
        let messages = try Self.missingSnapshotMessages(Self.folder(snapshotNames: ["20250101090000", "20250201090000"]))
        #expect(messages.count == 1)
        #expect(messages.first?.contains("`meta/20250301120000_snapshot.json`") == true, "\(messages)")
    }

    @Test func indexNamedSnapshotsNameTheMissingOneByItsIndex() throws {
        let messages = try Self.missingSnapshotMessages(Self.folder(snapshotNames: ["0000", "0001"]))
        #expect(messages.count == 1)
        #expect(messages.first?.contains("`meta/0002_snapshot.json`") == true, "\(messages)")
    }
}
