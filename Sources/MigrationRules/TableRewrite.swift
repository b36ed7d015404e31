import Core
import Migrations
import ProjectModel
import SQL

/// `migration/table-rewrite`: adding a column that PostgreSQL must fill row by row (a volatile default, `serial`,
/// identity, a stored generated column; any default before PostgreSQL 11) rewrites an existing table and its indexes
/// under ACCESS EXCLUSIVE. Type changes are `migration/destructive-change`'s (it knows binary-coercible changes).
public struct TableRewrite: ProjectRule {
    public let id = "migration/table-rewrite"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachLockedStatement { locked in
            guard case .alterTable(let alter) = locked.site.statement.kind else { return }
            for effect in locked.effectsOnExistingTables where effect.row.rewrites && effect.row.id != "alter-column-type" {
                guard let table = effect.table,
                      let action = alter.actions.first(where: { $0.range == effect.range }),
                      case .addColumn(let column, _) = action.kind else { continue }
                context.report(
                    path: locked.site.path, range: effect.range,
                    message: "column `\(column.name)` is added to existing table `\(table)` with \(Self.reason(column, effect.row, version: locked.version)): PostgreSQL rewrites `\(table)` and its indexes under an \(effect.row.lock) lock, held \(locked.runner.heldUntil), and \(effect.row.lock.stops("`\(table)`"))",
                    help: Self.help(column, tool: MigrationTool(locked.site.folder)))
            }
        }
    }

    private static func reason(_ column: ColumnDefinition, _ row: LockRow, version: Int) -> String {
        if column.isIdentity { return "`GENERATED … AS IDENTITY`" }
        if column.isGenerated { return "a stored generated expression" }
        if column.isSerial { return "type `\(column.typeName)` (a `nextval()` default per row)" }
        if column.hasVolatileDefault { return "a volatile default (evaluated once per row)" }
        return "a default (PostgreSQL \(version) rewrites for any default; \(row.saferFrom.map(String.init) ?? "later versions") and later do not)"
    }

    private static func help(_ column: ColumnDefinition, tool: MigrationTool) -> String {
        if column.hasVolatileDefault && !column.isSerial && !column.isGenerated {
            let drizzle = tool == .drizzleKit ? "; in Drizzle, `$defaultFn(() => crypto.randomUUID())` fills new rows from the application without a database default" : ""
            return "add the column without the default, backfill existing rows in batches (a script or a later migration), then add the default\(drizzle)"
        }
        return "add the column nullable, backfill it in batches, then add the default, identity or constraint in a later migration; or create the column on a new table and switch over"
    }
}
