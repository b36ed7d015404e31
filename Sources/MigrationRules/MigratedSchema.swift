import Catalog
import Migrations
import SQL

/// What the migrations so far made of the schema, as far as the rules need it: each column's type (what a
/// `SET DATA TYPE` changes from) and each index's table and uniqueness (what a `DROP INDEX`, which names only
/// the index, drops). Fed one folder's statements in applied order; what the scripts never defined (a table known
/// only from an introspected snapshot) is unknown.
struct MigratedSchema {
    private var columnTypes: [QualifiedName: [String: String]] = [:]
    private var indexes: [QualifiedName: Index] = [:]
    /// Foreign keys by table: constraint name → the key (what a `DROP CONSTRAINT`, a `DROP TABLE` or a type change of
    /// one of its columns also locks).
    private var foreignKeys: [QualifiedName: [String: Key]] = [:]
    /// Each table's primary key columns, which a foreign key naming no columns references.
    private var primaryKeys: [QualifiedName: [String]] = [:]

    struct Key: Equatable {
        var table: QualifiedName
        var columns: [String]
        var referencedColumns: [String]
    }

    struct Index {
        var table: QualifiedName
        /// A unique index, or the one behind a unique or primary key constraint.
        var unique: Bool
    }

    func type(of column: String, in table: QualifiedName) -> String? { columnTypes[table]?[column] }

    func index(_ name: QualifiedName) -> Index? { indexes[name.canonical] }

    /// The table the foreign key `name` of `table` references, when the migrations declared it.
    func foreignKeyTarget(_ name: String, of table: QualifiedName) -> QualifiedName? { foreignKeys[table]?[name]?.table }

    /// The tables linked to `table` by a foreign key that `column` is part of, on either side: a type change
    /// rebuilds those keys.
    func tablesLinked(to table: QualifiedName, through column: String) -> [QualifiedName] {
        var linked = Set(foreignKeys[table]?.values.filter { $0.columns.contains(column) }.map(\.table) ?? [])
        for (other, keys) in foreignKeys {
            for key in keys.values where key.table == table {
                let referenced = key.referencedColumns.isEmpty ? primaryKeys[table] ?? [] : key.referencedColumns
                if referenced.contains(column) { linked.insert(other) }
            }
        }
        linked.remove(table)
        return linked.sorted { ($0.resolvedSchema, $0.name) < ($1.resolvedSchema, $1.name) }
    }

    /// Whether the migrations so far created `table` (and did not drop it).
    func knows(_ table: QualifiedName) -> Bool { columnTypes[table] != nil }

    /// The tables whose foreign keys reference `tables`, and those referencing them in turn (what `TRUNCATE … CASCADE`
    /// also empties), in the order found.
    func tablesReferencing(_ tables: [QualifiedName]) -> [QualifiedName] {
        var found = tables
        var next = 0
        while next < found.count {
            let table = found[next]
            next += 1
            for (other, keys) in foreignKeys.sorted(by: { ($0.key.resolvedSchema, $0.key.name) < ($1.key.resolvedSchema, $1.key.name) })
            where !found.contains(other) && keys.values.contains(where: { $0.table == table }) {
                found.append(other)
            }
        }
        return Array(found.dropFirst(tables.count))
    }

    /// The tables `table`'s foreign keys reference and those whose foreign keys reference it, in name order.
    func tablesLinked(to table: QualifiedName) -> [QualifiedName] {
        var linked = Set(foreignKeys[table]?.values.map(\.table) ?? [])
        for (other, keys) in foreignKeys where other != table && keys.values.contains(where: { $0.table == table }) { linked.insert(other) }
        linked.remove(table)
        return linked.sorted { ($0.resolvedSchema, $0.name) < ($1.resolvedSchema, $1.name) }
    }

    /// PostgreSQL's name for an unnamed foreign key: `<table>_<first column>_fkey` (ChooseConstraintName; a clash
    /// adds a digit, which the migrations would have to reveal by name anyway).
    private mutating func addForeignKey(_ name: String?, _ reference: ForeignKeyReference, on table: QualifiedName) {
        let key = name ?? "\(table.name)_\(reference.columns.first ?? "")_fkey"
        foreignKeys[table, default: [:]][key] = Key(table: reference.referencedTable.canonical, columns: reference.columns,
                                                    referencedColumns: reference.referencedColumns)
    }

    /// Whether `table` has a column of type `type` (an enum, by name with or without `public.`).
    func hasColumn(ofType type: String, in table: QualifiedName) -> Bool {
        columnTypes[table]?.values.contains { TypeChangeRewrite.sameType($0, type) || TypeChangeRewrite.sameType($0, type + "[]") } ?? false
    }

    mutating func apply(_ kind: StatementKind) {
        switch kind {
        case .createTable(let create):
            let table = create.name.canonical
            columnTypes[table] = Dictionary(create.columns.map { ($0.name, $0.typeName) }, uniquingKeysWith: { first, _ in first })
            for constraint in create.constraints { addIndex(of: constraint, on: table) }
            for column in create.columns { if let reference = column.references { addForeignKey(nil, reference, on: table) } }
            primaryKeys[table] = create.columns.filter(\.isPrimaryKey).map(\.name)
            for constraint in create.constraints {
                if case .foreignKey(let reference) = constraint.kind { addForeignKey(constraint.name, reference, on: table) }
                if case .primaryKey(let columns) = constraint.kind { primaryKeys[table] = columns }
            }
        case .createIndex(let index):
            guard let name = index.name else { return }
            indexes[QualifiedName.canonical(schema: index.table.schema, name: name)] = Index(table: index.table.canonical, unique: index.unique)
        case .alterTable(let alter) where alter.objectKind == .table:
            let table = alter.table.canonical
            for action in alter.actions {
                switch action.kind {
                case .addColumn(let column, _):
                    columnTypes[table, default: [:]][column.name] = column.typeName
                    if let reference = column.references { addForeignKey(nil, reference, on: table) }
                case .alterColumnType(let change): columnTypes[table, default: [:]][change.column] = change.typeName
                case .dropColumn(let name, _, _): columnTypes[table]?[name] = nil
                case .addConstraint(let constraint):
                    addIndex(of: constraint, on: table)
                    if case .foreignKey(let reference) = constraint.kind { addForeignKey(constraint.name, reference, on: table) }
                    if case .primaryKey(let columns) = constraint.kind { primaryKeys[table] = columns }
                case .dropConstraint(let name, _, _):
                    foreignKeys[table]?[name] = nil
                    // A unique or primary key constraint takes its index with it.
                    let backing = QualifiedName.canonical(schema: table.schema, name: name)
                    if indexes[backing]?.table == table { indexes[backing] = nil }
                default: break
                }
            }
        case .dropTable(let drop):
            for name in drop.names {
                let table = name.canonical
                columnTypes[table] = nil
                foreignKeys[table] = nil
                // Its indexes go with it: a later `DROP INDEX IF EXISTS` of one drops nothing.
                indexes = indexes.filter { $0.value.table != table }
                // CASCADE drops the keys that reference it; without CASCADE there are none.
                for other in foreignKeys.keys { foreignKeys[other] = foreignKeys[other]?.filter { $0.value.table != table } }
            }
        case .dropIndex(let drop):
            for name in drop.names { indexes[name.canonical] = nil }
        case .rename(let rename):
            guard let relation = rename.table else { return }
            let table = relation.canonical
            if rename.objectKind == .table {
                let columns = columnTypes.removeValue(forKey: table)
                let renamed = QualifiedName.canonical(schema: table.schema, name: rename.to)
                columnTypes[renamed] = columns
                foreignKeys[renamed] = foreignKeys.removeValue(forKey: table)
                primaryKeys[renamed] = primaryKeys.removeValue(forKey: table)
                // Indexes keep their names and follow the table (`DROP INDEX` of one locks the renamed table).
                indexes = indexes.mapValues { index in
                    var index = index
                    if index.table == table { index.table = renamed }
                    return index
                }
                for other in foreignKeys.keys {
                    foreignKeys[other] = foreignKeys[other]?.mapValues { key in
                        var key = key
                        if key.table == table { key.table = renamed }
                        return key
                    }
                }
            } else if rename.objectKind == .column, let from = rename.from {
                let type = columnTypes[table]?.removeValue(forKey: from)
                columnTypes[table]?[rename.to] = type
            } else if rename.objectKind == .index {
                let index = indexes.removeValue(forKey: table)
                indexes[QualifiedName.canonical(schema: table.schema, name: rename.to)] = index
            }
        default:
            return
        }
    }

    /// Unique, primary key and exclusion constraints are backed by an index of the same name.
    private mutating func addIndex(of constraint: TableConstraint, on table: QualifiedName) {
        guard let name = constraint.name else { return }
        switch constraint.kind {
        case .unique, .primaryKey, .exclusion: indexes[QualifiedName.canonical(schema: table.schema, name: name)] = Index(table: table, unique: true)
        default: return
        }
    }
}

/// Whether `ALTER COLUMN … SET DATA TYPE` rewrites the table.
///
/// PostgreSQL documentation, ALTER TABLE, "Notes": changing a column's type rewrites the table and its indexes,
/// except that "when changing the type of an existing column, if the USING clause does not change the column
/// contents and the old type is either binary coercible to the new type or an unconstrained domain over the new
/// type, a table rewrite is not needed". Since PostgreSQL 9.2 that includes raising or removing a `varchar`
/// (or `varbit`) length limit, raising or removing a `numeric` precision at the same scale, and raising a
/// `timestamp` precision (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
/// `timestamp` → `timestamptz` is skipped only when the session's TimeZone is UTC, which a migration cannot
/// promise, so it counts as a rewrite.
enum TypeChangeRewrite {
    /// A type as `TypeNameFormatter` writes it, split into its name and numeric modifiers:
    /// `varchar(255)` → (`varchar`, [255]); `timestamp(3) with time zone` → (`timestamp with time zone`, [3]).
    struct SQLType: Equatable {
        var name: String
        var modifiers: [Int]

        init?(_ text: String) {
            // Searched as UTF-8 bytes: `Character` searches made this a tenth of checking a migration of type changes.
            let utf8 = text.utf8
            guard let open = utf8.firstIndex(of: UInt8(ascii: "(")) else {
                name = text
                modifiers = []
                return
            }
            guard let close = utf8[open...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            let numbers = utf8[utf8.index(after: open)..<close].split(separator: UInt8(ascii: ",")).map { Int(String(decoding: $0, as: UTF8.self)) }
            guard !numbers.contains(nil) else { return nil }
            name = String(text[..<open]) + String(text[utf8.index(after: close)...])
            modifiers = numbers.compactMap { $0 }
        }
    }

    /// What the type modifiers (old, new) must satisfy for a change to skip the rewrite.
    private enum Modifiers {
        case any
        /// The new type has no limit (`text` → `varchar`).
        case unlimited
        /// No limit now, or one at least as high as before (`varchar(64)` → `varchar(255)`).
        case limitNotLowered
        /// `numeric(p, s)` → `numeric(p2, s)` with `p2 ≥ p`, or → `numeric`.
        case precisionNotLoweredSameScale

        func allow(_ old: [Int], _ new: [Int]) -> Bool {
            switch self {
            case .any: true
            case .unlimited: new.isEmpty
            case .limitNotLowered: new.isEmpty || (old.count == 1 && new.count == 1 && new[0] >= old[0])
            case .precisionNotLoweredSameScale:
                new.isEmpty || (!old.isEmpty && old.count == new.count && new[0] >= old[0] && old.dropFirst().elementsEqual(new.dropFirst()))
            }
        }
    }

    /// Old type → new type changes that PostgreSQL makes without a rewrite, by type name.
    private static let binaryCoercible: [(from: String, to: String, modifiers: Modifiers)] = [
        ("varchar", "text", .any),
        ("text", "varchar", .unlimited),
        ("varchar", "varchar", .limitNotLowered),
        ("bit varying", "bit varying", .limitNotLowered),
        ("numeric", "numeric", .precisionNotLoweredSameScale),
        ("timestamp", "timestamp", .limitNotLowered),
        ("timestamp with time zone", "timestamp with time zone", .limitNotLowered),
        ("cidr", "inet", .any),
    ]

    enum Verdict {
        /// Binary coercible, or the same type: no rewrite, and every stored value still fits.
        case noRewrite
        case rewrite
        /// `timestamp` → `timestamp with time zone`: skipped only when the session's TimeZone is UTC.
        case rewriteUnlessUTC
        /// The old type is not known from the migrations.
        case unknown
    }

    static func verdict(from oldType: String?, to change: ColumnTypeChange) -> Verdict {
        guard let oldType else { return .unknown }
        guard change.convertsByCast else { return .rewrite }
        if sameType(oldType, change.typeName) { return .noRewrite }
        guard let old = SQLType(oldType), let new = SQLType(change.typeName) else { return .rewrite }
        if binaryCoercible.contains(where: { $0.from == old.name && $0.to == new.name && $0.modifiers.allow(old.modifiers, new.modifiers) }) {
            return .noRewrite
        }
        return old.name == "timestamp" && new.name == "timestamp with time zone" ? .rewriteUnlessUTC : .rewrite
    }

    /// Migrations create types in `public` and name them with or without it (`"public"."status"`, `"status"`).
    static func sameType(_ first: String, _ second: String) -> Bool {
        func unqualified(_ type: String) -> Substring { type.hasPrefix("public.") ? type.dropFirst("public.".count) : Substring(type) }
        return unqualified(first) == unqualified(second)
    }
}
