import Migrations
import SQL

/// The phases of a staged deployment (the design document's "Migration Strategy"): each ships on its own,
/// with the application deployed in between.
enum DeploymentStage: Int, Comparable, CaseIterable {
    /// Schema creation: new tables (with their own constraints and indexes), new nullable or defaulted columns,
    /// indexes, types, schemas. Nothing running breaks.
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

enum StageClassifier {
    /// The staged changes a statement makes; none for statements that belong to no stage (policies, grants,
    /// comments, `SET DEFAULT`, the `DO` wrapper itself — its nested statements are classified on their own).
    static func changes(of statement: SQLStatement, in step: MigrationStep) -> [StagedChange] {
        func change(_ stage: DeploymentStage, _ summary: String) -> [StagedChange] {
            [StagedChange(stage: stage, range: statement.range, summary: summary)]
        }
        switch statement.kind {
        case .createTable(let table): return change(.creation, "creates table `\(table.name)`")
        case .createIndex(let index): return change(.creation, "creates index \(index.name.map { "`\($0)`" } ?? "on `\(TableName(index.table))`")")
        case .createEnum(let type): return change(.creation, "creates type `\(type.name)`")
        case .createSchema(let schema): return change(.creation, "creates schema `\(schema.name)`")
        case .alterEnum(let type):
            switch type.change {
            case .addValue(let value, _): return change(.creation, "adds value `\(value)` to type `\(type.name)`")
            case .renameValue(let from, _): return change(.cleanup, "renames value `\(from)` of type `\(type.name)`")
            }
        case .insert(let data), .update(let data), .delete(let data):
            // Seeding a table created in the same migration is part of creating it.
            if step.tablesCreated.contains(TableName(data.table)) { return change(.creation, "fills new table `\(TableName(data.table))`") }
            return change(.dataMigration, "changes data in `\(TableName(data.table))`")
        case .dropTable(let drop): return change(.cleanup, "drops table \(names(drop))")
        case .dropIndex(let drop): return change(.cleanup, "drops index \(names(drop))")
        case .drop(let drop): return change(.cleanup, "drops \(drop.objectKind) \(names(drop))")
        case .rename(let rename): return change(.cleanup, "renames \(rename.objectKind) `\(rename.from ?? rename.table?.description ?? "?")`")
        case .alterTable(let alter) where alter.objectKind == .table:
            return alter.actions.compactMap { action in
                classify(action, table: alter.table, in: step).map { StagedChange(stage: $0.0, range: action.range, summary: $0.1) }
            }
        default:
            return []
        }
    }

    private static func classify(_ action: AlterTableAction, table: QualifiedName, in step: MigrationStep) -> (DeploymentStage, String)? {
        // Everything done to a table created in the same migration is part of creating it.
        if step.tablesCreated.contains(TableName(table)) { return (.creation, "creates table `\(TableName(table))`") }
        switch action.kind {
        case .addColumn(let column, _):
            if column.rejectsNull && !column.providesValueForExistingRows {
                return (.dataMigration, "adds NOT NULL column `\(column.name)` to `\(TableName(table))`")
            }
            return (.creation, "adds column `\(column.name)` to `\(TableName(table))`")
        case .addConstraint(let constraint):
            let kind = if case .foreignKey = constraint.kind { "foreign key" } else { "constraint" }
            let name = constraint.name.map { " `\($0)`" } ?? ""
            return (.dataMigration, "adds \(kind)\(name) to `\(TableName(table))`")
        case .validateConstraint(let name): return (.dataMigration, "validates `\(name)` on `\(TableName(table))`")
        case .setNotNull(let column): return (.dataMigration, "sets `\(column)` of `\(TableName(table))` NOT NULL")
        case .alterColumnType(let column, _, _): return (.dataMigration, "changes the type of `\(column)` of `\(TableName(table))`")
        case .dropColumn(let name, _, _): return (.cleanup, "drops column `\(name)` of `\(TableName(table))`")
        case .dropConstraint(let name, _, _): return (.cleanup, "drops constraint `\(name)` of `\(TableName(table))`")
        case .dropNotNull, .setDefault, .dropDefault, .other: return nil
        }
    }

    private static func names(_ drop: DropObjects) -> String {
        drop.names.map { "`\($0)`" }.joined(separator: ", ")
    }
}
