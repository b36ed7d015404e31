import Catalog
import Migrations
import SQL
import SQLReplay

/// What the migrations leave in the database beyond what a Drizzle schema can declare, read from each folder's
/// replayed catalog (`MigrationFolder.replay`) after its last step, so an index a later migration drops, or a table
/// dropped since, counts no more.
public struct MigrationEffects: Sendable {
    /// Table key (`public.users`) → the leading column of every index, unique constraint and primary key the
    /// migrations leave (also on tables they did not create).
    public var indexLeadingColumns: [String: Set<String>] = [:]
    /// Table key → columns a `BEFORE UPDATE … FOR EACH ROW` trigger sets: its function assigns `NEW.<column>`, or it
    /// runs `moddatetime(<column>)`.
    public var triggerMaintainedColumns: [String: Set<String>] = [:]

    /// Table key → names of foreign keys a migration drops (`ALTER TABLE … DROP CONSTRAINT …_fkey`) and none
    /// re-creates: keys a team removed from the database on purpose (a hot table's), though the schema keeps the
    /// relation. `schema/migration-drift` reports the difference; the database has no such key to index.
    public var droppedForeignKeys: [String: Set<String>] = [:]
    /// Folder path → the same, per folder: each folder is a database of its own, so a key one folder drops is gone
    /// from that database even where another folder's table of the same name keeps a key of that name.
    public var droppedForeignKeysByFolder: [String: [String: Set<String>]] = [:]

    /// Keys of views and materialized views the migrations leave (`CREATE [OR REPLACE] VIEW "PostTag" AS …`), where
    /// no table of that name is left: a schema model mapped onto one has no keys or indexes of its own.
    public var views: Set<String> = []

    public init() {}

    public init(_ folders: [MigrationFolder]) {
        let catalogs = folders.map(\.replay.final.model)
        // A trigger runs the function of that name whichever folder defined it last.
        var all = SchemaModel(tables: catalogs.flatMap(\.tables), reader: .migrations)
        all.routines = catalogs.flatMap(\.routines)
        for table in all.tables {
            var leading = Set(table.indexes.compactMap { $0.columns.first.flatMap { $0.isExpression ? nil : $0.expression } })
            leading.formUnion(table.uniqueConstraints.compactMap(\.columns.first))
            leading.formUnion(table.compositePrimaryKeys.compactMap(\.columns.first))
            leading.formUnion(table.columns.filter(\.primaryKey).map(\.name))
            if !leading.isEmpty { indexLeadingColumns[table.key, default: []].formUnion(leading) }
            let maintained = all.triggerMaintainedColumns(of: table)
            if !maintained.isEmpty { triggerMaintainedColumns[table.key, default: []].formUnion(maintained) }
        }
        let remaining = Dictionary(all.tables.map { ($0.key, Set($0.foreignKeys.map(\.name))) }, uniquingKeysWith: { $0.union($1) })
        var isView: [String: Bool] = [:]
        for folder in folders {
            let kept = Dictionary(folder.replay.final.model.tables.map { ($0.key, Set($0.foreignKeys.map(\.name))) },
                                  uniquingKeysWith: { $0.union($1) })
            for step in folder.steps {
                for statement in step.script?.sql.allStatements ?? [] {
                    switch statement.kind {
                    case .create(let object) where object.objectKind == .view || object.objectKind == .materializedView:
                        isView[object.name.snapshotKey] = true
                    case .createTable(let table):
                        isView[table.name.snapshotKey] = false
                    case .drop(let drop) where drop.objectKind == .view || drop.objectKind == .materializedView:
                        for name in drop.names { isView[name.snapshotKey] = nil }
                    default:
                        break
                    }
                    guard case .alterTable(let alter) = statement.kind else { continue }
                    let key = alter.table.snapshotKey
                    // Only a table the migrations leave: a key dropped with its table is nothing to compare.
                    for action in alter.actions {
                        guard case .dropConstraint(let name, _, _) = action.kind else { continue }
                        if let keys = kept[key], !keys.contains(name) {
                            droppedForeignKeysByFolder[folder.path, default: [:]][key, default: []].insert(name)
                        }
                        if let keys = remaining[key], !keys.contains(name) { droppedForeignKeys[key, default: []].insert(name) }
                    }
                }
            }
        }
        views = Set(isView.filter { $0.value && remaining[$0.key] == nil }.map(\.key))
    }

    public func isView(_ key: String) -> Bool { views.contains(key) }

    /// Whether a migration drops the foreign key of this name and no folder's database has a key of that name (for a
    /// table that cannot be told from another folder's of the same name).
    public func dropsForeignKey(_ name: String, onTable key: String) -> Bool {
        droppedForeignKeys[key]?.contains(name) ?? false
    }

    /// Whether a migration of this folder drops the foreign key of this name and none of its migrations creates it
    /// again.
    public func dropsForeignKey(_ name: String, onTable key: String, inFolder path: String) -> Bool {
        droppedForeignKeysByFolder[path]?[key]?.contains(name) ?? false
    }

    public func hasIndex(leadingWith column: String, onTable key: String) -> Bool {
        indexLeadingColumns[key]?.contains(column) ?? false
    }

    public func triggerMaintains(_ column: String, ofTable key: String) -> Bool {
        triggerMaintainedColumns[key]?.contains(column) ?? false
    }
}
