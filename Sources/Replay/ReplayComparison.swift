import Catalog
import Drizzle
import Foundation
import Postgres

/// The catalog and the latest snapshot, made comparable, and their differences through `CatalogDiff` (the one
/// model diff). Both sides get drizzle-kit's spelling; SQL texts (defaults, check constraints, partial-index
/// predicates) are written by the snapshot in drizzle's words and by the catalog in PostgreSQL's, so the
/// snapshot's text is handed to the server, which says how it would store it: no guessing at equivalence.
struct ReplayComparison {
    var catalog: SchemaModel
    var snapshot: SchemaModel

    init(connection: Connection, catalog: SchemaModel, snapshot: SchemaModel) throws(PostgresError) {
        self.catalog = Self.canonical(catalog)
        var recorded = Self.canonical(snapshot)
        // Inside the migrator's transaction, every probe is undone with the savepoint; a migration that ran its
        // own `COMMIT` ended that transaction, so the probes get one of their own.
        let ownTransaction = !connection.isInTransaction
        try connection.execute(ownTransaction ? "BEGIN" : "SAVEPOINT schemalint_compare")
        defer { _ = try? connection.execute(ownTransaction ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT schemalint_compare") }
        for (tableIndex, table) in recorded.tables.enumerated() {
            guard let built = self.catalog.table(schema: table.schema, named: table.name) else { continue }
            let qualified = Connection.quoteIdentifier(QualifiedName.normalizedSchema(table.schema)) + "." + Connection.quoteIdentifier(table.name)
            for (columnIndex, column) in table.columns.enumerated() {
                guard let builtColumn = built.column(named: column.name), let text = column.default?.text,
                      text != builtColumn.default?.text else { continue }
                let probe = Self.probe(connection, """
                    ALTER TABLE \(qualified) ALTER COLUMN \(Connection.quoteIdentifier(column.name)) SET DEFAULT \(text);
                    SELECT pg_get_expr(d.adbin, d.adrelid), format_type(a.atttypid, a.atttypmod) FROM pg_attrdef d
                      JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                     WHERE d.adrelid = '\(qualified.replacingOccurrences(of: "'", with: "''"))'::regclass AND a.attname = '\(column.name.replacingOccurrences(of: "'", with: "''"))'
                    """)
                if let row = probe?.first, let stored = row[0] {
                    let spelled = DefaultSpelling.drizzle(stored, columnType: row[1] ?? "")
                    if spelled == builtColumn.default?.text { recorded.tables[tableIndex].columns[columnIndex].default = builtColumn.default }
                } else {
                    // The server cannot read the snapshot's text: nothing to compare it with.
                    recorded.tables[tableIndex].columns[columnIndex].default = builtColumn.default
                }
            }
            for (checkIndex, check) in table.checkConstraints.enumerated() {
                guard let builtCheck = built.checkConstraints.first(where: { $0.name == check.name }), builtCheck.value != check.value else { continue }
                let probe = Self.probe(connection, """
                    ALTER TABLE \(qualified) ADD CONSTRAINT schemalint_probe CHECK (\(check.value)) NOT VALID;
                    SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'schemalint_probe' AND conrelid = '\(qualified.replacingOccurrences(of: "'", with: "''"))'::regclass
                    """)
                var stored = probe?.first?[0] ?? nil
                if let text = stored, text.hasPrefix("CHECK ("), text.hasSuffix(") NOT VALID") {
                    stored = String(text.dropFirst("CHECK (".count).dropLast(") NOT VALID".count))
                }
                if stored == nil || stored == builtCheck.value { recorded.tables[tableIndex].checkConstraints[checkIndex].value = builtCheck.value }
            }
            for (indexIndex, index) in table.indexes.enumerated() {
                // drizzle-kit records `.op('uuid_ops')` even when it is the default operator class, which the
                // catalog does not name: the default of the index's method counts as no class written.
                guard let builtIndex = built.indexes.first(where: { $0.name == index.name }) else { continue }
                for (position, column) in index.columns.enumerated() where position < builtIndex.columns.count {
                    // An expression is compared as the server deparses it: `lower("email")` is `lower(email)`.
                    let builtExpression = builtIndex.columns[position].expression
                    if column.isExpression, column.expression != builtExpression {
                        let probe = Self.probe(connection, """
                            CREATE INDEX schemalint_probe ON \(qualified) ((\(column.expression)));
                            SELECT pg_get_indexdef('schemalint_probe'::regclass, 1, true)
                            """)
                        let stored = probe?.first?[0] ?? nil
                        if stored == nil || stored == builtExpression {
                            recorded.tables[tableIndex].indexes[indexIndex].columns[position].expression = builtExpression
                        }
                    }
                    guard let opclass = column.opclass, builtIndex.columns[position].opclass == nil else { continue }
                    let isDefault = try connection.query("""
                        SELECT 1 FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod
                         WHERE o.opcname = $1 AND am.amname = $2 AND o.opcdefault
                        """, [opclass, builtIndex.method]).rows.isEmpty == false
                    if isDefault { recorded.tables[tableIndex].indexes[indexIndex].columns[position].opclass = nil }
                }
            }
            for (indexIndex, index) in table.indexes.enumerated() {
                guard let builtIndex = built.indexes.first(where: { $0.name == index.name }), let predicate = index.where,
                      predicate != builtIndex.where, let anyColumn = built.columns.first else { continue }
                let probe = Self.probe(connection, """
                    CREATE INDEX schemalint_probe ON \(qualified) (\(Connection.quoteIdentifier(anyColumn.name))) WHERE \(predicate);
                    SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'schemalint_probe'::regclass
                    """)
                let stored = probe?.first?[0] ?? nil
                if stored == nil || stored == builtIndex.where { recorded.tables[tableIndex].indexes[indexIndex].where = builtIndex.where }
            }
        }
        self.snapshot = recorded
    }

    /// Runs the statements in a savepoint that is rolled back; nil when the server rejects them.
    static func probe(_ connection: Connection, _ sql: String) -> [[String?]]? {
        guard (try? connection.execute("SAVEPOINT schemalint_probe")) != nil else { return nil }
        defer { _ = try? connection.execute("ROLLBACK TO SAVEPOINT schemalint_probe") }
        return try? connection.execute(sql).rows
    }

    /// What neither side can tell apart: the type spelling of drizzle-kit versions, and `CONCURRENTLY` (how an
    /// index was built, not what it is).
    /// PostgreSQL truncates names to 63 bytes (NAMEDATALEN - 1); drizzle-kit writes them whole. A primary key
    /// column is NOT NULL whatever the snapshot says. A one-column primary key is the column's, however it was
    /// declared (the catalog cannot tell), and a UNIQUE constraint on exactly the key column is merged into the
    /// key by PostgreSQL (`CREATE TABLE` keeps one index for both).
    static func canonical(_ model: SchemaModel) -> SchemaModel {
        var model = model
        for t in model.tables.indices {
            var table = model.tables[t]
            for key in table.compositePrimaryKeys where key.columns.count == 1 {
                if let c = table.columns.firstIndex(where: { $0.name == key.columns[0] }) { table.columns[c].primaryKey = true }
            }
            table.compositePrimaryKeys.removeAll { $0.columns.count == 1 }
            let keyColumns = table.columns.filter(\.primaryKey).map(\.name)
            if keyColumns.count == 1 { table.uniqueConstraints.removeAll { $0.columns == keyColumns } }
            for c in table.columns.indices {
                table.columns[c].type = TypeSpelling.canonical(TypeSpelling.alias(table.columns[c].type))
                if table.columns[c].primaryKey { table.columns[c].notNull = true }
            }
            for i in table.indexes.indices {
                table.indexes[i].concurrently = false
                table.indexes[i].name = truncated(table.indexes[i].name)
            }
            for i in table.foreignKeys.indices { table.foreignKeys[i].name = truncated(table.foreignKeys[i].name) }
            for i in table.uniqueConstraints.indices { table.uniqueConstraints[i].name = truncated(table.uniqueConstraints[i].name) }
            for i in table.compositePrimaryKeys.indices { table.compositePrimaryKeys[i].name = truncated(table.compositePrimaryKeys[i].name) }
            for i in table.checkConstraints.indices { table.checkConstraints[i].name = truncated(table.checkConstraints[i].name) }
            model.tables[t] = table
        }
        return model
    }

    static func truncated(_ name: String) -> String {
        guard name.utf8.count > 63 else { return name }
        var bytes = Array(name.utf8.prefix(63))
        // Never cut a multi-byte character in half (PostgreSQL's pg_mbcliplen does the same).
        while !bytes.isEmpty, String(bytes: bytes, encoding: .utf8) == nil { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    func differences() -> [CatalogDifference] {
        CatalogDiff.compare(catalog, snapshot)
    }

    /// In the snapshot: the element, else its table's entry, else the snapshot's first byte.
    func location(of difference: CatalogDifference) -> (String, Range<Int>)? {
        if let location = difference.rightLocation, !location.path.isEmpty { return (location.path, location.range) }
        if let key = difference.table,
           let table = snapshot.tables.first(where: { $0.key == key }), !table.location.path.isEmpty {
            return (table.location.path, table.nameLocation.range)
        }
        let anyLocation = snapshot.tables.first?.location
        guard let path = anyLocation?.path, !path.isEmpty else { return nil }
        return (path, 0..<1)
    }

    func describe(_ difference: CatalogDifference) -> String {
        let subject = "\(difference.element.rawValue) `\(Self.display(difference.name))`"
            + (difference.table.map { " of `\(Self.display($0))`" } ?? "")
        switch difference.change {
        case .added: return "the migrations build \(subject), which the latest snapshot does not record"
        case .removed: return "the latest snapshot records \(subject), which the migrations do not build"
        case .changed:
            return "\(subject) has \(difference.property ?? "a value") `\(difference.leftValue ?? "none")` in the database the migrations build but `\(difference.rightValue ?? "none")` in the latest snapshot"
        }
    }

    static func display(_ key: String) -> String {
        key.hasPrefix("public.") ? String(key.dropFirst("public.".count)) : key
    }
}
