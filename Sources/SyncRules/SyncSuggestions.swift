import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// `schemalint init`'s guess at the `sync` mapping: a Gist schema property holding a map (`additionalProperties`
/// or `patternProperties`) whose row properties are all columns of exactly one table (by name, either casing; the
/// sync's own timestamps aside) mirrors that table, keyed by its primary key. Only suggested, never applied: the
/// user uncomments it.
public enum SyncSuggestions {
    public struct Suggestion: Sendable, Equatable {
        public var schema: String
        public var pointer: String
        public var table: String
        public var key: String
    }

    public static func suggest(_ project: Project) -> [Suggestion] {
        let references = SchemaReferences(project.gists)
        let tables = project.schemas.flatMap { schema in schema.tables.map { ($0, schema.model) } }
        var suggestions: [Suggestion] = []
        for file in project.gists.schemaFiles {
            guard let document = file.document else { continue }
            let root = references.dereference(document, in: file.path)
            for member in root.node["properties"]?.objectMembers ?? [] {
                let map = references.dereference(member.value, in: root.path)
                let rowNode = map.node["additionalProperties"].flatMap { $0.objectMembers != nil ? $0 : nil }
                    ?? map.node["patternProperties"]?.objectMembers?.first?.value
                guard let rowNode else { continue }
                let row = references.dereference(rowNode, in: map.path)
                let names = (row.node["properties"]?.objectMembers ?? []).map(\.key)
                    .filter { !syncOwn.contains(SyncTarget.normalized($0)) }
                guard names.count >= 2 else { continue }
                let matching = tables.filter { table, model in
                    let target = SyncTarget(mapping: placeholder, table: table, model: model, keyColumn: nil, rowSchema: nil, mapSchema: nil, rows: [])
                    return names.allSatisfy { target.column(for: $0) != nil }
                }
                guard matching.count == 1, let (table, _) = matching.first,
                      let key = table.columns.first(where: \.primaryKey) else { continue }
                suggestions.append(Suggestion(
                    schema: file.path, pointer: "/" + JSONPointer.escape(member.key) + "/*", table: table.name, key: key.name))
            }
        }
        return suggestions
    }

    /// What a sync writes about itself rather than a column (the `sync/unknown-column` `allow` default).
    static let syncOwn: Set<String> = ["lastsync", "lastsyncedat", "syncedat", "lastsyncat"]

    private static let placeholder = SyncMapping(
        source: .schema(""), pointer: [], table: "", key: nil, sourceRange: 0..<0, tableRange: 0..<0, keyRange: nil)
}
