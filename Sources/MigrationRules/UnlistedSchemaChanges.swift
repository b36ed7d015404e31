import Catalog
import Drizzle
import Migrations
import SQL

/// What the SQL files a drizzle journal does not list change: tables, types and dropped indexes. drizzle-kit never
/// saw those files, so its latest snapshot does not record their changes, and whoever applies them (by hand, a
/// script, the Supabase CLI) makes the database differ from the snapshot there. Drift of those elements against
/// the snapshot is unknown, not "no migration creates it": `migration/journal-mismatch` reports the files.
struct UnlistedSchemaChanges {
    /// Snapshot keys (`public.users`) of tables such a file creates, alters, indexes, renames or drops.
    private(set) var tables: Set<String> = []
    /// Keys of enum types it creates, alters or drops.
    private(set) var types: Set<String> = []
    /// Names of indexes it drops (`DROP INDEX` does not name the table).
    private(set) var droppedIndexes: Set<String> = []

    init(_ folder: MigrationFolder) {
        guard folder.journal != nil else { return }
        for step in folder.steps where step.entry == nil {
            for statement in step.script?.sql.allStatements ?? [] { add(statement.kind) }
        }
    }

    /// Whether the file outside the journal may have changed the element the difference is about.
    func touches(_ difference: CatalogDifference) -> Bool {
        if let table = difference.table ?? (difference.element == .table ? difference.name : nil), tables.contains(table) {
            return true
        }
        switch difference.element {
        case .enum: return types.contains(difference.name)
        case .index: return droppedIndexes.contains(difference.name)
        default: return false
        }
    }

    private static func key(_ name: QualifiedName) -> String { name.snapshotKey }

    private mutating func add(_ kind: StatementKind) {
        switch kind {
        case .createTable(let table): tables.insert(Self.key(table.name))
        case .alterTable(let alter): tables.insert(Self.key(alter.table))
        case .createIndex(let index): tables.insert(Self.key(index.table))
        case .dropTable(let drop): tables.formUnion(drop.names.map(Self.key))
        case .dropIndex(let drop): droppedIndexes.formUnion(drop.names.map(\.name))
        case .rename(let rename):
            guard let table = rename.table else { return }
            tables.insert(Self.key(table))
            if rename.objectKind == .table { tables.insert(Self.key(QualifiedName(schema: table.schema, name: rename.to))) }
        case .createEnum(let type): types.insert(Self.key(type.name))
        case .alterEnum(let type): types.insert(Self.key(type.name))
        case .drop(let drop) where drop.objectKind == .type: types.formUnion(drop.names.map(Self.key))
        default: return
        }
    }
}
