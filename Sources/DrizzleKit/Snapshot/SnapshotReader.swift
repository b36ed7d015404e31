import Catalog
import JSON

/// Reads drizzle-kit snapshots of every version schemalint knows (5, 6, 7 and drizzle-kit 1's 8) into a
/// `Snapshot`. Older shapes are lifted to the version-7 model:
/// - v5 keys tables and enums by bare name and writes enum `values` as an object map; v6+ key `schema.name`.
/// - v5/v6 index columns are plain column names: read as ascending, nulls last (what drizzle-kit 0.x meant).
/// - a column-level `isUnique`/`uniqueName` (pre-v7) becomes a one-column unique constraint, as v7 writes it.
public enum SnapshotReader {
    public static func read(_ bytes: [UInt8], path: String) -> Result<Snapshot, ReaderDiagnostic> {
        read(parsed: JSONReader.parse(bytes), path: path)
    }

    /// The snapshot from its bytes parsed whole (`JSONReader.parse`), for a caller that read its header from the
    /// same parse (`SnapshotHeaderReader.read(_:key:parsed:)`).
    public static func read(parsed: Result<JSONNode, JSONSyntaxError>, path: String) -> Result<Snapshot, ReaderDiagnostic> {
        let root: JSONNode
        switch parsed {
        case .success(let node): root = node
        case .failure(let error):
            return .failure(ReaderDiagnostic(kind: .malformedInput, message: "snapshot is not valid JSON: \(error.message)",
                                             location: SourceLocation(path: path, range: error.range)))
        }
        guard root.objectMembers != nil else {
            return .failure(ReaderDiagnostic(kind: .malformedInput, message: "snapshot is not a JSON object",
                                             location: SourceLocation(path: path, range: root.range)))
        }
        let version = root.text("version") ?? ""
        if version == "8" || root["ddl"] != nil {
            return .success(SnapshotV8Reader(path: path).read(root, version: version))
        }
        let reader = SnapshotV7Reader(path: path)
        let model = SchemaModel(tables: root.members("tables").map(reader.table),
                                enums: root.members("enums").map(reader.pgEnum),
                                schemas: root.members("schemas").compactMap { $0.value.stringValue ?? $0.key },
                                sequences: root.members("sequences").map(reader.sequence), reader: .snapshot)
        let prevId = root.string("prevId")
        return .success(Snapshot(version: version, dialect: root.string("dialect") ?? "", id: root.string("id") ?? "",
                                 prevIds: prevId.map { [$0] } ?? [], model: model))
    }
}

/// The version 5–7 shape: objects keyed by name.
struct SnapshotV7Reader {
    let path: String

    func location(_ member: JSONMember) -> SourceLocation { SourceLocation(path: path, range: member.entryRange) }
    func location(_ node: JSONNode) -> SourceLocation { SourceLocation(path: path, range: node.range) }

    func table(_ member: JSONMember) -> Table {
        let node = member.value
        var table = Table(schema: node.string("schema") ?? "", name: node.string("name") ?? member.key,
                          isRLSEnabled: node.bool("isRLSEnabled") ?? false, location: location(member))
        for entry in node.members("columns") {
            let (column, unique) = self.column(entry)
            table.columns.append(column)
            if let unique { table.uniqueConstraints.append(unique) }
        }
        table.indexes = node.members("indexes").map(index)
        table.foreignKeys = node.members("foreignKeys").map(foreignKey)
        table.compositePrimaryKeys = node.members("compositePrimaryKeys").map { entry in
            PrimaryKeyConstraint(name: entry.value.string("name") ?? entry.key, columns: entry.value.strings("columns"),
                                 location: location(entry))
        }
        table.uniqueConstraints += node.members("uniqueConstraints").map { entry in
            UniqueConstraint(name: entry.value.string("name") ?? entry.key, columns: entry.value.strings("columns"),
                             nullsNotDistinct: entry.value.bool("nullsNotDistinct") ?? false, location: location(entry))
        }
        table.checkConstraints = node.members("checkConstraints").map { entry in
            CheckConstraint(name: entry.value.string("name") ?? entry.key, value: entry.value.string("value") ?? "",
                            location: location(entry))
        }
        table.policies = node.members("policies").map { entry in
            Policy(snapshot: entry.value, name: entry.value.string("name") ?? entry.key, location: location(entry))
        }
        return table
    }

    private func column(_ member: JSONMember) -> (Column, UniqueConstraint?) {
        let node = member.value
        let name = node.string("name") ?? member.key
        var column = Column(name: name, type: node.string("type") ?? "", typeSchema: node.string("typeSchema"),
                            primaryKey: node.bool("primaryKey") ?? false, notNull: node.bool("notNull") ?? false,
                            default: node["default"].flatMap(Self.columnDefault),
                            location: location(member), typeLocation: location(member))
        if let identity = node["identity"], identity.objectMembers != nil {
            column.identity = Self.identity(identity)
        } else if let identity = node.string("identity") {
            // Some 0.2x snapshots squash identity into `name;type;…`; keep what can be read.
            column.identity = Identity(type: identity.split(separator: ";").dropFirst().first.map(String.init) ?? "",
                                       name: "", schema: "", options: Self.sequenceOptions(.init(value: .null, range: 0..<0)))
        }
        if let generated = node["generated"], let expression = generated.string("as") {
            column.generated = GeneratedColumn(expression: expression, type: generated.string("type") ?? "stored")
        }
        var unique: UniqueConstraint?
        if node.bool("isUnique") == true {
            unique = UniqueConstraint(name: node.string("uniqueName") ?? "\(name)_unique", columns: [name],
                                      nullsNotDistinct: node.bool("nullsNotDistinct") ?? false,
                                      location: location(member))
        }
        return (column, unique)
    }

    static func columnDefault(_ node: JSONNode) -> ColumnDefault? {
        switch node.value {
        case .string(let text): .sql(text)
        case .number(let number): ColumnDefault(.number, number.literal)
        case .bool(let bool): ColumnDefault(.boolean, bool ? "true" : "false")
        default: nil
        }
    }

    static func identity(_ node: JSONNode) -> Identity {
        Identity(type: node.string("type") ?? "", name: node.string("name") ?? "", schema: node.string("schema") ?? "",
                 options: sequenceOptions(node))
    }

    /// Version 8 names two of the options differently (`incrementBy`, `cacheSize`).
    static func sequenceOptions(_ node: JSONNode) -> SequenceOptions {
        SequenceOptions(increment: node.text("increment") ?? node.text("incrementBy") ?? "",
                        startWith: node.text("startWith") ?? "", minValue: node.text("minValue") ?? "",
                        maxValue: node.text("maxValue") ?? "", cache: node.text("cache") ?? node.text("cacheSize") ?? "",
                        cycle: node.bool("cycle") ?? false)
    }

    private func index(_ member: JSONMember) -> Index {
        let node = member.value
        let columns: [IndexColumn] = (node["columns"]?.arrayValue ?? []).map { column in
            if let name = column.stringValue { return IndexColumn(expression: name) }
            return IndexColumn(expression: column.string("expression") ?? "",
                               isExpression: column.bool("isExpression") ?? false, asc: column.bool("asc") ?? true,
                               nulls: column.string("nulls") ?? "last", opclass: column.string("opclass"))
        }
        let with = node.members("with").map { StorageParameter(key: $0.key, value: JSONLiteral.text(of: $0.value)) }
        return Index(name: node.string("name") ?? member.key, columns: columns, isUnique: node.bool("isUnique") ?? false,
                     concurrently: node.bool("concurrently") ?? false, method: node.string("method") ?? "btree",
                     where: node.string("where"), with: with, location: location(member))
    }

    private func foreignKey(_ member: JSONMember) -> ForeignKey {
        let node = member.value
        return ForeignKey(name: node.string("name") ?? member.key, tableFrom: node.string("tableFrom") ?? "",
                          columnsFrom: node.strings("columnsFrom"), tableTo: node.string("tableTo") ?? "",
                          schemaTo: node.string("schemaTo"), columnsTo: node.strings("columnsTo"),
                          onDelete: node.string("onDelete").flatMap(ForeignKeyAction.init(keyword:)),
                          onUpdate: node.string("onUpdate").flatMap(ForeignKeyAction.init(keyword:)),
                          location: location(member))
    }

    func pgEnum(_ member: JSONMember) -> PgEnum {
        let node = member.value
        // v5 writes `values` as `{ "a": "a" }`; later versions as an array.
        let values = node["values"]?.arrayValue?.compactMap(\.stringValue)
            ?? node.members("values").map { $0.value.stringValue ?? $0.key }
        return PgEnum(name: node.string("name") ?? member.key, schema: node.string("schema") ?? "public",
                      values: values, location: location(member))
    }

    func sequence(_ member: JSONMember) -> Sequence {
        let node = member.value
        return Sequence(name: node.string("name") ?? member.key, schema: node.string("schema") ?? "public",
                        options: Self.sequenceOptions(node), location: location(member))
    }
}

extension Policy {
    /// A snapshot `policies` entry: `as` (`PERMISSIVE`), `for` (`SELECT`), `to` (drizzle-kit 1: `roles`), `using`,
    /// `withCheck`, as drizzle-kit writes them.
    init(snapshot node: JSONNode, name: String, location: SourceLocation) {
        self.init(name: name, location: location)
        permissive = node.string("as")?.lowercased() != "restrictive"
        command = node.string("for").flatMap { Command(rawValue: $0.lowercased()) } ?? .all
        let roles = node["to"] != nil ? node.strings("to") : node.strings("roles")
        self.roles = roles.isEmpty ? ["public"] : roles.map { $0.lowercased() }
        using = node.string("using").map { Clause(text: $0, location: location) }
        withCheck = node.string("withCheck").map { Clause(text: $0, location: location) }
    }
}
