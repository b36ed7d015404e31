import Core
import Migrations
import ProjectModel
import SQL

/// `migration/lock-held-across-statements`: after a statement takes ACCESS EXCLUSIVE on an existing table, a later
/// statement of the same migration scans, rewrites or changes data: the lock stays held all that time (under
/// drizzle's migrator, also through every later pending migration). Reported once per migration.
public struct LockHeldAcrossStatements: ProjectRule {
    public let id = "migration/lock-held-across-statements"
    public init() {}

    private struct Held {
        var path: String
        var table: TableName
        var range: Range<Int>
        var reported = false
    }

    public func check(_ project: Project, _ context: RuleContext) {
        var held: Held?
        project.forEachLockedStatement { locked in
            let path = locked.site.path
            guard locked.runner.usesTransaction else { return }
            if held?.path != path { held = nil }
            let existing = locked.effectsOnExistingTables
            if var first = held, !first.reported,
               let slow = existing.first(where: { ($0.row.scans || $0.row.rewrites) && !($0.table == first.table && $0.row.lock == .accessExclusive) }),
               let slowTable = slow.table {
                first.reported = true
                held = first
                context.report(
                    path: path, range: first.range,
                    message: "the ACCESS EXCLUSIVE lock this takes on `\(first.table)` stays held while a later statement reads every row of `\(slowTable)` (`\(slow.row.statement)`), and \(locked.runner.heldUntil): every read and write of `\(first.table)` waits meanwhile",
                    help: "put the statement that takes the lock last, or move the slow statement to a migration deployed in a separate run")
                return
            }
            if held == nil, let effect = existing.first(where: { $0.row.lock == .accessExclusive }), let table = effect.table {
                held = Held(path: path, table: table, range: effect.range)
            }
        }
    }
}
