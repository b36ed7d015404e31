import Core
import Migrations
import ProjectModel
import SQL

/// `migration/unique-constraint-blocks`: `ADD UNIQUE` / `PRIMARY KEY` on an existing table builds its index under
/// ACCESS EXCLUSIVE; `USING INDEX` of an index built concurrently does not. `CREATE UNIQUE INDEX` is
/// `migration/unsafe-index-creation`'s.
public struct UniqueConstraintBlocks: ProjectRule {
    public let id = "migration/unique-constraint-blocks"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    private static let row = LockModel.named("add-unique")

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked in
            guard case .alterTable(let alter) = locked.site.statement.kind, alter.objectKind == .table else { return }
            let table = alter.table.canonical
            guard locked.site.step.existedBefore(table) else { return }
            for action in alter.actions {
                let what: String
                switch action.kind {
                case .addConstraint(let constraint) where constraint.usingIndex == nil:
                    switch constraint.kind {
                    case .unique: what = constraint.name.map { "unique constraint `\($0)`" } ?? "a unique constraint"
                    case .primaryKey: what = constraint.name.map { "primary key `\($0)`" } ?? "a primary key"
                    default: continue
                    }
                case .addColumn(let column, _) where column.isUnique || column.isPrimaryKey:
                    what = "column `\(column.name)` with \(column.isPrimaryKey ? "a primary key" : "a unique constraint")"
                default:
                    continue
                }
                context.report(
                    path: locked.site.path, range: action.range,
                    message: "\(what) is added to existing table `\(table)`: PostgreSQL builds its index under an \(Self.row.lock) lock, held \(locked.runner.heldUntil), and \(Self.row.lock.stops("`\(table)`"))",
                    help: "build the index first with `CREATE UNIQUE INDEX CONCURRENTLY` run by hand (psql) outside \(MigrationTool(locked.site.folder).applier), keep `CREATE UNIQUE INDEX IF NOT EXISTS` in a hand-written migration (\(MigrationTool(locked.site.folder).newMigration)) so \(MigrationTool(locked.site.folder).history) and fresh databases match, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`, which only renames it")
            }
        }
    }
}
