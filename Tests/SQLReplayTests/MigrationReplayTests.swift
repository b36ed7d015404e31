import Catalog
import SQL
import SQLReplay
import Testing

@Suite struct MigrationReplayTests {
    static func replay(_ scripts: [String]) -> MigrationReplay {
        MigrationReplay(steps: scripts.enumerated().map { index, sql in
            MigrationReplay.Step(path: "m/\(index).sql", sql: SQLParser.parseFile(Array(sql.utf8)))
        })
    }

    static let users = QualifiedName(name: "users"), accounts = QualifiedName(name: "accounts")

    @Test func answersExistedBeforeAndCreatedInPerStep() {
        let replay = Self.replay([
            "CREATE TABLE users (id integer PRIMARY KEY);",
            "CREATE TABLE notes (id integer); ALTER TABLE users RENAME TO accounts;",
            "DROP TABLE notes;",
        ])
        #expect(!replay.existed(Self.users, beforeStep: 0))
        #expect(replay.existed(Self.users, beforeStep: 1) && !replay.existed(Self.accounts, beforeStep: 1))
        #expect(!replay.existed(Self.users, beforeStep: 2) && replay.existed(Self.accounts, beforeStep: 2))
        #expect(replay.existed(QualifiedName(schema: "public", name: "notes"), beforeStep: 2))
        #expect(!replay.existed(QualifiedName(name: "notes"), beforeStep: 3))
        #expect(replay.tablesCreated(inStep: 1) == [QualifiedName(name: "notes")])
        #expect(replay.catalog(afterStep: 0).tables.map(\.name) == ["users"])
        #expect(replay.catalog(afterStep: 1).tables.map(\.name).sorted() == ["accounts", "notes"])
        #expect(replay.catalog(beforeStep: 0).tables.isEmpty)
        #expect(replay.final.model.tables.map(\.name) == ["accounts"])
    }

    @Test func elementsAreLocatedAtTheStatementThatMadeThem() {
        let replay = Self.replay(["CREATE TABLE users (id integer, email text);", "CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL;"])
        let before = replay.table(Self.users, beforeStep: 1)
        #expect(before?.indexes.isEmpty == true)
        let index = replay.final.table(Self.users)?.indexes.first
        #expect(index?.location == SourceLocation(path: "m/1.sql", range: 0..<79))
        #expect(index?.columns.first?.isExpression == true && index?.where == "email IS NOT NULL" && index?.isUnique == true)
        #expect(before?.columns.map(\.location.path) == ["m/0.sql", "m/0.sql"])
    }

    /// A table only used (never created) is assumed: uncertain, and not "created by the migrations".
    @Test func tablesTheMigrationsOnlyUseAreAssumedAndUncertain() {
        let replay = Self.replay(["CREATE INDEX i ON profiles (user_id);", "ALTER TABLE profiles RENAME TO people;"])
        let profiles = QualifiedName(name: "profiles"), people = QualifiedName(name: "people")
        #expect(replay.table(profiles, beforeStep: 1)?.indexes.map(\.name) == ["i"])
        #expect(!replay.existed(profiles, beforeStep: 1))
        // Renamed, it exists under the new name whoever made it.
        #expect(replay.existed(people, beforeStep: 2))
        #expect(replay.final.uncertainTables.isSuperset(of: [profiles, people]))
    }

    @Test func doBlocksApplyButMakeWhatTheyTouchUncertain() {
        let replay = Self.replay([
            "CREATE TABLE users (id integer);",
            "DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok'); EXCEPTION WHEN duplicate_object THEN null; END $$;"
                + "DO $$ BEGIN ALTER TABLE users ADD COLUMN name text; END $$;",
        ])
        #expect(replay.final.table(Self.users)?.column(named: "name") != nil)
        #expect(replay.final.uncertainTables == [Self.users])
        #expect(replay.final.uncertainTypes == [QualifiedName(name: "mood")])
        #expect(!replay.final.isUncertain)
        #expect(Self.replay(["SELECT 1; CREATE RULE r AS ON INSERT TO t DO NOTHING;"]).final.isUncertain)
    }

    @Test func triggersMaintainColumnsThroughTheFunctionsLatestDefinition() {
        let replay = Self.replay([
            "CREATE TABLE notes (id integer, updated_at timestamptz, touched_at timestamptz);",
            """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END $$;
            CREATE TRIGGER t BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
            """,
            "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;",
        ])
        let model = replay.final.model
        #expect(model.tables.first.map(model.triggerMaintainedColumns) == ["updated_at"])
    }

    @Test func theCatalogOfAStepIsSharedNotCopied() {
        // 300 steps that each touch one table: versions are kept per change, so asking any step is a lookup.
        var scripts = ["CREATE TABLE users (id integer);"]
        for index in 1..<300 { scripts.append("ALTER TABLE users ADD COLUMN c\(index) integer;") }
        let replay = Self.replay(scripts)
        #expect(replay.table(Self.users, beforeStep: 150)?.columns.count == 150)
        #expect(replay.final.table(Self.users)?.columns.count == 300)
    }

    /// PostgreSQL keeps a column's type by oid: renaming the type renames it in every column (Prisma's enum changes
    /// rename the old type away, then the new one into its place).
    @Test func columnsFollowTheirTypesRename() {
        let replay = Self.replay([
            #"CREATE TYPE "mood" AS ENUM ('ok'); CREATE TABLE "users" ("mood" "mood");"#,
            #"ALTER TYPE "mood" RENAME TO "mood_old"; CREATE TYPE "mood" AS ENUM ('ok', 'meh');"#,
        ])
        #expect(replay.final.type(of: "mood", in: Self.users) == "mood_old")
        #expect(replay.final.model.enums.map(\.name) == ["mood", "mood_old"])
    }

    /// The questions the lock rules ask: an index's table, a foreign key's target, the tables linked to one.
    @Test func answersIndexOwnersAndForeignKeyLinks() {
        let replay = Self.replay([
            #"CREATE TABLE "teams" ("id" uuid PRIMARY KEY); CREATE TABLE "users" ("id" uuid PRIMARY KEY, "team_id" uuid REFERENCES "teams");"#,
            #"CREATE UNIQUE INDEX "users_team" ON "users" ("team_id"); ALTER TABLE "teams" ADD CONSTRAINT "teams_id_key" UNIQUE ("id");"#,
        ])
        let teams = QualifiedName(name: "teams")
        #expect(replay.final.index(QualifiedName(schema: "public", name: "users_team")) == .init(table: Self.users, unique: true))
        #expect(replay.final.index(QualifiedName(name: "teams_id_key"))?.table == teams)
        #expect(replay.final.foreignKeyTarget("users_team_id_fkey", of: Self.users) == teams)
        #expect(replay.final.tablesLinked(to: teams, through: "id") == [Self.users])
        #expect(replay.final.tablesReferencing([teams]) == [Self.users])
    }

    /// Column names are PostgreSQL identifiers, compared byte for byte: a name spelled with a decomposed `é` is another
    /// column than one with the precomposed `é` (Swift's `==` takes the two for one string), while the same bytes
    /// name the same column (`ADD COLUMN IF NOT EXISTS` adds nothing).
    @Test func columnNamesCompareByteForByte() {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)
        let replay = Self.replay([
            "CREATE TABLE users (\"\(precomposed)\" integer);",
            "ALTER TABLE users ADD COLUMN \"\(decomposed)\" text; ALTER TABLE users ADD COLUMN IF NOT EXISTS \"\(precomposed)\" text;",
        ])
        let columns = replay.final.table(Self.users)?.columns ?? []
        #expect(columns.map { Array($0.name.utf8) } == [Array(precomposed.utf8), Array(decomposed.utf8)])
        #expect(columns.map(\.type) == ["integer", "text"])
        let table = Table(name: "users", columns: columns)
        #expect(table.columnIndex(named: decomposed) == 1 && table.columnIndex(named: precomposed) == 0)
    }

    /// Callers that walk `allStatements` (each `DO` block followed by what it holds) apply each statement once.
    @Test func flattenedStatementsApplyNestedOnesOnceAndConditionally() {
        let file = SQLParser.parseFile(Array(#"CREATE TABLE "users" ("id" integer); DO $$ BEGIN ALTER TABLE "users" ADD COLUMN "name" text; END $$; ALTER TABLE "users" ADD COLUMN "age" integer;"#.utf8))
        var replay = CatalogReplay()
        for statement in file.allStatements { replay.applyFlattened(statement, path: "m.sql") }
        #expect(replay.table(Self.users)?.columns.map(\.name) == ["id", "name", "age"])
        #expect(replay.uncertainTables == [Self.users] && !replay.isUncertain)
    }

    /// A caller that needs the catalog before a late step continues from a checkpoint and reaches what a replay
    /// from the start reaches.
    @Test func checkpointsContinueToTheSameCatalog() {
        var scripts = ["CREATE TABLE users (id integer);"]
        for index in 1..<50 { scripts.append("ALTER TABLE users ADD COLUMN c\(index) integer; DO $$ BEGIN CREATE INDEX i\(index) ON users (c\(index)); END $$;") }
        let replay = Self.replay(scripts)
        var (state, start) = replay.checkpoint(atOrBefore: 40)
        #expect(start == 32)
        for script in scripts[start..<40] {
            for statement in SQLParser.parseFile(Array(script.utf8)).allStatements { state.applyFlattened(statement, path: "") }
        }
        #expect(state.table(Self.users)?.columns.map(\.name) == replay.table(Self.users, beforeStep: 40)?.columns.map(\.name))
        #expect(state.table(Self.users)?.indexes.count == 39)
        #expect(MigrationReplay.empty.checkpoint(atOrBefore: 3).step == 0)
    }

    /// The load's replay keeps the schema before every statement of the folder, numbered across its steps, for the
    /// rules that judge statements: what it answers must be what a replay stopped there answers, past a step without
    /// a script, `DO` blocks, and a file with a syntax error (after which the tables are marked as unreadable).
    @Test func keepsTheSchemaBeforeEveryStatementOfTheFolder() throws {
        let scripts: [String?] = [
            "CREATE TABLE users (id integer PRIMARY KEY, email text); CREATE TABLE notes (id integer, user_id integer REFERENCES users (id));",
            nil,
            "ALTER TABLE users ADD COLUMN name text; DO $$ BEGIN ALTER TABLE notes ADD COLUMN body text; END $$;",
            "ALTER TABLE users RENAME TO accounts; CREATE INDEX notes_user ON notes (user_id); SELEC 1;",
            "ALTER TABLE accounts ADD COLUMN age integer; DROP TABLE notes;",
        ]
        let files = scripts.map { $0.map { SQLParser.parseFile(Array($0.utf8)) } }
        #expect(files[3]?.syntaxErrors.isEmpty == false)
        let replay = MigrationReplay(steps: files.enumerated().map { index, file in
            file.map { MigrationReplay.Step(path: "m/\(index).sql", sql: $0) }
        }, keepingStatements: true)
        let trace = try #require(replay.statements)
        let names = ["users", "accounts", "notes"].map { QualifiedName(name: $0) }
        var live = CatalogReplay()
        var ordinal = 0
        for (index, file) in files.enumerated() {
            guard let file else { continue }
            for statement in file.allStatements {
                for name in names {
                    #expect(trace.before(ordinal).table(name) == live.table(name), "\(name.name) before statement \(ordinal)")
                }
                live.applyFlattened(statement, path: "m/\(index).sql")
                ordinal += 1
            }
            live.finish(file)
        }
        #expect(trace.before(ordinal).table(Self.accounts) == replay.final.table(Self.accounts))
        #expect(trace.before(ordinal).table(Self.accounts)?.hasUnreadableChanges == true)
        #expect(trace.before(ordinal).table(Self.accounts)?.columns.map(\.name) == ["id", "email", "name", "age"])
        #expect(replay.final.isUncertain)
    }

    /// Past its budget the trace is let go (rules replay from a checkpoint then); unasked, none is kept.
    @Test func keepsNoTraceOfStatementsPastItsBudgetOrWhenNotAsked() {
        let steps = ["CREATE TABLE users (id integer);", "ALTER TABLE users ADD COLUMN a integer;", "ALTER TABLE users ADD COLUMN b integer;"]
            .enumerated().map { MigrationReplay.Step(path: "m/\($0).sql", sql: SQLParser.parseFile(Array($1.utf8))) }
        #expect(MigrationReplay(steps: steps, keepingStatements: true, columnBudget: 6).statements != nil, "1 + 2 + 3 columns kept")
        #expect(MigrationReplay(steps: steps, keepingStatements: true, columnBudget: 5).statements == nil)
        #expect(MigrationReplay(steps: steps).statements == nil)
        #expect(MigrationReplay(steps: steps, keepingStatements: true, columnBudget: 5).final.table(Self.users)?.columns.count == 3)
    }

    /// PostgreSQL refuses a table's 1,601st column, so the replay does not know the table after such an addition:
    /// it adds nothing more and marks the table (each addition scanning every column made a hostile migration slow).
    @Test func aColumnPastPostgresLimitLeavesTheTableUnreadable() {
        let columns = (1...1_600).map { "c\($0) integer" }.joined(separator: ", ")
        let full = Self.replay(["CREATE TABLE users (\(columns));"])
        #expect(full.final.table(Self.users)?.columns.count == 1_600)
        #expect(full.final.table(Self.users)?.hasUnreadableChanges == false)
        let past = Self.replay(["CREATE TABLE users (\(columns));", "ALTER TABLE users ADD COLUMN extra text;"])
        #expect(past.final.table(Self.users)?.columns.count == 1_600)
        #expect(past.final.table(Self.users)?.column(named: "extra") == nil)
        #expect(past.final.table(Self.users)?.hasUnreadableChanges == true)
    }

    /// `ALTER TABLE … SET SCHEMA` moves the table with what it holds, and the keys pointing at it follow it.
    @Test func aTableMovedToAnotherSchemaKeepsItsContentsAndReferrers() {
        let replay = Self.replay([
            "CREATE TABLE deployments (id integer PRIMARY KEY); CREATE TABLE runs (id integer, deployment_id integer REFERENCES deployments (id));",
            "ALTER TABLE deployments ENABLE ROW LEVEL SECURITY; ALTER TABLE public.deployments SET SCHEMA deploy;",
            "ALTER TABLE IF EXISTS missing SET SCHEMA deploy;",
        ])
        let moved = QualifiedName(schema: "deploy", name: "deployments")
        #expect(replay.final.table(QualifiedName(name: "deployments")) == nil)
        #expect(replay.final.table(moved)?.schema == "deploy")
        #expect(replay.final.table(moved)?.isRLSEnabled == true && replay.final.table(moved)?.columns.map(\.name) == ["id"])
        #expect(replay.final.table(QualifiedName(name: "runs"))?.foreignKeys.first?.schemaTo == "deploy")
        #expect(replay.existed(moved, beforeStep: 2) && !replay.existed(QualifiedName(name: "deployments"), beforeStep: 2))
        #expect(replay.final.table(QualifiedName(schema: "deploy", name: "missing")) == nil)
    }

    /// A rename moves only the keys that point at the renamed table, not those at its namesake in another schema.
    @Test func aRenameLeavesKeysToANamesakeInAnotherSchema() {
        let replay = Self.replay([
            "CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE billing.users (id integer PRIMARY KEY);"
                + "CREATE TABLE billing.invoices (id integer, user_id integer REFERENCES billing.users (id));"
                + "CREATE TABLE notes (id integer, user_id integer REFERENCES users (id));",
            "ALTER TABLE users RENAME TO members; ALTER TABLE billing.users SET SCHEMA archive;",
        ])
        let invoices = replay.final.table(QualifiedName(schema: "billing", name: "invoices"))?.foreignKeys.first
        #expect(invoices?.tableTo == "users" && invoices?.schemaTo == "archive")
        let notes = replay.final.table(QualifiedName(name: "notes"))?.foreignKeys.first
        #expect(notes?.tableTo == "members" && QualifiedName.normalizedSchema(notes?.schemaTo) == "public")
    }
}
