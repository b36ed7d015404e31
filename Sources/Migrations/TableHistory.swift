import SQL

/// Which tables exist before each migration (SPEC §3: "an earlier migration, or the previous snapshot, has it").
enum TableHistory {
    static func fill(_ steps: inout [MigrationStep]) {
        var fromScripts: Set<TableName> = []
        var fromSnapshot: Set<TableName> = []
        for index in steps.indices {
            steps[index].tablesBefore = fromScripts.union(fromSnapshot)
            for statement in steps[index].script?.sql.allStatements ?? [] {
                apply(statement.kind, to: &fromScripts, created: &steps[index].tablesCreated)
            }
            if let snapshot = steps[index].snapshot, snapshot.error == nil { fromSnapshot = snapshot.tables }
        }
    }

    private static func apply(_ kind: StatementKind, to tables: inout Set<TableName>, created: inout Set<TableName>) {
        switch kind {
        case .createTable(let table):
            let name = TableName(table.name)
            tables.insert(name)
            created.insert(name)
        case .dropTable(let drop):
            for name in drop.names { tables.remove(TableName(name)) }
        case .rename(let rename) where rename.objectKind == .table:
            guard let old = rename.table else { return }
            let from = TableName(old)
            tables.remove(from)
            tables.insert(TableName(schema: from.schema, name: rename.to))
        default:
            return
        }
    }
}
