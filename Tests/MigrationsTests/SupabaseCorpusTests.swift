import Core
import Foundation
import Linter
import RuleEngine
import Testing
import TestSupport

/// The Supabase projects of `../shared/corpus/supabase`: every problem SOURCES.md lists as verified is reported
/// by its `rls/` rule on the statement's first line, and what it calls harmless is not. Where this test departs
/// from SOURCES.md, the comment says why (checked by hand against the migrations).
@Suite(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
struct SupabaseCorpusTests {
    /// `file:line` of each finding of `rule` (file name only).
    struct Run {
        var findings: [LocatedFinding]

        func sites(_ rule: String) -> Set<String> {
            Set(findings.filter { $0.finding.ruleID == "rls/" + rule }
                .map { "\($0.finding.path.split(separator: "/").last ?? ""):\($0.start.line)" })
        }

        func count(_ rule: String) -> Int { findings.filter { $0.finding.ruleID == "rls/" + rule }.count }
    }

    static func run(_ repository: String) throws -> Run {
        let root = URL(fileURLWithPath: try #require(SharedFolder.path("corpus/supabase/\(repository)")))
        let request = LintRequest(source: WorkTreeSource(root: root), configuration: Configuration(), configurationFile: nil,
                                  catalog: MigrationLint.catalog)
        let findings = try Engine.run(request).findings.filter { $0.finding.ruleID.hasPrefix("rls/") }
        let counts = Dictionary(grouping: findings, by: \.finding.ruleID).mapValues(\.count).sorted { $0.key < $1.key }
        print("\(repository): " + counts.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        return Run(findings: findings)
    }

    @Test func liam() throws {
        let run = try Self.run("liam-hq__liam")
        #expect(run.sites("always-true") == ["20250425123516_add_rls_to_organizations_table.sql:14"])
        #expect(run.sites("auth-call-per-row").isSuperset(of: [
            "20250423040522_users_table_policy.sql:6", "20250507101500_improve_organization_members_rls.sql:25",
        ]))
        // SOURCES.md lists two SECURITY DEFINER functions whose names are 64 and 65 bytes long: PostgreSQL truncates
        // them to 63, and 20251003074124_remote_schema.sql drops them under the truncated names, so they are gone.
        #expect(run.count("security-definer-search-path") == 0)
        // Every table has RLS and a policy; the many `TO service_role … USING (true)` policies are harmless.
        #expect(run.count("disabled-in-exposed-schema") == 0)
        #expect(run.count("enabled-without-policy") == 0)
        #expect(run.count("policy-without-rls") == 0)
    }

    @Test func dbdev() throws {
        let run = try Self.run("supabase__dbdev")
        #expect(run.sites("always-true") == ["20220117142142_security_definitions.sql:43"])
        #expect(run.sites("auth-call-per-row").isSuperset(of: [
            "20220117142142_security_definitions.sql:16", "20220117142142_security_definitions.sql:76",
            "20220117142142_security_definitions.sql:83",
        ]))
        #expect(run.sites("security-definer-search-path") == [
            "20220117142104_account_and_org_tables.sql:31", "20220117142104_account_and_org_tables.sql:86",
            "20230405085810_fix_avatars_handle.sql:1", "20231207071422_new_package_name.sql:72",
            "20250106073735_jwt_secret_from_vault.sql:4", "20250217100252_restrict_accounts_and_orgs.sql:14",
            "20250217100252_restrict_accounts_and_orgs.sql:29",
        ])
        // The tables live in schema `app`, which the API does not expose.
        #expect(run.count("disabled-in-exposed-schema") == 0)
    }

    @Test func chatbotUI() throws {
        let run = try Self.run("mckaywrigley__chatbot-ui")
        #expect(run.count("auth-call-per-row") == 43)
        #expect(run.sites("auth-call-per-row").isSuperset(of: [
            "20240108234544_add_files.sql:39", "20240108234541_add_profiles.sql:48", "20240108234540_setup.sql:41",
        ]))
        #expect(run.sites("security-definer-search-path") == [
            "20240108234540_setup.sql:47", "20240108234540_setup.sql:70", "20240108234544_add_files.sql:51",
            "20240108234544_add_files.sql:92", "20240108234541_add_profiles.sql:55", "20240108234547_add_assistants.sql:55",
            "20240108234547_add_assistants.sql:96", "20240108234549_add_messages.sql:50",
            "20240129232644_add_workspace_images.sql:12", "20240129232644_add_workspace_images.sql:46",
        ])
        #expect(run.count("disabled-in-exposed-schema") == 0)
        #expect(run.count("always-true") == 0)
    }

    @Test func agentops() throws {
        let run = try Self.run("AgentOps-AI__agentops")
        // `deployments` (20250708125448_deploy.sql:2) moved to `deploy` in 20250710120000_create_deploy_schema.sql,
        // a schema config.toml does not expose.
        #expect(run.sites("disabled-in-exposed-schema") == [
            "20250227232522_add_spans_table.sql:2",
        ])
        #expect(run.sites("enabled-without-policy") == [
            "20240213022625_set_rls.sql:1", "20240213022625_set_rls.sql:3", "20240213022625_set_rls.sql:5",
            "20240213022625_set_rls.sql:7", "20240213022625_set_rls.sql:45", "20250711231118_add_per_seat_billing.sql:34",
        ])
        #expect(run.sites("security-definer-search-path") == [
            "20240605195848_db_perf.sql:1", "20240605210741_org_management.sql:59", "20240605210741_org_management.sql:70",
            "20240605210741_org_management.sql:82", "20240605210741_org_management.sql:248",
            "20240605210741_org_management.sql:275", "20240605210741_org_management.sql:292", "20240708180809_rls_perf.sql:2",
            "20250113233118_add_shared_org.sql:17", "20250204000000_fix_user_email_trigger.sql:5",
        ])
        // SOURCES.md counts 20 unwrapped policies, its example among them (set_rls.sql:60), with a checker that does
        // not replay ALTER POLICY: 20240605195848_db_perf.sql rewrites them with `(select auth.uid())` and
        // 20240605210741_org_management.sql:4 drops that one. The policies still calling auth.uid() directly remain;
        // 20240802043420_add_ttd_table.sql:40's `(select auth.jwt()->>'aal')` is evaluated once per statement.
        #expect(run.sites("auth-call-per-row") == [
            "20250620000000_fix_org_invites.sql:42", "20250620000000_fix_org_invites.sql:53",
            "20250620000000_fix_org_invites.sql:65", "20250620000000_fix_org_invites.sql:78",
            "20250711231118_add_per_seat_billing.sql:37", "20250711235412_add_usage_billing.sql:56",
        ])
    }

    @Test func redshirtSports() throws {
        let run = try Self.run("JamesSingleton__redshirt-sports")
        // drizzle-kit writes into `apps/web/supabase/migrations`; Supabase still exposes `public`.
        #expect(run.count("disabled-in-exposed-schema") == 14)
        #expect(run.sites("disabled-in-exposed-schema").isSuperset(of: [
            "0014_faulty_vulture.sql:1", "0014_faulty_vulture.sql:10", "0014_faulty_vulture.sql:24", "0014_faulty_vulture.sql:33",
        ]))
        #expect(run.sites("enabled-without-policy") == [
            "0016_poll_engine.sql:102", "0016_poll_engine.sql:104", "0016_poll_engine.sql:106", "0016_poll_engine.sql:108",
            "0016_poll_engine.sql:110",
        ])
    }

    @Test func basejump() throws {
        let run = try Self.run("usebasejump__basejump")
        #expect(run.sites("auth-call-per-row") == [
            "20240414161947_basejump-accounts.sql:303", "20240414161947_basejump-accounts.sql:336",
        ])
        // Its SECURITY DEFINER functions all set search_path.
        #expect(run.count("security-definer-search-path") == 0)
    }
}
