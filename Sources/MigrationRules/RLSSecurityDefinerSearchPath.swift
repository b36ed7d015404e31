import Core
import Migrations
import ProjectModel

/// `rls/security-definer-search-path`: a `SECURITY DEFINER` function (as defined after the last migration) without
/// `SET search_path`: it runs with its owner's rights but resolves unqualified names through the caller's
/// `search_path`, so a caller who can create objects in a schema on that path can make it run their code.
public struct RLSSecurityDefinerSearchPath: ProjectRule {
    public let id = "rls/security-definer-search-path"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects {
            for function in security.functions where function.isSecurityDefiner && !function.setsSearchPath {
                guard !supabaseManagedSchemas.contains(function.name.schema ?? "public") else { continue }
                context.report(
                    path: function.location.path, range: function.location.range,
                    message: "`SECURITY DEFINER` function `\(function.name)` does not set `search_path`: it runs with its owner's rights but looks up unqualified names where the caller says",
                    help: "add `SET search_path = ''` (and schema-qualify the names it uses) in a new migration, with `CREATE OR REPLACE FUNCTION` or `ALTER FUNCTION … SET search_path = ''`")
            }
        }
    }
}
