import Core
import Migrations
import ProjectModel

/// `migration/not-null-without-default`: `ADD COLUMN … NOT NULL` without a default on a table that already has
/// rows fails (PostgreSQL cannot fill the existing rows).
public struct NotNullWithoutDefault: ProjectRule {
    public let id = "migration/not-null-without-default"
    public let facets: Facets = [.migrations]
    public init() {}

    public func prepare(_ project: Project) { project.prepareStatementSites() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachAlterTableAction { site, alter, action in
            guard case .addColumn(let column, _) = action.kind, column.rejectsNull, !column.providesValueForExistingRows,
                  site.existedBefore(alter.table) else { return }
            context.report(
                path: site.path, range: action.range,
                message: "column `\(column.name)` is added to existing table `\(alter.table.canonical)` as NOT NULL without a default: the migration fails once `\(alter.table.canonical)` has rows",
                help: "add a `DEFAULT`, or add the column nullable, backfill it and `SET NOT NULL` in a later migration")
        }
    }
}
