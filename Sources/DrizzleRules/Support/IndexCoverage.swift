import Catalog
import Drizzle
import ProjectModel

/// Which columns of a table can be found through an index: the leading column of every index, of the primary key
/// and of every unique constraint (PostgreSQL backs those two with indexes), declared in the schema or created by
/// hand in a migration and not dropped since. A column that is only the second column of a composite index is not
/// covered: the index cannot be searched by it alone.
struct IndexCoverage {
    private var leadingColumns: Set<String> = []
    /// The columns of every composite primary key, unique constraint and index the schema declares, in order
    /// (expressions end a list: nothing after one is searchable by column).
    private var columnLists: [[String]] = []

    init(_ table: DeclaredTable, migrations: MigrationEffects = MigrationEffects()) {
        leadingColumns = migrations.indexLeadingColumns[table.key] ?? []
        for column in table.columns where column.primaryKey { leadingColumns.insert(column.name) }
        columnLists = table.compositePrimaryKeys.map(\.columns) + table.uniqueConstraints.map(\.columns)
            + table.indexes.map { index in Array(index.columns.prefix { !$0.isExpression }.map(\.expression)) }
        for columns in columnLists { if let first = columns.first { leadingColumns.insert(first) } }
    }

    /// Whether an index (or the primary key, or a unique constraint) leads with this column.
    func leads(with column: String) -> Bool { leadingColumns.contains(column) }

    /// Whether a lookup by all these columns (a foreign key's) finds its rows through an index: one leads with
    /// the first of them, or one starts with exactly these columns in another order (`(tenant_id, board_id)` for
    /// a key on `(board_id, tenant_id)`), which serves equality on each of them alike.
    func covers(_ columns: [String]) -> Bool {
        guard let first = columns.first else { return false }
        if leads(with: first) { return true }
        let wanted = Set(columns)
        return columnLists.contains { $0.count >= columns.count && Set($0.prefix(columns.count)) == wanted }
    }

    /// Columns of a schema index that only foreign keys and status columns come before (`start` in
    /// `(space_id, status, start)`): the table's queries are scoped by those, and the author indexed this column for
    /// them. Enough for a status or an event time, not for a foreign key (a cascade searches by it alone). Also a status
    /// a partial index's predicate names.
    static func scopedColumns(_ table: DeclaredTable) -> Set<String> {
        let foreignKeys = Set(table.foreignKeys.compactMap { $0.columnsFrom.count == 1 ? $0.columnsFrom[0] : nil })
        func scopes(_ name: String) -> Bool {
            foreignKeys.contains(name) || table.column(named: name)?.nameEnds(with: ["status", "state"]) == true
        }
        var scoped: Set<String> = []
        // A partial index whose predicate names a status (`WHERE status = 'running'`) serves the queries for that
        // value, the ones worth an index on a column of few values.
        for index in table.indexes {
            guard let predicate = index.where else { continue }
            for column in table.columns where column.nameEnds(with: ["status", "state"]) && sqlMentions(predicate, column: column.name) {
                scoped.insert(column.name)
            }
        }
        for index in table.indexes {
            for (position, column) in index.columns.enumerated().dropFirst() where !column.isExpression {
                guard index.columns[..<position].allSatisfy({ !$0.isExpression && scopes($0.expression) }) else { break }
                scoped.insert(column.expression)
            }
        }
        return scoped
    }
}
