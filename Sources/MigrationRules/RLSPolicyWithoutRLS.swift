import Core
import Migrations
import ProjectModel

/// `rls/policy-without-rls`: policies on a table whose row-level security is off after the last migration;
/// PostgreSQL ignores them, so whoever wrote them believes rows are protected and they are not.
public struct RLSPolicyWithoutRLS: ProjectRule {
    public let id = "rls/policy-without-rls"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for (_, _, security) in project.supabaseFolders {
            for table in security.knownTables where !table.rlsEnabled && !table.policies.isEmpty {
                let names = table.policies.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
                let site = table.rlsSite
                context.report(
                    path: site.path, range: site.range,
                    message: "table `\(table.name)` has policies (\(names)) but row-level security is off: PostgreSQL does not apply them, and every role with privileges on the table reads and changes every row",
                    help: "enable it with `ALTER TABLE \(table.name) ENABLE ROW LEVEL SECURITY;` in a new migration")
            }
        }
    }
}
