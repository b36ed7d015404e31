import Catalog
import SQL

/// The catalog migration SQL builds, replayed statically statement by statement (no database): tables, columns,
/// keys, indexes, enums, triggers and functions, each located at the statement that made it. What
/// `prisma migrate diff --from-migrations` gets from a shadow database, as far as the statements say it.
///
/// What the replay cannot follow is never a fact ("never guess"): a statement it does not know that may change a
/// table makes that table uncertain (`uncertainTables`); a file with a syntax error, or a statement that may
/// change any table, makes the whole replay uncertain (`isUncertain`). Statements inside a `DO` block are applied
/// (their objects exist if the block ran them) but what they touch is uncertain: the block decides at run time.
/// A table that statements use without the migrations creating it (made outside them) is kept as an *assumed*
/// placeholder holding what they added, uncertain; it does not count as created by the migrations.
///
/// Row-level security is replayed into the same tables: RLS enabled and forced, policies, the privileges of
/// Supabase's API roles, and functions' `SECURITY DEFINER` and `search_path`. It is known only for tables a
/// `CREATE TABLE` of the migrations made (`definedTable`); policies on other tables are kept by table
/// (`policiesOnOtherTables`). Statements in `DO` blocks count as run, and a file with a syntax error makes the
/// state of every table and function that existed unknown (`hasUnreadableChanges`).
public struct CatalogReplay: Sendable {
    /// By canonical name (no schema for `public`).
    public private(set) var tables: [QualifiedName: Table] = [:]
    /// Table names in creation order (a rename keeps the place).
    public private(set) var order: [QualifiedName] = []
    public private(set) var enums: [QualifiedName: PgEnum] = [:]
    /// Functions and procedures by lowercased name, in definition order.
    public private(set) var routines: [Routine] = []
    /// Tables (and enum types) whose replay is incomplete.
    public private(set) var uncertainTables: Set<QualifiedName> = []
    public private(set) var uncertainTypes: Set<QualifiedName> = []
    /// Tables known only from statements that used them: they predate the migrations.
    public private(set) var assumedTables: Set<QualifiedName> = []
    public private(set) var isUncertain = false
    /// Policies on tables no `CREATE TABLE` of the migrations made (`storage.objects`), by canonical table name.
    public private(set) var policiesOnOtherTables: [QualifiedName: [Policy]] = [:]
    /// The table privileges new tables give the API roles, per schema (`""`: every schema), by role: Supabase's
    /// default privileges as `ALTER DEFAULT PRIVILEGES` changed them.
    private var defaultPrivileges: [String: [String: Set<String>]] = [:]
    /// Every column's type is parsed: the folder's few dozen spellings once each.
    private var types = PgTypeMemo()

    /// What the statements since the last `takeChanges()` touched.
    public struct Changes: Sendable {
        /// Tables changed, created, dropped or renamed (either name).
        public var tables: Set<QualifiedName> = []
        /// Tables `CREATE TABLE` statements named (also inside `DO` blocks, also when they already existed).
        public var created: Set<QualifiedName> = []
    }

    private var changes = Changes()
    /// Set while applying the statements of a `DO` block.
    private var isConditional = false
    /// `applyFlattened`: how many of the statements still to come are nested in the last `DO` block, and its range.
    private var pendingNested = 0
    private var nestingRange = 0..<0

    public init() {}

    /// The table, when the migrations made it or used it.
    public func table(_ name: QualifiedName) -> Table? { tables[name.canonical] }

    /// The table, when a `CREATE TABLE` of the migrations made it (not a placeholder for a table they only used or
    /// renamed, which has no statement of its own): the tables whose row-level security the replay knows.
    public func definedTable(_ name: QualifiedName) -> Table? {
        tables[name.canonical].flatMap(Self.isDefined)
    }

    /// `definedTable` of every table, in creation order.
    public var definedTables: [Table] { order.compactMap { tables[$0].flatMap(Self.isDefined) } }

    private static func isDefined(_ table: Table) -> Table? { table.location != .none ? table : nil }

    /// Whether the migrations created `table` (and did not drop it): not a placeholder for a table they only used.
    public func created(_ table: QualifiedName) -> Bool {
        let name = table.canonical
        return tables[name] != nil && !assumedTables.contains(name)
    }

    public mutating func takeChanges() -> Changes {
        defer { changes = Changes() }
        return changes
    }

    /// The catalog as a model, tables in creation order, enums and routines in name order.
    public var model: SchemaModel {
        var model = SchemaModel(tables: order.compactMap { tables[$0] },
                                enums: enums.keys.sorted { $0.snapshotKey < $1.snapshotKey }.compactMap { enums[$0] },
                                reader: .migrations)
        model.routines = routines
        model.policiesOnOtherTables = policiesOnOtherTables
        return model
    }

    /// Applies one file's statements; a file PostgreSQL cannot parse makes the replay uncertain, and what it did to
    /// the tables and functions that existed unknown.
    public mutating func apply(_ file: SQLFile, path: String) {
        for statement in file.statements { apply(statement, path: path) }
        finish(file)
    }

    /// Ends a file whose statements were applied one by one (`applyFlattened` over `SQLFile.allStatements`, which
    /// leaves the replay where `apply(_:path:)` of the whole file does): a file PostgreSQL cannot parse makes the
    /// replay uncertain, and what it did to the tables and functions that existed unknown.
    public mutating func finish(_ file: SQLFile) {
        guard !file.syntaxErrors.isEmpty else { return }
        isUncertain = true
        markUnreadableChanges()
    }

    /// Applies one statement of a flattened list (`SQLFile.allStatements`: each `DO` block followed by the
    /// statements nested in it), for callers that look at the catalog before each nested statement too: a `DO` block
    /// applies nothing itself, and the statements nested in it are applied as conditional when they come.
    public mutating func applyFlattened(_ statement: SQLStatement, path: String) {
        let wasConditional = isConditional
        defer { isConditional = wasConditional }
        if pendingNested > 0, nestingRange.contains(statement.range.lowerBound) {
            pendingNested -= 1
            isConditional = true
        } else {
            pendingNested = 0
        }
        guard case .doBlock = statement.kind else { return apply(statement, path: path) }
        if statement.nested.isEmpty, !isConditional { isUncertain = true }
        if pendingNested == 0 {
            pendingNested = Self.nestedCount(statement)
            nestingRange = statement.range
        }
    }

    private static func nestedCount(_ statement: SQLStatement) -> Int {
        statement.nested.reduce(statement.nested.count) { $0 + nestedCount($1) }
    }

    public mutating func apply(_ statement: SQLStatement, path: String) {
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
            for name in drop.names { dropTable(name.canonical) }
        case .drop(let drop) where drop.objectKind == .type:
            for name in drop.names { enums[name.canonical] = nil }
        case .drop(let drop) where drop.objectKind == .trigger:
            guard let relation = drop.relation?.canonical, var table = tables[relation] else { return }
            table.triggers.removeAll { trigger in drop.names.contains { $0.name == trigger.name } }
            set(relation, table)
        case .rename(let rename):
            self.rename(rename)
        case .setSchema(let move) where move.objectKind == .table:
            moveTable(move)
        case .createEnum(let create):
            let name = create.name.canonical
            enums[name] = PgEnum(name: create.name.name, schema: QualifiedName.normalizedSchema(create.name.schema),
                                 values: create.values, location: location)
            if isConditional { uncertainTypes.insert(name) }
        case .alterEnum(let alter):
            let name = alter.name.canonical
            guard var value = enums[name] else { return }
            switch alter.change {
            case .addValue(let added, _): if !value.values.contains(added) { value.values.append(added) }
            case .renameValue(let from, let to): value.values = value.values.map { $0 == from ? to : $0 }
            }
            enums[name] = value
            if isConditional { uncertainTypes.insert(name) }
        case .create(let object) where object.objectKind == .function || object.objectKind == .procedure:
            // One entry per name (overloads share it): the last definition wins, as trigger lookups and the
            // row-level security rules read it.
            let key = object.name.canonical
            routines.removeAll { $0.name.canonical == key }
            routines.append(Routine(name: object.name, assignedNewColumns: object.assignedNewColumns,
                                    isSecurityDefiner: object.security?.securityDefiner ?? false,
                                    setsSearchPath: object.security?.setsSearchPath ?? false, location: location))
        case .drop(let drop) where drop.objectKind == .function || drop.objectKind == .procedure:
            for name in drop.names.map(\.canonical) { routines.removeAll { $0.name.canonical == name } }
        case .alterFunction(let alter):
            let key = alter.name.canonical
            guard let index = routines.lastIndex(where: { $0.name.canonical == key }) else { return }
            if let definer = alter.security.securityDefiner { routines[index].isSecurityDefiner = definer }
            if let sets = alter.security.setsSearchPath { routines[index].setsSearchPath = sets }
        case .policy(let policy):
            apply(policy, location: location)
        case .drop(let drop) where drop.objectKind == .policy:
            guard let relation = drop.relation?.canonical else { return }
            for name in drop.names { updatePolicies(of: relation) { $0.removeAll { $0.name == name.name } } }
        case .grant(let grant):
            apply(grant)
        case .createTrigger(let trigger):
            createTrigger(trigger, location: location)
        case .doBlock:
            // Conditional SQL (IF EXISTS …): what its statements did depends on the database.
            if statement.nested.isEmpty, !isConditional { isUncertain = true }
            let wasConditional = isConditional
            isConditional = true
            for nested in statement.nested { apply(nested, path: path) }
            isConditional = wasConditional
        case .other(let tag) where !isConditional && !Self.harmlessStatements.contains(tag):
            isUncertain = true
        default:
            // Data changes, views, settings: no table, column, key, index, enum, trigger, function or policy.
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

    // MARK: writing tables

    /// Every change of a table goes through here or through `take` and `put`, so that a step's changes are known.
    private mutating func set(_ name: QualifiedName, _ table: Table?) {
        if table != nil, tables[name] == nil { order.append(name) }
        if table == nil, tables[name] != nil {
            order.removeAll { $0 == name }
            assumedTables.remove(name)
        }
        tables[name] = table
        changes.tables.insert(name)
        if isConditional { uncertainTables.insert(name) }
    }

    /// The table a statement changes, taken out of `tables` until `put` stores it back: a copy left in the dictionary
    /// would share the table's arrays, so each change would copy them (most of the replay's cost on long folders). One
    /// the migrations never made becomes an assumed placeholder.
    private mutating func take(_ relation: QualifiedName) -> Table {
        let name = relation.canonical
        if let table = tables.removeValue(forKey: name) { return table }
        assumedTables.insert(name)
        uncertainTables.insert(name)
        order.append(name)
        return Table(schema: Self.modelSchema(relation), name: relation.name)
    }

    /// Stores back a table `take` gave out.
    private mutating func put(_ name: QualifiedName, _ table: Table) {
        tables[name] = table
        changes.tables.insert(name)
        if isConditional { uncertainTables.insert(name) }
    }

    /// "" for the public schema (as drizzle-kit writes it).
    private static func modelSchema(_ name: QualifiedName) -> String {
        QualifiedName.normalizedSchema(name.schema) == "public" ? "" : name.schema ?? ""
    }

    // MARK: tables

    private mutating func createTable(_ create: CreateTable, path: String, location: SourceLocation) {
        let name = create.name.canonical
        changes.created.insert(name)
        if create.ifNotExists, tables[name] != nil {
            // It exists now whoever made it. A placeholder gets its row-level security from here: this statement
            // defines it as far as the migrations say.
            assumedTables.remove(name)
            if tables[name]?.location == SourceLocation.none {
                let privileges = privilegesForNewTable(in: name.resolvedSchema)
                tables[name]?.location = location
                tables[name]?.privileges = privileges
            }
            changes.tables.insert(name)
            return
        }
        assumedTables.remove(name)
        var table = Table(schema: Self.modelSchema(create.name), name: create.name.name, location: location)
        table.privileges = privilegesForNewTable(in: name.resolvedSchema)
        table.columns.reserveCapacity(create.columns.count)
        for definition in create.columns {
            addColumn(definition, to: &table, path: path, location: location)
        }
        for constraint in create.constraints {
            addConstraint(constraint, to: &table, location: SourceLocation(path: path, range: constraint.range))
        }
        set(name, table)
    }

    /// PostgreSQL's limit on a table's columns (Appendix K, "PostgreSQL Limits": 1,600 columns per table, dropped
    /// ones included). A column added past it fails the migration, so what the table is after it is unknown.
    static let maximumColumns = 1_600

    private mutating func addColumn(_ definition: ColumnDefinition, to table: inout Table, path: String, location: SourceLocation) {
        let columnLocation = SourceLocation(path: path, range: definition.range)
        // Past PostgreSQL's limit nothing more is added: the table is marked as unreadable, as after a file PostgreSQL
        // cannot parse. Adding every column made each addition scan all the others (a DO block adding 20,000 took
        // seconds).
        guard table.columns.count < Self.maximumColumns else {
            table.hasUnreadableChanges = true
            return
        }
        // PostgreSQL refuses a second column of a name; the replay lets the last one win.
        if table.columnIndex(named: definition.name) != nil {
            table.columns.removeAll { $0.isNamed(definition.name) }
        }
        table.columns.append(Column(name: definition.name, type: definition.typeName, types: &types,
                                    primaryKey: definition.isPrimaryKey, notNull: definition.rejectsNull,
                                    location: columnLocation, typeLocation: columnLocation))
        if definition.isUnique {
            table.uniqueConstraints.append(UniqueConstraint(name: "\(table.name)_\(definition.name)_key", columns: [definition.name],
                                                            isNameExplicit: false, location: columnLocation))
        }
        if let reference = definition.references {
            table.foreignKeys.append(foreignKey(reference, name: nil, in: table, location: columnLocation))
        }
    }

    private func addConstraint(_ constraint: TableConstraint, to table: inout Table, location: SourceLocation) {
        switch constraint.kind {
        case .primaryKey(var columns):
            if let index = constraint.usingIndex {
                // `PRIMARY KEY USING INDEX i`: the index becomes the key's, renamed after the constraint.
                columns = table.indexes.first { $0.name == index }?.columns.map(\.expression) ?? columns
                table.indexes.removeAll { $0.name == index }
            }
            table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: constraint.name ?? "\(table.name)_pkey", columns: columns,
                                                                   isNameExplicit: constraint.name != nil, location: location))
            for index in table.columns.indices where columns.contains(table.columns[index].name) { table.columns[index].notNull = true }
        case .unique(var columns):
            if let index = constraint.usingIndex {
                columns = table.indexes.first { $0.name == index }?.columns.map(\.expression) ?? columns
                table.indexes.removeAll { $0.name == index }
            }
            table.uniqueConstraints.append(UniqueConstraint(
                name: constraint.name ?? "\(table.name)_\(columns.joined(separator: "_"))_key", columns: columns,
                isNameExplicit: constraint.name != nil, location: location))
        case .foreignKey(let reference):
            table.foreignKeys.append(foreignKey(reference, name: constraint.name, in: table, location: location))
        case .check, .exclusion, .other:
            // Not modelled: nothing reads them from migrations yet.
            break
        }
    }

    private func foreignKey(_ reference: ForeignKeyReference, name: String?, in table: Table, location: SourceLocation) -> ForeignKey {
        let target = reference.referencedTable.canonical
        // No columns named: the referenced table's primary key.
        let columnsTo = reference.referencedColumns.isEmpty
            ? (tables[target].map(Self.primaryKeyColumns) ?? (target == table.qualifiedName ? Self.primaryKeyColumns(table) : []))
            : reference.referencedColumns
        let schemaTo = QualifiedName.normalizedSchema(reference.referencedTable.schema)
        return ForeignKey(
            name: name ?? "\(table.name)_\(reference.columns.joined(separator: "_"))_fkey", tableFrom: table.name,
            columnsFrom: reference.columns, tableTo: reference.referencedTable.name, schemaTo: schemaTo == "public" ? nil : schemaTo,
            columnsTo: columnsTo, onDelete: reference.onDelete, onUpdate: reference.onUpdate, isNameExplicit: name != nil,
            location: location)
    }

    public static func primaryKeyColumns(_ table: Table) -> [String] {
        let inline = table.columns.filter(\.primaryKey).map(\.name)
        return inline.isEmpty ? table.compositePrimaryKeys.first?.columns ?? [] : inline
    }

    private mutating func alterTable(_ alter: AlterTable, path: String, location: SourceLocation) {
        let name = alter.table.canonical
        if tables[name] == nil, alter.ifExists { return }
        var table = take(alter.table)
        for action in alter.actions {
            let actionLocation = SourceLocation(path: path, range: action.range)
            switch action.kind {
            case .addColumn(let definition, let ifNotExists):
                if ifNotExists, table.columnIndex(named: definition.name) != nil { continue }
                addColumn(definition, to: &table, path: path, location: actionLocation)
            case .dropColumn(let column, _, _):
                // PostgreSQL drops the indexes and constraints that use the column with it.
                table.columns.removeAll { $0.name == column }
                table.indexes.removeAll { $0.columns.contains { !$0.isExpression && $0.expression == column } }
                table.uniqueConstraints.removeAll { $0.columns.contains(column) }
                table.compositePrimaryKeys.removeAll { $0.columns.contains(column) }
                table.foreignKeys.removeAll { $0.columnsFrom.contains(column) }
            case .alterColumnType(let change):
                guard let index = table.columnIndex(named: change.column) else {
                    // The column exists, with this type now; what else it is, the migrations never said.
                    uncertainTables.insert(name)
                    table.columns.append(Column(name: change.column, type: change.typeName, types: &types,
                                                location: actionLocation, typeLocation: actionLocation))
                    continue
                }
                table.columns[index].setType(change.typeName, using: &types)
            case .setNotNull(let column):
                guard let index = table.columnIndex(named: column) else { uncertainTables.insert(name); continue }
                table.columns[index].notNull = true
            case .dropNotNull(let column):
                guard let index = table.columnIndex(named: column) else { uncertainTables.insert(name); continue }
                table.columns[index].notNull = false
            case .rowSecurity(let change):
                // Known only for a table the migrations made (a placeholder's is whatever it was before them).
                guard Self.isDefined(table) != nil else { continue }
                switch change {
                case .enable, .disable:
                    table.isRLSEnabled = change == .enable
                    table.rlsChangeLocation = location
                case .force: table.isRLSForced = true
                case .noForce: table.isRLSForced = false
                }
            case .setDefault, .dropDefault, .validateConstraint, .detachPartition, .attachPartition, .enableTrigger,
                 .columnPlannerSettings, .storageParameters, .cluster, .relocate:
                // Defaults are not modelled (the SQL reader keeps whether there is one, not which); the rest changes
                // no column, key or index.
                break
            case .addConstraint(let constraint):
                addConstraint(constraint, to: &table, location: actionLocation)
            case .dropConstraint(let constraint, _, _):
                table.compositePrimaryKeys.removeAll { $0.name == constraint }
                table.uniqueConstraints.removeAll { $0.name == constraint }
                table.foreignKeys.removeAll { $0.name == constraint }
                table.indexes.removeAll { $0.name == constraint }
            case .other(let subtype):
                if !Self.harmlessAlterations.contains(where: subtype.contains) { uncertainTables.insert(name) }
            }
        }
        put(name, table)
    }

    /// The other `ALTER TABLE` subcommands that change no column, key or index (storage, owner, identity, rules).
    static let harmlessAlterations = ["Owner", "ReplicaIdentity", "Storage", "Options", "Compression", "Identity", "Rule"]

    /// The foreign keys that reference the table go with it: `CASCADE` drops them, and without it PostgreSQL
    /// refuses to drop a table they reference (unless their tables are dropped by the same statement).
    private mutating func dropTable(_ name: QualifiedName) {
        guard let table = tables[name] else { return }
        set(name, nil)
        for other in order {
            guard var referencing = tables[other], referencing.foreignKeys.contains(where: { references($0, table) }) else { continue }
            referencing.foreignKeys.removeAll { references($0, table) }
            set(other, referencing)
        }
    }

    private func references(_ key: ForeignKey, _ table: Table) -> Bool {
        key.tableTo == table.name && QualifiedName.normalizedSchema(key.schemaTo) == QualifiedName.normalizedSchema(table.schema)
    }

    // MARK: indexes and triggers

    private mutating func createIndex(_ index: CreateIndex, location: SourceLocation) {
        var table = take(index.table)
        let columns = index.columns.map { column -> Catalog.IndexColumn in
            switch column {
            case .column(let name): Catalog.IndexColumn(expression: name)
            case .expression(let text): Catalog.IndexColumn(expression: text, isExpression: true)
            }
        }
        // PostgreSQL's name for an unnamed index: the table, the columns (`expr` for expressions), `idx`.
        let name = index.name ?? "\(table.name)_\(columns.map { $0.isExpression ? "expr" : $0.expression }.joined(separator: "_"))_idx"
        if index.ifNotExists, table.indexes.contains(where: { $0.name == name }) {
            // Nothing changes: back as it was (only an existing table can already have the index).
            tables[index.table.canonical] = table
            return
        }
        table.indexes.append(Index(name: name, columns: columns, isUnique: index.unique, concurrently: index.concurrently,
                                   method: index.method, where: index.predicate ?? (index.hasWhere ? "" : nil),
                                   isNameExplicit: index.name != nil, location: location))
        put(index.table.canonical, table)
    }

    /// `DROP INDEX name`: the index is looked up in the schema named, or in any table.
    private mutating func removeIndex(named index: String, schema: String?) {
        for name in order where schema == nil || name.resolvedSchema == QualifiedName.normalizedSchema(schema) {
            guard var table = tables[name], table.indexes.contains(where: { $0.name == index }) else { continue }
            table.indexes.removeAll { $0.name == index }
            set(name, table)
        }
    }

    private mutating func createTrigger(_ trigger: CreateTrigger, location: SourceLocation) {
        var table = take(trigger.table)
        // `CREATE OR REPLACE TRIGGER` replaces the one of that name.
        table.triggers.removeAll { $0.name == trigger.name }
        table.triggers.append(Trigger(name: trigger.name, function: trigger.function, arguments: trigger.arguments,
                                      rewritesUpdatedRows: trigger.rewritesUpdatedRows, location: location))
        put(trigger.table.canonical, table)
    }

    // MARK: renames

    private mutating func rename(_ rename: Rename) {
        switch rename.objectKind {
        case .table:
            guard let relation = rename.table else { return }
            renameTable(relation.canonical, to: QualifiedName.canonical(schema: relation.schema, name: rename.to))
        case .column:
            guard let relation = rename.table, let from = rename.from else { return }
            let name = relation.canonical
            guard var table = tables[name], table.column(named: from) != nil else { uncertainTables.insert(name); return }
            let swap = { (column: String) in column == from ? rename.to : column }
            for index in table.columns.indices { table.columns[index].name = swap(table.columns[index].name) }
            for index in table.indexes.indices {
                for position in table.indexes[index].columns.indices where !table.indexes[index].columns[position].isExpression {
                    table.indexes[index].columns[position].expression = swap(table.indexes[index].columns[position].expression)
                }
            }
            for index in table.uniqueConstraints.indices { table.uniqueConstraints[index].columns = table.uniqueConstraints[index].columns.map(swap) }
            for index in table.compositePrimaryKeys.indices { table.compositePrimaryKeys[index].columns = table.compositePrimaryKeys[index].columns.map(swap) }
            for index in table.foreignKeys.indices { table.foreignKeys[index].columnsFrom = table.foreignKeys[index].columnsFrom.map(swap) }
            set(name, table)
            for other in order {
                guard var referencing = tables[other], referencing.foreignKeys.contains(where: { references($0, table) }) else { continue }
                for index in referencing.foreignKeys.indices where references(referencing.foreignKeys[index], table) {
                    referencing.foreignKeys[index].columnsTo = referencing.foreignKeys[index].columnsTo.map(swap)
                }
                set(other, referencing)
            }
        case .policy:
            guard let relation = rename.table, let from = rename.from else { return }
            updatePolicies(of: relation.canonical) { policies in
                guard let index = policies.firstIndex(where: { $0.name == from }) else { return }
                var policy = policies.remove(at: index)
                policy.name = rename.to
                policies.removeAll { $0.name == rename.to }
                policies.append(policy)
            }
        case .index:
            // `ALTER INDEX a RENAME TO b`: an index, or the one behind a unique or primary key constraint.
            guard let relation = rename.table else { return }
            renameConstraint(relation.name, to: rename.to, schema: relation.schema)
        case .constraint:
            guard let relation = rename.table, let from = rename.from else { return }
            let name = relation.canonical
            guard tables[name] != nil else { uncertainTables.insert(name); return }
            renameConstraint(from, to: rename.to, schema: relation.schema, onlyIn: name)
        case .type:
            guard let relation = rename.table ?? rename.from.map({ QualifiedName(name: $0) }) else { return }
            guard var value = enums.removeValue(forKey: relation.canonical) else { return }
            let old = value.name
            value.name = rename.to
            enums[QualifiedName.canonical(schema: value.schema, name: value.name)] = value
            // Columns keep their type (by oid) under its new name.
            for other in order {
                guard var table = tables[other] else { continue }
                var changed = false
                for index in table.columns.indices {
                    let type = table.columns[index].pgType
                    guard type.name == old, QualifiedName.normalizedSchema(type.schema) == "public", type.modifiers.isEmpty,
                          type.arrayDimensions <= 1 else { continue }
                    table.columns[index].type = rename.to + (type.isArray ? "[]" : "")
                    changed = true
                }
                if changed { set(other, table) }
            }
        default:
            break
        }
    }

    private mutating func renameTable(_ from: QualifiedName, to renamed: QualifiedName) {
        guard var table = tables[from] else {
            // A table the migrations did not make: it exists under the new name, its contents unknown.
            uncertainTables.insert(from)
            uncertainTables.insert(renamed)
            var placeholder = tables[renamed] ?? Table(schema: Self.modelSchema(renamed), name: renamed.name)
            placeholder.name = renamed.name
            assumedTables.remove(renamed)
            set(renamed, placeholder)
            return
        }
        let old = table.name, oldSchema = from.resolvedSchema
        let wasAssumed = assumedTables.contains(from)
        table.name = renamed.name
        table.schema = Self.modelSchema(renamed)
        for index in table.foreignKeys.indices { table.foreignKeys[index].tableFrom = renamed.name }
        if let place = order.firstIndex(of: from) { order[place] = renamed }
        tables[from] = nil
        tables[renamed] = table
        assumedTables.remove(from)
        if wasAssumed { uncertainTables.insert(renamed) }
        changes.tables.formUnion([from, renamed])
        if isConditional { uncertainTables.formUnion([from, renamed]) }
        // Foreign keys follow the table (PostgreSQL refers to it by its oid), into its new schema too; a key to a
        // table of the same name in another schema stays where it points.
        let moved = renamed.resolvedSchema != oldSchema
        func pointsHere(_ key: ForeignKey) -> Bool {
            key.tableTo == old && QualifiedName.normalizedSchema(key.schemaTo) == oldSchema
        }
        for other in order {
            guard var referencing = tables[other], referencing.foreignKeys.contains(where: pointsHere) else { continue }
            for index in referencing.foreignKeys.indices where pointsHere(referencing.foreignKeys[index]) {
                if moved { referencing.foreignKeys[index].schemaTo = renamed.schema }
                referencing.foreignKeys[index].tableTo = renamed.name
            }
            set(other, referencing)
        }
    }

    /// `ALTER TABLE … SET SCHEMA`: the table goes to the other schema under the same name, with its columns, keys,
    /// indexes, policies and row-level security.
    private mutating func moveTable(_ move: SetSchema) {
        let from = move.name.canonical
        if tables[from] == nil, move.ifExists { return }
        let to = QualifiedName.canonical(schema: move.newSchema, name: move.name.name)
        guard to != from else { return }
        renameTable(from, to: to)
    }

    private mutating func renameConstraint(_ from: String, to: String, schema: String?, onlyIn only: QualifiedName? = nil) {
        for name in order where only == nil || name == only {
            guard var table = tables[name] else { continue }
            if only == nil, schema != nil, name.resolvedSchema != QualifiedName.normalizedSchema(schema) { continue }
            var changed = false
            for index in table.indexes.indices where table.indexes[index].name == from { table.indexes[index].name = to; changed = true }
            for index in table.uniqueConstraints.indices where table.uniqueConstraints[index].name == from { table.uniqueConstraints[index].name = to; changed = true }
            for index in table.compositePrimaryKeys.indices where table.compositePrimaryKeys[index].name == from { table.compositePrimaryKeys[index].name = to; changed = true }
            for index in table.foreignKeys.indices where table.foreignKeys[index].name == from { table.foreignKeys[index].name = to; changed = true }
            if changed { set(name, table) }
        }
    }

    // MARK: row-level security

    /// The roles Supabase's API runs client requests as.
    public static let clientRoles = ["anon", "authenticated"]
    static let allTablePrivileges: Set<String> = ["select", "insert", "update", "delete", "truncate", "references", "trigger"]
    /// What a new table gives the client roles while no `ALTER DEFAULT PRIVILEGES` changed it: shared by every table.
    private static let supabaseDefaultPrivileges = Dictionary(uniqueKeysWithValues: clientRoles.map { ($0, allTablePrivileges) })

    private func privilegesForNewTable(in schema: String) -> [String: Set<String>] {
        if defaultPrivileges.isEmpty { return Self.supabaseDefaultPrivileges }
        var privileges: [String: Set<String>] = [:]
        for role in Self.clientRoles {
            privileges[role] = defaultPrivileges[schema]?[role] ?? defaultPrivileges[""]?[role] ?? Self.allTablePrivileges
        }
        return privileges
    }

    /// GRANT/REVOKE to `anon`, `authenticated` or `PUBLIC` (which includes them); other roles do not matter here.
    private mutating func apply(_ grant: TableGrant) {
        let roles = grant.grantees.contains("public") && grant.isGrant
            ? Self.clientRoles : Self.clientRoles.filter(grant.grantees.contains)
        guard !roles.isEmpty else { return }
        let privileges = grant.privileges.isEmpty ? Self.allTablePrivileges : Set(grant.privileges)
        func change(_ held: inout Set<String>) {
            if grant.isGrant { held.formUnion(privileges) } else { held.subtract(privileges) }
        }
        switch grant.target {
        case .tables(let names):
            for name in names.map(\.canonical) {
                updateDefinedTable(name) { table in
                    for role in roles { change(&table.privileges[role, default: []]) }
                }
            }
        case .allTablesIn(let schemas):
            for name in order where schemas.contains(name.resolvedSchema) {
                updateDefinedTable(name) { table in
                    for role in roles { change(&table.privileges[role, default: []]) }
                }
            }
        case .futureTables(let schemas):
            for schema in schemas.isEmpty ? [""] : schemas {
                for role in roles {
                    var held = defaultPrivileges[schema]?[role] ?? defaultPrivileges[""]?[role] ?? Self.allTablePrivileges
                    change(&held)
                    defaultPrivileges[schema, default: [:]][role] = held
                }
            }
        }
    }

    /// `CREATE POLICY` replaces a policy of that name; `ALTER POLICY` changes the clauses it writes.
    private mutating func apply(_ statement: PolicyStatement, location: SourceLocation) {
        let using = statement.using.map { Policy.Clause(text: nil, location: location, parsed: $0) }
        let withCheck = statement.withCheck.map { Policy.Clause(text: nil, location: location, parsed: $0) }
        updatePolicies(of: statement.table.canonical) { policies in
            if statement.isAlter {
                guard let index = policies.firstIndex(where: { $0.name == statement.name }) else { return }
                if let roles = statement.roles { policies[index].roles = roles }
                if let using { policies[index].using = using }
                if let withCheck { policies[index].withCheck = withCheck }
                policies[index].location = location
            } else {
                policies.removeAll { $0.name == statement.name }
                policies.append(Policy(name: statement.name, permissive: statement.permissive, command: statement.command ?? .all,
                                       roles: statement.roles ?? ["public"], using: using, withCheck: withCheck, location: location))
            }
        }
    }

    /// The policies of a table a `CREATE TABLE` made, else those kept for a table the migrations did not make.
    private mutating func updatePolicies(of table: QualifiedName, _ change: (inout [Policy]) -> Void) {
        if tables[table].flatMap(Self.isDefined) != nil {
            updateDefinedTable(table) { change(&$0.policies) }
        } else {
            var policies = policiesOnOtherTables[table] ?? []
            change(&policies)
            policiesOnOtherTables[table] = policies.isEmpty ? nil : policies
        }
    }

    /// Changes a table a `CREATE TABLE` made, in place. Row-level security does not make a table uncertain for the
    /// comparisons that read `uncertainTables`: none of them compares it.
    private mutating func updateDefinedTable(_ name: QualifiedName, _ change: (inout Table) -> Void) {
        guard tables[name].flatMap(Self.isDefined) != nil else { return }
        change(&tables[name]!)
        changes.tables.insert(name)
    }

    /// After a file with a syntax error: what it did to every table and function that existed is unknown.
    private mutating func markUnreadableChanges() {
        for name in order where tables[name]?.hasUnreadableChanges == false {
            updateDefinedTable(name) { $0.hasUnreadableChanges = true }
        }
        for index in routines.indices { routines[index].hasUnreadableChanges = true }
    }
}
