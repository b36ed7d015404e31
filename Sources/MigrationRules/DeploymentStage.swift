import Catalog
import Migrations
import SQL
import SQLReplay

/// The phases of a staged deployment (the design document's "Migration Strategy"): each ships on its own,
/// with the application deployed in between.
enum DeploymentStage: Int, Comparable, CaseIterable {
    /// Schema creation: new tables (with their own constraints and indexes), new nullable or defaulted columns
    /// (with constraints on them), indexes, types, schemas. Nothing running breaks.
    case creation = 1
    /// Data migration: data changes, and constraints, foreign keys, `NOT NULL` and type changes on tables that
    /// already have rows; `VALIDATE CONSTRAINT`.
    case dataMigration = 2
    /// Cleanup: drops and renames, once no deployed code uses the old shape.
    case cleanup = 3

    static func < (lhs: DeploymentStage, rhs: DeploymentStage) -> Bool { lhs.rawValue < rhs.rawValue }

    var title: String {
        switch self {
        case .creation: "stage 1, schema creation"
        case .dataMigration: "stage 2, data migration"
        case .cleanup: "stage 3, cleanup"
        }
    }
}

/// One statement (or `ALTER TABLE` action) and the stage it belongs to.
struct StagedChange {
    var stage: DeploymentStage
    var range: Range<Int>
    /// What it does, for messages: ``drops column `plan` of `users` ``.
    var summary: String
}

/// A database object by the name a `CREATE` and a `DROP` of it both use.
enum DatabaseObject: Hashable, Sendable {
    /// Tables, indexes, views, sequences, and the index behind a unique or primary key constraint: one namespace.
    case relation(QualifiedName)
    case constraint(table: QualifiedName, name: String)
    case column(table: QualifiedName, name: String)
    case type(QualifiedName)
    case routine(QualifiedName)
}

/// What one migration creates: a drop of an object the same migration also creates is a replacement
/// (`DROP CONSTRAINT x` … `ADD CONSTRAINT x`) or a temporary helper (`CREATE FUNCTION f` … `DROP FUNCTION f`),
/// one change rather than a cleanup; a constraint on a column the migration adds is part of adding it.
///
/// A class: rules hand it along with every statement of the migration, and copying the step it holds retained
/// dozens of references each time.
final class MigrationContents: Sendable {
    let step: MigrationStep
    private let created: Set<DatabaseObject>
    /// Tables that get a new index (or a unique or primary key constraint, which brings one): dropping another
    /// index of such a table replaces that index.
    let indexedTables: Set<QualifiedName>

    init(step: MigrationStep) {
        self.step = step
        var created: Set<DatabaseObject> = []
        var indexedTables: Set<QualifiedName> = []
        for statement in step.script?.sql.allStatements ?? [] {
            created.formUnion(Self.objects(createdBy: statement.kind))
            switch statement.kind {
            case .createIndex(let index): indexedTables.insert(index.table.canonical)
            case .alterTable(let alter) where alter.objectKind == .table:
                for action in alter.actions {
                    guard case .addConstraint(let constraint) = action.kind else { continue }
                    switch constraint.kind {
                    case .unique, .primaryKey, .exclusion: indexedTables.insert(alter.table.canonical)
                    default: break
                    }
                }
            default: break
            }
        }
        self.created = created
        self.indexedTables = indexedTables
    }

    func creates(_ object: DatabaseObject) -> Bool { created.contains(object) }

    /// Whether the migration adds `column` to `table` (a column of a table it creates counts too, but those are
    /// already part of creating the table).
    func addsColumn(_ column: String, to table: QualifiedName) -> Bool { created.contains(.column(table: table, name: column)) }

    private static func objects(createdBy kind: StatementKind) -> [DatabaseObject] {
        switch kind {
        case .createTable(let table): return [.relation(table.name.canonical)]
        case .createIndex(let index):
            return index.name.map { [.relation(QualifiedName.canonical(schema: index.table.schema, name: $0))] } ?? []
        case .createEnum(let type): return [.type(type.name.canonical)]
        case .create(let object):
            switch object.objectKind {
            case .function, .procedure: return [.routine(object.name.canonical)]
            default: return [.relation(object.name.canonical)]
            }
        case .alterTable(let alter) where alter.objectKind == .table:
            let table = alter.table.canonical
            return alter.actions.flatMap { action -> [DatabaseObject] in
                switch action.kind {
                case .addColumn(let column, _): return [.column(table: table, name: column.name)]
                case .addConstraint(let constraint):
                    guard let name = constraint.name else { return [] }
                    return [.constraint(table: table, name: name), .relation(QualifiedName.canonical(schema: table.schema, name: name))]
                default: return []
                }
            }
        default:
            return []
        }
    }
}

enum StageClassifier {
    /// The staged changes a statement makes; none for statements that belong to no stage (policies, triggers,
    /// grants, comments, `SET DEFAULT`, the `DO` wrapper itself — its nested statements are classified on their own),
    /// and none for dropping what the same migration creates.
    /// `schema`: what the migrations before this statement made of the schema.
    static func changes(of statement: SQLStatement, in migration: MigrationContents, schema: some TableLookup) -> [StagedChange] {
        func change(_ stage: DeploymentStage, _ summary: String) -> [StagedChange] {
            [StagedChange(stage: stage, range: statement.range, summary: summary)]
        }
        /// A drop, unless everything it drops is created by this migration too.
        func cleanup(_ drop: DropObjects, _ object: ((QualifiedName) -> DatabaseObject)? = nil) -> [StagedChange] {
            let dropped = drop.names.filter { name in object.map { !migration.creates($0(name.canonical)) } ?? true }
            guard !dropped.isEmpty || drop.names.isEmpty else { return [] }
            let names = dropped.filter { !$0.name.isEmpty }.map { "`\($0)`" }
            return change(.cleanup, "drops \(drop.objectKind) " + (names.isEmpty ? "(unnamed)" : names.joined(separator: ", ")))
        }
        switch statement.kind {
        case .createTable(let table): return change(.creation, "creates table `\(table.name)`")
        case .createIndex(let index):
            let name = index.name.map { "`\($0)`" } ?? "on `\(index.table.canonical)`"
            let table = index.table.canonical
            // A unique index on rows that already exist constrains them like `ADD CONSTRAINT … UNIQUE` does; one on
            // a new table, or covering a column this migration adds (NULL in every existing row), does not.
            if index.unique, migration.step.existedBefore(table),
               !index.columns.contains(where: { migration.addsColumn($0.text, to: table) }) {
                return change(.dataMigration, "creates unique index \(name) on existing rows of `\(table)`")
            }
            return change(.creation, "creates index \(name)")
        case .createEnum(let type): return change(.creation, "creates type `\(type.name)`")
        case .createSchema(let schema): return change(.creation, "creates schema `\(schema.name)`")
        case .alterEnum(let type):
            switch type.change {
            case .addValue(let value, _): return change(.creation, "adds value `\(value)` to type `\(type.name)`")
            case .renameValue(let from, _): return change(.cleanup, "renames value `\(from)` of type `\(type.name)`")
            }
        case .insert(let data), .update(let data), .delete(let data):
            // Seeding a table created in the same migration is part of creating it.
            if migration.step.tablesCreated.contains(data.table.canonical) { return change(.creation, "fills new table `\(data.table.canonical)`") }
            // Rows added to a table no migration created are the platform's configuration (a Supabase
            // `storage.buckets` row): no data of the application changes, and what the table is is unknown.
            if case .insert = statement.kind, !migration.step.existedBefore(data.table.canonical) { return [] }
            return change(.dataMigration, "changes data in `\(data.table.canonical)`")
        case .dropTable(let drop): return cleanup(drop) { .relation($0) }
        case .dropIndex(var drop):
            // Only a unique index can be something deployed code relies on (`ON CONFLICT`, duplicate checks); no
            // query fails without a plain one. Dropping a unique index is no stage either while the migration
            // indexes its table anew (a replacement), and an index the migrations never created is of unknown kind.
            drop.names.removeAll { name in
                schema.index(name).map { !$0.unique || migration.indexedTables.contains($0.table) } ?? true
            }
            return drop.names.isEmpty ? [] : cleanup(drop) { .relation($0) }
        case .drop(let drop):
            switch drop.objectKind {
            // Like creating them, dropping policies, triggers and rules belongs to no stage; so does dropping a
            // publication, which changes what is streamed to subscribers (Supabase Realtime), never what a query sees.
            case .policy, .trigger, .rule, ObjectKind(rawValue: "publication"): return []
            case .type: return cleanup(drop) { .type($0) }
            case .function, .procedure: return cleanup(drop) { .routine($0) }
            case .view, .materializedView, .sequence: return cleanup(drop) { .relation($0) }
            default: return cleanup(drop)
            }
        case .rename(let rename):
            let of = rename.objectKind == .column || rename.objectKind == .constraint ? rename.table.map { " of `\($0.canonical)`" } ?? "" : ""
            return change(.cleanup, "renames \(rename.objectKind) `\(rename.from ?? rename.table?.description ?? "?")`\(of) to `\(rename.to)`")
        case .alterTable(let alter) where alter.objectKind == .table:
            return alter.actions.compactMap { action in
                classify(action, table: alter.table.canonical, in: migration, schema: schema)
                    .map { StagedChange(stage: $0.0, range: action.range, summary: $0.1) }
            }
        default:
            return []
        }
    }

    private static func classify(_ action: AlterTableAction, table: QualifiedName, in migration: MigrationContents,
                                 schema: some TableLookup) -> (DeploymentStage, String)? {
        // Everything done to a table created in the same migration is part of creating it.
        if migration.step.tablesCreated.contains(table) { return (.creation, "creates table `\(table)`") }
        switch action.kind {
        case .addColumn(let column, _):
            if column.rejectsNull && !column.providesValueForExistingRows {
                return (.dataMigration, "adds NOT NULL column `\(column.name)` to `\(table)`")
            }
            return (.creation, "adds column `\(column.name)` to `\(table)`")
        case .addConstraint(let constraint):
            let kind = if case .foreignKey = constraint.kind { "foreign key" } else { "constraint" }
            let name = constraint.name.map { " `\($0)`" } ?? ""
            // A constraint on a column added in this migration checks no existing value (the column is new), so it is
            // part of adding the column.
            if let column = constraint.columns.first(where: { migration.addsColumn($0, to: table) }) {
                return (.creation, "adds column `\(column)` to `\(table)` with \(kind)\(name)")
            }
            return (.dataMigration, "adds \(kind)\(name) to `\(table)`")
        case .validateConstraint(let name): return (.dataMigration, "validates `\(name)` on `\(table)`")
        case .setNotNull(let column): return (.dataMigration, "sets `\(column)` of `\(table)` NOT NULL")
        case .alterColumnType(let change):
            let oldType = schema.type(of: change.column, in: table)
            guard TypeChangeRewrite.verdict(from: oldType, to: change) == .noRewrite, let oldType else {
                return (.dataMigration, "changes the type of `\(change.column)` of `\(table)`")
            }
            // Widening (`varchar(64)` → `text`) keeps every value and every deployed query working: an expansion.
            return TypeChangeRewrite.sameType(oldType, change.typeName)
                ? nil : (.creation, "widens the type of `\(change.column)` of `\(table)` to `\(change.typeName)`")
        case .dropColumn(let name, _, _):
            if migration.creates(.column(table: table, name: name)) { return nil }
            return (.cleanup, "drops column `\(name)` of `\(table)`")
        case .dropConstraint(let name, _, _):
            if migration.creates(.constraint(table: table, name: name)) || migration.creates(.relation(QualifiedName.canonical(schema: table.schema, name: name))) {
                return nil
            }
            return (.cleanup, "drops constraint `\(name)` of `\(table)`")
        case .dropNotNull, .setDefault, .dropDefault, .detachPartition, .attachPartition, .rowSecurity, .enableTrigger,
             .columnPlannerSettings, .storageParameters, .cluster, .relocate, .other:
            return nil
        }
    }
}
