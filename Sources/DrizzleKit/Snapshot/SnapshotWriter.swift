import Catalog
import Core
/// Writes a model as a drizzle-kit version-7 snapshot (for `schemalint schema`): the same keys in the same
/// order as drizzle-kit, pretty-printed with two spaces, so the output can be diffed against `meta/*_snapshot.json`.
public enum SnapshotWriter {
    public static func json(_ model: SchemaModel) -> OrderedJSON {
        .object([
            ("version", .string("7")),
            ("dialect", .string("postgresql")),
            // drizzle-kit writes tables sorted by key (JavaScript's default string order: UTF-16 code units).
            ("tables", .object(model.tables.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
                .map { ($0.key, table($0)) })),
            ("enums", .object(model.enums.map { ($0.key, pgEnum($0)) })),
            ("schemas", .object(model.schemas.map { ($0, .string($0)) })),
            ("sequences", .object(model.sequences.map { ("\($0.schema).\($0.name)", sequence($0)) })),
            ("roles", .object([])),
            ("policies", .object([])),
            ("views", .object([])),
            ("_meta", .object([("columns", .object([])), ("schemas", .object([])), ("tables", .object([]))])),
        ])
    }

    public static func text(_ model: SchemaModel) -> String { json(model).serialized(indent: 2) + "\n" }

    static func table(_ table: Table) -> OrderedJSON {
        .object([
            ("name", .string(table.name)),
            ("schema", .string(table.schema == "public" ? "" : table.schema)),
            ("columns", .object(table.columns.map { ($0.name, column($0)) })),
            ("indexes", .object(table.indexes.map { ($0.name, index($0)) })),
            ("foreignKeys", .object(table.foreignKeys.map { ($0.name, foreignKey($0)) })),
            ("compositePrimaryKeys", .object(table.compositePrimaryKeys.map {
                ($0.name, .object([("name", .string($0.name)), ("columns", strings($0.columns))]))
            })),
            ("uniqueConstraints", .object(table.uniqueConstraints.map {
                ($0.name, .object([("name", .string($0.name)), ("nullsNotDistinct", .bool($0.nullsNotDistinct)),
                                   ("columns", strings($0.columns))]))
            })),
            ("policies", .object(table.policies.map { policy in (policy.name, Self.policy(policy)) })),
            ("checkConstraints", .object(table.checkConstraints.map {
                ($0.name, .object([("name", .string($0.name)), ("value", .string($0.value))]))
            })),
            ("isRLSEnabled", .bool(table.isRLSEnabled)),
        ])
    }

    static func column(_ column: Column) -> OrderedJSON {
        var members: [(key: String, value: OrderedJSON)] = [("name", .string(column.name)), ("type", .string(column.type))]
        if let typeSchema = column.typeSchema { members.append(("typeSchema", .string(typeSchema))) }
        members.append(("primaryKey", .bool(column.primaryKey)))
        members.append(("notNull", .bool(column.notNull)))
        if let value = column.default { members.append(("default", defaultValue(value))) }
        if let generated = column.generated {
            members.append(("generated", .object([("as", .string(generated.expression)), ("type", .string(generated.type))])))
        }
        if let identity = column.identity {
            members.append(("identity", .object([
                ("type", .string(identity.type)), ("name", .string(identity.name)), ("schema", .string(identity.schema)),
            ] + sequenceOptions(identity.options))))
        }
        if !column.unreadable.isEmpty {
            // Not drizzle-kit's: says which of the values above are placeholders (see `drizzle/parse-error`).
            let parts = Column.Part.allCases.filter(column.unreadable.contains).map { OrderedJSON.string($0.rawValue) }
            members.append(("unreadable", .array(parts)))
        }
        return .object(members)
    }

    static func defaultValue(_ value: ColumnDefault) -> OrderedJSON {
        switch value.kind {
        case .sql: .string(value.text)
        case .number: .number(value.text)
        case .boolean: .bool(value.text == "true")
        }
    }

    static func index(_ index: Index) -> OrderedJSON {
        let columns: [OrderedJSON] = index.columns.map { column in
            var members: [(key: String, value: OrderedJSON)] = [
                ("expression", .string(column.expression)), ("isExpression", .bool(column.isExpression)),
                ("asc", .bool(column.asc)), ("nulls", .string(column.nulls)),
            ]
            if let opclass = column.opclass { members.append(("opclass", .string(opclass))) }
            return .object(members)
        }
        var members: [(key: String, value: OrderedJSON)] = [
            ("name", .string(index.name)), ("columns", .array(columns)), ("isUnique", .bool(index.isUnique)),
        ]
        if let condition = index.where { members.append(("where", .string(condition))) }
        members.append(("concurrently", .bool(index.concurrently)))
        members.append(("method", .string(index.method)))
        members.append(("with", .object(index.with.map { ($0.key, .number($0.value)) })))
        return .object(members)
    }

    static func foreignKey(_ key: ForeignKey) -> OrderedJSON {
        var members: [(key: String, value: OrderedJSON)] = [
            ("name", .string(key.name)), ("tableFrom", .string(key.tableFrom)), ("tableTo", .string(key.tableTo)),
        ]
        if let schema = key.schemaTo { members.append(("schemaTo", .string(schema))) }
        members.append(("columnsFrom", strings(key.columnsFrom)))
        members.append(("columnsTo", strings(key.columnsTo)))
        members.append(("onDelete", key.onDelete.map { OrderedJSON.string($0.rawValue) } ?? .null))
        members.append(("onUpdate", key.onUpdate.map { OrderedJSON.string($0.rawValue) } ?? .null))
        return .object(members)
    }

    static func pgEnum(_ value: PgEnum) -> OrderedJSON {
        .object([("name", .string(value.name)), ("schema", .string(value.schema)), ("values", strings(value.values))])
    }

    static func sequence(_ value: Sequence) -> OrderedJSON {
        .object([("name", .string(value.name)), ("schema", .string(value.schema))] + sequenceOptions(value.options))
    }

    static func sequenceOptions(_ options: SequenceOptions) -> [(key: String, value: OrderedJSON)] {
        [("increment", .string(options.increment)), ("startWith", .string(options.startWith)),
         ("minValue", .string(options.minValue)), ("maxValue", .string(options.maxValue)),
         ("cache", .string(options.cache)), ("cycle", .bool(options.cycle))]
    }

    /// drizzle-kit 0.x's policy entry: `as` and `for` upper-cased, `to` as role names.
    static func policy(_ policy: Policy) -> OrderedJSON {
        var members: [(key: String, value: OrderedJSON)] = [
            ("name", .string(policy.name)), ("as", .string(policy.permissive ? "PERMISSIVE" : "RESTRICTIVE")),
            ("for", .string(policy.command.rawValue.uppercased())), ("to", strings(policy.roles)),
        ]
        if let text = policy.using?.text { members.append(("using", .string(text))) }
        if let text = policy.withCheck?.text { members.append(("withCheck", .string(text))) }
        return .object(members)
    }

    private static func strings(_ values: [String]) -> OrderedJSON { .array(values.map(OrderedJSON.string)) }
}
