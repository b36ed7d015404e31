import Catalog

/// A table as evaluated: its columns' builders and its unevaluated third argument. It becomes a model `Table`
/// once every table exists (foreign keys and the third argument may name tables declared later).
struct TableState {
    var schema: String?
    var name: String
    var variableName: String?
    var columns: [(key: String, builder: ColumnBuilder, location: SourceLocation)]
    var extraConfig: Value
    var isRLSEnabled = false
    /// `pgPolicy(...).link(table)` calls naming this table.
    var linkedPolicies: [PolicySpec] = []
    /// The `pgTable(...)` call, and its name argument.
    var location: SourceLocation
    var nameLocation: SourceLocation
    /// The whole declaration statement (`export const users = pgTable(...)`), for marker comments.
    var declarationRange: Range<Int>?
    /// Kinds of elements the reader could not read (see `Table.unreadableElements`).
    var unreadableElements: Set<ElementKind> = []
    var call: CallLayout?
    var fileStyle: TableFileStyle?
}

extension ElementKind {
    /// What a table's third argument can define.
    static let tableConstraints: Set<ElementKind> = [.index, .foreignKey, .primaryKey, .uniqueConstraint,
                                                           .checkConstraint, .policy]
}

extension Evaluator {
    /// `pgTable(name, columns, extraConfig?)` and its variants.
    func makeTable(_ site: CallSite, schema: String?, nameTransform: Closure?) -> Value {
        guard var name = site.string(0) else {
            report(.unevaluable, "cannot evaluate the table's name", at: site.location(of: 0))
            unreadableElements.insert(.table)
            return .unknown("a table with an unknown name")
        }
        if let nameTransform {
            guard let transformed = invoke(nameTransform, [.string(name)]).stringValue else {
                report(.unevaluable, "cannot evaluate the table creator's name for \(name)", at: site.location)
                unreadableElements.insert(.table)
                return .unknown("a table with an unknown name")
            }
            name = transformed
        }
        var columnsValue = site.argument(1)
        if case .function(let closure) = columnsValue {
            columnsValue = invoke(closure, [.library(.namespace(module: "drizzle-orm/pg-core"))])
        }
        var unreadable: Set<ElementKind> = []
        var object = ObjectValue()
        switch columnsValue {
        case .object(let columnsObject): object = columnsObject
        default:
            // The table exists (drizzle-kit would see it) but nothing inside can be compared.
            let reason = if case .unknown(let why) = columnsValue { ": \(why)" } else { "" }
            report(.unevaluable, "cannot evaluate the columns of table \(name)\(reason)", at: site.location(of: 1))
            unreadable = ElementKind.tableConstraints.union([.column])
        }
        for spread in object.unknownSpreads {
            report(.unevaluable, "cannot evaluate the columns this adds to table \(name): \(spread.reason)",
                   at: spread.location)
            unreadable.insert(.column)
        }
        var columns: [(key: String, builder: ColumnBuilder, location: SourceLocation)] = []
        for property in object.properties {
            guard case .column(let builder) = property.value else {
                let reason = if case .unknown(let why) = property.value { ": \(why)" } else { "" }
                report(.unevaluable, "cannot evaluate column \(property.key) of table \(name)\(reason)",
                       at: property.location)
                // Kept, so that it is neither a dropped column nor (its SQL name unknown) an added one.
                var placeholder = ColumnBuilder.unreadable(at: property.location)
                placeholder.unreadable = Set(Column.Part.allCases)
                columns.append((property.key, placeholder, property.location))
                unreadable.insert(.column)
                continue
            }
            if builder.unreadable.contains(.name) { unreadable.insert(.column) }
            columns.append((property.key, builder, property.location))
        }
        let declaration = currentDeclaration.flatMap { $0.module == site.location.path ? $0 : nil }
        tables.append(TableState(schema: schema, name: name, variableName: declaration?.name, columns: columns,
                                 extraConfig: site.argument(2), location: site.location, nameLocation: site.location(of: 0),
                                 declarationRange: declaration?.statementRange, unreadableElements: unreadable))
        if let call = callLayout(site) {
            tables[tables.count - 1].call = call
            tables[tables.count - 1].fileStyle = tableFileStyle(site, call: call)
        }
        return .table(tables.count - 1)
    }

    /// `relations(table, ({ one, many }) => ({ … }))`.
    func makeRelations(_ site: CallSite) -> Value {
        // Relations of something that is not a pg table (a `mysqlTable` next to the pg schema) are not ours.
        guard case .table(let from) = site.argument(0) else { return .unknown("relations of a value that is not a table") }
        guard case .function(let closure) = site.argument(1) else {
            report(.unevaluable, "cannot evaluate these relations", at: site.location)
            return .unknown("relations")
        }
        var helpers = ObjectValue()
        helpers.set("one", .library(.relationHelper(.one)), location: site.location)
        helpers.set("many", .library(.relationHelper(.many)), location: site.location)
        guard case .object(let object) = invoke(closure, [.object(helpers)]) else {
            report(.unevaluable, "cannot evaluate these relations", at: site.location)
            return .unknown("relations")
        }
        var relations: [Relation] = []
        for property in object.properties {
            guard case .relation(let spec) = property.value else {
                report(.unevaluable, "cannot evaluate relation \(property.key)", at: property.location)
                continue
            }
            relations.append(Relation(kind: spec.kind, name: property.key, fromTable: sqlTableName(from),
                                      toTable: sqlTableName(spec.table), fields: spec.fields.compactMap(columnName),
                                      references: spec.references.compactMap(columnName),
                                      relationName: spec.relationName, location: property.location))
        }
        return .relations(relations)
    }

    func makeRelationSpec(_ kind: Relation.Kind, _ site: CallSite) -> Value {
        guard case .table(let table) = site.argument(0) else {
            report(.unevaluable, "cannot tell which table this relation targets", at: site.location(of: 0))
            return .unknown("a relation")
        }
        let config = site.object(1)
        func references(_ key: String) -> [TableColumnReference] {
            guard let value = config?[key] else { return [] }
            return columnList(value, site)
        }
        return .relation(RelationSpec(kind: kind, table: table, fields: references("fields"),
                                      references: references("references"),
                                      relationName: config?["relationName"]?.stringValue, location: site.location))
    }

    func sqlTableName(_ index: Int) -> String { tables.indices.contains(index) ? tables[index].name : "" }

    /// The SQL name of a referenced column, with the configured casing.
    /// nil when the column is not found or its name could not be read.
    func columnName(_ reference: TableColumnReference) -> String? {
        guard tables.indices.contains(reference.table),
              let column = tables[reference.table].columns.first(where: { $0.key == reference.key }),
              !column.builder.unreadable.contains(.name) else { return nil }
        return sqlName(key: column.key, builder: column.builder)
    }

    /// The name the column had before casing (drizzle names constraints from it, then re-cases).
    func originalName(_ reference: TableColumnReference) -> String? {
        guard tables.indices.contains(reference.table),
              let column = tables[reference.table].columns.first(where: { $0.key == reference.key }) else { return nil }
        return column.builder.explicitName ?? column.key
    }

    func sqlName(key: String, builder: ColumnBuilder) -> String {
        if let name = builder.explicitName { return name }
        return options.casing?.convert(key) ?? key
    }
}
