import Catalog
import Core
import Migrations
import ProjectModel
import SQL

/// `rls/always-true`: a permissive policy letting `anon`, `authenticated` or `public` (every role) write any row:
/// `USING (true)` on `UPDATE`/`DELETE`/`ALL`, or `WITH CHECK (true)`. Reading everything (`FOR SELECT USING
/// (true)`) is a common intent and not reported; nor are policies for `service_role`, which bypasses RLS anyway.
public struct RLSAlwaysTrue: ProjectRule {
    public let id = "rls/always-true"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    static let clientRoles: Set<String> = ["anon", "authenticated", "public"]

    public func check(_ project: Project, _ context: RuleContext) {
        for security in project.rowSecurityProjects {
            for policy in security.policies where policy.permissive && policy.command != .select {
                let roles = policy.roles.filter(Self.clientRoles.contains)
                guard !roles.isEmpty else { continue }
                // A table left without RLS is `rls/policy-without-rls`'s finding; one in an unknown state gets no verdict.
                guard policy.tableRLS == true else { continue }
                let using = policy.command != .insert ? policy.using.flatMap { $0.isAlwaysTrue ? $0 : nil } : nil
                let check = policy.withCheck.flatMap { $0.isAlwaysTrue ? $0 : nil }
                guard let reported = check ?? using else { continue }
                let clause = check != nil ? "WITH CHECK (true)" : "USING (true)"
                let who = roles.map { "`\($0)`" }.joined(separator: ", ")
                context.report(
                    path: reported.site.path, range: reported.site.range,
                    message: "policy `\(policy.name)` on `\(policy.table)` lets \(who) \(Self.verb(policy.command)) any row (`\(clause)`)",
                    help: "restrict the expression to the rows the user owns (e.g. `(select auth.uid()) = user_id`), or give the policy `TO service_role` if only the server writes")
            }
        }
    }

    private static func verb(_ command: Policy.Command) -> String {
        switch command {
        case .insert: "insert"
        case .update: "update"
        case .delete: "delete"
        case .all, .select: "read and change"
        }
    }
}
