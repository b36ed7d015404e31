import Core
import Migrations
import ProjectModel

/// `migration/unsafe-index-creation`: `CREATE INDEX` without `CONCURRENTLY` blocks writes to a table that
/// already exists for as long as the index builds.
public struct UnsafeIndexCreation: ProjectRule {
    public let id = "migration/unsafe-index-creation"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachMigrationStatement { site in
            guard case .createIndex(let index) = site.statement.kind, !index.concurrently,
                  site.existedBefore(index.table) else { return }
            let name = index.name.map { "index `\($0)`" } ?? "an index"
            context.report(
                path: site.path, range: site.statement.range,
                message: "\(name) is built on existing table `\(index.table.canonical)` without `CONCURRENTLY`: writes to `\(index.table.canonical)` block until it is built",
                help: Self.help(MigrationTool(site.folder)),
                fixes: [SQLFixes.concurrentIndex(index, path: site.path,
                                                 runner: MigrationRunner(project.configuration, folder: site.folder, step: site.step))].compactMap { $0 })
        }
    }

    private static func help(_ tool: MigrationTool) -> String {
        switch tool {
        case .drizzleKit:
            "use `CREATE INDEX CONCURRENTLY` in a migration of its own, run outside a transaction (drizzle's migrator wraps migrations in one)"
        case .supabaseCLI, .prisma:
            "build it with `CREATE INDEX CONCURRENTLY` run by hand (psql) before deploying, outside \(tool.applier), and keep `CREATE INDEX IF NOT EXISTS` in the migration, where it then does nothing"
        }
    }
}
