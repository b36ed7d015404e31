import Core
import Migrations
import ProjectModel

/// `migration/unsafe-index-creation`: `CREATE INDEX` without `CONCURRENTLY` blocks writes to a table that
/// already exists for as long as the index builds.
public struct UnsafeIndexCreation: ProjectRule {
    public let id = "migration/unsafe-index-creation"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked in
            guard case .createIndex(let index) = locked.site.statement.kind,
                  let effect = locked.effects.first(where: { $0.row.id == "create-index" }), let table = effect.table,
                  locked.site.step.existedBefore(table) else { return }
            let name = index.name.map { "index `\($0)`" } ?? "an index"
            context.report(
                path: locked.site.path, range: effect.range,
                message: "\(name) is built on existing table `\(table)` without `CONCURRENTLY`: \(effect.row.lock.stops("`\(table)`", singular: "blocks", plural: "block")) until it is built",
                help: Self.help(MigrationTool(locked.site.folder)),
                fixes: [SQLFixes.concurrentIndex(index, path: locked.site.path, runner: locked.runner)].compactMap { $0 })
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
