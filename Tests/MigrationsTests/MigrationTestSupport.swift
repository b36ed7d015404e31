import Core
import Linter
import RuleEngine
import Migrations

/// Runs the whole engine over in-memory files, as `schemalint check` would.
enum MigrationLint {
    static let catalog: RuleCatalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    static func findings(_ texts: [String: String], base: [String: String]? = nil, source: (any FileSource)? = nil,
                         configuration: Configuration = Configuration()) throws -> [Finding] {
        let request = LintRequest(
            source: source ?? MemoryFileSource(texts: texts), configuration: configuration, configurationFile: nil,
            catalog: catalog, base: base.map { MemoryFileSource(texts: $0) })
        return try Engine.run(request).findings.map(\.finding).filter { $0.ruleID.hasPrefix("migration/") }
    }

    static func load(_ texts: [String: String], configuration: Configuration = Configuration()) throws -> LoadedMigrations {
        let source = MemoryFileSource(texts: texts)
        return try MigrationLoading.load(FolderListing(paths: try source.listFiles()), configuration: configuration, outFolders: [], source: source)
    }

    /// A journal listing `tags` with increasing `when` (or the given ones).
    static func journal(_ tags: [String], when: [Int]? = nil) -> String {
        let entries = tags.enumerated().map { index, tag in
            let stamp = when?[index] ?? 1_730_419_200_000 + index * 86_400_000
            return #"    { "idx": \#(index), "version": "7", "when": \#(stamp), "tag": "\#(tag)", "breakpoints": true }"#
        }
        return "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n"
            + entries.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func snapshot(id: String, prevId: String, tables: [String] = []) -> String {
        let entries = tables.map { #""public.\#($0)": { "name": "\#($0)", "schema": "", "columns": {} }"# }
        return #"{ "id": "\#(id)", "prevId": "\#(prevId)", "version": "7", "dialect": "postgresql", "tables": { \#(entries.joined(separator: ", ")) } }"#
    }

    /// The text a finding points at.
    static func text(of finding: Finding, in texts: [String: String]) -> String {
        let bytes = Array((texts[finding.path] ?? "").utf8)
        guard finding.range.upperBound <= bytes.count else { return "<out of range>" }
        return String(decoding: bytes[finding.range], as: UTF8.self)
    }
}

extension Array where Element == Finding {
    func of(_ rule: String) -> [Finding] { filter { $0.ruleID == "migration/" + rule } }
}
