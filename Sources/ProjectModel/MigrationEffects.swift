import Catalog
import Migrations
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
    }

    public func hasIndex(leadingWith column: String, onTable key: String) -> Bool {
        indexLeadingColumns[key]?.contains(column) ?? false
    }

    public func triggerMaintains(_ column: String, ofTable key: String) -> Bool {
        triggerMaintainedColumns[key]?.contains(column) ?? false
    }
}
