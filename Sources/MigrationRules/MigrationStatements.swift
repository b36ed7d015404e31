import Catalog
import Migrations
import ProjectModel
import SQL
import SQLReplay

/// One statement of one migration, with what the rules need around it.
struct StatementSite: Sendable {
    let folder: MigrationFolder
    /// The statement's migration's position in `folder.steps`.
    let stepIndex: Int
    let step: MigrationStep
    let script: MigrationScript
    let statement: SQLStatement

    var path: String { script.path }

    /// Whether `table` had rows to protect when this migration ran (SPEC §3: an earlier migration or the
    /// previous snapshot has it, and this migration did not create it).
    ///
    /// In a migration taken as applied the answer is not needed (the engine drops findings there), and asking could
    /// read a whole snapshot: an applied step answers false.
    func existedBefore(_ table: QualifiedName) -> Bool { !step.isApplied && step.existedBefore(table.canonical) }
}

extension Project {
    /// Every statement of every migration, statements inside `DO` blocks included, in the order they are applied.
    func forEachMigrationStatement(_ visit: (StatementSite) -> Void) {
        for folder in migrations {
            for (index, step) in folder.steps.enumerated() {
                guard let script = step.script else { continue }
                for statement in script.sql.allStatements {
                    visit(StatementSite(folder: folder, stepIndex: index, step: step, script: script, statement: statement))
                }
            }
        }
    }

    /// Every statement of the migrations that are judged (not applied), in applied order, with the catalog the
    /// statements before it made. The applied migrations before a folder's first judged one are not replayed again:
    /// the folder's replay hands over its state at a checkpoint near it, and only the steps from there are applied.
    func forEachJudgedStatement(_ visit: (StatementSite, CatalogReplay) -> Void) {
        for folder in migrations {
            guard let first = folder.steps.firstIndex(where: { !$0.isApplied && $0.script != nil }) else { continue }
            var (schema, start) = folder.replay.stepCount == folder.steps.count
                ? folder.replay.checkpoint(atOrBefore: first) : (CatalogReplay(), 0)
            for index in start..<folder.steps.count {
                let step = folder.steps[index]
                guard let script = step.script else { continue }
                for statement in script.sql.allStatements {
                    if !step.isApplied {
                        visit(StatementSite(folder: folder, stepIndex: index, step: step, script: script, statement: statement), schema)
                    }
                    schema.applyFlattened(statement, path: script.path)
                }
            }
        }
    }

    /// Every `ALTER TABLE` action on a table (not an index or view), with its statement.
    func forEachAlterTableAction(_ visit: (StatementSite, AlterTable, AlterTableAction) -> Void) {
        forEachMigrationStatement { site in
            guard case .alterTable(let alter) = site.statement.kind, alter.objectKind == .table else { return }
            for action in alter.actions { visit(site, alter, action) }
        }
    }
}
