import Catalog
import SQL
import SQLReplay
import Testing

/// `StatementTrace` keeps one replay for every rule: what it answers before each statement must be what a replay
/// stopped there answers.
@Suite struct StatementTraceTests {
    static let script = """
        CREATE TABLE users (id integer PRIMARY KEY, email text);
        CREATE TABLE notes (id integer, user_id integer REFERENCES users (id));
        CREATE UNIQUE INDEX users_email ON users (email);
        ALTER TABLE users ADD COLUMN name text, ALTER COLUMN email SET DATA TYPE varchar(200);
        ALTER TABLE users RENAME TO accounts;
        ALTER TABLE accounts RENAME COLUMN name TO full_name;
        DO $$ BEGIN CREATE TABLE audit (id integer); END $$;
        DROP INDEX users_email;
        ALTER TABLE tags ADD COLUMN label text;
        DROP TABLE notes;
        """

    @Test func answersWhatAReplayStoppedBeforeEachStatementAnswers() throws {
        let statements = SQLParser.parseFile(Array(Self.script.utf8)).allStatements
        let trace = try #require(StatementTrace(from: CatalogReplay(), statements: statements.map { ($0, "m.sql") }))
        var live = CatalogReplay()
        let names = ["users", "accounts", "notes", "audit", "tags"].map { QualifiedName(name: $0) }
        for (ordinal, statement) in statements.enumerated() {
            let before = trace.before(ordinal)
            #expect(Set(before.tableNames) == Set(live.tableNames), "before statement \(ordinal)")
            for name in names {
                #expect(before.table(name) == live.table(name), "\(name.name) before statement \(ordinal)")
            }
            #expect(before.index(QualifiedName(name: "users_email")) == live.index(QualifiedName(name: "users_email")))
            live.applyFlattened(statement, path: "m.sql")
        }
        // The questions rules ask, at points where the answer changes.
        let afterIndex = trace.before(3)
        #expect(afterIndex.index(QualifiedName(name: "users_email"))?.table == QualifiedName(name: "users"))
        #expect(afterIndex.type(of: "email", in: QualifiedName(name: "users")) == "text")
        #expect(trace.before(4).type(of: "email", in: QualifiedName(name: "users")) == "varchar(200)")
        #expect(trace.before(5).knows(QualifiedName(name: "accounts")) && !trace.before(5).knows(QualifiedName(name: "users")))
        #expect(trace.before(5).tablesLinked(to: QualifiedName(name: "accounts")) == [QualifiedName(name: "notes")])
        #expect(trace.before(statements.count).table(QualifiedName(name: "notes")) == nil)
    }

    @Test func startsFromTheStateItIsGiven() throws {
        var start = CatalogReplay()
        for statement in SQLParser.parseFile(Array("CREATE TABLE users (id integer);".utf8)).allStatements {
            start.applyFlattened(statement, path: "0.sql")
        }
        let later = SQLParser.parseFile(Array("DROP TABLE users;".utf8)).allStatements
        let trace = try #require(StatementTrace(from: start, statements: later.map { ($0, "1.sql") }))
        #expect(trace.before(0).knows(QualifiedName(name: "users")))
        #expect(!trace.before(1).knows(QualifiedName(name: "users")))
    }

    /// The tables pointing at each table, kept as an index as the trace replays: what a replay's scan of every
    /// table's keys finds, before every statement (keys added, dropped, a key retargeted, a referrer renamed or dropped).
    @Test func referrersAreWhatAScanOfEveryTablesKeysFinds() throws {
        let script = """
            CREATE TABLE users (id integer PRIMARY KEY);
            CREATE TABLE teams (id integer PRIMARY KEY);
            CREATE TABLE notes (id integer, user_id integer REFERENCES users (id), editor_id integer);
            ALTER TABLE users ADD COLUMN manager_id integer REFERENCES users (id);
            ALTER TABLE notes ADD CONSTRAINT notes_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id);
            ALTER TABLE notes DROP CONSTRAINT notes_user_id_fkey;
            ALTER TABLE notes DROP CONSTRAINT notes_editor_fk, ADD CONSTRAINT notes_editor_fk FOREIGN KEY (editor_id) REFERENCES teams (id);
            ALTER TABLE notes RENAME TO memos;
            DROP TABLE memos;
            """
        let statements = SQLParser.parseFile(Array(script.utf8)).allStatements
        let trace = try #require(StatementTrace(from: CatalogReplay(), statements: statements.map { ($0, "m.sql") }))
        var live = CatalogReplay()
        let targets = ["users", "teams"].map { QualifiedName(name: $0) }
        var seen: Set<[QualifiedName]> = []
        for ordinal in 0...statements.count {
            for target in targets {
                let fromTrace = trace.before(ordinal).referrers(ofCanonical: target).sorted { $0.name < $1.name }
                #expect(fromTrace == live.referrers(ofCanonical: target).sorted { $0.name < $1.name },
                        "\(target.name) before statement \(ordinal)")
                seen.insert(fromTrace)
            }
            if ordinal < statements.count { live.applyFlattened(statements[ordinal], path: "m.sql") }
        }
        // The script went through the answers that matter: none, one referrer, several, itself.
        #expect(seen.contains([]) && seen.contains([QualifiedName(name: "notes")]) && seen.contains([QualifiedName(name: "memos")]))
        #expect(seen.contains([QualifiedName(name: "notes"), QualifiedName(name: "users")]))
    }

    /// Statements that leave the columns alone (an index, a key) share the previous version's column array and
    /// cost the budget nothing; only new column arrays count.
    @Test func countsOnlyNewColumnArraysAgainstItsBudget() {
        let script = "CREATE TABLE t (a integer, b integer); CREATE INDEX t_a ON t (a); ALTER TABLE t ADD CONSTRAINT t_b UNIQUE (b);"
        let entries = SQLParser.parseFile(Array(script.utf8)).allStatements.map { ($0, "m.sql") }
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 2) != nil)
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 1) == nil)
    }

    @Test func givesUpPastItsColumnBudget() {
        let statements = SQLParser.parseFile(Array("CREATE TABLE t (a integer, b integer); ALTER TABLE t ADD COLUMN c integer;".utf8)).allStatements
        let entries = statements.map { ($0, "m.sql") }
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 5) != nil)
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 4) == nil, "2 + 3 columns kept")
    }
}
