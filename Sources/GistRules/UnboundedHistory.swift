import Core
import Gists
import JSON
import ProjectModel

/// `gist/unbounded-history`: an array of timestamped records with no `maxItems`: history or high-frequency data
/// that grows with every write until the Gist API truncates the file.
public struct UnboundedHistory: ProjectRule {
    public let id = "gist/unbounded-history"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let references = SchemaReferences(project.gists)
        for file in project.gists.schemaFiles {
            guard let root = file.document else { continue }
            SchemaWalk.forEachSchema(root) { schema in
                guard schema.node["maxItems"] == nil, let items = schema.node["items"], items.objectMembers != nil else { return }
                let record = references.dereference(items, in: file.path).node
                guard let field = TimestampFields.describesRecord(record) else { return }
                let name = schema.holder.map { "`\($0.key)`" } ?? "at `\(schema.pointer.isEmpty ? "/" : schema.pointer)`"
                context.report(
                    path: file.path, range: Self.anchor(schema),
                    message: "array \(name) holds timestamped records (`\(field)`) but has no `maxItems`, so the Gist grows with every write",
                    help: "add `maxItems` and drop the oldest entries on write, or keep the full history in PostgreSQL")
            }
        }
        let threshold = context.options.integer("minimumRecords") ?? 50
        for file in project.gists.dataFiles where project.gists.schemaOfData[file.path] == nil {
            guard let root = file.document else { continue }
            Self.forEachLongRecordArray(root, minimum: threshold) { pointer, holder, array, count in
                context.report(
                    path: file.path, range: holder?.keyRange ?? (array.range.lowerBound..<(array.range.lowerBound + 1)),
                    message: "`\(pointer)` holds \(count) timestamped records and no schema bounds it, so the Gist grows with every write",
                    help: "keep only the latest entries (and say so with a schema's `maxItems`), or move the records to PostgreSQL")
            }
        }
    }

    /// The key of the member that defines the array schema, else the schema's first byte.
    static func anchor(_ schema: SchemaObject) -> Range<Int> {
        if let holder = schema.holder { return holder.keyRange }
        return schema.node.range.lowerBound..<(schema.node.range.lowerBound + 1)
    }

    /// Arrays of at least `minimum` elements, most of them (four in five) timestamped records.
    static func forEachLongRecordArray(
        _ node: JSONNode, pointer: String = "", holder: JSONMember? = nil, minimum: Int,
        _ visit: (String, JSONMember?, JSONNode, Int) -> Void
    ) {
        switch node.value {
        case .object(let members):
            for member in members {
                forEachLongRecordArray(member.value, pointer: JSONPointer.appending(pointer, member.key), holder: member, minimum: minimum, visit)
            }
        case .array(let items):
            if items.count >= minimum, items.count(where: TimestampFields.isRecord) * 5 >= items.count * 4 {
                visit(pointer.isEmpty ? "/" : pointer, holder, node, items.count)
                return
            }
            for (index, item) in items.enumerated() {
                forEachLongRecordArray(item, pointer: JSONPointer.appending(pointer, index), holder: nil, minimum: minimum, visit)
            }
        default:
            break
        }
    }
}
