import Catalog

/// Maps parsed Prisma files to the tables, columns, keys, indexes and enums `prisma migrate` would create in
/// PostgreSQL: names from `@map`/`@@map`, types as Prisma maps them (`@db.*` native types override), and the
/// constraint names Prisma derives (`User_email_key`, `Post_authorId_fkey`).
struct PrismaModelMapper {
    let files: [(path: String, syntax: PrismaFileSyntax)]
    var diagnostics: [ReaderDiagnostic] = []
    var relationMode: String?
    var provider: String?
    /// The models' and fields' names, the fields' types and run-time behaviour, beside the model's tables and columns.
    var declarations = SchemaDeclarations()

    /// Every model, enum, view and composite type by its Prisma name, across the files (relations cross files).
    private var models: [String: (path: String, block: PrismaBlock)] = [:]
    private var enums: [String: PrismaBlock] = [:]
    private var otherTypes: Set<String> = []
    /// Whether some file could not be read whole: blocks may be missing, and the types they declared with them.
    private var hasSyntaxErrors: Bool { files.contains { !$0.syntax.errors.isEmpty } }

    init(files: [(path: String, syntax: PrismaFileSyntax)]) {
        self.files = files
        for file in files {
            for block in file.syntax.blocks {
                switch block.kind {
                case .model: models[block.name] = (file.path, block)
                case .enum: enums[block.name] = block
                case .view, .type: otherTypes.insert(block.name)
                case .datasource, .generator: break
                }
            }
        }
    }

    static let scalarTypes: Set<String> = ["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"]

    mutating func map() -> SchemaModel {
        var model = SchemaModel(reader: .prisma)
        for file in files {
            for block in file.syntax.blocks {
                switch block.kind {
                case .datasource:
                    provider = block.assignment("provider")?.stringValue ?? provider
                    relationMode = (block.assignment("relationMode") ?? block.assignment("referentialIntegrity"))?.stringValue ?? relationMode
                case .enum:
                    model.enums.append(pgEnum(block, path: file.path))
                case .model:
                    let (table, declaration) = table(block, path: file.path)
                    model.tables.append(table)
                    declarations.tables.append(declaration)
                case .view, .type, .generator:
                    // Views are not tables; composite types exist only on MongoDB.
                    break
                }
            }
        }
        let schemas = Set(model.tables.map(\.schema).filter { !$0.isEmpty && $0 != "public" })
        model.schemas = schemas.sorted()
        return model
    }

    func pgEnum(_ block: PrismaBlock, path: String) -> PgEnum {
        let values = block.fields.map { $0.attribute("map")?.argument("name", position: 0)?.stringValue ?? $0.name }
        return PgEnum(name: Self.databaseName(of: block), schema: block.attribute("schema")?.argument("name", position: 0)?.stringValue ?? "public",
                      values: values, location: SourceLocation(path: path, range: block.nameRange))
    }

    static func databaseName(of block: PrismaBlock) -> String {
        block.attribute("map")?.argument("name", position: 0)?.stringValue ?? block.name
    }

    /// The column name of a field of `block`: its `@map`, else its name.
    static func columnName(_ fieldName: String, in block: PrismaBlock?) -> String {
        guard let field = block?.fields.first(where: { $0.name == fieldName }) else { return fieldName }
        return field.attribute("map")?.argument("name", position: 0)?.stringValue ?? fieldName
    }

    mutating func table(_ block: PrismaBlock, path: String) -> (Table, TableDeclaration) {
        let name = Self.databaseName(of: block)
        var table = Table(schema: block.attribute("schema")?.argument("name", position: 0)?.stringValue ?? "", name: name,
                          location: SourceLocation(path: path, range: block.range),
                          nameLocation: SourceLocation(path: path, range: block.nameRange))
        // The model's name is what Prisma Client code writes (`prisma.user`), as a Drizzle table's binding is.
        var tableDeclaration = TableDeclaration(variableName: block.name)
        for field in block.fields {
            if Self.scalarTypes.contains(field.typeName) || enums[field.typeName] != nil {
                var declaration = ColumnDeclaration(key: field.name, builder: field.typeName)
                table.columns.append(column(field, in: block, tableName: name, path: path, table: &table, declaration: &declaration))
                tableDeclaration.columns.append(declaration)
            } else if let target = models[field.typeName] {
                if let key = foreignKey(field, in: block, tableName: name, target: target.block, path: path) {
                    table.foreignKeys.append(key)
                }
            } else if !otherTypes.contains(field.typeName) {
                // A column or a relation, unknown which: no verdict on the table's columns or foreign keys. After a
                // syntax error the type is most likely a block that error cost (`modle Poll {`): said once, there.
                table.unreadableElements.formUnion([.column, .foreignKey])
                if hasSyntaxErrors { continue }
                diagnostics.append(ReaderDiagnostic(
                    kind: .unevaluable,
                    message: "type `\(field.typeName)` of field `\(field.name)` is not a Prisma scalar type, nor a model or enum of this schema",
                    location: SourceLocation(path: path, range: field.typeRange)))
            }
        }
        if block.isIncomplete {
            // A line that could not be read may have declared a key, an index or a relation: no verdict on them.
            table.unreadableElements.formUnion([.column, .primaryKey, .uniqueConstraint, .index, .foreignKey])
        }
        for attribute in block.attributes {
            let location = SourceLocation(path: path, range: attribute.range)
            let columns = attribute.argument("fields", position: 0)?.fieldNames?.map { Self.columnName($0, in: block) }
            switch attribute.name {
            case "id":
                guard let columns else { unreadable(attribute, path: path); table.unreadableElements.insert(.primaryKey); continue }
                let explicit = attribute.argument("map")?.stringValue
                table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: explicit ?? Self.constraintName(name, [], "pkey"), columns: columns,
                                                                       isNameExplicit: explicit != nil, location: location))
            case "unique":
                guard let columns else { unreadable(attribute, path: path); table.unreadableElements.insert(.uniqueConstraint); continue }
                let explicit = attribute.argument("map")?.stringValue
                table.uniqueConstraints.append(UniqueConstraint(name: explicit ?? Self.constraintName(name, columns, "key"), columns: columns,
                                                                isNameExplicit: explicit != nil, location: location))
            case "index":
                guard let columns, let fields = attribute.argument("fields", position: 0) else {
                    unreadable(attribute, path: path); table.unreadableElements.insert(.index); continue
                }
                // `name:` is the index's database name too (Prisma 2's spelling, still accepted for `@@index` and
                // written by `prisma migrate dev` as the index name); `map:` wins when both are given.
                let explicit = attribute.argument("map")?.stringValue ?? attribute.argument("name")?.stringValue
                table.indexes.append(Index(
                    name: explicit ?? Self.constraintName(name, columns, "idx"),
                    columns: zip(columns, Self.sortOrders(fields)).map { IndexColumn(expression: $0, asc: $1) },
                    method: attribute.argument("type")?.identifier.map { $0 == "BTree" ? "btree" : $0.lowercased() } ?? "btree",
                    isNameExplicit: explicit != nil, location: location))
            default:
                break
            }
        }
        return (table, tableDeclaration)
    }

    /// Implicit many-to-many relations (a list field on both sides, no `fields:`): Prisma keeps them in a table of
    /// its own, `_<relation name>`, by default `_<A>To<B>` with the model names in order.
    func implicitJoinTables() -> Set<String> {
        var names: Set<String> = []
        for (name, entry) in models {
            for field in entry.block.fields where field.isList {
                guard let target = models[field.typeName] else { continue }
                let relation = field.attribute("relation")
                guard relation?.argument("fields") == nil else { continue }
                let relationName = relation?.argument("name", position: 0)?.stringValue
                let back = target.block.fields.filter { $0.typeName == name && $0.isList
                    && $0.attribute("relation")?.argument("name", position: 0)?.stringValue == relationName }
                guard !back.isEmpty else { continue }
                names.insert("_" + (relationName ?? [name, field.typeName].sorted().joined(separator: "To")))
            }
        }
        return names
    }

    /// `[a, b(sort: Desc)]` → `[true, false]`.
    static func sortOrders(_ fields: PrismaValue) -> [Bool] {
        let elements: [PrismaValue] = if case .array(let list) = fields.kind { list } else { [fields] }
        return elements.map { element in
            if case .call(_, let arguments) = element.kind,
               arguments.first(where: { $0.name == "sort" })?.value.identifier == "Desc" { return false }
            return true
        }
    }

    /// Prisma's default constraint names: `User_email_key`, `Post_authorId_createdAt_idx`. Like Prisma, a name over
    /// PostgreSQL's 63 bytes loses the end of its table-and-columns part, never its suffix
    /// (`RecurringExpenseLink_groupId_nextExpenseCreatedAt_nextExpen_idx`).
    static func constraintName(_ table: String, _ columns: [String], _ suffix: String) -> String {
        var joined = Array(([table] + columns).joined(separator: "_").utf8)
        let limit = 63 - suffix.utf8.count - 1
        if joined.count > limit {
            joined = Array(joined.prefix(limit))
            // Never cut a multi-byte character in half.
            while !joined.isEmpty, String(validating: joined, as: UTF8.self) == nil { joined.removeLast() }
        }
        return String(decoding: joined, as: UTF8.self) + "_" + suffix
    }

    mutating func unreadable(_ attribute: PrismaAttribute, path: String) {
        diagnostics.append(ReaderDiagnostic(kind: .unevaluable, message: "the fields of `@@\(attribute.name)` could not be read",
                                            location: SourceLocation(path: path, range: attribute.range)))
    }

    mutating func column(_ field: PrismaField, in block: PrismaBlock, tableName: String, path: String, table: inout Table,
                         declaration: inout ColumnDeclaration) -> Column {
        let name = Self.columnName(field.name, in: block)
        let native = field.attributes.first { $0.name.hasPrefix("db.") }
        var column = Column(name: name, type: "", notNull: !field.isOptional && !field.isList,
                            location: SourceLocation(path: path, range: field.range),
                            typeLocation: SourceLocation(path: path, range: native?.range ?? field.typeRange))
        if let enumBlock = enums[field.typeName] {
            column.type = Self.databaseName(of: enumBlock)
            column.enumName = column.type
            column.typeSchema = enumBlock.attribute("schema")?.argument("name", position: 0)?.stringValue ?? "public"
        } else if field.typeName == "Unsupported", let text = field.typeArguments.first?.value.stringValue {
            column.type = text
        } else if let native, let type = Self.nativeType(native) {
            column.type = type
        } else {
            column.type = Self.defaultTypes[field.typeName] ?? ""
            if let native {
                diagnostics.append(ReaderDiagnostic(kind: .unevaluable, message: "native type `@\(native.name)` is not one schemalint knows",
                                                    location: SourceLocation(path: path, range: native.range)))
                column.unreadable.insert(.type)
            }
        }
        if column.type.isEmpty { column.unreadable.insert(.type) }
        if field.isList { column.type += "[]" }
        if let id = field.attribute("id") {
            column.primaryKey = true
            column.notNull = true
            if let explicit = id.argument("map")?.stringValue {
                table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: explicit, columns: [name],
                                                                       location: SourceLocation(path: path, range: id.range)))
                column.primaryKey = false
            }
        }
        if let unique = field.attribute("unique") {
            let explicit = unique.argument("map")?.stringValue
            table.uniqueConstraints.append(UniqueConstraint(name: explicit ?? Self.constraintName(tableName, [name], "key"), columns: [name],
                                                            isNameExplicit: explicit != nil,
                                                            location: SourceLocation(path: path, range: unique.range)))
        }
        if field.isIncomplete { column.unreadable.formUnion(Column.Part.allExceptName) }
        if field.attribute("updatedAt") != nil { declaration.hasOnUpdate = true }
        if let value = field.attribute("default")?.argument("value", position: 0) {
            applyDefault(value, to: &column, declaration: &declaration, path: path)
        }
        return column
    }

    mutating func applyDefault(_ value: PrismaValue, to column: inout Column, declaration: inout ColumnDeclaration, path: String) {
        switch value.kind {
        case .call("autoincrement", _):
            // Prisma creates a `SERIAL`-style column: a sequence owned by the column.
            column.type = switch column.type {
            case "bigint": "bigserial"
            case "smallint": "smallserial"
            default: "serial"
            }
        case .call("now", _):
            column.default = .sql("CURRENT_TIMESTAMP")
        case .call("uuid", _), .call("cuid", _), .call("nanoid", _), .call("ulid", _):
            // Generated by Prisma Client, not by the database.
            declaration.hasRuntimeDefault = true
        case .call("dbgenerated", let arguments):
            if let text = arguments.first?.value.stringValue { column.default = .sql(text) } else { column.unreadable.insert(.default) }
        case .call(let name, _):
            diagnostics.append(ReaderDiagnostic(kind: .unevaluable, message: "default function `\(name)()` is not one schemalint knows",
                                                location: SourceLocation(path: path, range: value.range)))
            column.unreadable.insert(.default)
        case .string(let text):
            column.default = .sql("'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'")
        case .number(let text):
            column.default = ColumnDefault(.number, text)
        case .identifier("true"), .identifier("false"):
            column.default = ColumnDefault(.boolean, value.identifier ?? "")
        case .identifier(let enumValue):
            column.default = .sql("'\(enumValue)'")
        case .array:
            column.unreadable.insert(.default)
        }
    }

    /// A relation field with `fields` and `references`: the foreign key on this side (Prisma creates one per
    /// relation, unless `relationMode = "prisma"`). The list side of a relation has none.
    mutating func foreignKey(_ field: PrismaField, in block: PrismaBlock, tableName: String, target: PrismaBlock, path: String) -> ForeignKey? {
        guard let relation = field.attribute("relation"), let fields = relation.argument("fields")?.fieldNames,
              let references = relation.argument("references")?.fieldNames else { return nil }
        let columnsFrom = fields.map { Self.columnName($0, in: block) }
        let columnsTo = references.map { Self.columnName($0, in: target) }
        let anyOptional = fields.contains { name in block.fields.first { $0.name == name }?.isOptional ?? false }
        let explicit = relation.argument("map")?.stringValue
        return ForeignKey(
            name: explicit ?? Self.constraintName(tableName, columnsFrom, "fkey"),
            tableFrom: tableName, columnsFrom: columnsFrom, tableTo: Self.databaseName(of: target),
            schemaTo: target.attribute("schema")?.argument("name", position: 0)?.stringValue,
            columnsTo: columnsTo,
            // Prisma's defaults: an optional relation sets null, a required one restricts; updates cascade.
            onDelete: relation.argument("onDelete")?.identifier.map(Self.action) ?? (anyOptional ? .setNull : .restrict),
            onUpdate: relation.argument("onUpdate")?.identifier.map(Self.action) ?? .cascade,
            isNameExplicit: explicit != nil,
            location: SourceLocation(path: path, range: relation.range))
    }

    /// Prisma's referential actions; nil for one PostgreSQL does not have.
    static func action(_ prisma: String) -> ForeignKeyAction? {
        switch prisma {
        case "Cascade": .cascade
        case "Restrict": .restrict
        case "NoAction": .noAction
        case "SetNull": .setNull
        case "SetDefault": .setDefault
        default: nil
        }
    }

    /// The PostgreSQL types of Prisma's scalar types without a native type attribute.
    static let defaultTypes: [String: String] = [
        "String": "text", "Boolean": "boolean", "Int": "integer", "BigInt": "bigint", "Float": "double precision",
        "Decimal": "numeric(65, 30)", "DateTime": "timestamp (3)", "Json": "jsonb", "Bytes": "bytea",
    ]

    /// `@db.VarChar(255)` → `varchar(255)`, `@db.Timestamptz(6)` → `timestamp (6) with time zone`.
    static func nativeType(_ attribute: PrismaAttribute) -> String? {
        let arguments = attribute.arguments.compactMap { argument -> String? in
            if case .number(let text) = argument.value.kind { return text }
            return nil
        }
        let parameters = arguments.isEmpty ? "" : "(" + arguments.joined(separator: ", ") + ")"
        let precision = arguments.first.map { " (\($0))" } ?? ""
        switch attribute.name.dropFirst(3) {
        case "Text": return "text"
        case "VarChar": return "varchar" + parameters
        case "Char": return "char" + parameters
        case "Uuid": return "uuid"
        case "Xml": return "xml"
        case "Inet": return "inet"
        case "Citext": return "citext"
        case "Boolean": return "boolean"
        case "Integer": return "integer"
        case "SmallInt": return "smallint"
        case "BigInt": return "bigint"
        case "Oid": return "oid"
        case "Real": return "real"
        case "DoublePrecision": return "double precision"
        case "Decimal": return "numeric" + parameters
        case "Money": return "money"
        case "Timestamp": return "timestamp" + precision
        case "Timestamptz": return "timestamp" + precision + " with time zone"
        case "Date": return "date"
        case "Time": return "time" + precision
        case "Timetz": return "time" + precision + " with time zone"
        case "Json": return "json"
        case "JsonB": return "jsonb"
        case "ByteA": return "bytea"
        case "Bit": return "bit" + parameters
        case "VarBit": return "varbit" + parameters
        default: return nil
        }
    }
}
