import Core
import Gists
import JSON
import ProjectModel

/// `gist/missing-version-metadata`: a Gist schema whose documents carry no `version`, `lastUpdated` and
/// `updatedBy`, so nobody can tell which revision of the config a command read or who changed it.
public struct MissingVersionMetadata: ProjectRule {
    public let id = "gist/missing-version-metadata"
    public let facets: Facets = [.gists]
    public init() {}

    /// Each piece of metadata, with the property names accepted for it (compared without case, `_` or `-`).
    static let metadata: [(name: String, accepted: Set<String>)] = [
        ("version", ["version", "schemaversion", "configversion", "revision"]),
        ("lastUpdated", ["lastupdated", "lastupdatedat", "updatedat", "lastmodified", "lastmodifiedat", "modifiedat"]),
        ("updatedBy", ["updatedby", "lastupdatedby", "modifiedby", "lastmodifiedby"]),
    ]

    public func check(_ project: Project, _ context: RuleContext) {
        let references = SchemaReferences(project.gists)
        let shared = references.referencedFiles()
        let linked = Set(project.gists.schemaOfData.values)
        for file in project.gists.schemaFiles {
            guard let root = file.document, root.objectMembers != nil else { continue }
            // A file of shared definitions that only other schemas use is not a document schema.
            if shared.contains(file.path) && !linked.contains(file.path) { continue }
            let described = references.dereference(root, in: file.path)
            guard Self.isObjectSchema(described.node) else { continue }
            let declared = Self.propertyNames(of: described.node, in: described.path, references)
            let missing = Self.metadata.filter { $0.accepted.isDisjoint(with: declared) }.map(\.name)
            guard !missing.isEmpty else { continue }
            let anchor = root.member(named: "properties")?.keyRange ?? (root.range.lowerBound..<(root.range.lowerBound + 1))
            context.report(
                path: file.path, range: anchor,
                message: "schema declares no \(Self.list(missing)) property, so nobody can tell which revision a command read or who changed it",
                help: "add \(Self.list(Self.metadata.map(\.name), conjunction: "and")) (`string`, `date-time`, `string`) to the root `properties` and `required`, and set them on every write",
                fixes: [Self.fix(adding: missing, to: root, in: file)].compactMap { $0 })
        }
    }

    /// The schema of each added property.
    static let propertySchemas = [
        "version": #"{ "type": "string" }"#,
        "lastUpdated": #"{ "type": "string", "format": "date-time" }"#,
        "updatedBy": #"{ "type": "string" }"#,
    ]

    /// Adds the missing properties to the root `properties` object, in the file's indentation. Not to `required`:
    /// existing documents do not have them yet, and would then fail validation.
    static func fix(adding missing: [String], to root: JSONNode, in file: GistFile) -> Fix? {
        guard let properties = root.member(named: "properties")?.value, let members = properties.objectMembers else { return nil }
        let entries = missing.compactMap { name in propertySchemas[name].map { "\"\(name)\": \($0)" } }
        let edit: TextEdit
        if let last = members.last {
            let separator = file.lineIndent(before: last.keyRange.lowerBound).map { ",\n" + $0 } ?? ", "
            edit = .insert(entries.map { separator + $0 }.joined(), at: last.value.range.upperBound, in: file.path)
        } else {
            edit = TextEdit(path: file.path, range: properties.range, replacement: "{ " + entries.joined(separator: ", ") + " }")
        }
        return Fix("add \(list(missing, conjunction: "and")) to the root `properties`", edits: [edit], isSafe: true)
    }

    static func isObjectSchema(_ schema: JSONNode) -> Bool {
        if schema["properties"] != nil { return true }
        if let type = schema["type"]?.stringValue { return type == "object" }
        return schema["type"]?.arrayValue?.contains { $0.stringValue == "object" } ?? false
    }

    /// Root property names, normalised, including those declared by `allOf` entries and `$ref`ed schemas.
    static func propertyNames(of schema: JSONNode, in path: String, _ references: SchemaReferences) -> Set<String> {
        var names = Set<String>()
        var pending = [(path, schema)]
        var visited = 0
        while let (currentPath, current) = pending.popLast(), visited < 32 {
            visited += 1
            for member in current["properties"]?.objectMembers ?? [] { names.insert(normalized(member.key)) }
            for part in current["allOf"]?.arrayValue ?? [] { pending.append((currentPath, part)) }
            if let reference = current["$ref"]?.stringValue, let target = references.resolve(reference, from: currentPath) {
                pending.append(target)
            }
        }
        return names
    }

    static func normalized(_ key: String) -> String { KeyWords.words(key).joined() }

    static func list(_ names: [String], conjunction: String = "or") -> String {
        let quoted = names.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + (quoted.last ?? "")
    }
}
