import Core
import Migrations
import ProjectModel

/// `rls/enabled-without-policy`: row-level security on and no policy after the last migration. Only the table
/// owner and roles that bypass RLS (`service_role`) reach the rows: often intended for server-only tables.
public struct RLSEnabledWithoutPolicy: ProjectRule {
    public let id = "rls/enabled-without-policy"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects where security.supabase != nil {
            for table in security.tables where table.rlsEnabled && table.policyNames.isEmpty {
                let owner = table.rlsForced ? " (RLS is forced, so not even the table's owner)" : ""
                context.report(
                    path: table.site.path, range: table.site.range,
                    message: "table `\(table.name)` has row-level security on and no policy: through Supabase's API only `service_role` reaches its rows, `anon` and `authenticated` see none\(owner)",
                    help: "if only the server uses this table, this is intended (suppress this finding); otherwise add policies for the access clients need")
            }
        }
    }
}
