import Core
import Migrations
import ProjectModel

/// `rls/policy-without-rls`: policies on a table whose row-level security is off after the last migration;
/// PostgreSQL ignores them, so whoever wrote them believes rows are protected and they are not.
public struct RLSPolicyWithoutRLS: ProjectRule {
    public let id = "rls/policy-without-rls"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects where security.supabase != nil {
            for table in security.tables where !table.rlsEnabled && !table.policyNames.isEmpty {
                let names = table.policyNames.map { "`\($0)`" }.joined(separator: ", ")
                context.report(
                    path: table.site.path, range: table.site.range,
                    message: "table `\(table.name)` has policies (\(names)) but row-level security is off: PostgreSQL does not apply them, and every role with privileges on the table reads and changes every row",
                    help: table.isDrizzle
                        ? "add `.enableRLS()` to the table and generate the migration"
                        : "enable it with `ALTER TABLE \(table.name) ENABLE ROW LEVEL SECURITY;` in a new migration")
            }
        }
    }
}
