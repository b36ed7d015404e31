import Catalog
import Core
import Migrations
import ProjectModel
import SQL

/// `migration/set-not-null-scan`: `SET NOT NULL` reads every row of an existing table under ACCESS EXCLUSIVE, unless
/// (PostgreSQL 12+) a validated `CHECK (c IS NOT NULL)` already proves it.
public struct SetNotNullScan: ProjectRule {
    public let id = "migration/set-not-null-scan"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    private struct Column: Hashable {
        var folder: String
        var table: QualifiedName
        var column: String
    }

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        var proven: Set<Column> = []
        var pending: [String: Column] = [:]
        project.forEachLockedStatement { locked in
            guard case .alterTable(let alter) = locked.site.statement.kind, alter.objectKind == .table else { return }
            let table = alter.table.canonical
            let folder = locked.site.folder.path
            for action in alter.actions {
                switch action.kind {
                case .addConstraint(let constraint):
                    guard let column = constraint.checksNotNull else { continue }
                    let key = Column(folder: folder, table: table, column: column)
                    if constraint.notValid { pending[folder + "\u{0}" + (constraint.name ?? "")] = key } else { proven.insert(key) }
                case .validateConstraint(let name):
                    if let key = pending[folder + "\u{0}" + name] { proven.insert(key) }
                case .setNotNull(let column):
                    guard locked.site.step.existedBefore(table) else { continue }
                    if Self.checkSkipsScan(at: locked.version) && proven.contains(Column(folder: folder, table: table, column: column)) { continue }
                    report(column, table, action.range, locked, context)
                default:
                    continue
                }
            }
        }
    }

    /// From the version the lock model's row names, a validated `CHECK (c IS NOT NULL)` spares the scan.
    private static let row = LockModel.named("set-not-null")
    private static func checkSkipsScan(at version: Int) -> Bool { row.saferFrom.map { version >= $0 } ?? false }

    private func report(_ column: String, _ table: QualifiedName, _ range: Range<Int>, _ locked: LockedStatement, _ context: RuleContext) {
        let constraint = "\(table.name)_\(column)_not_null"
        let help = Self.checkSkipsScan(at: locked.version)
            ? "in three runs: (1) `ALTER TABLE \"\(table.name)\" ADD CONSTRAINT \"\(constraint)\" CHECK (\"\(column)\" IS NOT NULL) NOT VALID;` (2) in a later migration deployed on its own, `ALTER TABLE \"\(table.name)\" VALIDATE CONSTRAINT \"\(constraint)\";` (3) then `SET NOT NULL` (PostgreSQL skips the scan) and drop the check. Write (1) and (2) with \(MigrationTool(locked.site.folder).newMigration)\(locked.runner == .oneTransaction ? "; drizzle's migrator runs pending migrations in one transaction, so each step must ship in its own deploy" : ", each step in its own deploy")"
            : "PostgreSQL \(locked.version) always scans for `SET NOT NULL`: run it when `\(table)` is quiet, or set `postgres.version` if the server is \(Self.row.saferFrom ?? 12) or newer, where a validated `CHECK (\"\(column)\" IS NOT NULL)` avoids the scan"
        context.report(
            path: locked.site.path, range: range,
            message: "`SET NOT NULL` on `\(column)` reads every row of existing table `\(table)` under an \(Self.row.lock) lock, held \(locked.runner.heldUntil): \(Self.row.lock.stops("`\(table)`"))",
            help: help)
    }
}
