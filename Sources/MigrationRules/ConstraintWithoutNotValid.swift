import Core
import Migrations
import ProjectModel
import SQL

/// `migration/constraint-without-not-valid`: `ADD CONSTRAINT … CHECK` on an existing table without `NOT VALID` checks
/// every row under ACCESS EXCLUSIVE. Foreign keys are `migration/unsafe-foreign-key`'s.
public struct ConstraintWithoutNotValid: ProjectRule {
    public let id = "migration/constraint-without-not-valid"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked in
            guard case .alterTable(let alter) = locked.site.statement.kind else { return }
            for effect in locked.effectsOnExistingTables where effect.row.id == "add-check" {
                guard let table = effect.table,
                      let action = alter.actions.first(where: { $0.range == effect.range }),
                      case .addConstraint(let constraint) = action.kind else { continue }
                let name = constraint.name.map { "check constraint `\($0)`" } ?? "a check constraint"
                let validate = LockModel.named("validate-constraint").lock
                context.report(
                    path: locked.site.path, range: effect.range,
                    message: "\(name) is added to existing table `\(table)` without `NOT VALID`: PostgreSQL checks every row under an \(effect.row.lock) lock, held \(locked.runner.heldUntil), and \(effect.row.lock.stops("`\(table)`"))",
                    help: MigrationTool(locked.site.folder) == .drizzleKit
                        ? "add `NOT VALID` to the generated SQL (drizzle-kit does not write it; edit the file before it is applied anywhere), and run `ALTER TABLE … VALIDATE CONSTRAINT` in a later migration (`drizzle-kit generate --custom`) deployed on its own: it takes only a \(validate) lock"
                        : "add `NOT VALID` to the constraint (before the migration is applied anywhere), and run `ALTER TABLE … VALIDATE CONSTRAINT` in a later migration (\(MigrationTool(locked.site.folder).newMigration)) deployed on its own: it takes only a \(validate) lock",
                    fixes: [SQLFixes.notValidThenValidate(
                        table: alter.table, constraint: constraint.name, action: effect.range, statement: locked.site.statement.range,
                        folder: locked.site.folder, path: locked.site.path, runner: locked.runner)].compactMap { $0 })
            }
        }
    }
}
