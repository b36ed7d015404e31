import Core
import Migrations
import ProjectModel
import SQL

/// `migration/missing-lock-timeout`: a statement that takes ACCESS EXCLUSIVE on an existing table with no
/// `SET lock_timeout` before it in the migration. While it waits for the lock (behind a long query), every query on
/// the table queues behind it. Reported once per migration, at the first such statement.
public struct MissingLockTimeout: ProjectRule {
    public let id = "migration/missing-lock-timeout"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        var done: String?
        project.forEachLockedStatement { locked in
            let path = locked.site.path
            guard path != done else { return }
            if case .set(let setting) = locked.site.statement.kind, setting.name == "lock_timeout" {
                done = path
                return
            }
            guard let (effect, table) = locked.firstAccessExclusiveLockOnExistingTable else { return }
            done = path
            let setting = locked.runner.usesTransaction ? "SET LOCAL lock_timeout = '5s';" : "SET lock_timeout = '5s';"
            context.report(
                path: path, range: effect.range,
                message: "this takes an \(LockMode.accessExclusive) lock on existing table `\(table)` (held \(locked.runner.heldUntil)) with no `lock_timeout` set: while it waits behind a running query, \(LockMode.accessExclusive.stops("`\(table)`", singular: "queues", plural: "queue")) behind it",
                help: "start the migration with `\(setting)` (\(locked.runner.localSettingLasts)) and retry the deploy if it times out")
        }
    }
}
