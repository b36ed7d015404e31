import Catalog

/// The table an index (or the unique or primary key constraint it backs) belongs to.
public struct IndexOwner: Sendable, Equatable {
    public var table: QualifiedName
    /// A unique index, or the one behind a unique or primary key constraint.
    public var unique: Bool

    public init(table: QualifiedName, unique: Bool) {
        self.table = table
        self.unique = unique
    }
}

/// What the lock rules ask of the catalog the statements so far made: a column's type (what `SET DATA TYPE` changes
/// from), an index's table (what `DROP INDEX`, which names only the index, locks), and the foreign keys between
/// tables (what dropping one or changing a key column's type also locks). What the scripts never defined (a table
/// known only from a snapshot) is unknown: nil or empty.
extension TableLookup {
    public func type(of column: String, in table: QualifiedName) -> String? {
        self.table(table.canonical)?.column(named: column)?.type
    }

    /// Whether the migrations so far made `table` or used it (and did not drop it).
    public func knows(_ table: QualifiedName) -> Bool { self.table(table.canonical) != nil }

    /// The index named `name` (in its schema, `public` when unqualified), or the constraint it backs.
    public func index(_ name: QualifiedName) -> IndexOwner? {
        let schema = name.resolvedSchema
        for tableName in tableNames where tableName.resolvedSchema == schema {
            guard let table = table(tableName) else { continue }
            if let index = table.indexes.first(where: { $0.name == name.name }) { return IndexOwner(table: tableName, unique: index.isUnique) }
            if table.uniqueConstraints.contains(where: { $0.name == name.name }) || table.compositePrimaryKeys.contains(where: { $0.name == name.name }) {
                return IndexOwner(table: tableName, unique: true)
            }
        }
        return nil
    }

    /// The table the foreign key `name` of `table` references.
    public func foreignKeyTarget(_ name: String, of table: QualifiedName) -> QualifiedName? {
        self.table(table.canonical)?.foreignKeys.first { $0.name == name }.map(Self.target)
    }

    /// The tables linked to `table` by a foreign key that `column` is part of, on either side: a type change
    /// rebuilds those keys.
    public func tablesLinked(to table: QualifiedName, through column: String) -> [QualifiedName] {
        let table = table.canonical
        var linked = Set(foreignKeys(ofCanonical: table)?.filter { $0.columnsFrom.contains(column) }.map(Self.target) ?? [])
        for other in referrers(ofCanonical: table) {
            guard let keys = foreignKeys(ofCanonical: other) else { continue }
            if Self.anyKey(keys, { Self.references($0, table) && $0.pointee.columnsTo.contains(column) }) { linked.insert(other) }
        }
        linked.remove(table)
        return Self.sorted(linked)
    }

    /// The tables `table`'s foreign keys reference and those whose foreign keys reference it, in name order.
    public func tablesLinked(to table: QualifiedName) -> [QualifiedName] {
        let table = table.canonical
        var linked = Set(foreignKeys(ofCanonical: table)?.map(Self.target) ?? [])
        linked.formUnion(referrers(ofCanonical: table))
        linked.remove(table)
        return Self.sorted(linked)
    }

    /// The tables whose foreign keys reference `tables`, and those referencing them in turn (what `TRUNCATE … CASCADE`
    /// also empties), in the order found.
    public func tablesReferencing(_ named: [QualifiedName]) -> [QualifiedName] {
        var found = named.map(\.canonical)
        var next = 0
        while next < found.count {
            let table = found[next]
            next += 1
            // Each round in name order.
            for other in Self.sorted(Set(referrers(ofCanonical: table))) where !found.contains(other) { found.append(other) }
        }
        return Array(found.dropFirst(named.count))
    }

    private static func target(_ key: ForeignKey) -> QualifiedName { ForeignKeyTargets.target(of: key) }

    /// Whether `key` references the table of canonical name `table`: `target(key) == table`, the names compared first
    /// so that most keys are passed over without building a canonical name.
    private static func references(_ key: UnsafePointer<ForeignKey>, _ table: QualifiedName) -> Bool {
        key.pointee.tableTo == table.name && QualifiedName.canonical(schema: key.pointee.schemaTo, name: key.pointee.tableTo) == table
    }

    /// Whether `matches` holds for one of `keys`, each read in place: iterating them (`contains(where:)`) copied every
    /// key, most of the time of a 5,000-statement migration's check.
    private static func anyKey(_ keys: [ForeignKey], _ matches: (UnsafePointer<ForeignKey>) -> Bool) -> Bool {
        keys.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return (0..<buffer.count).contains { matches(base + $0) }
        }
    }

    private static func sorted(_ names: Set<QualifiedName>) -> [QualifiedName] {
        names.sorted { ($0.resolvedSchema, $0.name) < ($1.resolvedSchema, $1.name) }
    }
}
