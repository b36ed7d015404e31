import Catalog
import JSON

/// drizzle-kit 1's snapshot (`"version": "8"`): a flat `ddl` list of entities tagged `entityType`. Lifted to the
/// version-7 model:
/// - `type` + `dimensions` → `text[]`; `typeSchema` is kept only for enum types (v7 writes it only there).
/// - every primary key is a `pks` entity: a one-column key becomes the column's `primaryKey` flag (how v7 writes
///   `.primaryKey()`), a longer one a composite primary key.
/// - referential actions are upper case (`CASCADE`): lowered to v7's spelling.
/// - index columns `{value, nullsFirst, opclass: {name}}` → `{expression, nulls, opclass}`.
struct SnapshotV8Reader {
    let path: String

    private func location(_ node: JSONNode) -> SourceLocation { SourceLocation(path: path, range: node.range) }

    func read(_ root: JSONNode, version: String) -> Snapshot {
        let entities = root["ddl"]?.arrayValue ?? []
        var tables: [Table] = []
        var tableIndex: [String: Int] = [:]
        var model = SchemaModel(reader: .snapshot)
        func key(_ node: JSONNode) -> String { "\(node.string("schema") ?? "public").\(node.string("table") ?? "")" }

        for node in entities where node.string("entityType") == "tables" {
            let schema = node.string("schema") ?? "public"
            tableIndex["\(schema).\(node.string("name") ?? "")"] = tables.count
            tables.append(Table(schema: schema == "public" ? "" : schema, name: node.string("name") ?? "",
                                isRLSEnabled: node.bool("isRlsEnabled") ?? false, location: location(node)))
        }
        for node in entities {
            let kind = node.string("entityType") ?? ""
            if kind == "enums" {
                model.enums.append(PgEnum(name: node.string("name") ?? "", schema: node.string("schema") ?? "public",
                                          values: node.strings("values"), location: location(node)))
                continue
            }
            if kind == "schemas" {
                if let name = node.string("name") { model.schemas.append(name) }
                continue
            }
            if kind == "sequences" {
                model.sequences.append(Sequence(name: node.string("name") ?? "", schema: node.string("schema") ?? "public",
                                                options: SnapshotV7Reader.sequenceOptions(node), location: location(node)))
                continue
            }
            guard let position = tableIndex[key(node)] else { continue }
            switch kind {
            case "columns": tables[position].columns.append(column(node))
            case "indexes": tables[position].indexes.append(index(node))
            case "fks": tables[position].foreignKeys.append(foreignKey(node))
            case "pks":
                let columns = node.strings("columns")
                if columns.count == 1, let at = tables[position].columns.firstIndex(where: { $0.name == columns[0] }) {
                    tables[position].columns[at].primaryKey = true
                } else {
                    tables[position].compositePrimaryKeys.append(PrimaryKeyConstraint(
                        name: node.string("name") ?? "", columns: columns,
                        isNameExplicit: node.bool("nameExplicit") ?? true, location: location(node)))
                }
            case "uniques":
                tables[position].uniqueConstraints.append(UniqueConstraint(
                    name: node.string("name") ?? "", columns: node.strings("columns"),
                    nullsNotDistinct: node.bool("nullsNotDistinct") ?? false,
                    isNameExplicit: node.bool("nameExplicit") ?? true, location: location(node)))
            case "checks":
                tables[position].checkConstraints.append(CheckConstraint(
                    name: node.string("name") ?? "", value: node.string("value") ?? "", location: location(node)))
            case "policies":
                tables[position].policies.append(Policy(snapshot: node, name: node.string("name") ?? "", location: location(node)))
            default: break
            }
        }
        model.tables = tables
        return Snapshot(version: version, dialect: root.string("dialect") ?? "", id: root.string("id") ?? "",
                        prevIds: root.strings("prevIds"), model: model)
    }

    private func column(_ node: JSONNode) -> Column {
        let dimensions = node["dimensions"]?.numberValue?.intValue ?? 0
        let type = (node.string("type") ?? "") + String(repeating: "[]", count: max(0, dimensions))
        var column = Column(name: node.string("name") ?? "", type: type, typeSchema: node.string("typeSchema"),
                            notNull: node.bool("notNull") ?? false,
                            default: node["default"].flatMap(SnapshotV7Reader.columnDefault),
                            location: location(node), typeLocation: location(node))
        if let identity = node["identity"], identity.objectMembers != nil {
            column.identity = SnapshotV7Reader.identity(identity)
        }
        if let generated = node["generated"], let expression = generated.string("as") {
            column.generated = GeneratedColumn(expression: expression, type: generated.string("type") ?? "stored")
        }
        return column
    }

    private func index(_ node: JSONNode) -> Index {
        let columns = (node["columns"]?.arrayValue ?? []).map { column in
            IndexColumn(expression: column.string("value") ?? "", isExpression: column.bool("isExpression") ?? false,
                        asc: column.bool("asc") ?? true, nulls: column.bool("nullsFirst") == true ? "first" : "last",
                        opclass: column["opclass"]?.string("name") ?? column.string("opclass"))
        }
        let with = (node.string("with") ?? "").split(separator: ",").compactMap { pair -> StorageParameter? in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard parts.count == 2 else { return nil }
            return StorageParameter(key: parts[0], value: parts[1])
        }
        return Index(name: node.string("name") ?? "", columns: columns, isUnique: node.bool("isUnique") ?? false,
                     concurrently: node.bool("concurrently") ?? false, method: node.string("method") ?? "btree",
                     where: node.string("where"), with: with, isNameExplicit: node.bool("nameExplicit") ?? true,
                     location: location(node))
    }

    private func foreignKey(_ node: JSONNode) -> ForeignKey {
        ForeignKey(name: node.string("name") ?? "", tableFrom: node.string("table") ?? "",
                   columnsFrom: node.strings("columns"), tableTo: node.string("tableTo") ?? "",
                   schemaTo: node.string("schemaTo"), columnsTo: node.strings("columnsTo"),
                   onDelete: node.string("onDelete").flatMap(ForeignKeyAction.init(keyword:)),
                   onUpdate: node.string("onUpdate").flatMap(ForeignKeyAction.init(keyword:)),
                   isNameExplicit: node.bool("nameExplicit") ?? true, location: location(node))
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
