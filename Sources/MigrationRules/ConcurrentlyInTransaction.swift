import Core
import Migrations
import ProjectModel
import SQL

/// `migration/concurrently-in-transaction`: a statement PostgreSQL refuses inside a transaction block
/// (`CREATE / DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY`, `DETACH PARTITION … CONCURRENTLY`, and
/// `ALTER TYPE … ADD VALUE` before PostgreSQL 12) in a folder whose runner wraps migrations in one: the migration fails.
public struct ConcurrentlyInTransaction: ProjectRule {
    public let id = "migration/concurrently-in-transaction"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked in
            guard locked.runner.usesTransaction else { return }
            var reported: Set<String> = []
            // Once per row: `VACUUM a, b` is one statement that fails.
            for effect in locked.effects where effect.row.needsNoTransaction && reported.insert(effect.row.id).inserted {
                context.report(
                    path: locked.site.path, range: effect.range,
                    message: "`\(effect.row.statement)` cannot run inside a transaction block, and \(locked.runner.name): the migration fails and the whole batch rolls back",
                    help: Self.help(effect.row, tool: MigrationTool(locked.site.folder)))
            }
        }
    }

    private static func help(_ row: LockRow, tool: MigrationTool) -> String {
        if row.id.hasPrefix("add-enum-value"), let from = row.saferFrom {
            return "PostgreSQL before \(from) cannot add an enum value inside a transaction: run the `ALTER TYPE … ADD VALUE` by hand (psql) before deploying and keep `ADD VALUE IF NOT EXISTS` in the migration, or set `postgres.version` if your server is \(from) or newer"
        }
        if row.id == "cluster-all" {
            return "remove `CLUSTER` from the migration: it rewrites every table clustered before under \(LockMode.accessExclusive), one after another. Run it by hand (psql) at a quiet time after deploying, outside \(tool.applier)"
        }
        if row.id.hasPrefix("vacuum") {
            return "remove `VACUUM` from the migration: autovacuum does the work, or run it by hand (psql) after deploying, outside \(tool.applier)"
        }
        return "run the statement outside \(tool.applier): run it by hand (psql) against each database before deploying, and keep the migration (so \(tool.history) stays in order) with the non-concurrent form guarded by `IF NOT EXISTS` / `IF EXISTS`, which then does nothing; a fresh database builds it on empty tables. Or set `migrations.runner` if you apply migrations without a transaction"
    }
}
