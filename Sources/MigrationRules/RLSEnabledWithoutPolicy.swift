import Core
import Migrations
import ProjectModel

/// `rls/enabled-without-policy`: row-level security on and no policy after the last migration. Only the table
/// owner and roles that bypass RLS (`service_role`) reach the rows: often intended for server-only tables.
public struct RLSEnabledWithoutPolicy: ProjectRule {
    public let id = "rls/enabled-without-policy"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for (_, _, security) in project.supabaseFolders {
            for table in security.knownTables where table.rlsEnabled && table.policies.isEmpty {
                let site = table.rlsSite
                context.report(
                    path: site.path, range: site.range,
                    message: "table `\(table.name)` has row-level security on and no policy: through Supabase's API only `service_role` reaches its rows, `anon` and `authenticated` see none",
                    help: "if only the server uses this table, this is intended (suppress this finding); otherwise add policies for the access clients need")
            }
        }
    }
}
