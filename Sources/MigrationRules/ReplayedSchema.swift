import Catalog
import Drizzle
import Migrations
import SQL

/// The schema a migrations folder builds, replayed statically from its SQL in applied order (no database): what
/// `prisma migrate diff --from-migrations` gets from a shadow database, as far as the statements say it. Elements
/// are located at the statements that made them.
///
/// What the replay cannot follow is never a difference ("never guess"): a statement it does not know that may
/// change a table makes that table uncertain (`uncertainTables`); a file with a syntax error, or a statement that
/// may change any table, makes the whole replay uncertain (`isUncertain`). Indexes Prisma cannot describe (partial
/// or on expressions, written by hand in a migration) are left out: Prisma does not compare them either.
struct ReplayedSchema {
    private(set) var tables: [String: Table] = [:]
    private(set) var order: [String] = []
    private(set) var enums: [String: PgEnum] = [:]
    /// Table keys (`public.users`) whose replay is incomplete.
    private(set) var uncertainTables: Set<String> = []
    private(set) var isUncertain = false

    var model: SchemaModel {
        SchemaModel(tables: order.compactMap { tables[$0] }, enums: enums.keys.sorted().compactMap { enums[$0] },
                    reader: .migrations)
    }

    static func replay(_ folder: MigrationFolder) -> ReplayedSchema {
        var replayed = ReplayedSchema()
        for step in folder.steps {
            guard let script = step.script else { continue }
            if !script.sql.syntaxErrors.isEmpty { replayed.isUncertain = true }
            for statement in script.sql.statements { replayed.apply(statement, path: script.path) }
        }
        return replayed
    }

    static func key(_ name: QualifiedName) -> String { name.snapshotKey }

    mutating func apply(_ statement: SQLStatement, path: String) {
        let location = SourceLocation(path: path, range: statement.range)
        switch statement.kind {
        case .createTable(let create):
            createTable(create, path: path, location: location)
        case .alterTable(let alter) where alter.objectKind == .table:
            alterTable(alter, path: path, location: location)
        case .alterTable:
            break
        case .createIndex(let index):
            createIndex(index, location: location)
        case .dropIndex(let drop):
            for name in drop.names { removeIndex(named: name.name, schema: name.schema) }
        case .dropTable(let drop):
            for name in drop.names { dropTable(Self.key(name), cascade: drop.cascade) }
        case .drop(let drop) where drop.objectKind == .type:
            for name in drop.names { enums[Self.key(name)] = nil }
        case .rename(let rename):
            self.rename(rename)
        case .createEnum(let create):
            enums[Self.key(create.name)] = PgEnum(name: create.name.name, schema: QualifiedName.normalizedSchema(create.name.schema),
                                                  values: create.values, location: location)
        case .alterEnum(let alter):
            let key = Self.key(alter.name)
            guard var value = enums[key] else { return }
            switch alter.change {
            case .addValue(let added, _): if !value.values.contains(added) { value.values.append(added) }
            case .renameValue(let from, let to): value.values = value.values.map { $0 == from ? to : $0 }
            }
            enums[key] = value
        case .doBlock:
            // Conditional SQL (IF EXISTS …): what its statements did depends on the database.
            if statement.nested.isEmpty { isUncertain = true }
            for nested in statement.nested { for table in Self.tablesChanged(by: nested) { uncertainTables.insert(table) } }
        case .other(let tag) where !Self.harmlessStatements.contains(tag):
            isUncertain = true
        default:
            // Data changes, functions, triggers, policies, views, settings: no table, column, key, index or enum.
            break
        }
    }

    /// Statements of no consequence to tables, columns, keys, indexes and enums.
    static let harmlessStatements: Set<String> = [
        "CreateExtensionStmt", "AlterExtensionStmt", "GrantStmt", "GrantRoleStmt", "CreateSeqStmt",
        "AlterSeqStmt", "TransactionStmt", "CreateFunctionStmt", "ViewStmt", "SelectStmt", "AlterOwnerStmt",
        "CreateRoleStmt", "AlterRoleStmt", "RefreshMatViewStmt", "CopyStmt", "NotifyStmt",
        "ExplainStmt", "CreateTableAsStmt", "AlterDefaultPrivilegesStmt", "CreateDomainStmt",
        "CreateCastStmt", "DefineStmt", "CompositeTypeStmt", "AlterDatabaseSetStmt", "AlterRoleSetStmt",
        "CreateEventTrigStmt", "CreatePublicationStmt", "AlterPublicationStmt", "ClusterStmt", "CheckPointStmt",
        "DiscardStmt", "CallStmt", "CreateStatsStmt", "SecLabelStmt", "AlterFunctionStmt", "CreatePLangStmt",
    ]

    /// The tables a statement inside a `DO` block may change.
    static func tablesChanged(by statement: SQLStatement) -> [String] {
        switch statement.kind {
        case .createTable(let create): [key(create.name)]
        case .alterTable(let alter): [key(alter.table)]
        case .createIndex(let index): [key(index.table)]
        case .dropTable(let drop): drop.names.map(key)
        case .rename(let rename): rename.table.map { [key($0)] } ?? []
        default: []
        }
    }

    // MARK: tables

    private mutating func createTable(_ create: CreateTable, path: String, location: SourceLocation) {
        let key = Self.key(create.name)
        if create.ifNotExists, tables[key] != nil { return }
        let schema = QualifiedName.normalizedSchema(create.name.schema) == "public" ? "" : create.name.schema ?? ""
        var table = Table(schema: schema, name: create.name.name, location: location)
        for definition in create.columns {
            addColumn(definition, to: &table, path: path, location: location)
        }
        for constraint in create.constraints {
            addConstraint(constraint, to: &table, location: SourceLocation(path: path, range: constraint.range))
        }
        if tables[key] == nil { order.append(key) }
        tables[key] = table
    }

    private mutating func addColumn(_ definition: ColumnDefinition, to table: inout Table, path: String, location: SourceLocation) {
        let columnLocation = SourceLocation(path: path, range: definition.range)
        table.columns.removeAll { $0.name == definition.name }
        table.columns.append(Column(name: definition.name, type: definition.typeName, primaryKey: definition.isPrimaryKey,
                                    notNull: definition.rejectsNull, location: columnLocation, typeLocation: columnLocation))
        if definition.isUnique {
            table.uniqueConstraints.append(UniqueConstraint(name: "\(table.name)_\(definition.name)_key", columns: [definition.name],
                                                            location: columnLocation))
        }
        if let reference = definition.references {
            table.foreignKeys.append(foreignKey(reference, name: nil, in: table, location: columnLocation))
        }
    }

    private mutating func addConstraint(_ constraint: TableConstraint, to table: inout Table, location: SourceLocation) {
        switch constraint.kind {
        case .primaryKey(var columns):
            if let index = constraint.usingIndex {
                // `PRIMARY KEY USING INDEX i`: the index becomes the key's, renamed after the constraint.
                columns = table.indexes.first { $0.name == index }?.columns.map(\.expression) ?? columns
                table.indexes.removeAll { $0.name == index }
            }
            table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: constraint.name ?? "\(table.name)_pkey", columns: columns, location: location))
            for index in table.columns.indices where columns.contains(table.columns[index].name) { table.columns[index].notNull = true }
        case .unique(var columns):
            if let index = constraint.usingIndex {
                columns = table.indexes.first { $0.name == index }?.columns.map(\.expression) ?? columns
                table.indexes.removeAll { $0.name == index }
            }
            table.uniqueConstraints.append(UniqueConstraint(
                name: constraint.name ?? "\(table.name)_\(columns.joined(separator: "_"))_key", columns: columns, location: location))
        case .foreignKey(let reference):
            table.foreignKeys.append(foreignKey(reference, name: constraint.name, in: table, location: location))
        case .check, .exclusion, .other:
            // Prisma describes neither checks nor exclusion constraints, and does not compare them.
            break
        }
    }

    private func foreignKey(_ reference: ForeignKeyReference, name: String?, in table: Table, location: SourceLocation) -> ForeignKey {
        let targetKey = Self.key(reference.referencedTable)
        // No columns named: the referenced table's primary key.
        let columnsTo = reference.referencedColumns.isEmpty
            ? (tables[targetKey].map(Self.primaryKeyColumns) ?? (targetKey == table.key ? Self.primaryKeyColumns(table) : []))
            : reference.referencedColumns
        let schemaTo = QualifiedName.normalizedSchema(reference.referencedTable.schema)
        return ForeignKey(
            name: name ?? "\(table.name)_\(reference.columns.joined(separator: "_"))_fkey", tableFrom: table.name,
            columnsFrom: reference.columns, tableTo: reference.referencedTable.name, schemaTo: schemaTo == "public" ? nil : schemaTo,
            columnsTo: columnsTo, onDelete: reference.onDelete, onUpdate: reference.onUpdate, location: location)
    }

    static func primaryKeyColumns(_ table: Table) -> [String] {
        let inline = table.columns.filter(\.primaryKey).map(\.name)
        return inline.isEmpty ? table.compositePrimaryKeys.first?.columns ?? [] : inline
    }

    private mutating func alterTable(_ alter: AlterTable, path: String, location: SourceLocation) {
        let key = Self.key(alter.table)
        guard var table = tables[key] else {
            // A table the migrations did not create (made outside them): nothing to follow.
            if !alter.ifExists { uncertainTables.insert(key) }
            return
        }
        for action in alter.actions {
            let actionLocation = SourceLocation(path: path, range: action.range)
            switch action.kind {
            case .addColumn(let definition, let ifNotExists):
                if ifNotExists, table.column(named: definition.name) != nil { continue }
                addColumn(definition, to: &table, path: path, location: actionLocation)
            case .dropColumn(let name, _, _):
                // PostgreSQL drops the indexes and constraints that use the column with it.
                table.columns.removeAll { $0.name == name }
                table.indexes.removeAll { $0.columns.contains { $0.expression == name } }
                table.uniqueConstraints.removeAll { $0.columns.contains(name) }
                table.compositePrimaryKeys.removeAll { $0.columns.contains(name) }
                table.foreignKeys.removeAll { $0.columnsFrom.contains(name) }
            case .alterColumnType(let change):
                guard let index = table.columns.firstIndex(where: { $0.name == change.column }) else { uncertainTables.insert(key); continue }
                table.columns[index].type = change.typeName
            case .setNotNull(let column):
                guard let index = table.columns.firstIndex(where: { $0.name == column }) else { uncertainTables.insert(key); continue }
                table.columns[index].notNull = true
            case .dropNotNull(let column):
                guard let index = table.columns.firstIndex(where: { $0.name == column }) else { uncertainTables.insert(key); continue }
                table.columns[index].notNull = false
            case .setDefault, .dropDefault, .validateConstraint, .detachPartition, .attachPartition, .rowSecurity, .enableTrigger,
                 .columnPlannerSettings, .storageParameters, .cluster, .relocate:
                // Defaults are not compared (the SQL reader keeps whether there is one, not which); the rest changes
                // nothing compared here.
                break
            case .addConstraint(let constraint):
                addConstraint(constraint, to: &table, location: actionLocation)
            case .dropConstraint(let name, _, _):
                table.compositePrimaryKeys.removeAll { $0.name == name }
                table.uniqueConstraints.removeAll { $0.name == name }
                table.foreignKeys.removeAll { $0.name == name }
                table.indexes.removeAll { $0.name == name }
            case .other(let subtype):
                if !Self.harmlessAlterations.contains(where: subtype.contains) { uncertainTables.insert(key) }
            }
        }
        tables[key] = table
    }

    /// The other `ALTER TABLE` subcommands that change nothing compared here (storage, owner, identity, rules).
    static let harmlessAlterations = ["Owner", "ReplicaIdentity", "Storage", "Options", "Compression", "Identity", "Rule"]

    private mutating func dropTable(_ key: String, cascade: Bool) {
        guard let table = tables.removeValue(forKey: key) else { return }
        order.removeAll { $0 == key }
        guard cascade else { return }
        for other in Array(tables.keys) {
            tables[other]?.foreignKeys.removeAll { $0.tableTo == table.name && QualifiedName.normalizedSchema($0.schemaTo) == QualifiedName.normalizedSchema(table.schema) }
        }
    }

    // MARK: indexes

    private mutating func createIndex(_ index: CreateIndex, location: SourceLocation) {
        let key = Self.key(index.table)
        guard var table = tables[key] else { return }
        let columns = index.columns.compactMap { column -> String? in
            if case .column(let name) = column { return name }
            return nil
        }
        // Partial and expression indexes cannot be written in schema.prisma: left out on both sides.
        guard !index.hasWhere, columns.count == index.columns.count else { return }
        let name = index.name ?? "\(table.name)_\(columns.joined(separator: "_"))_idx"
        if index.ifNotExists, table.indexes.contains(where: { $0.name == name }) { return }
        table.indexes.append(Index(name: name, columns: columns.map { IndexColumn(expression: $0) }, isUnique: index.unique,
                                   method: index.method, location: location))
        tables[key] = table
    }

    /// `DROP INDEX name`: the index is looked up in the schema named, or in any table.
    private mutating func removeIndex(named name: String, schema: String?) {
        for key in order where schema == nil || tables[key]?.key.hasPrefix(QualifiedName.normalizedSchema(schema) + ".") == true {
            tables[key]?.indexes.removeAll { $0.name == name }
        }
    }

    // MARK: renames

    private mutating func rename(_ rename: Rename) {
        switch rename.objectKind {
        case .table:
            guard let relation = rename.table else { return }
            let key = Self.key(relation)
            guard var table = tables.removeValue(forKey: key) else { uncertainTables.insert(key); return }
            let old = table.name
            table.name = rename.to
            for index in table.foreignKeys.indices { table.foreignKeys[index].tableFrom = rename.to }
            let newKey = table.key
            tables[newKey] = table
            order = order.map { $0 == key ? newKey : $0 }
            // Foreign keys follow the table (PostgreSQL refers to it by its oid).
            for other in order {
                guard var referencing = tables[other] else { continue }
                for index in referencing.foreignKeys.indices where referencing.foreignKeys[index].tableTo == old {
                    referencing.foreignKeys[index].tableTo = rename.to
                }
                tables[other] = referencing
            }
        case .column:
            guard let relation = rename.table, let from = rename.from else { return }
            let key = Self.key(relation)
            guard var table = tables[key], table.column(named: from) != nil else { uncertainTables.insert(key); return }
            let swap = { (name: String) in name == from ? rename.to : name }
            for index in table.columns.indices { table.columns[index].name = swap(table.columns[index].name) }
            for index in table.indexes.indices {
                for position in table.indexes[index].columns.indices {
                    table.indexes[index].columns[position].expression = swap(table.indexes[index].columns[position].expression)
                }
            }
            for index in table.uniqueConstraints.indices { table.uniqueConstraints[index].columns = table.uniqueConstraints[index].columns.map(swap) }
            for index in table.compositePrimaryKeys.indices { table.compositePrimaryKeys[index].columns = table.compositePrimaryKeys[index].columns.map(swap) }
            for index in table.foreignKeys.indices { table.foreignKeys[index].columnsFrom = table.foreignKeys[index].columnsFrom.map(swap) }
            tables[key] = table
            for other in order {
                guard var referencing = tables[other] else { continue }
                for index in referencing.foreignKeys.indices where referencing.foreignKeys[index].tableTo == table.name {
                    referencing.foreignKeys[index].columnsTo = referencing.foreignKeys[index].columnsTo.map(swap)
                }
                tables[other] = referencing
            }
        case .index:
            // `ALTER INDEX a RENAME TO b`: an index, or the one behind a unique or primary key constraint.
            guard let relation = rename.table else { return }
            renameConstraint(relation.name, to: rename.to, schema: relation.schema)
        case .constraint:
            guard let relation = rename.table, let from = rename.from else { return }
            let key = Self.key(relation)
            guard tables[key] != nil else { uncertainTables.insert(key); return }
            renameConstraint(from, to: rename.to, schema: relation.schema, onlyIn: key)
        case .type:
            guard let relation = rename.table ?? rename.from.map({ QualifiedName(name: $0) }) else { return }
            let key = Self.key(relation)
            guard var value = enums.removeValue(forKey: key) else { return }
            let old = value.name
            value.name = rename.to
            enums[value.key] = value
            // Columns keep their type (by oid) under its new name.
            for other in order {
                guard var table = tables[other] else { continue }
                for index in table.columns.indices {
                    let type = table.columns[index].pgType
                    guard type.name == old, QualifiedName.normalizedSchema(type.schema) == "public", type.modifiers.isEmpty,
                          type.arrayDimensions <= 1 else { continue }
                    table.columns[index].type = rename.to + (type.isArray ? "[]" : "")
                }
                tables[other] = table
            }
        default:
            break
        }
    }

    private mutating func renameConstraint(_ from: String, to: String, schema: String?, onlyIn only: String? = nil) {
        for key in order where only == nil || key == only {
            guard var table = tables[key] else { continue }
            if only == nil, schema != nil, QualifiedName.normalizedSchema(table.schema) != QualifiedName.normalizedSchema(schema) { continue }
            for index in table.indexes.indices where table.indexes[index].name == from { table.indexes[index].name = to }
            for index in table.uniqueConstraints.indices where table.uniqueConstraints[index].name == from { table.uniqueConstraints[index].name = to }
            for index in table.compositePrimaryKeys.indices where table.compositePrimaryKeys[index].name == from { table.compositePrimaryKeys[index].name = to }
            for index in table.foreignKeys.indices where table.foreignKeys[index].name == from { table.foreignKeys[index].name = to }
            tables[key] = table
        }
    }
}
