import Catalog
import Core
import Migrations
import ProjectModel
import SQL

/// `migration/lock-held-across-statements`: after a statement takes ACCESS EXCLUSIVE on an existing table, a later
/// statement of the same migration scans, rewrites or changes data: the lock stays held all that time (under
/// drizzle's migrator, also through every later pending migration). Reported once per migration.
public struct LockHeldAcrossStatements: ProjectRule {
    public let id = "migration/lock-held-across-statements"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    private struct Held {
        var path: String
        var transaction: Int
        var table: QualifiedName
        var range: Range<Int>
        var reported = false
    }

    /// Slow work that is safe on its own (an `UPDATE` / `DELETE`, `VALIDATE CONSTRAINT`, `REINDEX`) and only hurts
    /// because an earlier lock is still held; and `CLUSTER`, whose own lock `missing-lock-timeout` reports but whose
    /// rewrite no rule's fix removes. Scans that other rules report for their own lock (a constraint without
    /// `NOT VALID`, an index built without `CONCURRENTLY`, `SET NOT NULL`, a rewrite) are theirs: their fix removes
    /// the scan.
    private static func isSlowWorkNoOtherRuleReports(_ effect: LockEffect, _ statement: SQLStatement) -> Bool {
        switch effect.row.id {
        case "data-change":
            if case .insert = statement.kind { return false }
            return true
        case "validate-constraint", "reindex", "cluster": return true
        default: return false
        }
    }

    /// What the slow statement does, for the message.
    private static func work(_ effect: LockEffect, _ statement: SQLStatement) -> String {
        switch statement.kind {
        case .update: "updates rows of"
        case .delete: "deletes rows of"
        case .reindex: "rebuilds indexes of"
        case .cluster: "rewrites, in index order, every row of"
        default: "validates a constraint against every row of"
        }
    }

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        var held: Held?
        project.forEachLockedStatement { locked in
            let path = locked.site.path
            guard locked.runner.usesTransaction else { return }
            if held?.path != path || held?.transaction != locked.transaction { held = nil }
            let existing = locked.effectsOnExistingTables
            if var first = held, !first.reported,
               let slow = existing.first(where: { Self.isSlowWorkNoOtherRuleReports($0, locked.site.statement) }),
               let slowTable = slow.table {
                first.reported = true
                held = first
                context.report(
                    path: path, range: first.range,
                    message: "the \(LockMode.accessExclusive) lock this takes on `\(first.table)` stays held while a later statement \(Self.work(slow, locked.site.statement)) `\(slowTable)`, and \(locked.runner.heldUntil): \(LockMode.accessExclusive.stops("`\(first.table)`")) meanwhile",
                    help: "put the statement that takes the lock last, or move the slow statement to a migration deployed in a separate run")
                return
            }
            if held == nil, let (effect, table) = locked.firstAccessExclusiveLockOnExistingTable {
                held = Held(path: path, transaction: locked.transaction, table: table, range: effect.range)
            }
        }
    }
}
