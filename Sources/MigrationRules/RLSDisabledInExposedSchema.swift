import Core
import Migrations
import ProjectModel

/// `rls/disabled-in-exposed-schema`: a table the migrations create in a schema Supabase's Data API exposes, left
/// without row-level security after the last migration: anyone with the project's anon key can read and write it.
public struct RLSDisabledInExposedSchema: ProjectRule {
    public let id = "rls/disabled-in-exposed-schema"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for (_, supabase, security) in project.supabaseFolders {
            let exposed = Set(supabase.exposedSchemas)
            // A table with policies is `rls/policy-without-rls`'s finding: one fix, one finding.
            for table in security.knownTables where !table.rlsEnabled && table.policies.isEmpty && exposed.contains(table.name.schema) {
                let site = table.rlsSite
                context.report(
                    path: site.path, range: site.range,
                    message: "table `\(table.name)` is in the `\(table.name.schema)` schema, which Supabase's API exposes, and no migration enables row-level security on it: anyone with the anon key can read and change every row",
                    help: "add `ALTER TABLE \(table.name) ENABLE ROW LEVEL SECURITY;` in a new migration, with policies for the access clients need (or move the table to a schema the API does not expose)")
            }
        }
    }
}
