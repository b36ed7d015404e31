import Catalog
import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// `sync/key-format`: the keys of a mirrored map (data), or what its schema allows as keys (`propertyNames`,
/// `patternProperties`), do not fit the key column: a map keyed by subscription id whose keys are not UUIDs.
public struct KeyFormat: ProjectRule {
    public let id = "sync/key-format"
    public let facets: Facets = [.gists, .catalog, .configuration]
    public init() {}

    /// What a key of each kind of column looks like, and a sample a schema must accept.
    enum KeyKind {
        case uuid, integer

        init?(_ column: DeclaredColumn) {
            guard let shape = ColumnShape(column) else { return nil }
            if shape.format == "uuid" { self = .uuid } else if shape.types.contains("integer") && !shape.types.contains("string") { self = .integer } else { return nil }
        }

        var sample: String { self == .uuid ? "3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0c" : "42" }
        var name: String { self == .uuid ? "a UUID" : "an integer" }

        func accepts(_ key: String) -> Bool {
            switch self {
            case .uuid: JSONFormats.isValid(key, format: "uuid") == true
            case .integer: !key.isEmpty && key.drop { $0 == "-" }.allSatisfy { $0.isASCII && $0.isWholeNumber } && key.count <= 20
            }
        }
    }

    public func check(_ project: Project, _ context: RuleContext) {
        for target in SyncTargets.resolve(project) {
            guard target.mapping.pointer.contains("*"), let column = target.keyColumn, let kind = KeyKind(column) else { continue }
            let about = "the key column `\(target.table.name).\(column.name)` is `\(column.type)`"
            for row in target.rows {
                guard let key = row.key, let range = row.keyRange, !kind.accepts(key) else { continue }
                context.report(
                    path: row.path, range: range, message: "map key `\(key)` is not \(kind.name), but \(about): no row has this key",
                    help: "key each entry by the row's `\(column.key ?? column.name)`")
            }
            guard let map = target.mapSchema else { continue }
            if let names = map.node.member(named: "propertyNames") {
                if let format = names.value["format"]?.stringValue, kind == .uuid, format != "uuid" {
                    context.report(path: map.path, range: names.keyRange.lowerBound..<names.value.range.upperBound,
                                   message: "`propertyNames` requires `\(format)`, but \(about)", help: "use `\"propertyNames\": { \"format\": \"uuid\" }`")
                } else if let pattern = names.value["pattern"]?.stringValue, let regex = try? ECMARegex(pattern), regex.matches(kind.sample) == false {
                    context.report(path: map.path, range: names.keyRange.lowerBound..<names.value.range.upperBound,
                                   message: "`propertyNames` pattern `\(pattern)` rejects \(kind.name) such as `\(kind.sample)`, but \(about)",
                                   help: kind == .uuid ? "use `\"propertyNames\": { \"format\": \"uuid\" }`" : "use a pattern that accepts the column's values")
                }
            }
            if let patterns = map.node.member(named: "patternProperties"), let members = patterns.value.objectMembers, !members.isEmpty,
               map.node["additionalProperties"]?.boolValue == false,
               !members.contains(where: { (try? ECMARegex($0.key))?.matches(kind.sample) != false }) {
                context.report(path: map.path, range: patterns.keyRange,
                               message: "no `patternProperties` pattern accepts \(kind.name) such as `\(kind.sample)`, and other keys are not allowed, but \(about)",
                               help: "make the pattern accept the key column's values")
            }
        }
    }
}
