import Core
import Migrations
import ProjectModel

/// `rls/disabled-in-exposed-schema`: a table the migrations create in a schema Supabase's Data API exposes, left
/// without row-level security after the last migration while `anon` or `authenticated` still hold privileges on it:
/// anyone with the project's anon key can read and write it.
public struct RLSDisabledInExposedSchema: ProjectRule {
    public let id = "rls/disabled-in-exposed-schema"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects {
            guard let supabase = security.supabase else { continue }
            // Which schemas the API exposes is unknown: said once, at the config, and no table is judged.
            if let unreadable = supabase.unreadable, let path = supabase.configPath {
                context.report(
                    path: path, range: unreadable.range,
                    message: "cannot read which schemas Supabase's API exposes: \(unreadable.reason), so no table's row-level security is judged",
                    help: "write `schemas = [\"public\", \"graphql_public\"]` (the schemas to expose, as a list of strings on one or more lines) under `[api]`")
                continue
            }
            let exposed = Set(supabase.exposedSchemas)
            // A table with policies is `rls/policy-without-rls`'s finding: one fix, one finding. A table whose
            // privileges were revoked from the API's roles is not reachable through it.
            for table in security.tables where !table.rlsEnabled && table.policyNames.isEmpty && table.isReachableByClients
                && exposed.contains(table.name.resolvedSchema) {
                context.report(
                    path: table.site.path, range: table.site.range,
                    message: "table `\(table.name)` is in the `\(table.name.resolvedSchema)` schema, which Supabase's API exposes, and no migration enables row-level security on it: anyone with the anon key can read and change every row",
                    help: table.isDrizzle
                        ? "add `.enableRLS()` to the table, with `pgPolicy(...)` entries for the access clients need, and generate the migration (or move the table to a schema the API does not expose)"
                        : "enable it in a new migration, `ALTER TABLE \(table.name) ENABLE ROW LEVEL SECURITY;`, with policies for the access clients need (or move the table to a schema the API does not expose, or `REVOKE ALL ON \(table.name) FROM anon, authenticated;` if only the server uses it)")
            }
        }
    }
}
