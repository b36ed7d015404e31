import Catalog
import SQL
import SQLReplay
import Testing

/// Row-level security as the one catalog replay keeps it: on the tables a `CREATE TABLE` made, with policies,
/// privileges and function security, and nothing concluded after a file the parser cannot read.
@Suite struct RowSecurityReplayTests {
    static let notes = QualifiedName(name: "notes")

    @Test func alterPolicyKeepsTheClausesItDoesNotWrite() throws {
        let replay = MigrationReplayTests.replay([
            "CREATE TABLE notes (owner uuid); ALTER TABLE notes ENABLE ROW LEVEL SECURITY;",
            "CREATE POLICY p ON notes FOR UPDATE TO authenticated USING (true) WITH CHECK (owner = auth.uid());",
            "ALTER POLICY p ON notes USING (owner = (select auth.uid()));",
        ])
        let table = try #require(replay.final.definedTable(Self.notes))
        #expect(table.isRLSEnabled && table.rlsChangeLocation?.path == "m/0.sql")
        let policy = try #require(table.policies.first)
        #expect(policy.command == .update && policy.roles == ["authenticated"] && policy.location.path == "m/2.sql")
        #expect(policy.using?.location.path == "m/2.sql" && policy.using?.parsed?.isAlwaysTrue == false)
        #expect(policy.withCheck?.location.path == "m/1.sql" && policy.withCheck?.parsed?.perRowCalls.count == 1)
    }

    /// A call inside `IN (SELECT …)` runs for every row the subquery reads; the tested expression before `IN` and
    /// a direct call run for every row the policy checks.
    @Test func callsInsideASubqueryAreToldApart() throws {
        let replay = MigrationReplayTests.replay([
            "CREATE TABLE notes (owner uuid, team uuid); ALTER TABLE notes ENABLE ROW LEVEL SECURITY;"
                + " CREATE POLICY p ON notes USING (team IN (SELECT team FROM members WHERE user_id = auth.uid())"
                + " AND auth.uid() IN (SELECT owner FROM admins) AND owner = auth.uid());",
        ])
        let calls = try #require(replay.final.definedTable(Self.notes)?.policies.first?.using?.parsed?.perRowCalls)
        #expect(calls.map(\.isInSubquery) == [true, false, false])
    }

    /// `storage.objects` is Supabase's: its policies are kept by table, and using it makes no table whose RLS is known.
    @Test func policiesOnTablesTheMigrationsDidNotMakeAreKeptApart() {
        let replay = MigrationReplayTests.replay([
            "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY; CREATE POLICY up ON storage.objects FOR INSERT WITH CHECK (true);",
        ])
        let objects = QualifiedName(schema: "storage", name: "objects")
        #expect(replay.final.definedTables.isEmpty && replay.final.table(objects) != nil)
        #expect(replay.final.policiesOnOtherTables[objects]?.map(\.name) == ["up"])
    }

    @Test func functionSecurityFollowsCreateAlterAndDrop() {
        let replay = MigrationReplayTests.replay([
            "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'select 1';"
                + " CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'select 1';",
            "ALTER FUNCTION f() SET search_path = ''; DROP FUNCTION g();",
        ])
        #expect(replay.final.routines.map(\.name.name) == ["f"])
        #expect(replay.final.routines.first.map { $0.isSecurityDefiner && $0.setsSearchPath } == true)
    }

    @Test func aFileTheParserCannotReadLeavesWhatExistedUnknown() {
        let replay = MigrationReplayTests.replay([
            "CREATE TABLE notes (id int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';",
            "ALTER TABLE notes ENABLE ROW LEVEL SECURTY;",
            "CREATE TABLE later (id int);",
        ])
        #expect(replay.final.definedTable(Self.notes)?.hasUnreadableChanges == true)
        #expect(replay.final.definedTable(QualifiedName(name: "later"))?.hasUnreadableChanges == false)
        #expect(replay.final.routines.allSatisfy { $0.hasUnreadableChanges })
    }
}
