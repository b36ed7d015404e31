import Core
import Migrations
import ProjectModel

/// `rls/auth-call-per-row`: `auth.uid()`, `auth.jwt()`, `auth.role()` or `current_setting()` called directly in a
/// policy expression: PostgreSQL evaluates it for every row it checks; `(select auth.uid())` is evaluated once per
/// statement. One finding per policy, at its first such call.
public struct RLSAuthCallPerRow: ProjectRule {
    public let id = "rls/auth-call-per-row"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects {
            for policy in security.policies {
                let calls = [policy.using, policy.withCheck].compactMap { $0 }.flatMap(\.perRowCalls)
                guard let first = calls.first else { continue }
                let more = calls.count > 1 ? " (and \(calls.count - 1) more call\(calls.count > 2 ? "s" : "") in this policy)" : ""
                context.report(
                    path: first.site.path, range: first.site.range,
                    message: "policy `\(policy.name)` on `\(policy.table)` calls `\(first.name)()` for every row \(first.isInSubquery ? "its subquery reads" : "it checks")\(more): on large tables this makes queries slow",
                    help: "wrap the call in a subquery, `(select \(first.name)())`, so PostgreSQL evaluates it once per statement")
            }
        }
    }
}
