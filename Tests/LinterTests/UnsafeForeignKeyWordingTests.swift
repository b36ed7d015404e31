import Core
import Linter
import Migrations
import RuleEngine
import Testing

/// `migration/unsafe-foreign-key` on a key that refers to its own table (a parent row of the same table, as a tree
/// of folders has): the table is named once in what the lock stops, not "`folders` and `folders`". A key added
/// `NOT VALID` and validated in one migration is explained by the transaction the folder's runner really uses.
@Suite struct UnsafeForeignKeyWordingTests {
    static func findings(_ files: [String: String], configuration: Configuration = Configuration()) throws -> [Finding] {
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: files.mapValues { Array($0.utf8) }), configuration: configuration,
            configurationFile: nil, catalog: RuleExampleTests.catalog))
        return report.findings.map(\.finding).filter { $0.ruleID == "migration/unsafe-foreign-key" }
    }

    @Test func aKeyToItsOwnTableNamesTheTableOnce() throws {
        let found = try Self.findings([
            "supabase/migrations/20240101000000_folders.sql": """
                create table public.folders (id bigint primary key, parent_id bigint);
                """,
            "supabase/migrations/20240201000000_folder_parent.sql": """
                alter table public.folders add constraint folders_parent_fkey foreign key (parent_id) references public.folders (id) on delete cascade;
                """,
        ])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("`folders` and `folders`") == false, "\(found)")
        #expect(found.first?.message.contains("`folders`") == true, "\(found)")
    }

    @Test func aKeyToAnotherTableNamesBoth() throws {
        let found = try Self.findings([
            "supabase/migrations/20240101000000_init.sql": """
                create table public.teams (id bigint primary key);
                create table public.members (id bigint primary key, team_id bigint);
                """,
            "supabase/migrations/20240201000000_member_team.sql": """
                alter table public.members add constraint members_team_fkey foreign key (team_id) references public.teams (id);
                """,
        ])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("`members` and `teams`") == true, "\(found)")
    }

    static let validatedInTheSameFile = [
        "supabase/migrations/20240101000000_init.sql": """
            create table public.teams (id bigint primary key);
            create table public.members (id bigint primary key, team_id bigint);
            """,
        "supabase/migrations/20240201000000_member_team.sql": """
            alter table public.members add constraint members_team_fkey foreign key (team_id) references public.teams (id) not valid;
            alter table public.members validate constraint members_team_fkey;
            """,
    ]

    @Test func aSupabaseFileValidatingItsOwnKeyIsNotExplainedByDrizzle() throws {
        let found = try Self.findings(Self.validatedInTheSameFile)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("drizzle") == false, "\(found)")
        #expect(found.first?.message.contains("one transaction") == true, "\(found)")
    }

    @Test func withoutATransactionTheValidationTakesNoWriteLock() throws {
        var configuration = Configuration()
        configuration.migrationRunner = MigrationRunnerSetting.none
        #expect(try Self.findings(Self.validatedInTheSameFile, configuration: configuration).isEmpty)
    }
}
