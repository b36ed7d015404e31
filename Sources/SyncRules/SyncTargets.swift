import Catalog
import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// One `sync` mapping resolved against the project: the table, the key column, the schema of one mirrored row (when
/// a schema is known) and every mirrored row in Gist data.
struct SyncTarget {
    var mapping: SyncMapping
    var table: DeclaredTable
    var model: SchemaModel
    var keyColumn: DeclaredColumn?
    /// The schema object that describes one mirrored row, after `$ref`s, and the file it is in.
    var rowSchema: (path: String, node: JSONNode)?
    /// The schema of the map that holds the rows (its `propertyNames`/`patternProperties` describe the keys).
    var mapSchema: (path: String, node: JSONNode)?
    var rows: [Row]

    /// A mirrored row in a data file: the map key the last `*` matched and the row's value.
    struct Row {
        var path: String
        var key: String?
        var keyRange: Range<Int>?
        var value: JSONNode
    }

    /// Whether every column of the table was read, so that "no such column" is a fact and not a guess.
    var hasAllColumns: Bool { !table.unreadableElements.contains(.column) && !table.columns.contains { $0.unreadable.contains(.name) } }

    /// The column a mirrored property stands for: its SQL name, its TypeScript key, or either in the other casing
    /// (`planId` ↔ `plan_id`).
    func column(for property: String) -> DeclaredColumn? {
        let wanted = Self.normalized(property)
        return table.columns.first { $0.name == property || $0.key == property }
            ?? table.columns.first { Self.normalized($0.name) == wanted || $0.key.map(Self.normalized) == wanted }
    }

    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    }

    /// The enum a column holds, when it is enum-typed and its values were read.
    func enumValues(of column: DeclaredColumn) -> [String]? {
        guard let name = column.enumName else { return nil }
        let found = model.enums.first { $0.name == name && (column.typeSchema == nil || QualifiedName.normalizedSchema($0.schema) == QualifiedName.normalizedSchema(column.typeSchema)) }
            ?? model.enums.first { $0.name == name }
        guard let found, !found.areValuesUnreadable else { return nil }
        return found.values
    }

    /// The properties a row schema declares (its own and its `allOf` parts'), with their schemas after `$ref`s.
    /// `file` holds the member, `schemaFile` the property's schema (another file when it is a `$ref`).
    func rowProperties(_ references: SchemaReferences) -> [(member: JSONMember, file: String, schemaFile: String, schema: JSONNode)] {
        guard let row = rowSchema else { return [] }
        var result: [(JSONMember, String, String, JSONNode)] = []
        var pending = [row]
        var seen = 0
        while let (path, node) = pending.popLast(), seen < 16 {
            seen += 1
            for member in node["properties"]?.objectMembers ?? [] {
                let target = references.dereference(member.value, in: path)
                result.append((member, path, target.path, target.node))
            }
            for part in node["allOf"]?.arrayValue ?? [] { pending.append(references.dereference(part, in: path)) }
        }
        return result
    }

    /// Names in the row schema's `required` (own and `allOf` parts').
    func requiredProperties(_ references: SchemaReferences) -> Set<String> {
        guard let row = rowSchema else { return [] }
        var names = Set<String>()
        var pending = [row]
        var seen = 0
        while let (path, node) = pending.popLast(), seen < 16 {
            seen += 1
            for name in node["required"]?.arrayValue ?? [] { if let text = name.stringValue { names.insert(text) } }
            for part in node["allOf"]?.arrayValue ?? [] { pending.append(references.dereference(part, in: path)) }
        }
        return names
    }
}

enum SyncTargets {
    /// The mappings of the configuration that resolve; what does not resolve is skipped here (`sync/unknown-column`
    /// reports it at the mapping).
    static func resolve(_ project: Project) -> [SyncTarget] {
        let references = SchemaReferences(project.gists)
        return project.configuration.sync.compactMap { mapping in
            guard let (table, model) = table(named: mapping.table, in: project) else { return nil }
            var target = SyncTarget(mapping: mapping, table: table, model: model, keyColumn: nil, rowSchema: nil, mapSchema: nil, rows: [])
            target.keyColumn = mapping.key.map { target.column(for: $0) } ?? table.columns.first { $0.primaryKey }
                ?? table.compositePrimaryKeys.first.flatMap { $0.columns.count == 1 ? table.column(named: $0.columns[0]) : nil }
            let schemaPath: String?
            var dataPaths: [String] = []
            switch mapping.source {
            case .data(let path):
                dataPaths = project.gists.file(path)?.role == .data ? [path] : []
                schemaPath = project.gists.schemaOfData[path]
            case .schema(let path):
                schemaPath = project.gists.file(path)?.role == .schema ? path : nil
                dataPaths = project.gists.schemaOfData.filter { $0.value == path }.map(\.key).sorted()
            }
            if let schemaPath, let root = project.gists.file(schemaPath)?.document {
                let walked = walkSchema(root, path: schemaPath, tokens: mapping.pointer, references)
                target.rowSchema = walked.row
                target.mapSchema = walked.map
            }
            for path in dataPaths {
                guard let root = project.gists.file(path)?.document else { continue }
                target.rows += rows(in: root, path: path, tokens: mapping.pointer[...], key: nil, keyRange: nil)
            }
            return target
        }
    }

    /// The table a mapping names, by SQL name or TypeScript binding, in any schema read.
    static func table(named name: String, in project: Project) -> (DeclaredTable, SchemaModel)? {
        for schema in project.schemas {
            if let table = schema.tables.first(where: { $0.name == name || $0.variableName == name }) {
                return (table, schema.model)
            }
        }
        return nil
    }

    /// Whether a mapping's table is missing from schemas that were read completely, without a value the reader
    /// could not work out (which may have been the table), and in which the reader found tables at all (tables
    /// built in a way it does not follow, such as `pgTable` inside a `map`, leave none): only then is it a fact.
    static func isTableMissing(_ name: String, in project: Project) -> Bool {
        !project.schemas.isEmpty && table(named: name, in: project) == nil
            && project.schemas.allSatisfy {
                !$0.isModelUnreadable && !$0.model.unreadableElements.contains(.table) && $0.diagnostics.isEmpty
                    && !$0.model.tables.isEmpty
            }
    }

    /// Values at the pointer; the last `*` supplies the row key.
    private static func rows(in node: JSONNode, path: String, tokens: ArraySlice<String>, key: String?, keyRange: Range<Int>?) -> [SyncTarget.Row] {
        guard let token = tokens.first else { return [SyncTarget.Row(path: path, key: key, keyRange: keyRange, value: node)] }
        let rest = tokens.dropFirst()
        if token == "*" {
            if let members = node.objectMembers {
                return members.filter { !$0.key.hasPrefix("$") }.flatMap {
                    rows(in: $0.value, path: path, tokens: rest, key: $0.key, keyRange: $0.keyRange)
                }
            }
            return (node.arrayValue ?? []).flatMap { rows(in: $0, path: path, tokens: rest, key: nil, keyRange: nil) }
        }
        guard let child = node.child(token: token) else { return [] }
        return rows(in: child, path: path, tokens: rest, key: key, keyRange: keyRange)
    }

    /// The schema of one row and of the map holding the rows, following `properties`, `additionalProperties`,
    /// `patternProperties` and `items` along the pointer.
    private static func walkSchema(_ root: JSONNode, path: String, tokens: [String], _ references: SchemaReferences)
        -> (row: (path: String, node: JSONNode)?, map: (path: String, node: JSONNode)?) {
        var current = references.dereference(root, in: path)
        var map: (path: String, node: JSONNode)? = nil
        for token in tokens {
            let node = current.node
            let next: JSONNode?
            if token == "*" {
                map = current
                next = (node["additionalProperties"].flatMap { $0.objectMembers != nil ? $0 : nil })
                    ?? node["patternProperties"]?.objectMembers?.first?.value
                    ?? node["items"].flatMap { $0.objectMembers != nil ? $0 : nil }
            } else if let property = node["properties"]?[token] {
                next = property
            } else if let found = allOfProperty(token, of: node, in: current.path, references) {
                current = references.dereference(found.node, in: found.path)
                continue
            } else {
                next = nil
            }
            guard let next else { return (nil, map) }
            current = references.dereference(next, in: current.path)
        }
        return (current, map)
    }

    private static func allOfProperty(_ name: String, of node: JSONNode, in path: String, _ references: SchemaReferences) -> (path: String, node: JSONNode)? {
        for part in node["allOf"]?.arrayValue ?? [] {
            let resolved = references.dereference(part, in: path)
            if let found = resolved.node["properties"]?[name] { return (resolved.path, found) }
        }
        return nil
    }
}
