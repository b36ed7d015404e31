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
    /// statements before it made.
    func forEachJudgedStatement(_ visit: (StatementSite, StatementTrace.Before) -> Void) {
        for (site, schema) in judgedStatements() { visit(site, schema) }
    }

    /// The judged statements with the schema before each, replayed once per project and shared by every rule that
    /// asks (each replaying on its own was most of a folder's check time). The applied migrations before a folder's
    /// first judged one are not replayed again: the folder's replay hands over its state at a checkpoint near it.
    func judgedStatements() -> [(site: StatementSite, schema: StatementTrace.Before)] {
        derived.value("judged-statements") {
            var all: [(site: StatementSite, schema: StatementTrace.Before)] = []
            for folder in migrations {
                guard let first = folder.steps.firstIndex(where: { !$0.isApplied && $0.script != nil }) else { continue }
                let (start, startStep) = folder.replay.stepCount == folder.steps.count
                    ? folder.replay.checkpoint(atOrBefore: first) : (CatalogReplay(), 0)
                var statements: [(statement: SQLStatement, path: String)] = []
                var judged: [(site: StatementSite, ordinal: Int)] = []
                for index in startStep..<folder.steps.count {
                    let step = folder.steps[index]
                    guard let script = step.script else { continue }
                    for statement in script.sql.allStatements {
                        if !step.isApplied {
                            judged.append((StatementSite(folder: folder, stepIndex: index, step: step, script: script, statement: statement),
                                           statements.count))
                        }
                        statements.append((statement, script.path))
                    }
                }
                let trace = StatementTrace(from: start, statements: statements)
                all += judged.map { ($0.site, trace.before($0.ordinal)) }
            }
            return all
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
