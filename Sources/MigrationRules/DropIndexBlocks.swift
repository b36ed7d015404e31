import Core
import Migrations
import ProjectModel
import SQL

/// `migration/drop-index-blocks`: `DROP INDEX` without `CONCURRENTLY` takes ACCESS EXCLUSIVE on the index's table.
/// Only indexes the migrations created are judged: for any other the table is unknown.
public struct DropIndexBlocks: ProjectRule {
    public let id = "migration/drop-index-blocks"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked, schema in
            guard case .dropIndex(let drop) = locked.site.statement.kind, !drop.concurrently,
                  let lock = locked.effects.first(where: { $0.row.id == "drop-index" })?.row.lock else { return }
            let migration = locked.site.contents
            for name in drop.names {
                guard let index = schema.index(name), locked.site.step.existedBefore(index.table),
                      !migration.creates(.relation(name.canonical)) else { continue }
                context.report(
                    path: locked.site.path, range: locked.site.statement.range,
                    message: "`DROP INDEX` of `\(name.name)` takes an \(lock) lock on existing table `\(index.table)`, held \(locked.runner.heldUntil): it waits for running queries on `\(index.table)` and every read and write queued behind it waits too",
                    help: "run `DROP INDEX CONCURRENTLY` by hand (psql) outside \(MigrationTool(locked.site.folder).applier) before deploying, and keep `DROP INDEX IF EXISTS` in the migration so \(MigrationTool(locked.site.folder).history) stays in order (it then does nothing); or start the migration with `SET LOCAL lock_timeout = '5s';` and retry on timeout")
                return
            }
        }
    }
}
