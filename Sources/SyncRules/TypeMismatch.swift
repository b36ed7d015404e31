import Catalog
import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// `sync/type-mismatch`: a property of a mirrored row whose schema cannot hold what the column holds (type, format,
/// `null`, enum values), or does not require what every row has. Both stores are valid and the sync still breaks.
public struct TypeMismatch: ProjectRule {
    public let id = "sync/type-mismatch"
    public let facets: Facets = [.gists, .catalog, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let references = SchemaReferences(project.gists)
        for target in SyncTargets.resolve(project) {
            guard target.rowSchema != nil else { continue }
            let required = target.requiredProperties(references)
            for property in target.rowProperties(references) {
                let (member, path) = (property.member, property.file)
                guard let column = target.column(for: member.key) else { continue }
                let columnName = "`\(target.table.name).\(column.name)`"
                let resolve = { (node: JSONNode) in references.dereference(node, in: property.schemaFile).node }
                if let problem = Self.problem(column, schema: property.schema, target: target, resolve: resolve) {
                    context.report(
                        path: path, range: member.keyRange.lowerBound..<member.value.range.upperBound,
                        message: "`\(member.key)` \(problem.message) column \(columnName) (\(problem.columnText)): \(problem.consequence)",
                        help: problem.help)
                }
                if column.notNull && !column.unreadable.contains(.notNull) && !required.contains(member.key) {
                    context.report(
                        path: path, range: member.keyRange,
                        message: "`\(member.key)` is optional here, but column \(columnName) is NOT NULL: every mirrored row has it, and readers of the Gist should be able to rely on it",
                        help: "add `\"\(member.key)\"` to this object's `required`")
                }
            }
        }
    }

    struct Problem {
        var message: String
        var columnText: String
        var consequence: String
        var help: String
    }

    static let breaks = "the sync writes values this schema rejects"

    static func problem(_ column: DeclaredColumn, schema: JSONNode, target: SyncTarget, resolve: (JSONNode) -> JSONNode) -> Problem? {
        guard let shape = ColumnShape(column) else { return nil }
        let types = SchemaTypes.of(schema, resolve: resolve)
        if let types, !shape.types.contains(where: { ColumnShape.admits(types, $0) }) {
            let expected = shape.types.sorted().map { "`\($0)`" }.joined(separator: " or ")
            return Problem(
                message: "is \(types.sorted().map { "`\($0)`" }.joined(separator: "/")) here, but", columnText: "`\(shape.label)`",
                consequence: breaks,
                help: "make the property \(expected)\(shape.format.map { " with `\"format\": \"\($0)\"`" } ?? "") to match the column, or change the column")
        }
        if let types, !column.notNull, !column.primaryKey, !column.unreadable.contains(.notNull), !types.contains("null") {
            return Problem(
                message: "does not accept `null` here, but", columnText: "nullable",
                consequence: "a row whose value is NULL is written as `null`, which this schema rejects",
                help: "add `\"null\"` to the property's `type` (or make the column NOT NULL)")
        }
        if let expected = shape.format, let format = SchemaTypes.format(schema, resolve: resolve), format != expected {
            return Problem(
                message: "has `\"format\": \"\(format)\"` here, but", columnText: "`\(shape.label)`, written as `\(expected)`",
                consequence: breaks, help: "use `\"format\": \"\(expected)\"`")
        }
        if let columnValues = target.enumValues(of: column), let schemaValues = SchemaTypes.enumStrings(schema, resolve: resolve) {
            let missing = columnValues.filter { !schemaValues.contains($0) }
            let extra = schemaValues.filter { !columnValues.contains($0) }
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("rows with \(list(missing)) are rejected by the Gist") }
            if !extra.isEmpty { parts.append("\(list(extra)) \(extra.count == 1 ? "is" : "are") no value of the column") }
            return Problem(
                message: "allows other values than", columnText: "enum `\(column.enumName ?? column.type)`: \(list(columnValues))",
                consequence: parts.joined(separator: "; "),
                help: "make the property's `enum` exactly \(list(columnValues)) (the column's enum values)")
        }
        return nil
    }

    static func list(_ values: [String]) -> String { values.map { "`\($0)`" }.joined(separator: ", ") }
}
